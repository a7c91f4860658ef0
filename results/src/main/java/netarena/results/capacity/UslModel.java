package netarena.results.capacity;

/**
 * Gunther's Universal Scalability Law: {@code X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1))}.
 *
 * @param sigma  contention, the serial fraction, in [0, 1]
 * @param kappa  coherency, the cost of keeping N workers consistent, at least 0
 * @param lambda throughput of one worker without contention, requests per second, positive
 */
public record UslModel(double sigma, double kappa, double lambda) {

    public UslModel {
        if (!(sigma >= 0 && sigma <= 1)) {
            throw new IllegalArgumentException("sigma must be in [0, 1], got " + sigma);
        }
        if (!(kappa >= 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa must be finite and at least 0, got " + kappa);
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and positive, got " + lambda);
        }
    }

    /** Predicted throughput, requests per second, at {@code concurrency}. */
    public double throughputAt(double concurrency) {
        return lambda * concurrency / (1 + sigma * (concurrency - 1) + kappa * concurrency * (concurrency - 1));
    }

    /** Predicted mean response time, seconds, at {@code concurrency}: by Little's law N / X(N). */
    public double responseSecondsAt(double concurrency) {
        return concurrency / throughputAt(concurrency);
    }

    /**
     * Concurrency of peak throughput, {@code sqrt((1 - sigma) / kappa)}; positive infinity when
     * kappa is 0, where throughput only rises towards {@link #peakThroughput()}.
     */
    public double peakConcurrency() {
        return kappa == 0 ? Double.POSITIVE_INFINITY : Math.sqrt((1 - sigma) / kappa);
    }

    /**
     * Peak throughput, requests per second: X at {@link #peakConcurrency()}; with kappa 0 the
     * asymptote {@code lambda / sigma}, approached but never reached (infinite when sigma is 0 too).
     */
    public double peakThroughput() {
        if (kappa > 0) {
            return throughputAt(peakConcurrency());
        }
        return sigma == 0 ? Double.POSITIVE_INFINITY : lambda / sigma;
    }

    /** True when throughput has a maximum and falls beyond it (kappa above 0). */
    public boolean hasPeak() {
        return kappa > 0;
    }
}
