package netarena.results.capacity;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * {@code capacity.json}: every answer and the measurements behind it, field names in snake_case as in
 * {@code result.json}; unknown and unbounded numbers (NaN, infinity) are null. Derived figures (N*,
 * peak throughput, the trusted SLO bound) are written beside the records they come from.
 */
public final class CapacityJson {

    /** Bumped when a field changes meaning or goes away. */
    public static final int FORMAT_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new SimpleModule().addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(double.class, new FiniteOrNull()));

    private CapacityJson() {
    }

    public static String render(CapacityAnswer a) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("subject", a.subject());
        if (a.slo() != null) {
            slo(root.putObject("slo"), a.slo());
        }
        if (a.scaling() != null) {
            ObjectNode s = root.putObject("scaling");
            s.set("points", JSON.valueToTree(a.scaling().points()));
            if (a.scaling().fit() != null) {
                usl(s.putObject("usl"), a.scaling().fit());
            } else {
                s.putNull("usl");
            }
            s.put("problem", a.scaling().problem());
            s.set("little", JSON.valueToTree(a.scaling().little()));
        }
        if (a.pool() != null) {
            root.set("pool", JSON.valueToTree(a.pool()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write capacity.json", e);
        }
    }

    private static void slo(ObjectNode slo, CapacityAnswer.SloAnswer answer) {
        slo.put("text", answer.text());
        slo.put("quantile", answer.slo().quantile());
        slo.put("latency_micros", answer.slo().latencyMicros());
        slo.put("max_error_ratio", answer.slo().maxErrorRatio());
        slo.put("headline", CapacityText.sloHeadline(answer));
        slo.put("capacity", CapacityText.sloBound(answer));
        SearchResult r = answer.search();
        slo.set("highest_passing_rate_per_second", JSON.valueToTree(r.highestPassingRatePerSecond()));
        slo.set("lowest_failing_rate_per_second", JSON.valueToTree(r.lowestFailingRatePerSecond()));
        slo.set("knee_rate_per_second", JSON.valueToTree(r.kneeRatePerSecond()));
        slo.put("stop", r.stop().name());
        slo.put("reason", r.reason());
        slo.set("steps", JSON.valueToTree(r.steps()));
        slo.set("curve", JSON.valueToTree(r.curve()));
        slo.set("confirmations", JSON.valueToTree(answer.confirmations()));
    }

    private static void usl(ObjectNode f, UslFit fit) {
        f.set("sigma", JSON.valueToTree(fit.model().sigma()));
        f.set("kappa", JSON.valueToTree(fit.model().kappa()));
        f.set("lambda_per_second", JSON.valueToTree(fit.model().lambda()));
        f.set("peak_concurrency", JSON.valueToTree(fit.model().peakConcurrency()));
        f.set("peak_throughput_per_second", JSON.valueToTree(fit.model().peakThroughput()));
        f.set("r_squared", JSON.valueToTree(fit.rSquared()));
        f.put("points", fit.points());
        f.set("holdout_concurrency", JSON.valueToTree(fit.holdoutConcurrency()));
        f.set("holdout_relative_error", JSON.valueToTree(fit.holdoutRelativeError()));
        f.set("leave_one_out_mean_abs_error", JSON.valueToTree(fit.leaveOneOutMeanAbsError()));
    }

    /** NaN and infinities as null: JSON has no number for them. */
    private static final class FiniteOrNull extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
