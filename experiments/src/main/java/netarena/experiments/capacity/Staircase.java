package netarena.experiments.capacity;

/** How the search climbs before the first failure: by a factor or by a fixed step. */
public sealed interface Staircase {

    /** The rate after {@code ratePerSecond}, always larger. */
    double next(double ratePerSecond);

    /** Doubling: few steps to bracket a limit anywhere in a wide range. */
    static Staircase doubling() {
        return new Geometric(2.0);
    }

    /** Multiplies the rate by {@code factor}, above 1. */
    static Staircase geometric(double factor) {
        return new Geometric(factor);
    }

    /** Adds {@code stepPerSecond}: more steps, and a denser throughput-latency curve. */
    static Staircase fixedSteps(double stepPerSecond) {
        return new Arithmetic(stepPerSecond);
    }

    /** @param factor multiplier per step, above 1 */
    record Geometric(double factor) implements Staircase {
        public Geometric {
            if (!(factor > 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("factor must be finite and above 1, got " + factor);
            }
        }

        @Override
        public double next(double ratePerSecond) {
            return ratePerSecond * factor;
        }
    }

    /** @param stepPerSecond requests per second added per step, positive */
    record Arithmetic(double stepPerSecond) implements Staircase {
        public Arithmetic {
            if (!(stepPerSecond > 0) || Double.isInfinite(stepPerSecond)) {
                throw new IllegalArgumentException("stepPerSecond must be finite and positive, got " + stepPerSecond);
            }
        }

        @Override
        public double next(double ratePerSecond) {
            return ratePerSecond + stepPerSecond;
        }
    }
}
