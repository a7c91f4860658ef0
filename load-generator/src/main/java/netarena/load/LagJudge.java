package netarena.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Tells when the generator, not the server, shaped a run's figures: its hiccups or its send lag past --max-lag. */
final class LagJudge {

    private LagJudge() {
    }

    /**
     * @param hiccups    the generator's hiccups in the measured phase, microseconds
     * @param sendLag    the measured requests' send lag, microseconds
     * @return why the result is invalid; empty when the generator kept up
     */
    static List<String> judge(LoadPlan plan, Histogram hiccups, Histogram sendLag, double measuredSeconds,
            long sent) {
        List<String> reasons = new ArrayList<>();
        long maxLagMicros = plan.limits().maxLag().toNanos() / 1_000;
        if (hiccups.getTotalCount() > 0 && hiccups.getValueAtPercentile(99) > maxLagMicros) {
            reasons.add(String.format(Locale.ROOT, "generator hiccups: p99 %.3f ms is over --max-lag %.3f ms"
                    + " (max %.3f ms): GC, safepoints or CPU contention stalled the generator itself",
                    hiccups.getValueAtPercentile(99) / 1000.0, maxLagMicros / 1000.0, hiccups.getMaxValue() / 1000.0));
        }
        if (plan.openLoop() && sendLag.getTotalCount() > 0 && sendLag.getValueAtPercentile(99) > maxLagMicros) {
            double achieved = measuredSeconds > 0 ? sent / measuredSeconds : 0;
            reasons.add(String.format(Locale.ROOT, "send lag: p99 %.3f ms is over --max-lag %.3f ms: the "
                    + "generator fell behind its schedule (sent %.1f of %d requests/s); add generator threads (load "
                    + "--threads; --generator-threads in sweep, ab and capacity) or lower the rate",
                    sendLag.getValueAtPercentile(99) / 1000.0, maxLagMicros / 1000.0, achieved,
                    plan.shape().ratePerSecond()));
        }
        return reasons;
    }
}
