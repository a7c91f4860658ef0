package netarena.results.run;

/**
 * What serving the load cost, from /proc (Linux), over the measured phase: the server's CPU split by its
 * threads' roles, and beside it the generator's own, so a reader sees which side spent what.
 *
 * @param cpu                       the server's CPU time per answered request; its request threads' share is
 *                                  the headline ({@link #cpuMicrosPerRequest})
 * @param generatorCpu              the generator's CPU time per answered request, split the same way
 * @param contextSwitchesPerRequest voluntary + involuntary context switches of the server per answered request
 * @param peakRssKb                 the server's peak resident set size (VmHWM), in KiB: the whole process
 * @param threads                   the server's thread count at the end of the measured phase
 * @param rssPerConnectionKb        what one more open connection adds to the server's RSS, in KiB
 */
public record ServerCost(CpuSplit cpu, CpuSplit generatorCpu, double contextSwitchesPerRequest, long peakRssKb,
        int threads, double rssPerConnectionKb) {

    public ServerCost {
        cpu = cpu == null ? CpuSplit.unknown() : cpu;
        generatorCpu = generatorCpu == null ? CpuSplit.unknown() : generatorCpu;
    }

    public static ServerCost unknown() {
        return new ServerCost(CpuSplit.unknown(), CpuSplit.unknown(), Double.NaN, -1, -1, Double.NaN);
    }

    /** The server's request threads' CPU time per answered request, in microseconds: the headline cost. */
    public double cpuMicrosPerRequest() {
        return cpu.requestMicros();
    }
}
