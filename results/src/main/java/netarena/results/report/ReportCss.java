package netarena.results.report;

/** The report's only style sheet, inlined: system fonts, tables with tabular figures, charts beside tables. */
final class ReportCss {

    private ReportCss() {
    }

    static final String CSS = """
            :root { --ink: #1d2329; --muted: #6a737d; --line: #dfe3e8; --bg: #f5f6f8; --card: #fff; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1360px; margin: 0 auto; padding: 20px 24px 40px; }
            header h1 { font-size: 1.6rem; margin: 0 0 4px; }
            .sub { color: var(--muted); margin: 0 0 12px; }
            nav ol { list-style: none; padding: 0; margin: 0 0 16px; display: flex; flex-wrap: wrap; gap: 6px 8px; }
            nav a { display: inline-block; padding: 3px 10px; border: 1px solid var(--line); border-radius: 14px;
              background: var(--card); color: #0b5cad; text-decoration: none; font-size: .88rem; }
            nav a:hover { background: #eaf2fb; }
            section { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
              padding: 14px 20px 18px; margin: 0 0 18px; }
            h2 { font-size: 1.25rem; margin: 2px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 1.02rem; margin: 14px 0 8px; }
            .lead { color: #3d4650; margin: 0 0 8px; }
            table { border-collapse: collapse; font-size: .86rem; margin: 4px 0 8px; }
            th, td { padding: 4px 9px; border-bottom: 1px solid #eceff2; text-align: left; vertical-align: top; }
            th { background: #f1f3f6; font-weight: 600; white-space: nowrap; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tbody tr:hover { background: #fafbfc; }
            td small, th small, .sub small { color: var(--muted); font-size: .82em; }
            td.n small { display: block; line-height: 1.2; }
            table.env td:first-child { font-weight: 600; white-space: nowrap; color: #3d4650; }
            table.env { width: 100%; }
            table.env td:first-child { width: 13em; }
            ul.kv { margin: 0; padding-left: 1.1em; }
            code { font: .86em/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            .fig { margin: 12px 0 22px; padding-top: 6px; border-top: 1px dashed var(--line); }
            .fig h3 { margin-top: 4px; }
            .figbody { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 18px;
              align-items: start; }
            .figbody.stacked { grid-template-columns: minmax(0, 1fr); }
            .figbody.stacked .plot { max-width: 820px; }
            @media (max-width: 1050px) { .figbody { grid-template-columns: minmax(0, 1fr); } }
            .m { white-space: nowrap; }
            .plot svg.chart { width: 100%; height: auto; display: block; }
            .side { overflow-x: auto; }
            figcaption { color: var(--muted); font-size: .86rem; margin-top: 6px; max-width: 980px; }
            .nochart { border: 1px dashed #c9ced6; border-radius: 6px; padding: 28px 16px; color: var(--muted);
              text-align: center; background: #fafbfc; margin: 0; }
            .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: .76rem; font-weight: 700;
              letter-spacing: .02em; line-height: 1.6; }
            .badge.ok { background: #dff3e4; color: #1a6b32; }
            .badge.failed { background: #fbe1e1; color: #a11d1d; }
            .badge.invalid { background: #fff0cc; color: #8a5a00; }
            .reason { color: #7a4b12; font-size: .84em; white-space: normal; }
            td .reason { white-space: normal; }
            .wide { overflow-x: auto; }
            .spark { display: inline-flex; flex-direction: column; white-space: nowrap; }
            .spark small { font-size: .7rem; line-height: 1.1; }
            table.all td:nth-child(5) { white-space: nowrap; }
            table.all th { white-space: normal; vertical-align: bottom; }
            table.all th, table.all td { padding: 4px 6px; }
            .spark svg { display: block; }
            sup.fn { color: #7a4b12; font-weight: 600; margin-left: 2px; }
            ol.reasons { margin: 2px 0 8px; padding-left: 1.6em; color: #7a4b12; font-size: .82rem; }
            .warn { background: #fff7e0; border: 1px solid #f0d58a; border-radius: 6px; padding: 8px 12px; }
            ul.notes { margin: 0; padding-left: 1.2em; color: #6b4a00; }
            .sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
            details.cells { margin-top: 10px; }
            details.cells summary { cursor: pointer; color: #0b5cad; font-weight: 600; }
            table.all { font-size: .8rem; }
            table.all td:first-child { white-space: nowrap; }
            .counts .badge { font-size: .85rem; padding: 2px 10px; }
            footer { color: var(--muted); font-size: .8rem; text-align: center; margin-top: 20px; }
            """;
}
