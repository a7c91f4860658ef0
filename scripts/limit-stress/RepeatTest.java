import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one test class {@code times} times in this JVM and prints, per test invocation (per model), how many
 * runs passed; exits 1 when any failed. Used by scripts/limit-stress.sh.
 *
 * <p>Usage: {@code java -cp CP RepeatTest.java CLASS TIMES}
 */
public class RepeatTest {
    public static void main(String[] args) {
        String testClass = args[0];
        int times = Integer.parseInt(args[1]);
        Map<String, int[]> tally = new TreeMap<>();
        var launcher = LauncherFactory.create();
        for (int run = 1; run <= times; run++) {
            int r = run;
            var request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (!id.isTest()) {
                        return;
                    }
                    int[] passFail = tally.computeIfAbsent(id.getDisplayName(), k -> new int[2]);
                    boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                    passFail[ok ? 0 : 1]++;
                    if (!ok) {
                        System.out.printf("run %d %s FAILED: %s%n", r, id.getDisplayName(),
                                result.getThrowable().map(Throwable::getMessage).orElse("?"));
                    }
                }
            });
            System.out.printf("run %d of %d done%n", run, times);
        }
        boolean allPassed = true;
        System.out.printf("%-28s %6s %6s%n", "test", "passed", "failed");
        for (var e : tally.entrySet()) {
            System.out.printf("%-28s %6d %6d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
            allPassed &= e.getValue()[1] == 0;
        }
        System.exit(allPassed ? 0 : 1);
    }
}
