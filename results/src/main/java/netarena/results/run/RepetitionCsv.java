package netarena.results.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The columns of {@code repetitions.csv}: one row per {@link Repetition}, its {@link CellKey} and
 * {@link ServerCost} flattened (the CPU split columns of the server and the generator may be missing from
 * older runs, and read as unknown; a missing worker_pool column reads as {@link CellKey#POOL_BEFORE_KINDS}). Units are in the column names; an unknown figure is an empty field,
 * and unknown peak RSS or thread counts are -1 as in {@link ServerCost#unknown()}. The cell_id column
 * is {@link CellKey#id()}, for grep; a reader rebuilds the key from the other columns.
 */
public final class RepetitionCsv {

    public static final List<String> HEADER = List.of(
            "cell_id", "model", "io_threads", "workers", "worker_pool", "connections", "op", "size_bytes", "arg", "rate_per_sec",
            "protocol", "repetition", "order", "status", "reason", "throughput_per_sec", "p50_micros", "p90_micros",
            "p99_micros", "p999_micros", "max_micros", "requests", "errors", "cpu_micros_per_request",
            "cpu_jit_micros_per_request", "cpu_gc_micros_per_request", "cpu_other_micros_per_request",
            "generator_cpu_micros_per_request", "generator_cpu_jit_micros_per_request",
            "generator_cpu_gc_micros_per_request", "generator_cpu_other_micros_per_request",
            "context_switches_per_request", "peak_rss_kb", "threads", "rss_per_connection_kb",
            "heap_per_connection_kb", "native_per_connection_kb", "result_dir");

    private RepetitionCsv() {
    }

    public static String headerLine() {
        return Csv.line(HEADER);
    }

    /** The CSV line of one repetition, ending in a newline. */
    public static String line(Repetition r) {
        CellKey k = r.cell();
        ServerCost c = r.cost() == null ? ServerCost.unknown() : r.cost();
        return Csv.line(List.of(k.id(), k.model(), String.valueOf(k.ioThreads()), String.valueOf(k.workers()),
                k.workerPool(), String.valueOf(k.connections()), k.op(), String.valueOf(k.sizeBytes()), String.valueOf(k.arg()),
                Csv.number(k.ratePerSec()), k.protocol(), String.valueOf(r.repetition()), String.valueOf(r.order()),
                r.status().name(), nullToEmpty(r.reason()), Csv.number(r.throughputPerSec()),
                Csv.number(r.p50Micros()), Csv.number(r.p90Micros()), Csv.number(r.p99Micros()),
                Csv.number(r.p999Micros()), Csv.number(r.maxMicros()), String.valueOf(r.requests()),
                String.valueOf(r.errors()), Csv.number(c.cpu().requestMicros()), Csv.number(c.cpu().jitMicros()),
                Csv.number(c.cpu().gcMicros()), Csv.number(c.cpu().otherMicros()),
                Csv.number(c.generatorCpu().requestMicros()), Csv.number(c.generatorCpu().jitMicros()),
                Csv.number(c.generatorCpu().gcMicros()), Csv.number(c.generatorCpu().otherMicros()),
                Csv.number(c.contextSwitchesPerRequest()), String.valueOf(c.peakRssKb()), String.valueOf(c.threads()),
                Csv.number(c.rssPerConnectionKb()), Csv.number(c.heapPerConnectionKb()),
                Csv.number(c.nativePerConnectionKb()), nullToEmpty(r.resultDir())));
    }

    /** Reads every readable row; damaged lines (a run killed mid-write) are skipped and reported. */
    public static Rows<Repetition> read(Path file) {
        return Csv.read(file, RepetitionCsv::parse);
    }

    static Repetition parse(Map<String, String> f) {
        try {
            CellKey key = new CellKey(Csv.field(f, "model"), integer(f, "io_threads"), integer(f, "workers"),
                    ResultsCsv.workerPool(f), integer(f, "connections"), Csv.field(f, "op"), integer(f, "size_bytes"), longer(f, "arg"),
                    number(f, "rate_per_sec"), Csv.field(f, "protocol"));
            CpuSplit server = new CpuSplit(number(f, "cpu_micros_per_request"),
                    optionalNumber(f, "cpu_jit_micros_per_request"), optionalNumber(f, "cpu_gc_micros_per_request"),
                    optionalNumber(f, "cpu_other_micros_per_request"));
            CpuSplit generator = new CpuSplit(optionalNumber(f, "generator_cpu_micros_per_request"),
                    optionalNumber(f, "generator_cpu_jit_micros_per_request"),
                    optionalNumber(f, "generator_cpu_gc_micros_per_request"),
                    optionalNumber(f, "generator_cpu_other_micros_per_request"));
            ServerCost cost = new ServerCost(server, generator, number(f, "context_switches_per_request"), longer(f, "peak_rss_kb"), integer(f, "threads"),
                    number(f, "rss_per_connection_kb"), optionalNumber(f, "heap_per_connection_kb"),
                    optionalNumber(f, "native_per_connection_kb"));
            return new Repetition(key, integer(f, "repetition"), integer(f, "order"),
                    CellStatus.valueOf(Csv.field(f, "status").strip()), Csv.field(f, "reason"),
                    number(f, "throughput_per_sec"), number(f, "p50_micros"), number(f, "p90_micros"),
                    number(f, "p99_micros"), number(f, "p999_micros"), number(f, "max_micros"),
                    longer(f, "requests"), longer(f, "errors"), cost, Csv.field(f, "result_dir"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage(), e);
        }
    }

    private static int integer(Map<String, String> f, String column) {
        return Integer.parseInt(Csv.field(f, column).strip());
    }

    private static long longer(Map<String, String> f, String column) {
        return Long.parseLong(Csv.field(f, column).strip());
    }

    private static double number(Map<String, String> f, String column) {
        return Csv.parseDouble(Csv.field(f, column));
    }

    /** A column that runs written before it existed lack: NaN there, as for an unknown figure. */
    private static double optionalNumber(Map<String, String> f, String column) {
        return Csv.parseDouble(f.get(column));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
