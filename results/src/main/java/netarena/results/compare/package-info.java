/**
 * {@code netarena compare}: two run folders in, a verdict a CI can act on out. The statistics are
 * {@link netarena.results.stats}'s; this package reads the runs, matches their cells, decides what is
 * compared and what is only listed, and writes the verdict in the formats CI tools read.
 *
 * <pre>
 *   RunReader.read(dir)           repetitions.csv (sweep) or jmh.json (bench) -&gt; ComparableRun of Subjects
 *   RunComparator.compare(b, c)   match by id; OK on both sides -&gt; MetricSamples -&gt; BaselineComparator;
 *                                 else Exclusion, or only-in-one-run; warnings -&gt; RunComparison
 *   VerdictFiles.write(c, dir)    compare.md, verdict.json, github-action-benchmark-{bigger,smaller}.json,
 *                                 bencher.json, junit.xml
 * </pre>
 *
 * Exit codes ({@link netarena.results.compare.RunComparison#exitCode()}): 0 no regression, 1 a metric
 * regressed or a cell the baseline served failed in the current run, 2 nothing could be decided.
 */
package netarena.results.compare;
