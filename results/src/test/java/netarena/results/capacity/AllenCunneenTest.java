package netarena.results.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllenCunneenTest {

    @Test
    void mD1MeanWaitIsPollaczekKhinchine() {
        // 500/s of a constant 1 ms: rho 0.5, Wq = rho D / (2 (1 - rho)) = 0.5 ms exactly
        assertEquals(0.0005, AllenCunneen.meanWaitSeconds(500, 0.001, 1, 0), 1e-12);
        assertEquals(0.0005, QueueModel.DETERMINISTIC.meanWaitSeconds(500, 0.001, 1), 1e-12);
    }

    @Test
    void constantServiceWaitsHalfAsLongAsExponential() {
        double mm = ErlangC.meanWaitSeconds(2_000, 0.001, 3);
        assertEquals(mm / 2, AllenCunneen.meanWaitSeconds(2_000, 0.001, 3, 0), 1e-15);
        assertEquals(mm, AllenCunneen.meanWaitSeconds(2_000, 0.001, 3, 1), 1e-15, "cs^2 = 1 is M/M/c again");
    }

    @Test
    void percentileIsTheServiceTimePlusTheScaledExponentialWait() {
        // 2,000/s of a constant 1 ms on 3 workers: C = 4/9, drain 1,000/s; p99 wait = 0.5 ms * ln(C / 0.01)
        double c = ErlangC.probabilityOfWaiting(2_000, 0.001, 3);
        assertEquals(4.0 / 9, c, 1e-9);
        assertEquals(0.001 + 0.0005 * Math.log(c / 0.01),
                AllenCunneen.deterministicResponsePercentileSeconds(2_000, 0.001, 3, 0.99), 1e-12);
        assertEquals(0.001, AllenCunneen.deterministicResponsePercentileSeconds(100, 0.001, 3, 0.99), 1e-12,
                "fewer than 1% wait: the p99 is the service time itself");
        assertEquals(Double.POSITIVE_INFINITY,
                AllenCunneen.deterministicResponsePercentileSeconds(2_000, 0.001, 2, 0.99), "no drain at rho = 1");
    }

    @Test
    void sizingTheIssuesPoolWithTheServersServiceTime() {
        // 2,000/s of 1 ms BLOCK, SLO p99 <= 10 ms. The client-observed mean (1,811 us) under Erlang C asked for 5.
        PoolRecommendation clientMm = PoolSizer.recommend(QueueModel.ERLANG_C, 2_000, 0.001811, 0.99, 0.010);
        assertEquals(5, clientMm.servers());
        // the client mean under M/D/c still asks for 5: the service time, not only the model, was too large
        assertEquals(5, PoolSizer.recommend(QueueModel.DETERMINISTIC, 2_000, 0.001811, 0.99, 0.010).servers());
        // the server's own 1 ms (a worker held for the BLOCK) under M/D/c
        PoolRecommendation serverMd = PoolSizer.recommend(QueueModel.DETERMINISTIC, 2_000, 0.001, 0.99, 0.010);
        assertEquals(3, serverMd.servers());
        assertEquals(QueueModel.DETERMINISTIC, serverMd.model());
        assertTrue(serverMd.responsePercentileSeconds() < PoolSizer.recommend(QueueModel.ERLANG_C, 2_000, 0.001, 0.99,
                0.010).responsePercentileSeconds(), "constant service queues less than exponential");
    }
}
