package netarena.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Tells when the generator, not the server, could have moved a figure a run reports. Pure arithmetic on
 * the measured phase's histograms, so every rule is tested without a clock.
 *
 * <p>The rules, both at the 99th percentile, the tail figure the generator's own delays distort first:
 * <ul>
 *   <li><b>send lag</b> (open loop): its p99 must not pass the <em>lag bound</em>, the smaller of
 *       {@code --max-lag} and {@code maxLagShare} (a tenth by default) of the latency p99. Latency counts
 *       from the intended send time, so a request that left late carries the lag inside its latency: past
 *       a tenth, the reported p99 is the generator's as much as the server's.</li>
 *   <li><b>stalls</b> (both loops): the generator must not be stalled past the lag bound (closed loop:
 *       past {@code --max-lag}, see {@link #judge}) for more than 1% of the measured time, measured by the {@link HiccupProbe}'s corrected histogram (about one sample
 *       per millisecond, so its share of samples above the bound is a share of time); 1% stalled is 1% of
 *       requests delayed, enough to move the p99.</li>
 * </ul>
 * The reason says what happened: a stall (the rate was met; more threads would not help), a generator too
 * slow for the rate (too few threads, or every core busy), or late wake-ups with the rate met.
 */
final class LagJudge {

    /** The percentile the rules protect. */
    static final double PERCENTILE = 99.0;
    /** A run that sent this share of its schedule met its rate. */
    static final double RATE_MET = 0.99;
    /** Event loops busy this share of their time had no CPU to spare. */
    static final double BUSY = 0.9;

    private LagJudge() {
    }

    /**
     * What the judge weighs, all of the measured phase.
     *
     * @param openLoop        paced by a schedule (send lag applies)
     * @param ratePerSecond   the schedule's rate; 0 in closed loop
     * @param maxLagMicros    {@code --max-lag}
     * @param maxLagShare     the share of the latency p99 the lag may reach
     * @param threads         the generator's event loops
     * @param cores           the cores the generator's process may use
     * @param latency         latency from the intended send time, microseconds
     * @param sendLag         send lag of measured requests, microseconds
     * @param hiccups         the probe's corrected hiccups, microseconds
     * @param measuredSeconds the measured window
     * @param sent            measured requests sent
     * @param cpuSeconds      the generator's CPU time over the window and drain; negative when unknown
     */
    record Evidence(boolean openLoop, long ratePerSecond, long maxLagMicros, double maxLagShare, int threads,
            int cores, Histogram latency, Histogram sendLag, Histogram hiccups, double measuredSeconds, long sent,
            double cpuSeconds) {

        static Evidence of(LoadPlan plan, Histogram latency, Histogram sendLag, Histogram hiccups,
                double measuredSeconds, long sent, double cpuSeconds) {
            return new Evidence(plan.openLoop(), plan.shape().ratePerSecond(), plan.limits().maxLag().toNanos() / 1_000,
                    plan.limits().maxLagShare(), plan.limits().threads(), Runtime.getRuntime().availableProcessors(),
                    latency, sendLag, hiccups, measuredSeconds, sent, cpuSeconds);
        }

        /**
         * The lag bound in microseconds: the smaller of --max-lag and the share of the latency p99; a share
         * of 1 turns the relative bound off (send lag, part of the latency, never passes its p99 anyway).
         */
        long boundMicros() {
            if (latency.getTotalCount() == 0 || maxLagShare >= 1) {
                return maxLagMicros;
            }
            return Math.min(maxLagMicros, (long) (maxLagShare * latency.getValueAtPercentile(PERCENTILE)));
        }

        /** The share of the measured time the generator was stalled past {@code micros} (0 to 1). */
        double stalledShare(long micros) {
            long n = hiccups.getTotalCount();
            return n == 0 ? 0 : (double) (n - hiccups.getCountBetweenValues(0, micros)) / n;
        }

        double sentShareOfSchedule() {
            double scheduled = ratePerSecond * measuredSeconds;
            return scheduled > 0 ? sent / scheduled : 1;
        }

        /** The event loops' busy share of their time, or -1 when the CPU time is unknown. */
        double busyShare() {
            return cpuSeconds >= 0 && measuredSeconds > 0 ? cpuSeconds / measuredSeconds / threads : -1;
        }
    }

    /** @return why the result is invalid; empty when the generator could not have moved its figures */
    static List<String> judge(Evidence e) {
        List<String> reasons = new ArrayList<>();
        long bound = e.boundMicros();
        String boundText = boundText(e, bound);
        // Closed loop: the probe shares the pinned core with event loops that never sleep, so it waits out
        // their time slices (milliseconds) whenever they are busy; against a tenth of a sub-millisecond p99
        // that reads as a stall in every cell. Latency there counts from the actual send, so only a stall
        // past --max-lag says the generator, not the server, held the answers.
        long stallBound = e.openLoop() ? bound : e.maxLagMicros();
        double stalled = e.stalledShare(stallBound);
        boolean stalls = stalled > 1 - PERCENTILE / 100;
        if (stalls) {
            reasons.add(String.format(Locale.ROOT, "the generator stalled: %.1f%% of the measured time it was more "
                    + "than %s late (hiccup p99 %s, longest %s); GC, a safepoint or another process on its CPU held "
                    + "it, so the tail measured the generator; rerun with the generator alone on its core",
                    100 * stalled, boundText(e, stallBound), ms(e.hiccups().getValueAtPercentile(PERCENTILE)),
                    ms(e.hiccups().getMaxValue())));
        }
        if (e.openLoop() && e.sendLag().getTotalCount() > 0 && e.sendLag().getValueAtPercentile(PERCENTILE) > bound) {
            reasons.add(String.format(Locale.ROOT, "send lag: p99 %s is over %s: %s",
                    ms(e.sendLag().getValueAtPercentile(PERCENTILE)), boundText, lagCause(e, stalls)));
        }
        return reasons;
    }

    /** Why sends left late, from the stalls, the share of the schedule sent and the CPU the loops used. */
    private static String lagCause(Evidence e, boolean stalls) {
        double met = e.sentShareOfSchedule();
        String sent = String.format(Locale.ROOT, "it sent %.1f%% of its schedule (%.0f of %d requests/s)",
                100 * Math.min(met, 9.99), e.measuredSeconds() > 0 ? e.sent() / e.measuredSeconds() : 0,
                e.ratePerSecond());
        if (stalls) {
            return sent + "; the stall above delayed them, and more generator threads would not help";
        }
        if (met >= RATE_MET) {
            return sent + ", but woke late for some sends (timer wake-up or scheduling jitter, not a lack of "
                    + "throughput): pin the generator on a quiet core; more generator threads would not help";
        }
        double busy = e.busyShare();
        if (busy >= BUSY && e.threads() < e.cores()) {
            return String.format(Locale.ROOT, "%s with its %d event loop(s) busy %.0f%% of the time: too few "
                    + "threads for the rate; add generator threads (load --threads; --generator-threads in sweep, "
                    + "ab and capacity) or lower the rate", sent, e.threads(), 100 * busy);
        }
        if (busy >= BUSY) {
            return String.format(Locale.ROOT, "%s with all %d core(s) busy: the cores are too slow for the rate; "
                    + "lower the rate", sent, e.cores());
        }
        return String.format(Locale.ROOT, "%s while its event loops were busy only %s of the time: other "
                + "processes took the generator's CPU; rerun with the generator alone on its core", sent,
                busy < 0 ? "an unknown share" : String.format(Locale.ROOT, "%.0f%%", 100 * busy));
    }

    private static String boundText(Evidence e, long bound) {
        return bound < e.maxLagMicros()
                ? String.format(Locale.ROOT, "%s (%.0f%% of the latency p99 %s)", ms(bound), 100 * e.maxLagShare(),
                        ms(e.latency().getValueAtPercentile(PERCENTILE)))
                : "--max-lag " + ms(bound);
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
    }
}
