package netarena.results.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import netarena.results.run.CellStatus;

/**
 * What one run measured of one thing it compares: a sweep cell over its repetitions, or a JMH
 * benchmark over its forks.
 *
 * @param id       matches the same subject in the other run, e.g. a {@code CellKey} id or a JMH label
 * @param status   the worst status of its repetitions: OK when every one was OK
 * @param reason   which repetitions were not OK and why; empty when OK
 * @param values   per metric, one value per OK repetition (or fork), in the metric's unit; unknown
 *                 values left out, so a metric may hold fewer values than there were repetitions
 * @param units    per metric, the repetition (or fork) number of each value, so the two sides of a
 *                 paired run can be matched; same keys and lengths as {@code values}
 * @param okUnits  how many repetitions (or forks) were OK: the ones the values come from
 */
public record Subject(String id, CellStatus status, String reason, Map<Metric, double[]> values,
                      Map<Metric, int[]> units, int okUnits) {

    public Subject {
        reason = reason == null ? "" : reason;
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        for (Map.Entry<Metric, double[]> e : values.entrySet()) {
            int[] u = units.get(e.getKey());
            if (u == null || u.length != e.getValue().length) {
                throw new IllegalArgumentException(id + " " + e.getKey().label()
                        + ": every value needs its repetition number");
            }
        }
    }

    /** A subject whose values are numbered 1, 2, ... in order, each metric on its own; OK units are the most values of any metric. */
    public static Subject numbered(String id, CellStatus status, String reason, Map<Metric, double[]> values) {
        Map<Metric, int[]> units = new LinkedHashMap<>();
        values.forEach((m, v) -> units.put(m, IntStream.rangeClosed(1, v.length).toArray()));
        int ok = values.values().stream().mapToInt(v -> v.length).max().orElse(0);
        return new Subject(id, status, reason, values, units, ok);
    }

    /** True when the values are a measurement (OK, or GENERATOR_BOUND: still the same method on both sides). */
    public boolean ok() {
        return status.measured();
    }

    /**
     * True when the OK repetitions can be compared: every one OK (however few: a metric with too few
     * values is then INCONCLUSIVE, which says so), or none FAILED (a failure is a finding about the
     * server, listed and never averaged away) and at least {@code minimum} OK once the INVALID ones
     * (the generator could not measure them) are dropped.
     */
    public boolean comparable(int minimum) {
        return ok() || status != CellStatus.FAILED && okUnits >= minimum;
    }
}
