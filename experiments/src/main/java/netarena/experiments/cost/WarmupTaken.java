package netarena.experiments.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a cell's warmup took, written beside its results as {@code warmup.json}.
 *
 * @param seconds            from the first warmup request to the start of the measured phase
 * @param requests           verified warmup answers
 * @param settled            true when it ended by its rule (requests and quiet compilers), false when it ran
 *                           to its longest time
 * @param serverJitShare     the server's compiler CPU over wall time in the last judged interval
 * @param generatorJitShare  the same for the generator's JVM
 */
public record WarmupTaken(double seconds, long requests, boolean settled, double serverJitShare,
        double generatorJitShare) {

    /** No warmup ran. */
    public static final WarmupTaken NONE = new WarmupTaken(0, 0, false, Double.NaN, Double.NaN);

    /** The file name in a repetition's folder. */
    public static final String FILE = "warmup.json";

    /** Writes this as {@value #FILE} into {@code dir}. */
    public void writeTo(Path dir) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(FILE).toFile(), this);
    }
}
