package netarena.results.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of {@code results.csv}: one row per {@link CellSummary}. Each figure has three columns,
 * {@code _median}, {@code _min} and {@code _max} over the cell's OK repetitions; an unknown figure is
 * an empty field.
 */
public final class ResultsCsv {

    /** The figures of a summary in column order, each written as NAME_median, NAME_min, NAME_max. */
    private static final List<Figure> FIGURES = List.of(
            new Figure("throughput_per_sec", CellSummary::throughputPerSec),
            new Figure("p50_micros", CellSummary::p50Micros),
            new Figure("p99_micros", CellSummary::p99Micros),
            new Figure("p999_micros", CellSummary::p999Micros),
            new Figure("cpu_micros_per_request", CellSummary::cpuMicrosPerRequest),
            new Figure("context_switches_per_request", CellSummary::contextSwitchesPerRequest),
            new Figure("peak_rss_kb", CellSummary::peakRssKb),
            new Figure("threads", CellSummary::threads),
            new Figure("rss_per_connection_kb", CellSummary::rssPerConnectionKb),
            new Figure("cpu_jit_micros_per_request", CellSummary::cpuJitMicrosPerRequest),
            new Figure("cpu_gc_micros_per_request", CellSummary::cpuGcMicrosPerRequest),
            new Figure("cpu_other_micros_per_request", CellSummary::cpuOtherMicrosPerRequest),
            new Figure("generator_cpu_micros_per_request", CellSummary::generatorCpuMicrosPerRequest),
            new Figure("heap_per_connection_kb", CellSummary::heapPerConnectionKb),
            new Figure("native_per_connection_kb", CellSummary::nativePerConnectionKb),
            new Figure("memory_per_connection_kb", CellSummary::memoryPerConnectionKb));

    private static final List<String> KEY_COLUMNS = List.of("cell_id", "model", "io_threads", "workers",
            "worker_pool", "connections", "op", "size_bytes", "arg", "rate_per_sec", "protocol", "workload", "status", "reasons",
            "repetitions", "ok_repetitions");

    public static final List<String> HEADER = header();

    private record Figure(String name, Function<CellSummary, Spread> get) {
    }

    private ResultsCsv() {
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(KEY_COLUMNS);
        for (Figure f : FIGURES) {
            h.add(f.name() + "_median");
            h.add(f.name() + "_min");
            h.add(f.name() + "_max");
        }
        return List.copyOf(h);
    }

    /** The whole file: header and one line per summary. */
    public static String render(List<CellSummary> summaries) {
        StringBuilder sb = new StringBuilder(Csv.line(HEADER));
        for (CellSummary s : summaries) {
            sb.append(line(s));
        }
        return sb.toString();
    }

    static String line(CellSummary s) {
        CellKey k = s.key();
        List<String> v = new ArrayList<>(List.of(k.id(), k.model(), String.valueOf(k.ioThreads()),
                String.valueOf(k.workers()), k.workerPool(), String.valueOf(k.connections()), k.op(),
                String.valueOf(k.sizeBytes()),
                String.valueOf(k.arg()), Csv.number(k.ratePerSec()), k.protocol(), k.workload(), s.status().name(),
                s.reasons(), String.valueOf(s.repetitions()), String.valueOf(s.okRepetitions())));
        for (Figure f : FIGURES) {
            Spread sp = f.get().apply(s);
            v.add(Csv.number(sp.median()));
            v.add(Csv.number(sp.min()));
            v.add(Csv.number(sp.max()));
        }
        return Csv.line(v);
    }

    /** The worker_pool column; a file written before it existed measured {@link CellKey#POOL_BEFORE_KINDS}. */
    static String workerPool(Map<String, String> f) {
        String pool = f.get("worker_pool");
        return pool == null || pool.isBlank() ? CellKey.POOL_BEFORE_KINDS : pool.strip();
    }

    public static Rows<CellSummary> read(Path file) {
        return Csv.read(file, ResultsCsv::parse);
    }

    private static CellSummary parse(Map<String, String> f) {
        try {
            CellKey key = new CellKey(Csv.field(f, "model"), Integer.parseInt(Csv.field(f, "io_threads")),
                    Integer.parseInt(Csv.field(f, "workers")), workerPool(f), Integer.parseInt(Csv.field(f, "connections")),
                    Csv.field(f, "op"), Integer.parseInt(Csv.field(f, "size_bytes")),
                    Long.parseLong(Csv.field(f, "arg")), Csv.parseDouble(Csv.field(f, "rate_per_sec")),
                    Csv.field(f, "protocol"));
            Spread[] s = new Spread[FIGURES.size()];
            for (int i = 0; i < s.length; i++) {
                String n = FIGURES.get(i).name();
                // figures added after a run was written are missing from its file: unknown there
                s[i] = new Spread(Csv.parseDouble(f.get(n + "_median")), Csv.parseDouble(f.get(n + "_min")),
                        Csv.parseDouble(f.get(n + "_max")));
            }
            return new CellSummary(key, CellStatus.valueOf(Csv.field(f, "status")), Csv.field(f, "reasons"),
                    Integer.parseInt(Csv.field(f, "repetitions")), Integer.parseInt(Csv.field(f, "ok_repetitions")),
                    s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], s[13], s[14], s[15]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage(), e);
        }
    }
}
