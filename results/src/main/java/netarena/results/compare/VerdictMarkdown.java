package netarena.results.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.MetricComparison;
import netarena.results.stats.Verdict;

/**
 * {@code compare.md}: the verdict for a pull-request comment or a CI job summary (GitHub-flavoured
 * Markdown), also printed on stdout. The headline, the warnings, then every metric compared in one
 * table sorted by effect ({@link RunComparison#byEffect()}), UNCHANGED rows folded in a
 * {@code <details>} block, then the cells listed instead of compared.
 */
public final class VerdictMarkdown {

    private VerdictMarkdown() {
    }

    public static String render(RunComparison c) {
        ComparisonConfig cfg = c.report().config();
        StringBuilder md = new StringBuilder();
        md.append("### netarena compare: ").append(c.outcome()).append("\n\n");
        boolean paired = c.report().metrics().stream().anyMatch(MetricComparison::paired);
        md.append(String.format(Locale.ROOT, "`%s` (baseline) vs `%s` (current): threshold \u00b1%s, %.0f%% bootstrap "
                + "interval of the %s, %s with %s correction at alpha %s; UNCHANGED only when the small-sample "
                + "interval lies within the threshold.%n%n",
                esc(c.baseline().id()), esc(c.current().id()), Num.percent(cfg.noiseThreshold()),
                cfg.confidence() * 100, (paired ? "per-pair ratios' " : "ratio of ")
                        + cfg.estimator().name().toLowerCase(Locale.ROOT) + (paired ? "" : "s"),
                paired ? "Wilcoxon signed-rank over the ABBA pairs" : "Mann-Whitney", correction(cfg), cfg.alpha()));
        md.append("**").append(esc(c.headline())).append("**\n\n");
        appendWarningsAndThresholds(md, c);
        appendMetrics(md, c);
        appendLeftOut(md, c);
        return md.toString();
    }

    private static void appendWarningsAndThresholds(StringBuilder md, RunComparison c) {
        for (String w : c.warnings()) {
            md.append("> warning: ").append(esc(w)).append("\n");
        }
        if (!c.warnings().isEmpty()) {
            md.append("\n");
        }
        if (!c.thresholds().isEmpty()) {
            md.append("<details><summary>thresholds and the noise they came from</summary>\n\n");
            c.thresholds().forEach(t -> md.append("- ").append(esc(t)).append("\n"));
            md.append("\n</details>\n\n");
        }
    }

    private static void appendMetrics(StringBuilder md, RunComparison c) {
        List<MetricComparison> sorted = c.byEffect();
        List<MetricComparison> shown = sorted.stream().filter(m -> m.verdict() != Verdict.UNCHANGED).toList();
        List<MetricComparison> unchanged = sorted.stream().filter(m -> m.verdict() == Verdict.UNCHANGED).toList();
        if (!shown.isEmpty()) {
            md.append(table(c, shown));
        }
        if (!unchanged.isEmpty()) {
            md.append("\n<details><summary>").append(unchanged.size()).append(" unchanged metric")
                    .append(unchanged.size() == 1 ? "" : "s").append("</summary>\n\n").append(table(c, unchanged))
                    .append("\n</details>\n");
        }
        if (!sorted.isEmpty()) {
            md.append("\n\u2191 higher is better, \u2193 lower is better; change and interval are current/baseline - 1; "
                    + "adj. p is the corrected p; n is values in baseline/current; an INCONCLUSIVE row's reason (verdict.json) "
                    + "names the regression its data could have shown.\n");
        }
    }

    /** The cells not compared, or compared on fewer repetitions, and why. */
    private static void appendLeftOut(StringBuilder md, RunComparison c) {
        if (!c.excluded().isEmpty()) {
            md.append("\n#### Not compared: invalid or failed\n\n| cell | baseline | current |\n|---|---|---|\n");
            for (Exclusion e : c.excluded()) {
                md.append("| ").append(esc(e.id())).append(e.brokenByCurrent() ? " **(failed in current only: "
                        + "counts as a regression)**" : "").append(" | ").append(status(e.baselineStatus().name(),
                        e.baselineReason())).append(" | ").append(status(e.currentStatus().name(), e.currentReason()))
                        .append(" |\n");
            }
        }
        if (!c.dropped().isEmpty()) {
            md.append("\n#### Compared on their OK repetitions: dropped\n\n| cell | side | kept | dropped |\n|---|---|---:|---|\n");
            for (Dropped d : c.dropped()) {
                md.append("| ").append(esc(d.id())).append(" | ").append(d.side()).append(" | ").append(d.kept())
                        .append(" | ").append(esc(d.reason())).append(" |\n");
            }
        }
        if (!c.onlyInBaseline().isEmpty()) {
            md.append("\n#### Only in the baseline\n\n");
            c.onlyInBaseline().forEach(id -> md.append("- ").append(esc(id)).append("\n"));
        }
        if (!c.onlyInCurrent().isEmpty()) {
            md.append("\n#### Only in the current run\n\n");
            c.onlyInCurrent().forEach(id -> md.append("- ").append(esc(id)).append("\n"));
        }
    }

    private static String table(RunComparison c, List<MetricComparison> rows) {
        StringBuilder md = new StringBuilder(
                "| verdict | cell | metric | baseline | current | change | 95% CI | adj. p | n |\n"
                        + "|---|---|---|---:|---:|---:|---|---:|---:|\n");
        for (MetricComparison m : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(m.verdict() == Verdict.REGRESSED ? "**REGRESSED**" : m.verdict().name());
            cells.add(esc(m.cell()));
            cells.add(esc(c.metric(m).label()) + (c.metric(m).direction().name().startsWith("HIGHER") ? " \u2191" : " \u2193"));
            cells.add(Num.value(m.baselineCentre()));
            cells.add(Num.value(m.currentCentre()));
            cells.add(Num.change(m.ratio()));
            cells.add(Num.interval(m.ciLow(), m.ciHigh()));
            cells.add(Num.p(m.adjustedP()));
            cells.add(m.baselineCount() + "/" + m.currentCount());
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return md.toString();
    }

    static String correction(ComparisonConfig cfg) {
        return switch (cfg.correction()) {
            case HOLM -> "Holm";
            case BENJAMINI_HOCHBERG -> "Benjamini-Hochberg";
            case NONE -> "no";
        };
    }

    private static String status(String status, String reason) {
        return reason.isEmpty() ? status : status + ": " + esc(reason);
    }

    /** Keeps a value inside its table cell: pipes escaped, line breaks as spaces. */
    static String esc(String s) {
        return s.replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }
}
