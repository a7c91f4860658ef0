package netarena.results.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three capacity questions over simulated servers: an M/M/1 queue for the SLO search, a known USL
 * for the scaling fit, an M/M/c pool for the pool sizing. No sockets, no clocks.
 */
class CapacityAnswerTest {

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
    void scalingFitsTheUslToValidPointsAndChecksLittlesLaw() {
        UslModel truth = new UslModel(0.05, 0.0008, 20_000);
        List<CapacityAnswer.ClosedLoopPoint> points = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16, 32, 64}) {
            double x = truth.throughputAt(n);
            double meanMicros = n / x * 1e6;
            points.add(new CapacityAnswer.ClosedLoopPoint(n, x, n == 64 ? meanMicros * 0.6 : meanMicros, meanMicros * 3,
                    true, ""));
        }
        // generator-bound: it answered, but its latency is half what N/X says; left out of the fit, yet checked
        double x96 = truth.throughputAt(96);
        points.add(new CapacityAnswer.ClosedLoopPoint(96, x96, 96 / x96 * 1e6 * 0.5, Double.NaN, false,
                "generator send lag p99 25 ms"));
        points.add(new CapacityAnswer.ClosedLoopPoint(128, 0, Double.NaN, Double.NaN, false, "errors: 12 timeouts"));
        CapacityAnswer.ScalingAnswer s = CapacityAnswer.ScalingAnswer.of(points);
        assertNotNull(s.fit(), s.problem());
        assertEquals(0.05, s.fit().model().sigma(), 1e-3);
        assertEquals(0.0008, s.fit().model().kappa(), 1e-5);
        assertEquals(7, s.fit().points(), "the invalid points are left out of the fit");
        assertEquals(8, s.little().size(), "every point that answered is checked, the invalid one too");
        assertTrue(s.little().get(6).violated(), "n=64 reports 40% less response time than N/X");
        assertTrue(s.little().get(7).violated(), "n=96, generator-bound, breaks the law");
        assertEquals(2, s.little().stream().filter(LittleFinding::violated).count());
    }

    @Test
    void scalingWithTooFewPointsSaysWhy() {
        CapacityAnswer.ScalingAnswer s = CapacityAnswer.ScalingAnswer.of(List.of(
                new CapacityAnswer.ClosedLoopPoint(1, 100, 10_000, 20_000, true, ""),
                new CapacityAnswer.ClosedLoopPoint(2, 190, 10_500, 20_000, true, "")));
        assertNull(s.fit());
        assertTrue(s.problem().contains("3 or more distinct"), s.problem());
    }

    @Test
    void poolIsSizedByErlangCAndMeasuredAtThatSizeAndOneBelow() {
        double serviceMicros = 1_000;
        List<Integer> measured = new ArrayList<>();
        PoolProbe probe = new PoolProbe() {
            @Override
            public double serviceMeanMicros(double rate) {
                return serviceMicros;
            }

            @Override
            public ProbeResult measure(int workers, double rate, double quantile) {
                measured.add(workers);
                return ProbeResult.measured(ErlangC.responsePercentileSeconds(rate, serviceMicros / 1e6, workers,
                        quantile) * 1e6 * 0.9, 0);
            }
        };
        Slo slo = SloText.parse("p99<=5ms", 0.001);
        CapacityAnswer.PoolAnswer p = PoolCapacity.measure(3_000, slo, "p99<=5ms", 100, probe);
        int n = p.recommendation().servers();
        assertEquals(5, n, "a 1 ms service at 3,000/s is 3 erlangs; a p99 of 5 ms needs a fifth worker");
        assertEquals(List.of(n, n - 1), measured);
        assertTrue(p.checks().get(0).meetsSlo());
        assertFalse(p.checks().get(1).meetsSlo(), "one below the recommendation misses (the model is exact here)");
        CapacityAnswer.PoolAnswer unstableBelow = PoolCapacity.measure(3_000, SloText.parse("p99<=10ms", 0), "p99<=10ms",
                100, probe);
        assertEquals(4, unstableBelow.recommendation().servers());
        assertEquals(1, unstableBelow.checks().size(), "3 workers for 3 erlangs never keep up: not measured");
        assertEquals(p.recommendation().responsePercentileSeconds() * 1e6, p.checks().get(0).predictedMicros(), 1e-6);
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
        assertEquals(1, json.get("format_version").asInt());
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

    @Test
    void sloTextReadsCommonForms() {
        assertEquals(new Slo(0.99, 5_000, 0), SloText.parse("p99<=5ms", 0));
        assertEquals(new Slo(0.999, 800, 0.01), SloText.parse("P99.9 <= 800us", 0.01));
        assertEquals(new Slo(0.5, 2_000_000, 0), SloText.parse("p50<2s", 0));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SloText.parse("99th under 5", 0));
        assertTrue(e.getMessage().contains("p99<=5ms"), e.getMessage());
    }
}
