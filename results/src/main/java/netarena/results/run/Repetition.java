package netarena.results.run;

/**
 * One measurement of one cell: a row of {@code repetitions.csv}. {@code compare} and the report read these.
 *
 * @param cell              the cell measured
 * @param repetition        1-based repetition number
 * @param order             the position of this measurement in the run's (randomized) order, 1-based
 * @param status            OK, GENERATOR_BOUND, FAILED or INVALID
 * @param reason            why it is not OK; empty when OK
 * @param throughputPerSec  answered requests per second over the measured interval
 * @param p50Micros         latency percentiles in microseconds: from the intended send time in open loop
 *                          (corrected), from the actual send in closed loop (where no send is late)
 * @param p90Micros         see p50Micros
 * @param p99Micros         see p50Micros
 * @param p999Micros        see p50Micros
 * @param maxMicros         see p50Micros
 * @param requests          answered requests in the measured interval
 * @param errors            errors of every kind in the measured interval
 * @param cost              what it cost the server
 * @param resultDir         the folder of this repetition's result.json, latency.hgrm and latency.hlog, relative to the run folder
 */
public record Repetition(CellKey cell, int repetition, int order, CellStatus status, String reason,
        double throughputPerSec, double p50Micros, double p90Micros, double p99Micros, double p999Micros,
        double maxMicros, long requests, long errors, ServerCost cost, String resultDir) {
}
