package netarena.results.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import netarena.results.run.CellStatus;

/**
 * What one run measured of one thing it compares: a sweep cell over its repetitions, or a JMH
 * benchmark over its iterations.
 *
 * @param id     matches the same subject in the other run, e.g. a {@code CellKey} id or a JMH label
 * @param status OK when every repetition was OK; a subject that is not OK is listed, never compared
 * @param reason why it is not OK; empty when OK
 * @param values per metric, one value per repetition (or iteration), in the metric's unit; unknown
 *               values left out, so a metric may hold fewer values than there were repetitions
 */
public record Subject(String id, CellStatus status, String reason, Map<Metric, double[]> values) {

    public Subject {
        reason = reason == null ? "" : reason;
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean ok() {
        return status == CellStatus.OK;
    }
}
