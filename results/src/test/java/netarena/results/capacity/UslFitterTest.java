package netarena.results.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UslFitterTest {

    /**
     * The Cisco benchmark of Baron Schwartz, "Practical Scalability Analysis with the Universal
     * Scalability Law" (VividCortex, 2015), as listed in codahale/usl4j's
     * src/test/java/com/codahale/usl4j/tests/ModelTest.java. The first eight rows are the table in
     * usl4j's README.md; the fitted values below are the book's, for all 32 rows.
     */
    private static final double[][] CISCO = {
        {1, 955.16}, {2, 1878.91}, {3, 2688.01}, {4, 3548.68}, {5, 4315.54}, {6, 5130.43}, {7, 5931.37},
        {8, 6531.08}, {9, 7219.8}, {10, 7867.61}, {11, 8278.71}, {12, 8646.7}, {13, 9047.84}, {14, 9426.55},
        {15, 9645.37}, {16, 9897.24}, {17, 10097.6}, {18, 10240.5}, {19, 10532.39}, {20, 10798.52},
        {21, 11151.43}, {22, 11518.63}, {23, 11806}, {24, 12089.37}, {25, 12075.41}, {26, 12177.29},
        {27, 12211.41}, {28, 12158.93}, {29, 12155.27}, {30, 12118.04}, {31, 12140.4}, {32, 12074.39},
    };
    private static final double BOOK_SIGMA = 0.02671591;
    private static final double BOOK_KAPPA = 7.690945E-4;
    private static final double BOOK_LAMBDA = 995.6486;
    /** The book's N_max, sqrt((1 - sigma) / kappa) = 35.6 rounded down to whole clients. */
    private static final double BOOK_N_MAX = 35;
    /** The book's X_max, throughput at those 35 clients. */
    private static final double BOOK_X_MAX = 12341;

    @Test
    void reproducesTheBooksFitOfTheCiscoBenchmark() {
        UslFit fit = UslFitter.fit(points(CISCO, CISCO.length));
        UslModel model = fit.model();
        // usl4j holds itself to 0.02% of the book; so do we
        assertEquals(BOOK_SIGMA, model.sigma(), BOOK_SIGMA * 2e-4);
        assertEquals(BOOK_KAPPA, model.kappa(), BOOK_KAPPA * 2e-4);
        assertEquals(BOOK_LAMBDA, model.lambda(), BOOK_LAMBDA * 2e-4);
        assertEquals(BOOK_N_MAX, Math.floor(model.peakConcurrency()));
        assertEquals(BOOK_X_MAX, model.throughputAt(BOOK_N_MAX), BOOK_X_MAX * 2e-4);
        assertTrue(model.peakThroughput() >= model.throughputAt(BOOK_N_MAX));
        assertTrue(fit.rSquared() > 0.99, "R² " + fit.rSquared());
    }

    @Test
    void theReadmesEightPointsPredictOneStepWellButNotThePeak() {
        // No published fit exists for the README's eight rows alone. Measured: sigma 0.0182,
        // kappa 3.09e-4, lambda 939.7, R² 0.9996, hold-out error at N = 8 +0.8%, leave-one-out 1.3%;
        // yet X(32) = 16,089 against the 12,074 measured (+33%) and a peak of 17,844 at N = 56
        // against the book's 12,341 at 35. Short extrapolation is no licence for long.
        UslFit fit = UslFitter.fit(points(CISCO, 8));
        assertTrue(fit.rSquared() > 0.999, "R² " + fit.rSquared());
        assertEquals(8, fit.holdoutConcurrency());
        assertTrue(Math.abs(fit.holdoutRelativeError()) < 0.02, "hold-out " + fit.holdoutRelativeError());
        assertTrue(fit.leaveOneOutMeanAbsError() < 0.02, "leave-one-out " + fit.leaveOneOutMeanAbsError());
        double predictedAt32 = fit.model().throughputAt(32);
        assertTrue((predictedAt32 - 12074.39) / 12074.39 > 0.2, "predicted " + predictedAt32);
    }

    @Test
    void recoversKnownCoefficientsFromExactPoints() {
        UslModel truth = new UslModel(0.05, 0.0008, 1200);
        UslModel fitted = UslFitter.fitModel(generate(truth, new double[] {1, 2, 4, 8, 16, 24, 32, 48, 64}, 0, null));
        assertEquals(truth.sigma(), fitted.sigma(), 1e-6);
        assertEquals(truth.kappa(), fitted.kappa(), 1e-8);
        assertEquals(truth.lambda(), fitted.lambda(), 1e-4);
        assertEquals(Math.sqrt(0.95 / 0.0008), fitted.peakConcurrency(), 1e-3);
    }

    @Test
    void recoversKnownCoefficientsFromNoisyPoints() {
        UslModel truth = new UslModel(0.05, 0.0008, 1200);
        double[] levels = {1, 2, 4, 8, 12, 16, 24, 32, 40, 48, 64, 80};
        SplittableRandom random = new SplittableRandom(21);
        List<UslPoint> noisy = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
            noisy.addAll(generate(truth, levels, 0.02, random));
        }
        UslFit fit = UslFitter.fit(noisy);
        UslModel model = fit.model();
        assertEquals(truth.sigma(), model.sigma(), 0.01);
        assertEquals(truth.kappa(), model.kappa(), 0.0002);
        assertEquals(truth.lambda(), model.lambda(), 1200 * 0.03);
        assertEquals(truth.peakConcurrency(), model.peakConcurrency(), truth.peakConcurrency() * 0.1);
        assertEquals(truth.peakThroughput(), model.peakThroughput(), truth.peakThroughput() * 0.03);
        assertTrue(Math.abs(fit.holdoutRelativeError()) < 0.05, "hold-out " + fit.holdoutRelativeError());
        assertTrue(fit.leaveOneOutMeanAbsError() < 0.05, "leave-one-out " + fit.leaveOneOutMeanAbsError());
    }

    @Test
    void amdahlDataEndsOnKappaZeroWithNoPeak() {
        UslModel truth = new UslModel(0.1, 0, 500);
        SplittableRandom random = new SplittableRandom(8);
        UslModel model = UslFitter.fitModel(generate(truth, new double[] {1, 2, 4, 8, 16, 32, 64}, 0.005, random));
        // noise leaves a small kappa; its peak lies far beyond anything measured
        assertTrue(model.peakConcurrency() > 2 * 64, "peak at " + model.peakConcurrency());
        assertEquals(0.1, model.sigma(), 0.01);
        UslModel exact = UslFitter.fitModel(generate(truth, new double[] {1, 2, 4, 8, 16, 32, 64}, 0, null));
        assertEquals(0.0, exact.kappa(), 1e-9);
        UslModel noPeak = new UslModel(0.1, 0, 500);
        assertFalse(noPeak.hasPeak());
        assertEquals(Double.POSITIVE_INFINITY, noPeak.peakConcurrency());
        assertEquals(5000, noPeak.peakThroughput(), 1e-9);
    }

    @Test
    void fitsThatWantNegativeCoefficientsStayInTheModel() {
        // super-linear points (throughput per client rising) would want sigma < 0
        List<UslPoint> superLinear = List.of(new UslPoint(1, 100), new UslPoint(2, 210), new UslPoint(4, 440),
                new UslPoint(8, 900));
        UslModel model = UslFitter.fitModel(superLinear);
        assertEquals(0.0, model.sigma(), 0.0);
        assertEquals(0.0, model.kappa(), 0.0);
    }

    @Test
    void needsThreeDistinctConcurrencies() {
        assertThrows(IllegalArgumentException.class,
                () -> UslFitter.fit(List.of(new UslPoint(1, 10), new UslPoint(2, 19), new UslPoint(2, 19.5))));
        UslFit three = UslFitter.fit(List.of(new UslPoint(1, 10), new UslPoint(2, 19), new UslPoint(4, 35)));
        assertTrue(Double.isNaN(three.holdoutRelativeError()));
    }

    private static List<UslPoint> points(double[][] rows, int count) {
        List<UslPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new UslPoint(rows[i][0], rows[i][1]));
        }
        return points;
    }

    private static List<UslPoint> generate(UslModel truth, double[] levels, double noise, SplittableRandom random) {
        List<UslPoint> points = new ArrayList<>();
        for (double n : levels) {
            double factor = noise == 0 ? 1 : 1 + noise * random.nextGaussian();
            points.add(new UslPoint(n, truth.throughputAt(n) * factor));
        }
        return points;
    }
}
