package netarena.cli;

import org.junit.jupiter.api.Test;

/** Usage errors of {@code netarena capacity}: refused before any server starts, exit 64, the rule named. */
class CapacityCommandTest {

    @Test
    void refusesAQuestionItCannotAnswer() {
        CliRun.assertUsageError("ask something", "capacity", "--model", "selector");
        CliRun.assertUsageError("needs --slo", "capacity", "--model", "selector", "--pool-for-rate", "2000");
        CliRun.assertUsageError("p99<=5ms", "capacity", "--model", "selector", "--slo", "fast please");
        CliRun.assertUsageError("3 or more distinct", "capacity", "--model", "selector", "--connections", "1,2");
        CliRun.assertUsageError("no-such-model", "capacity", "--model", "no-such-model", "--slo", "p99<=5ms");
        CliRun.assertUsageError("expected one of fixed, elastic, work-stealing, virtual", "capacity", "--model",
                "selector", "--slo", "p99<=5ms", "--pool-for-rate", "2000", "--worker-pool", "cached");
        CliRun.assertUsageError("startRatePerSecond", "capacity", "--model", "selector", "--slo", "p99<=5ms",
                "--start-rate", "0");
    }
}
