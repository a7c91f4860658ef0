package netarena.results.run;

/**
 * What serving the load cost the server process, from /proc (Linux), over the measured interval.
 *
 * @param cpuMicrosPerRequest       user + system CPU time per answered request, in microseconds
 * @param contextSwitchesPerRequest voluntary + involuntary context switches per answered request
 * @param peakRssKb                 the peak resident set size (VmHWM), in KiB
 * @param threads                   the server's thread count at the end of the interval
 * @param rssPerConnectionKb        (RSS under load - RSS idle) / open connections, in KiB
 */
public record ServerCost(double cpuMicrosPerRequest, double contextSwitchesPerRequest, long peakRssKb, int threads,
        double rssPerConnectionKb) {

    public static ServerCost unknown() {
        return new ServerCost(Double.NaN, Double.NaN, -1, -1, Double.NaN);
    }
}
