package netarena.results.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.optim.nonlinear.vector.leastsquares.ParameterValidator;
import org.hipparchus.util.Pair;

/**
 * Fits the Universal Scalability Law to (concurrency, throughput) points by nonlinear least squares
 * on throughput, unweighted, with Hipparchus' Levenberg-Marquardt. Pure and thread-safe.
 *
 * <p>Implementation notes: the start comes from Gunther's linearisation, {@code N X(1)/X(N) - 1 =
 * sigma (N-1) + kappa N (N-1)}, solved by ordinary least squares with X(1) estimated from the
 * smallest concurrency measured; a second start at (sigma 0.1, kappa 0) guards against a poor
 * linearisation, and the lower cost wins. A parameter validator projects every step back into
 * sigma in [0, 1], kappa >= 0, lambda > 0, so a fit that wants a negative kappa ends on kappa = 0
 * (Amdahl's law) rather than outside the model. The Jacobian is analytic.
 */
public final class UslFitter {

    private static final int MAX_EVALUATIONS = 10_000;

    private UslFitter() {
    }

    /**
     * The fitted model with R², the error predicting the largest concurrency from a fit without it,
     * and the leave-one-out error.
     *
     * @param points at least 3, at 3 or more distinct concurrencies
     */
    public static UslFit fit(List<UslPoint> points) {
        UslModel model = fitModel(points);
        double mean = points.stream().mapToDouble(UslPoint::throughputPerSecond).average().orElseThrow();
        double residual = 0;
        double total = 0;
        for (UslPoint p : points) {
            double r = p.throughputPerSecond() - model.throughputAt(p.concurrency());
            double d = p.throughputPerSecond() - mean;
            residual += r * r;
            total += d * d;
        }
        double rSquared = total == 0 ? Double.NaN : 1 - residual / total;
        TreeSet<Double> levels = distinctConcurrencies(points);
        double largest = levels.last();
        double holdout = Double.NaN;
        double leaveOneOut = Double.NaN;
        if (levels.size() >= 4) {
            holdout = holdoutError(points, largest);
            leaveOneOut = leaveOneOutError(points);
        }
        return new UslFit(model, rSquared, points.size(), largest, holdout, leaveOneOut);
    }

    /** Only the coefficients, without the prediction checks. */
    public static UslModel fitModel(List<UslPoint> points) {
        if (distinctConcurrencies(points).size() < 3) {
            throw new IllegalArgumentException("a USL fit needs points at 3 or more distinct concurrencies, got "
                    + distinctConcurrencies(points));
        }
        double[] linearised = linearisedStart(points);
        LeastSquaresOptimizer.Optimum best = optimise(points, linearised);
        LeastSquaresOptimizer.Optimum other = optimise(points, new double[] {0.1, 0, linearised[2]});
        if (other.getCost() < best.getCost()) {
            best = other;
        }
        RealVector p = best.getPoint();
        return new UslModel(p.getEntry(0), p.getEntry(1), p.getEntry(2));
    }

    private static LeastSquaresOptimizer.Optimum optimise(List<UslPoint> points, double[] start) {
        double[] target = points.stream().mapToDouble(UslPoint::throughputPerSecond).toArray();
        double lambdaFloor = start[2] * 1e-12;
        ParameterValidator validRange = p -> {
            RealVector v = p.copy();
            v.setEntry(0, Math.min(1.0, Math.max(0.0, v.getEntry(0))));
            v.setEntry(1, Math.max(0.0, v.getEntry(1)));
            v.setEntry(2, Math.max(lambdaFloor, v.getEntry(2)));
            return v;
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .model(uslWithJacobian(points))
                .target(target)
                .parameterValidator(validRange)
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS)
                .build();
        return new LevenbergMarquardtOptimizer().optimize(problem);
    }

    private static MultivariateJacobianFunction uslWithJacobian(List<UslPoint> points) {
        return params -> {
            double sigma = params.getEntry(0);
            double kappa = params.getEntry(1);
            double lambda = params.getEntry(2);
            RealVector values = new ArrayRealVector(points.size());
            RealMatrix jacobian = new Array2DRowRealMatrix(points.size(), 3);
            for (int i = 0; i < points.size(); i++) {
                double n = points.get(i).concurrency();
                double denominator = 1 + sigma * (n - 1) + kappa * n * (n - 1);
                double squared = denominator * denominator;
                values.setEntry(i, lambda * n / denominator);
                jacobian.setEntry(i, 0, -lambda * n * (n - 1) / squared);
                jacobian.setEntry(i, 1, -lambda * n * n * (n - 1) / squared);
                jacobian.setEntry(i, 2, n / denominator);
            }
            return new Pair<>(values, jacobian);
        };
    }

    /** sigma, kappa by least squares on the linearised law; lambda from the smallest concurrency. */
    private static double[] linearisedStart(List<UslPoint> points) {
        double smallest = distinctConcurrencies(points).first();
        double lambda = points.stream().filter(p -> p.concurrency() == smallest)
                .mapToDouble(p -> p.throughputPerSecond() / p.concurrency()).average().orElseThrow();
        double suu = 0;
        double suv = 0;
        double svv = 0;
        double suy = 0;
        double svy = 0;
        for (UslPoint p : points) {
            double n = p.concurrency();
            double u = n - 1;
            double v = n * (n - 1);
            double y = n * lambda / p.throughputPerSecond() - 1;
            suu += u * u;
            suv += u * v;
            svv += v * v;
            suy += u * y;
            svy += v * y;
        }
        double det = suu * svv - suv * suv;
        if (det == 0) {
            return new double[] {0, 0, lambda};
        }
        double sigma = (suy * svv - svy * suv) / det;
        double kappa = (svy * suu - suy * suv) / det;
        return new double[] {Math.min(0.99, Math.max(0, sigma)), Math.max(0, kappa), lambda};
    }

    private static double holdoutError(List<UslPoint> points, double largest) {
        List<UslPoint> kept = points.stream().filter(p -> p.concurrency() < largest).toList();
        UslModel model = fitModel(kept);
        double measured = points.stream().filter(p -> p.concurrency() == largest)
                .mapToDouble(UslPoint::throughputPerSecond).average().orElseThrow();
        return (model.throughputAt(largest) - measured) / measured;
    }

    private static double leaveOneOutError(List<UslPoint> points) {
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            List<UslPoint> rest = new ArrayList<>(points);
            UslPoint left = rest.remove(i);
            UslModel model = fitModel(rest);
            sum += Math.abs(model.throughputAt(left.concurrency()) - left.throughputPerSecond()) / left.throughputPerSecond();
        }
        return sum / points.size();
    }

    private static TreeSet<Double> distinctConcurrencies(List<UslPoint> points) {
        TreeSet<Double> levels = new TreeSet<>();
        points.forEach(p -> levels.add(p.concurrency()));
        return levels;
    }
}
