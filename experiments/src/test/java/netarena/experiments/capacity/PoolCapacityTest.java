package netarena.experiments.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.CapacityJson;
import netarena.results.capacity.CapacityText;
import netarena.results.capacity.InFlight;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.QueueModel;
import netarena.results.capacity.Slo;
import netarena.results.capacity.SloText;
import org.junit.jupiter.api.Test;

/**
 * The pool question over a simulated pool of constant service (the 1 ms BLOCK): the server's
 * 1,000 us sizes it, not the client's 1,811 us; M/D/c recommends, Erlang C stands beside it.
 */
class PoolCapacityTest {

    private static final double SERVER_MICROS = 1_000;
    private static final double CLIENT_MICROS = 1_811;

    /** A pool that behaves as M/D/c on the server's service time, plus a fixed round trip. */
    private static PoolProbe constantService(double serverMicros, List<Integer> measured) {
        return pool(serverMicros, CLIENT_MICROS, 0, measured);
    }

    /**
     * A pool of {@code workers} that queues as M/D/c of {@code workers + extraWorkers} on the server's
     * 1 ms (fewer when negative: a machine that lends the pool less than it asks for), answering after
     * that plus a fixed round trip; the generator times each request out for {@code clientOutMicros} plus
     * the mean wait. The service-time server reports {@code serverMicros} held (NaN: no stats line), the
     * pool's servers the 1 ms they held.
     */
    private static PoolProbe pool(double serverMicros, double clientOutMicros, int extraWorkers,
            List<Integer> measured) {
        return new PoolProbe() {
            @Override
            public CapacityAnswer.ServiceTime serviceTime(double rate) {
                return CapacityAnswer.ServiceTime.of(CLIENT_MICROS, serverMicros);
            }

            @Override
            public PoolProbe.Measurement measure(int workers, double rate, double quantile) {
                measured.add(workers);
                int acting = workers + extraWorkers;
                double waitMicros = QueueModel.DETERMINISTIC.meanWaitSeconds(rate, SERVER_MICROS / 1e6, acting) * 1e6;
                return new PoolProbe.Measurement(ProbeResult.measured(QueueModel.DETERMINISTIC.responsePercentileSeconds(
                        rate, SERVER_MICROS / 1e6, acting, quantile) * 1e6 + (CLIENT_MICROS - SERVER_MICROS), 0),
                        new InFlight(workers, rate, clientOutMicros + waitMicros,
                                Double.isNaN(serverMicros) ? Double.NaN : SERVER_MICROS));
            }
        };
    }

    /** The pool for {@code rate} at {@code slo} (no error allowance), its service time measured at 200/s. */
    private static CapacityAnswer.PoolAnswer sized(double rate, String slo, PoolProbe probe) {
        return PoolCapacity.measure(rate, "fixed", SloText.parse(slo, 0), slo, 200, probe);
    }

    @Test
    void sizesOnTheServersServiceTimeUnderMdcAndMeasuresBothModelsAndOneBelow() throws Exception {
        List<Integer> measured = new ArrayList<>();
        Slo slo = SloText.parse("p99<=10ms", 0.001);
        CapacityAnswer.PoolAnswer p = PoolCapacity.measure(2_000, "elastic", slo, "p99<=10ms", 200,
                constantService(SERVER_MICROS, measured));
        assertEquals("server", p.serviceTime().source());
        assertEquals(SERVER_MICROS, p.serviceTime().sizingMicros());
        assertEquals(QueueModel.DETERMINISTIC, p.recommendation().model());
        assertEquals(3, p.recommendation().servers(), "2 erlangs of constant 1 ms work: M/D/c asks for 3");
        int erlang = p.erlangC().servers();
        assertTrue(erlang >= 3, "Erlang C never asks for fewer than M/D/c: " + erlang);
        List<Integer> expected = new ArrayList<>(erlang > 3 ? List.of(erlang, 3) : List.of(3));
        assertEquals(expected, measured, "2 workers for 2 erlangs never keep up: not measured");
        assertEquals(3, CapacityText.smallestMeasured(p).orElseThrow(), "the recommended size meets the SLO here");
        CapacityAnswer.PoolCheck three = p.checks().get(p.checks().size() - 1);
        assertEquals(3, three.workers());
        assertEquals(p.recommendation().responsePercentileSeconds() * 1e6, three.predictedMdcMicros(), 1e-6);
        assertTrue(three.predictedMmcMicros() > three.predictedMdcMicros(),
                "exponential service waits longer than constant");
        String text = CapacityText.render(new CapacityAnswer("s", null, null, p));
        assertTrue(text.contains("the server's"), text);
        assertTrue(text.contains("Pool for 2,000/s at p99<=10ms, elastic pool:"), text);
        assertTrue(text.contains("M/D/c (Allen-Cunneen), recommended: 3 workers"), text);
        assertTrue(text.contains("smallest pool measured that meets the SLO: 3 (recommended 3)"), text);
        assertTrue(three.inFlight().checked() && !three.inFlight().violated(), three.inFlight().toString());
        assertEquals(2.0, three.inFlight().serverInFlight(), 1e-9, "2,000/s of 1 ms: two workers busy");
        assertTrue(text.contains("Little's law with 3 workers: ok"), text);
        JsonNode json = new ObjectMapper().readTree(CapacityJson.render(new CapacityAnswer("s", null, null, p))).get("pool");
        assertEquals("server", json.at("/service_time/source").asText());
        assertEquals("elastic", json.get("worker_pool").asText(), "capacity.json says the kind");
        assertEquals(CLIENT_MICROS, json.at("/service_time/client_mean_micros").asDouble());
        assertEquals("DETERMINISTIC", json.at("/recommendation/model").asText());
        assertEquals("ERLANG_C", json.at("/erlang_c/model").asText());
        JsonNode last = json.get("checks").get(p.checks().size() - 1);
        assertEquals(three.predictedMdcMicros(), last.get("predicted_mdc_micros").asDouble(), 1e-6);
        assertEquals(2.0, last.at("/in_flight/server_in_flight").asDouble(), 1e-9);
        assertFalse(last.at("/in_flight/violated").asBoolean());
    }

    @Test
    void littlesLawFailsWhenTheGeneratorHadFewerOutThanTheServerHeld() {
        // a generator that times each request from a write 600 us late: 0.4 ms out where the server held 1 ms
        CapacityAnswer.PoolAnswer p = sized(2_000, "p99<=10ms", pool(SERVER_MICROS, 400, 0, new ArrayList<>()));
        CapacityAnswer.PoolCheck three = p.checks().get(p.checks().size() - 1);
        assertTrue(three.inFlight().violated(), three.inFlight().toString());
        assertTrue(three.meetsSlo(), "the latency still met the SLO: only the in-flight counts disagree");
        assertTrue(CapacityText.render(new CapacityAnswer("s", null, null, p))
                .contains("Little's law with 3 workers: VIOLATED: the server held more requests"));
    }

    @Test
    void fallsBackToTheClientsFigureWhenTheServerGaveNone() {
        List<Integer> measured = new ArrayList<>();
        CapacityAnswer.PoolAnswer p = sized(2_000, "p99<=10ms", constantService(Double.NaN, measured));
        assertEquals("client", p.serviceTime().source());
        assertEquals(CLIENT_MICROS, p.serviceTime().sizingMicros());
        assertFalse(p.recommendation().servers() == 3, "the client's 1,811 us asks for more than the server's 1 ms");
        assertEquals(5, p.erlangC().servers(), "the issue's figure: Erlang C on the client's mean asked for 5");
    }

    @Test
    void measuresUpwardWhenTheRecommendedPoolMisses() {
        // the pool queues as if one worker fewer: 3 workers act as 2 for 2 erlangs and never keep up
        List<Integer> measured = new ArrayList<>();
        CapacityAnswer.PoolAnswer p = sized(2_000, "p99<=10ms", pool(SERVER_MICROS, CLIENT_MICROS, -1, measured));
        assertEquals(3, p.recommendation().servers());
        assertTrue(measured.contains(4), "measured " + measured);
        assertFalse(measured.contains(5), "4 met the SLO: no need for 5; measured " + measured);
        assertEquals(4, CapacityText.smallestMeasured(p).orElseThrow());
        assertEquals(measured.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
                p.checks().stream().map(CapacityAnswer.PoolCheck::workers).toList(), "largest pool first");
        assertTrue(CapacityText.render(new CapacityAnswer("s", null, null, p))
                .contains("smallest pool measured that meets the SLO: 4 (recommended 3)"));
    }

    @Test
    void measuresDownwardWhileFewerStillMeetBoundedAndNotBelowTheOfferedLoad() {
        // the service time read 2 ms at the low rate (a busy machine's slow wake-ups) where the pool's
        // servers hold 1 ms: sized for 8 erlangs, 4 are offered, and 5 workers already meet the SLO
        List<Integer> measured = new ArrayList<>();
        CapacityAnswer.PoolAnswer p = sized(4_000, "p99<=5ms", pool(2 * SERVER_MICROS, CLIENT_MICROS, 0, measured));
        int recommended = p.recommendation().servers();
        assertEquals(10, recommended, "M/D/c on 2 ms at 4,000/s");
        assertEquals(recommended - 1 - PoolCapacity.MAX_EXTRA_SIZES, CapacityText.smallestMeasured(p).orElseThrow(),
                "one below, then 3 more down: measured " + measured);
        assertFalse(measured.contains(4), "never below the offered load: " + measured);
        List<Integer> nearFloor = new ArrayList<>();
        CapacityAnswer.PoolAnswer loose = sized(2_000, "p99<=10ms", pool(2 * SERVER_MICROS, CLIENT_MICROS, 0, nearFloor));
        assertEquals(3, CapacityText.smallestMeasured(loose).orElseThrow(), "measured " + nearFloor);
        assertFalse(nearFloor.contains(2), "2 workers for 2 erlangs never keep up: " + nearFloor);
    }
}
