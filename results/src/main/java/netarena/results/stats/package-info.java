/**
 * Baseline-versus-current comparison of benchmark metrics over repetitions: the statistics behind
 * {@code netarena compare}. Pure functions of their inputs; no files, sockets or clocks.
 *
 * <p>Entry point: {@link netarena.results.stats.BaselineComparator#compare} takes one
 * {@link netarena.results.stats.MetricSamples} per (cell, metric) and returns a
 * {@link netarena.results.stats.ComparisonReport}: one
 * {@link netarena.results.stats.MetricComparison} per metric and a
 * {@link netarena.results.stats.ComparisonOutcome} for the exit code.
 *
 * <p>Per metric, with the defaults of {@link netarena.results.stats.ComparisonConfig}:
 * <ol>
 *   <li>fewer than 2 values on a side: INCONCLUSIVE, "too little data", left out of the correction;</li>
 *   <li>ratio of medians current/baseline with a 95% percentile bootstrap interval (10,000
 *       resamples, seeded per metric, so reruns and reorderings give the same numbers);</li>
 *   <li>two-sided Mann-Whitney p-value, exact with ties up to 50 values in all;</li>
 *   <li>Holm's correction over every tested metric of the comparison;</li>
 *   <li>REGRESSED / IMPROVED when the whole interval is beyond 1 ± 5% on one side and the adjusted
 *       p is below 0.05; UNCHANGED when the whole interval is within 1 ± 5%; else INCONCLUSIVE.</li>
 * </ol>
 *
 * <p>What the procedure can see depends on repetitions and on how many metrics share the
 * correction; {@link netarena.results.stats.MinimumDetectableChange} answers both from an A/A
 * calibration. With 3% noise: 5 repetitions a side detect about a 12% change in 80% of runs
 * (10 repetitions: about 10%); 3 a side can never reach p < 0.05 (the exact test's floor is 0.1);
 * with Holm over m metrics the floor 2 / C(2n, n) must stay below 0.05 / m, so 6 a side for 10
 * metrics and 8 for 100 ({@link netarena.results.stats.MinimumDetectableChange#minimumRepetitionsPerSide}).
 */
package netarena.results.stats;
