package netarena.load;

import java.time.Duration;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;

/**
 * Every default of a load run, named and documented once. {@link LoadPlan#to} builds the default plan
 * from these; {@code netarena load} shows them in its help; a runner that wants another value says so
 * instead of copying one of these.
 */
public final class LoadDefaults {

    /** The wire protocol: netarena's binary frames. */
    public static final WireProtocol PROTOCOL = WireProtocol.FRAME;
    /** Connections opened to the target. */
    public static final int CONNECTIONS = 1;
    /** Event loops (threads) of the generator. */
    public static final int THREADS = 1;
    /** Closed loop: requests each connection keeps outstanding. */
    public static final int PIPELINE = 1;
    /** The shape: closed loop, {@link #PIPELINE} outstanding per connection. */
    public static final LoadShape SHAPE = new ClosedLoop(PIPELINE);
    /** Open loop: how intended send times are spaced when no spacing is named. */
    public static final Arrivals ARRIVALS = Arrivals.CONSTANT;
    /** Seeds the Poisson arrivals and the payload pattern, so two runs send the same bytes. */
    public static final long SEED = 42;
    /** How long the measured phase sends. */
    public static final Duration DURATION = Duration.ofSeconds(10);
    /** The time cap of a run bounded by a request count when no duration is given. */
    public static final Duration REQUESTS_TIME_CAP = Duration.ofMinutes(10);
    /**
     * A plan built in code has no warmup phase: its caller warms the server its own way (the sweep and capacity
     * runners load each new server first and drop that run), and tests stay short.
     */
    public static final Duration WARMUP = Duration.ZERO;
    /**
     * {@code netarena load}'s warmup, sent and verified but not recorded: a JVM server is cold at first (one read
     * 46k requests/s without a warmup and 75k after 2 s), and a user loading it by hand must not have to know.
     */
    public static final Duration COMMAND_WARMUP = Duration.ofSeconds(3);
    /** The request: echo. */
    public static final Op OP = Op.ECHO;
    /** Payload bytes of each request. */
    public static final int SIZE_BYTES = 64;
    /** The op's argument (CPU rounds, or DELAY/BLOCK microseconds). */
    public static final long ARG = 0;
    /** A request unanswered after this long is a timeout. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** All connections must open within this. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The p99 of send lag or of generator hiccups past which a result is invalid. */
    public static final Duration MAX_LAG = Duration.ofMillis(10);
    /**
     * The share of the latency p99 that the p99 of send lag or of generator hiccups may reach before the
     * result is invalid: past it the generator, not the server, could have moved the reported p99 by more
     * than a tenth.
     */
    public static final double MAX_LAG_SHARE = 0.10;
    /**
     * How long before an open-loop send the pacer stops sleeping and keeps its event loop running instead
     * (reading answers between checks): none by default, since it costs up to that much CPU per sleep.
     */
    public static final Duration SPIN = Duration.ZERO;
    /** The longest a run waits for outstanding answers once sending stopped (see {@link LoadBounds#drain}). */
    public static final Duration MAX_DRAIN = Duration.ofSeconds(2);

    private LoadDefaults() {
    }
}
