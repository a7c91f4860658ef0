package netarena.experiments.cost;

import java.util.function.LongSupplier;

/**
 * Decides, reading after reading, whether a warmup has done its work by a {@link WarmupRule}, and keeps
 * what it took. Clock and compiler readings are injected, so the rule is testable by arithmetic. Used by
 * one thread (the generator's controller, through {@link PhaseCost}).
 */
final class WarmupJudge {

    private final WarmupRule rule;
    private final LongSupplier serverJitNanos;
    private final LongSupplier generatorJitNanos;
    private long startNanos = -1;
    private long lastNanos;
    private long lastServerJit;
    private long lastGeneratorJit;
    private double serverShare = Double.NaN;
    private double generatorShare = Double.NaN;
    private long answers;
    private boolean settled;

    /** @param serverJitNanos the server's compiler threads' CPU so far, ns (negative when unknown) */
    WarmupJudge(WarmupRule rule, LongSupplier serverJitNanos, LongSupplier generatorJitNanos) {
        this.rule = rule;
        this.serverJitNanos = serverJitNanos;
        this.generatorJitNanos = generatorJitNanos;
    }

    /**
     * True when the warmup may end at {@code nowNanos}: enough answers, and in the last full interval
     * both JVMs' compilers below the rule's share. Compilers are read once per interval.
     */
    boolean mayEnd(long warmupAnswers, long nowNanos) {
        answers = warmupAnswers;
        if (startNanos < 0) {
            startNanos = nowNanos;
            mark(nowNanos);
            return false;
        }
        long elapsed = nowNanos - lastNanos;
        if (elapsed < rule.interval().toNanos()) {
            return false;
        }
        long server = serverJitNanos.getAsLong();
        long generator = generatorJitNanos.getAsLong();
        serverShare = share(server, lastServerJit, elapsed);
        generatorShare = share(generator, lastGeneratorJit, elapsed);
        lastNanos = nowNanos;
        lastServerJit = server;
        lastGeneratorJit = generator;
        // an unknown reading (NaN) never counts as quiet
        settled = warmupAnswers >= rule.minRequests() && serverShare < rule.maxJitShare()
                && generatorShare < rule.maxJitShare();
        return settled;
    }

    /** What the warmup took, ending at {@code endNanos}. */
    WarmupTaken taken(long endNanos) {
        if (startNanos < 0) {
            return WarmupTaken.NONE;
        }
        return new WarmupTaken((endNanos - startNanos) / 1e9, answers, settled, serverShare, generatorShare);
    }

    private void mark(long nowNanos) {
        lastNanos = nowNanos;
        lastServerJit = serverJitNanos.getAsLong();
        lastGeneratorJit = generatorJitNanos.getAsLong();
    }

    private static double share(long now, long before, long elapsedNanos) {
        return now < 0 || before < 0 ? Double.NaN : (now - before) / (double) elapsedNanos;
    }
}
