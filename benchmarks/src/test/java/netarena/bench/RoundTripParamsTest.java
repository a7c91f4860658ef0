package netarena.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import netarena.server.ServerModel;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** JMH needs its @Param values as constants; the registry is the truth, and this keeps them in step. */
class RoundTripParamsTest {

    @Test
    void modelParamListsEveryRegisteredModel() throws Exception {
        Param param = RoundTripBenchmark.ServerState.class.getDeclaredField("model").getAnnotation(Param.class);
        List<String> registry = Arrays.stream(ServerModel.values()).map(ServerModel::label).toList();
        assertEquals(registry, List.of(param.value()));
    }
}
