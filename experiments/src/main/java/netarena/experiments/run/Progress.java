package netarena.experiments.run;

import java.time.Duration;
import java.util.Locale;
import netarena.results.run.CellStatus;
import netarena.results.run.Repetition;

/** The progress lines of a run of measurements (sweep, ab): elapsed time, time left, one line per result. */
public final class Progress {

    private Progress() {
    }

    /** {@code 42s} or {@code 3m05s}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** Time since {@code startNanos} ({@link System#nanoTime}). */
    public static String elapsed(long startNanos) {
        return format(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** {@code , about 2m10s left} from the mean time per measurement so far; empty before the first is done. */
    public static String eta(long startNanos, int done, int total) {
        if (done == 0) {
            return "";
        }
        long perMeasurement = (System.nanoTime() - startNanos) / done;
        return ", about " + format(Duration.ofNanos(perMeasurement * (total - done))) + " left";
    }

    /** One measured repetition: its figures, or its status and reason. */
    public static String describe(Repetition r) {
        if (!r.status().measured()) {
            return r.status() + ": " + r.reason();
        }
        String server = r.cell().externalTarget() ? "server cpu and memory n/a (external target)"
                : String.format(Locale.ROOT, "cpu %.1f us/req (request threads; JIT %.1f)  %.1f KiB/conn",
                        r.cost().cpuMicrosPerRequest(), r.cost().cpu().jitMicros(), r.cost().memoryPerConnectionKb());
        String figures = String.format(Locale.ROOT, "%,.0f req/s  p50 %.0f us  p99 %.0f us  %s", r.throughputPerSec(),
                r.p50Micros(), r.p99Micros(), server);
        return r.status() == CellStatus.OK ? figures : figures + "  " + r.status() + ": " + r.reason();
    }
}
