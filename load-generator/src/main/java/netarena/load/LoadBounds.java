package netarena.load;

import java.time.Duration;

/**
 * How long a run lasts and how long it waits: every run is bounded, and so is each wait in it.
 *
 * @param duration       how long the measured phase sends; with {@code requests} it is the time cap
 * @param requests       when above 0, the measured phase ends after this many requests are sent
 * @param warmup         a first phase whose requests are sent and verified but not recorded
 * @param timeout        a request with no answer after this long is counted as a timeout
 * @param connectTimeout how long the connections may take to open, all of them, before the run fails
 */
public record LoadBounds(Duration duration, long requests, Duration warmup, Duration timeout, Duration connectTimeout) {

    /** The longest run accepted: every run is bounded, and this bounds the bound. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    /** The defaults of {@link LoadDefaults}: 10 s, no warmup, timeouts of 5 s. */
    public static final LoadBounds DEFAULT = new LoadBounds(LoadDefaults.DURATION, 0, LoadDefaults.WARMUP,
            LoadDefaults.TIMEOUT, LoadDefaults.CONNECT_TIMEOUT);

    public LoadBounds {
        LoadPlan.require(duration != null && duration.compareTo(Duration.ofMillis(1)) >= 0
                && duration.compareTo(MAX_DURATION) <= 0,
                "duration must be between 1ms and " + MAX_DURATION.toHours() + "h, was " + duration);
        LoadPlan.require(requests >= 0, "requests must be at least 1 (or 0 for a run bounded by duration), was " + requests);
        LoadPlan.require(warmup != null && !warmup.isNegative() && warmup.compareTo(MAX_DURATION) <= 0,
                "warmup must be between 0 and " + MAX_DURATION.toHours() + "h, was " + warmup);
        LoadPlan.require(timeout != null && timeout.compareTo(Duration.ofMillis(1)) >= 0,
                "timeout must be at least 1ms, was " + timeout);
        LoadPlan.require(connectTimeout != null && connectTimeout.compareTo(Duration.ofMillis(1)) >= 0
                && connectTimeout.toMillis() <= Integer.MAX_VALUE,
                "connect timeout must be at least 1ms, was " + connectTimeout);
    }

    /** A run bounded by time only. */
    public LoadBounds forDuration(Duration d) {
        return new LoadBounds(d, 0, warmup, timeout, connectTimeout);
    }

    /** A run bounded by {@code n} measured requests, and by {@code timeCap} should they take longer. */
    public LoadBounds forRequests(long n, Duration timeCap) {
        return new LoadBounds(timeCap, n, warmup, timeout, connectTimeout);
    }

    public LoadBounds withWarmup(Duration d) {
        return new LoadBounds(duration, requests, d, timeout, connectTimeout);
    }

    public LoadBounds withTimeouts(Duration request, Duration connect) {
        return new LoadBounds(duration, requests, warmup, request, connect);
    }

    /**
     * How long, after sending stops, the run waits for answers still outstanding: the timeout, but no
     * more than {@link LoadDefaults#MAX_DRAIN}, so that a silent server cannot stretch a run. Answers that
     * have not come by then are reported as in flight at the end.
     */
    public Duration drain() {
        return timeout.compareTo(LoadDefaults.MAX_DRAIN) < 0 ? timeout : LoadDefaults.MAX_DRAIN;
    }
}
