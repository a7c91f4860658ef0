package netarena.results.capacity;

/**
 * A USL model fitted to measurements, with how well it fits and how well it predicts.
 *
 * @param model                    the fitted coefficients
 * @param rSquared                 1 - SS_residual / SS_total of throughput over all points
 * @param points                   measurements fitted
 * @param holdoutConcurrency       the largest concurrency measured, left out of a second fit
 * @param holdoutRelativeError     that second fit's prediction at holdoutConcurrency against the
 *                                 measurement there, (predicted - measured) / measured; the error
 *                                 of extrapolating one step, which is what a capacity answer does.
 *                                 NaN with fewer than 4 distinct concurrencies
 * @param leaveOneOutMeanAbsError  mean over every point of |predicted - measured| / measured when
 *                                 that point is left out of the fit; NaN with fewer than 4 points
 */
public record UslFit(UslModel model, double rSquared, int points, double holdoutConcurrency,
                     double holdoutRelativeError, double leaveOneOutMeanAbsError) {
}
