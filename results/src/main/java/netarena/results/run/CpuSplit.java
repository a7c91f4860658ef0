package netarena.results.run;

/**
 * The CPU time a process spent over a measured phase, per answered request, split by what its threads do.
 * In microseconds of user + system time per request. A figure /proc could not give is NaN.
 *
 * @param requestMicros the threads that serve or send requests: I/O loops, workers, timers
 * @param jitMicros     the JIT compiler threads
 * @param gcMicros      the garbage collector's threads
 * @param otherMicros   every other thread (the JVM's own, main, samplers)
 */
public record CpuSplit(double requestMicros, double jitMicros, double gcMicros, double otherMicros) {

    public static CpuSplit unknown() {
        return new CpuSplit(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Every thread's time per request together. */
    public double totalMicros() {
        return requestMicros + jitMicros + gcMicros + otherMicros;
    }
}
