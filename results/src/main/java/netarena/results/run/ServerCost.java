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
 * @param rssPerConnectionKb        what one more idle connection adds to the server's RSS, KiB: the slope over
 *                                  0, N and 2N connections after a full GC, not the run's RSS over its connections
 * @param heapPerConnectionKb       the same slope of the live heap (used after a full GC), KiB
 * @param nativePerConnectionKb     the same slope of committed memory outside the heap and the JIT (Native
 *                                  Memory Tracking), KiB; NaN when the server does not track it
 */
public record ServerCost(CpuSplit cpu, CpuSplit generatorCpu, double contextSwitchesPerRequest, long peakRssKb,
        int threads, double rssPerConnectionKb, double heapPerConnectionKb, double nativePerConnectionKb) {

    public ServerCost {
        cpu = cpu == null ? CpuSplit.unknown() : cpu;
        generatorCpu = generatorCpu == null ? CpuSplit.unknown() : generatorCpu;
    }

    public static ServerCost unknown() {
        return new ServerCost(CpuSplit.unknown(), CpuSplit.unknown(), Double.NaN, -1, -1, Double.NaN, Double.NaN,
                Double.NaN);
    }

    /**
     * What one more idle connection holds, KiB: its live heap plus its native memory, where Native Memory
     * Tracking could tell them; else the RSS slope. The RSS slope alone understates heap-held memory: heap
     * pages the run's allocations already touched are resident before the connections come, and hold them.
     */
    public double memoryPerConnectionKb() {
        return Double.isNaN(nativePerConnectionKb) ? rssPerConnectionKb : heapPerConnectionKb + nativePerConnectionKb;
    }

    /** The server's request threads' CPU time per answered request, in microseconds: the headline cost. */
    public double cpuMicrosPerRequest() {
        return cpu.requestMicros();
    }
}
