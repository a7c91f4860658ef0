/**
 * Capacity planning math: the answers behind {@code netarena capacity}. Pure functions; rates are
 * per second, times in seconds unless a name says micros.
 *
 * <ul>
 *   <li>{@link netarena.results.capacity.UslFitter}: Universal Scalability Law by Levenberg-Marquardt,
 *       with R², the error predicting the largest concurrency from the rest, and leave-one-out error;</li>
 *   <li>{@link netarena.results.capacity.LittleLawCheck}: flags closed-loop points where
 *       throughput times mean response time is not the concurrency;</li>
 *   <li>{@link netarena.results.capacity.ErlangC} and {@link netarena.results.capacity.PoolSizer}:
 *       M/M/c waiting, response-time percentiles and the smallest pool meeting a percentile SLO;</li>
 *   <li>{@link netarena.results.capacity.SearchResult} and {@link netarena.results.capacity.KneeMarker}:
 *       what an SLO search found, its throughput-latency curve and the knee mark on it.</li>
 * </ul>
 * The search drivers that decide what to probe next and start load (the SLO search, the pool sizing) are
 * the experiments module's: nothing here starts anything.
 */
package netarena.results.capacity;
