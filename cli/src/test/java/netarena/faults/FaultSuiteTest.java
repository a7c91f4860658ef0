package netarena.faults;

import java.util.List;
import java.util.concurrent.TimeUnit;
import netarena.server.ServerModel;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite at {@link Scale#QUICK}, in the default build: every in-process scenario on every model (with
 * the worker pool kinds other than the default, on the frame protocol only); the scenarios that start a server
 * JVM of their own on {@code selector} only (each costs a JVM start or
 * two per model; the soak profile runs them on every model). Writes {@code cli/target/reliability-quick.md}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultSuiteTest extends FaultSuite {

    FaultSuiteTest() {
        super(Scale.QUICK, "cli/target/reliability-quick.md", List.of(ServerModel.SELECTOR));
    }
}
