/**
 * {@code netarena merge}: the agents of one distributed load run in, one exact result out.
 *
 * <pre>
 *   AgentFolder.read(dir)        result.json + latency.hlog + agent.json of one agent; problems, never exceptions
 *   RunMerger.merge(agents)      counts added, histograms added (IntervalMerge: interval by interval on the
 *                                common start instant), problems judged -&gt; MergedRun
 *   MergedFiles.write(run, dir)  result.json, latency.hlog, latency.hgrm, table.txt (MergedTable)
 * </pre>
 *
 * Percentiles are always read from added histograms: an average of percentiles is not a percentile.
 */
package netarena.results.merge;
