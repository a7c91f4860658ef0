package netarena.faults;

import java.util.concurrent.TimeUnit;
import netarena.server.testing.ModelConfigs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite at {@link Scale#FULL}, in the soak profile ({@code mvn verify -Psoak}): every scenario on
 * every model, a thousand slowloris connections. Writes {@code results/reliability.md}, the committed figures.
 */
@Tag("soak")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FaultSuiteSoakTest extends FaultSuite {

    FaultSuiteSoakTest() {
        super(Scale.FULL, "results/reliability.md", ModelConfigs.models());
    }
}
