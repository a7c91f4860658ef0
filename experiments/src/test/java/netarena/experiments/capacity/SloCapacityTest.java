package netarena.experiments.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.CapacityJson;
import netarena.results.capacity.CapacityText;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.SearchResult;
import netarena.results.capacity.SearchStep;
import netarena.results.capacity.Slo;
import netarena.results.capacity.SloText;
import netarena.results.capacity.UslModel;
import org.junit.jupiter.api.Test;

/**
 * The SLO question over a simulated M/M/1 server: the search, the rechecks and the repeats at both ends,
 * and the answer as text and JSON. No sockets, no clocks.
 */
class SloCapacityTest {

    /** An M/M/1 server of {@code capacity} requests/s: the q-quantile of response time is -ln(1-q)/(mu-lambda). */
    static final class MM1Probe implements RateProbe {
        final double capacity;
        final List<Double> rates = new ArrayList<>();
        int invalidOnce;

        MM1Probe(double capacity) {
            this.capacity = capacity;
        }

        @Override
        public ProbeResult probe(double rate, double quantile) {
            rates.add(rate);
            if (rate >= 15_000 && invalidOnce++ == 0) {
                return ProbeResult.invalid("send lag p99 12 ms over 10 ms");
            }
            if (rate >= capacity) {
                return ProbeResult.measured(Double.POSITIVE_INFINITY, 0.2);
            }
            return ProbeResult.measured(-Math.log(1 - quantile) / (capacity - rate) * 1e6, 0);
        }
    }

    @Test
    void sloSearchThenRepeatsBothEndsOfTheBracket() {
        Slo slo = SloText.parse("p99<=5ms", 0.001);
        MM1Probe probe = new MM1Probe(10_000);
        CapacityAnswer.SloAnswer a = SloCapacity.measure(slo, "p99<=5ms",
                SearchConfig.defaults(1_000, 50_000), probe, 3);
        SearchResult r = a.search();
        assertEquals(SearchResult.Stop.CONVERGED, r.stop());
        double limit = 10_000 - Math.log(100) / 0.005;
        assertTrue(r.highestPassingRatePerSecond() <= limit && r.lowestFailingRatePerSecond() > limit, r.reason());
        assertTrue(r.steps().stream().anyMatch(s -> s.outcome() == SearchStep.Outcome.INVALID),
                "the generator-invalid step is kept, as such");
        assertFalse(Double.isNaN(r.kneeRatePerSecond()));
        assertEquals(2, a.confirmations().size());
        assertTrue(a.confirmations().get(0).allPassed());
        assertEquals(3, a.confirmations().get(0).runs());
        assertTrue(a.confirmations().get(1).allFailed());
        assertEquals(r.steps().size() + 6, probe.rates.size(), "three repeats at each end after the search");
        String bound = CapacityText.sloBound(a);
        assertTrue(bound.startsWith("between ") && bound.contains("passed 3/3") && bound.contains("failed 3/3"), bound);
    }

    @Test
    void aFailureLowOnTheStaircaseIsRecheckedBeforeItEndsTheClimb() {
        Slo slo = SloText.parse("p99<=5ms", 0.001);
        MM1Probe server = new MM1Probe(10_000);
        int[] calls = {0};
        RateProbe noisy = (rate, q) -> ++calls[0] == 1 ? ProbeResult.measured(9_000, 0) : server.probe(rate, q);
        CapacityAnswer.SloAnswer without = SloCapacity.measure(slo, "p99<=5ms", SearchConfig.defaults(1_000, 50_000),
                noisy, 0, 0);
        assertTrue(without.search().highestPassingRatePerSecond() < 1_000,
                "one noisy step at the start rate sends the search below it: " + without.search().reason());
        calls[0] = 0;
        CapacityAnswer.SloAnswer with = SloCapacity.measure(slo, "p99<=5ms", SearchConfig.defaults(1_000, 50_000),
                noisy, 0, 1);
        assertTrue(with.search().highestPassingRatePerSecond() > 8_000, with.search().reason());
    }

    @Test
    void aRateThatFailedEveryRepeatIsNotSaidToHold() {
        Slo slo = SloText.parse("p99 <= 5 ms", 0.001);
        CapacityAnswer.SloAnswer searched = SloCapacity.measure(slo, "p99<=5ms", SearchConfig.defaults(1_000, 50_000),
                new MM1Probe(10_000), 1);
        double rate = searched.search().highestPassingRatePerSecond();
        CapacityAnswer.SloAnswer s = new CapacityAnswer.SloAnswer(slo, "p99<=5ms", searched.search(),
                List.of(new CapacityAnswer.Confirmation(rate, 0, 3, 0, 6_000, 9_000)));
        String headline = CapacityText.sloHeadline(s);
        assertFalse(headline.contains("holds at"), headline);
        assertTrue(headline.contains("then in none of 3 repeats"), headline);
        assertTrue(CapacityText.sloBound(s).startsWith("not confirmed"), CapacityText.sloBound(s));
    }

    @Test
    void jsonHasTheAnswersAndNullForUnboundedNumbers() throws Exception {
        Slo slo = SloText.parse("p99 <= 5 ms", 0.001);
        CapacityAnswer.SloAnswer s = SloCapacity.measure(slo, "p99<=5ms", SearchConfig.defaults(1_000, 50_000),
                new MM1Probe(10_000), 1);
        UslModel truth = new UslModel(0.05, 0.0008, 20_000);
        List<CapacityAnswer.ClosedLoopPoint> points = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16}) {
            points.add(new CapacityAnswer.ClosedLoopPoint(n, truth.throughputAt(n), n / truth.throughputAt(n) * 1e6,
                    Double.NaN, true, ""));
        }
        CapacityAnswer a = new CapacityAnswer("selector io-threads 1", s, CapacityAnswer.ScalingAnswer.of(points), null);
        JsonNode json = new ObjectMapper().readTree(CapacityJson.render(a));
        assertEquals(CapacityJson.FORMAT_VERSION, json.get("format_version").asInt());
        assertTrue(json.at("/slo/highest_passing_rate_per_second").isNumber());
        assertTrue(json.at("/slo/steps").size() > 3);
        assertTrue(json.at("/slo/steps").findValues("latency_micros").stream().anyMatch(JsonNode::isNull),
                "an unbounded queue's latency is written as null");
        assertEquals(0.05, json.at("/scaling/usl/sigma").asDouble(), 1e-3);
        assertTrue(json.at("/scaling/usl/peak_concurrency").isNumber());
        assertTrue(json.at("/scaling/points/0/p99_micros").isNull());
        assertTrue(json.get("pool") == null || json.get("pool").isNull());
        String text = CapacityText.render(a);
        assertTrue(text.contains("SLO p99<=5ms (errors <= 0.1%): holds at "), text);
        assertTrue(text.contains("USL: sigma 0.05"), text);
    }
}
