package netarena.experiments.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Native Memory Tracking's summary, committed KiB by category, and the figure this suite takes from it:
 * the committed memory a connection can add outside the Java heap (thread stacks, direct buffers, malloc,
 * the collector's structures that grow with the heap's contents). The JIT's categories (compiled code, the
 * compiler's arenas) are left out: they follow compile activity, not connections, and swing by megabytes
 * from one reading to the next.
 *
 * @param committedKb committed KiB by NMT category ({@code Java Heap}, {@code Thread}, {@code Other}...)
 * @param totalCommittedKb every category together
 */
record NativeMemory(Map<String, Long> committedKb, long totalCommittedKb) {

    static final String HEAP = "Java Heap";
    /** Categories that follow the JIT, not the connections. */
    static final List<String> JIT_CATEGORIES = List.of("Code", "Compiler", "Arena Chunk");

    private static final Pattern TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY = Pattern.compile("-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

    /** Committed memory outside the heap and the JIT's categories, KiB. */
    long nonHeapCommittedKb() {
        long jit = JIT_CATEGORIES.stream().mapToLong(c -> committedKb.getOrDefault(c, 0L)).sum();
        return totalCommittedKb - committedKb.getOrDefault(HEAP, 0L) - jit;
    }

    /**
     * Reads {@code jcmd VM.native_memory summary}'s text (with its default scale, KB).
     *
     * @throws IllegalArgumentException when the text has no total or no heap line
     */
    static NativeMemory parse(String summary) {
        Matcher total = TOTAL.matcher(summary);
        if (!total.find()) {
            throw new IllegalArgumentException("no 'Total: reserved=..KB, committed=..KB' in the native memory summary");
        }
        Map<String, Long> byCategory = new LinkedHashMap<>();
        Matcher m = CATEGORY.matcher(summary);
        while (m.find()) {
            byCategory.put(m.group(1).strip(), Long.parseLong(m.group(2)));
        }
        if (!byCategory.containsKey(HEAP)) {
            throw new IllegalArgumentException("no '" + HEAP + "' category in the native memory summary");
        }
        return new NativeMemory(Map.copyOf(byCategory), Long.parseLong(total.group(1)));
    }
}
