package netarena.experiments.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netarena.results.capacity.KneeMarker;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.SearchResult;
import netarena.results.capacity.SearchStep;
import netarena.results.capacity.Slo;

/**
 * Finds the highest open-loop rate at which a server meets an {@link Slo}, as a pure algorithm over
 * a {@link RateProbe}: the logic behind {@code netarena capacity}, testable against a simulated
 * server. Not thread-safe per run; a {@code SloSearch} itself is immutable and reusable.
 *
 * <pre>
 *   staircase:  start, next(start), ...  until the SLO fails (or the max rate passes)
 *               if the start fails: start/2, start/4, ... until one passes
 *   bisection:  mid of (highest pass, lowest fail) until fail - pass <= resolution * fail
 * </pre>
 *
 * A step where the generator was invalid says nothing about the server: it is retried
 * {@code retriesOnInvalid} times at the same rate, and if still invalid the search stops with the
 * generator's reason and keeps the highest pass found so far. The search assumes the SLO, once
 * broken, stays broken at higher rates; noise near the limit can break that, and the bracket is
 * then only as good as the probes at its ends.
 */
public final class SloSearch {

    private final Slo slo;
    private final SearchConfig config;

    public SloSearch(Slo slo, SearchConfig config) {
        this.slo = slo;
        this.config = config;
    }

    /** Runs the search, calling {@code probe} once per step on this thread. */
    public SearchResult run(RateProbe probe) {
        return new Run(probe).search();
    }

    /** The state of one search. */
    private final class Run {
        private final RateProbe probe;
        private final List<SearchStep> steps = new ArrayList<>();
        private double pass = Double.NaN;
        private double fail = Double.NaN;
        private String invalidReason = "";

        Run(RateProbe probe) {
            this.probe = probe;
        }

        SearchResult search() {
            double rate = config.startRatePerSecond();
            while (true) {
                SearchStep.Outcome outcome = measure(rate, SearchStep.Phase.STAIRCASE);
                if (outcome == null || outcome == SearchStep.Outcome.INVALID) {
                    return stopped(outcome);
                }
                if (outcome == SearchStep.Outcome.FAIL) {
                    break;
                }
                if (rate >= config.maxRatePerSecond()) {
                    return finish(SearchResult.Stop.PASSED_AT_MAX_RATE);
                }
                rate = Math.min(config.maxRatePerSecond(), config.staircase().next(rate));
            }
            while (Double.isNaN(pass)) {
                rate = fail / 2;
                if (rate < config.startRatePerSecond() * config.relativeResolution()) {
                    return finish(SearchResult.Stop.NOTHING_PASSED);
                }
                SearchStep.Outcome outcome = measure(rate, SearchStep.Phase.STAIRCASE);
                if (outcome == null || outcome == SearchStep.Outcome.INVALID) {
                    return stopped(outcome);
                }
            }
            while (fail - pass > config.relativeResolution() * fail) {
                SearchStep.Outcome outcome = measure(0.5 * (pass + fail), SearchStep.Phase.BISECTION);
                if (outcome == null || outcome == SearchStep.Outcome.INVALID) {
                    return stopped(outcome);
                }
            }
            return finish(SearchResult.Stop.CONVERGED);
        }

        /** PASS or FAIL (and the bracket moved), INVALID after the retries, or null when out of steps. */
        private SearchStep.Outcome measure(double rate, SearchStep.Phase phase) {
            for (int attempt = 0; attempt <= config.retriesOnInvalid(); attempt++) {
                if (steps.size() >= config.maxSteps()) {
                    return null;
                }
                ProbeResult result = probe.probe(rate, slo.quantile());
                if (result.generatorInvalid()) {
                    invalidReason = String.format(Locale.ROOT, "generator invalid at %.1f/s after %d attempt(s): %s",
                            rate, attempt + 1, result.invalidReason());
                    steps.add(new SearchStep(steps.size(), phase, rate, result, SearchStep.Outcome.INVALID,
                            result.invalidReason()));
                    continue;
                }
                String missed = slo.missedBy(result);
                SearchStep.Outcome outcome = missed == null ? SearchStep.Outcome.PASS : SearchStep.Outcome.FAIL;
                steps.add(new SearchStep(steps.size(), phase, rate, result, outcome, missed == null ? "" : missed));
                if (outcome == SearchStep.Outcome.PASS) {
                    pass = rate;
                } else {
                    fail = rate;
                }
                return outcome;
            }
            return SearchStep.Outcome.INVALID;
        }

        private SearchResult stopped(SearchStep.Outcome outcome) {
            return finish(outcome == null ? SearchResult.Stop.STEP_LIMIT : SearchResult.Stop.GENERATOR_INVALID);
        }

        private SearchResult finish(SearchResult.Stop stop) {
            String reason = switch (stop) {
                case CONVERGED -> String.format(Locale.ROOT, "SLO holds at %.1f/s and fails at %.1f/s (resolution %.3g%%)",
                        pass, fail, config.relativeResolution() * 100);
                case PASSED_AT_MAX_RATE -> String.format(Locale.ROOT,
                        "SLO holds at the maximum rate %.1f/s: the server's limit is higher", pass);
                case GENERATOR_INVALID -> invalidReason + String.format(Locale.ROOT,
                        "; highest passing rate so far %.1f/s, the server's limit was not reached", pass);
                case NOTHING_PASSED -> String.format(Locale.ROOT, "SLO fails at every rate probed, down to %.1f/s", fail);
                case STEP_LIMIT -> String.format(Locale.ROOT, "step budget of %d probes spent; passing %.1f/s, failing %.1f/s",
                        config.maxSteps(), pass, fail);
            };
            SearchResult draft = new SearchResult(pass, fail, Double.NaN, stop, reason, steps);
            double knee = KneeMarker.knee(draft.curve(), config.kneeFactor());
            return new SearchResult(pass, fail, knee, stop, reason, steps);
        }
    }
}
