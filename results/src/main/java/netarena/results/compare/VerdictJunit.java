package netarena.results.compare;

import java.util.Locale;
import netarena.results.stats.MetricComparison;
import netarena.results.stats.Verdict;

/**
 * {@code junit.xml}: the comparison as a JUnit report, which every CI shows as test results. One
 * testcase per metric compared (class: the cell, name: the metric): a REGRESSED metric is a failed
 * testcase, every other verdict passes with its reason in system-out. A cell listed instead of
 * compared is a skipped testcase, except one the current run broke (OK in the baseline, FAILED now),
 * which fails like a regression.
 */
public final class VerdictJunit {

    private VerdictJunit() {
    }

    public static String render(RunComparison c) {
        int tests = c.report().metrics().size() + c.excluded().size();
        long failures = c.report().withVerdict(Verdict.REGRESSED).size()
                + c.excluded().stream().filter(Exclusion::brokenByCurrent).count();
        long skipped = c.excluded().stream().filter(e -> !e.brokenByCurrent()).count();
        String suite = "netarena compare " + c.baseline().id() + " vs " + c.current().id();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT, "<testsuites name=\"netarena compare\" tests=\"%d\" failures=\"%d\" "
                + "errors=\"0\" skipped=\"%d\">%n", tests, failures, skipped));
        xml.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" "
                + "skipped=\"%d\" time=\"0\">%n", esc(suite), tests, failures, skipped));
        xml.append("    <properties>\n");
        property(xml, "outcome", c.outcome().name());
        property(xml, "headline", c.headline());
        for (int i = 0; i < c.warnings().size(); i++) {
            property(xml, "warning." + (i + 1), c.warnings().get(i));
        }
        xml.append("    </properties>\n");
        c.byEffect().forEach(m -> testcase(xml, c, m));
        c.excluded().forEach(e -> testcase(xml, e));
        xml.append("  </testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    /** A compared metric: a failure when it regressed, its figures on system-out otherwise. */
    private static void testcase(StringBuilder xml, RunComparison c, MetricComparison m) {
        String detail = String.format(Locale.ROOT, "%s %s: baseline %s, current %s %s, change %s (95%% CI %s), "
                + "adjusted p %s, %d vs %d values: %s", m.cell(), c.metric(m).label(), Num.value(m.baselineCentre()),
                Num.value(m.currentCentre()), c.metric(m).unit(), Num.change(m.ratio()),
                Num.interval(m.ciLow(), m.ciHigh()), Num.p(m.adjustedP()), m.baselineCount(), m.currentCount(),
                m.reason());
        xml.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s\" time=\"0\">",
                esc(m.cell()), esc(c.metric(m).label())));
        if (m.verdict() == Verdict.REGRESSED) {
            xml.append("\n      <failure type=\"regression\" message=\"").append(esc("REGRESSED " + Num.change(m.ratio())
                    + ": " + m.reason())).append("\">").append(esc(detail)).append("</failure>\n    ");
        } else {
            xml.append("\n      <system-out>").append(esc(m.verdict() + ": " + detail)).append("</system-out>\n    ");
        }
        xml.append("</testcase>\n");
    }

    /** A cell not compared: a failure when the current run broke it, skipped otherwise. */
    private static void testcase(StringBuilder xml, Exclusion e) {
        String why = "baseline " + e.baselineStatus() + (e.baselineReason().isEmpty() ? "" : " (" + e.baselineReason()
                + ")") + ", current " + e.currentStatus() + (e.currentReason().isEmpty() ? "" : " ("
                + e.currentReason() + ")");
        xml.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"cell status\" time=\"0\">%n",
                esc(e.id())));
        if (e.brokenByCurrent()) {
            xml.append("      <failure type=\"failed-cell\" message=\"").append(esc("failed in the current run only: "
                    + why)).append("\">").append(esc(why)).append("</failure>\n");
        } else {
            xml.append("      <skipped message=\"").append(esc("not compared: " + why)).append("\"/>\n");
        }
        xml.append("    </testcase>\n");
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("      <property name=\"").append(esc(name)).append("\" value=\"").append(esc(value)).append("\"/>\n");
    }

    /** XML text and attribute escaping; characters XML 1.0 forbids become '?'. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\n' -> sb.append("&#10;");
                case '\t', '\r' -> sb.append(' ');
                default -> sb.append(ch < 0x20 ? '?' : ch);
            }
        }
        return sb.toString();
    }
}
