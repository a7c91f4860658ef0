package netarena.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import netarena.results.run.CellKey;

/** Expands a plan's axes into its cells, in plan order. */
public final class PlanExpander {

    private PlanExpander() {
    }

    /**
     * @param availableModels every model that can run here, in registry order; {@code all} stands for them
     * @param isKnown         whether a model label names a registered model (unknown labels are an error)
     */
    public static List<CellKey> cells(SweepPlan plan, List<String> availableModels, Predicate<String> isKnown) {
        List<String> models = resolveModels(plan.models(), availableModels, isKnown);
        LinkedHashSet<CellKey> cells = new LinkedHashSet<>();
        for (SweepPlan.Workload w : plan.workloads()) {
            for (String model : models) {
                for (int io : plan.ioThreadsOf(model)) {
                    for (int workers : w.workers()) {
                        for (String pool : plan.workerPools()) {
                            for (int connections : plan.connections()) {
                                cells.add(new CellKey(model, io, workers, pool, connections, w.op(), w.sizeBytes(),
                                        w.arg(), 0, plan.protocol()));
                            }
                        }
                    }
                }
            }
        }
        for (SweepPlan.OpenLoop o : plan.openLoop()) {
            SweepPlan.Workload w = o.workload();
            for (String model : models) {
                for (int workers : w.workers()) {
                    int io = plan.ioThreadsByModel().containsKey(model) ? plan.ioThreadsOf(model).get(0) : o.ioThreads();
                    for (String pool : plan.workerPools()) {
                        cells.add(new CellKey(model, io, workers, pool, o.connections(), w.op(), w.sizeBytes(),
                                w.arg(), o.ratePerSec(), plan.protocol()));
                    }
                }
            }
        }
        return List.copyOf(cells);
    }

    private static List<String> resolveModels(List<String> wanted, List<String> available, Predicate<String> isKnown) {
        List<String> models = new ArrayList<>();
        for (String m : wanted) {
            if (m.equals("all")) {
                available.stream().filter(a -> !models.contains(a)).forEach(models::add);
            } else if (!isKnown.test(m)) {
                throw new IllegalArgumentException("plan: unknown model '" + m + "'");
            } else if (!models.contains(m)) {
                models.add(m);
            }
        }
        return models;
    }
}
