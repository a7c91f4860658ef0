package netarena.results.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void oneServerIsTheTextbookMM1() {
        // M/M/1 (Kleinrock, Queueing Systems Vol. I, 1975, §3.2; Harchol-Balter, Performance
        // Modeling and Design of Computer Systems, 2013, ch. 13-14): lambda 8/s, mu 10/s, rho 0.8:
        // P(wait) = rho = 0.8, Wq = rho / (mu - lambda) = 0.4 s, response time ~ Exp(mu - lambda)
        // so its p99 = ln(100) / 2 = 2.3026 s.
        assertEquals(0.8, ErlangC.probabilityOfWaiting(8, 0.1, 1), 1e-12);
        assertEquals(0.4, ErlangC.meanWaitSeconds(8, 0.1, 1), 1e-12);
        assertEquals(Math.log(100) / 2, ErlangC.responsePercentileSeconds(8, 0.1, 1, 0.99), 1e-9);
        // waiting: P(Wq > t) = rho e^{-(mu - lambda) t}, so p99 = ln(0.8 / 0.01) / 2
        assertEquals(Math.log(80) / 2, ErlangC.waitPercentileSeconds(8, 0.1, 1, 0.99), 1e-12);
    }

    @Test
    void twoServersMatchTheClosedFormForMM2() {
        // M/M/2 (Harchol-Balter 2013, ch. 14): P(wait) = 2 rho^2 / (1 + rho) with rho = lambda / (2 mu).
        // lambda 15/s, mu 10/s: rho 0.75, P(wait) = 1.125 / 1.75 = 0.642857, Wq = P / (2 mu - lambda) = 0.128571 s.
        assertEquals(2 * 0.75 * 0.75 / 1.75, ErlangC.probabilityOfWaiting(15, 0.1, 2), 1e-12);
        assertEquals(2 * 0.75 * 0.75 / 1.75 / 5, ErlangC.meanWaitSeconds(15, 0.1, 2), 1e-12);
    }

    @Test
    void theCallCentreExampleMatchesTheFactorialForm() {
        // The widely reproduced call-centre example: 360 calls per half hour, 240 s average
        // handling, 55 agents: 0.2 calls/s * 240 s = 48 erlangs. Checked against Erlang's formula
        // as usually printed, C = (a^c/c! * c/(c-a)) / (sum_{k<c} a^k/k! + a^c/c! * c/(c-a)).
        double lambda = 360 / 1800.0;
        assertEquals(48, ErlangC.offeredLoad(lambda, 240), 1e-12);
        double pw = ErlangC.probabilityOfWaiting(lambda, 240, 55);
        assertEquals(factorialForm(48, 55), pw, 1e-12);
        assertEquals(0.2387, pw, 5e-5);
        // average speed of answer C * S / (c - a) = 0.2387 * 240 / 7 = 8.18 s
        assertEquals(pw * 240 / 7, ErlangC.meanWaitSeconds(lambda, 240, 55), 1e-9);
    }

    @Test
    void responsePercentileMatchesASimulatedQueue() {
        // lambda 30/s, S = 0.1 s, 4 servers (75% busy), 400,000 simulated requests
        double simulated = simulatedResponsePercentile(30, 0.1, 4, 0.99, 400_000, 17);
        double model = ErlangC.responsePercentileSeconds(30, 0.1, 4, 0.99);
        assertEquals(model, simulated, model * 0.03);
    }

    @Test
    void theCaseWhereTheQueueDrainsAtTheServiceRateIsContinuous() {
        // c mu - lambda = mu when lambda = (c - 1) mu: the hypoexponential's two rates coincide
        double at = ErlangC.responseExceedance(10, 0.1, 2, 0.3);
        double near = ErlangC.responseExceedance(10 * (1 + 1e-7), 0.1, 2, 0.3);
        assertEquals(near, at, 1e-6);
    }

    @Test
    void anOverloadedPoolWaitsForever() {
        assertEquals(1.0, ErlangC.probabilityOfWaiting(20, 0.1, 2));
        assertEquals(Double.POSITIVE_INFINITY, ErlangC.meanWaitSeconds(20, 0.1, 2));
        assertEquals(Double.POSITIVE_INFINITY, ErlangC.responsePercentileSeconds(25, 0.1, 2, 0.99));
    }

    private static double factorialForm(double a, int c) {
        double sum = 0;
        double term = 1;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double top = term * c / (c - a);
        return top / (sum + top);
    }

    /** FCFS M/M/c: each arrival takes the server that frees first. */
    private static double simulatedResponsePercentile(double lambda, double service, int servers, double quantile,
                                                      int requests, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] freeAt = new double[servers];
        double[] responses = new double[requests];
        double now = 0;
        for (int i = 0; i < requests; i++) {
            now += -Math.log(1 - random.nextDouble()) / lambda;
            int first = 0;
            for (int s = 1; s < servers; s++) {
                if (freeAt[s] < freeAt[first]) {
                    first = s;
                }
            }
            double start = Math.max(now, freeAt[first]);
            freeAt[first] = start - Math.log(1 - random.nextDouble()) * service;
            responses[i] = freeAt[first] - now;
        }
        Arrays.sort(responses);
        return responses[(int) Math.ceil(quantile * requests) - 1];
    }
}
