package netarena.load;

import netarena.protocol.RequestWork;

/**
 * The expected answer of the CPU work for any seed, in one multiply-add. {@link RequestWork#cpu} is
 * {@code units} rounds of an affine map x -> a*x + c (mod 2^64), and a composition of affine maps is
 * affine, so {@code cpu(seed, units) == A*seed + C} with {@code C = cpu(0, units)} and
 * {@code A = cpu(1, units) - C}. Verifying an answer then costs one multiply-add instead of redoing the
 * server's work, and no constant of the work is copied here. Immutable; any thread.
 */
record CpuAnswers(long multiplier, long addend) {

    /** Evaluates the work twice, here and once. */
    static CpuAnswers of(long units) {
        long addend = RequestWork.cpu(0, units);
        return new CpuAnswers(RequestWork.cpu(1, units) - addend, addend);
    }

    /** {@code RequestWork.cpu(seed, units)}. */
    long expected(long seed) {
        return multiplier * seed + addend;
    }
}
