package netarena.experiments.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What one more idle connection costs a server: the least-squares slope of its memory against the
 * number of open connections, measured after a full GC at 0, N and 2N connections. Written beside a
 * repetition's results as {@value #FILE}.
 *
 * @param rssKbPerConnection    resident set size (the whole process, VmRSS) per connection, KiB
 * @param heapKbPerConnection   live Java heap (used after a full GC) per connection, KiB
 * @param nativeKbPerConnection committed memory outside the heap (Native Memory Tracking) per connection,
 *                              KiB; NaN when the server does not track native memory
 * @param points                the readings the slopes come from
 * @param failure               why the slope is unknown, or null
 */
public record MemorySlope(double rssKbPerConnection, double heapKbPerConnection, double nativeKbPerConnection,
        List<Point> points, String failure) {

    public static final String FILE = "memory.json";

    /**
     * One reading.
     *
     * @param connections     idle connections open, each touched once
     * @param rssKb           VmRSS, KiB
     * @param heapUsedKb      heap in use after a full GC, KiB
     * @param nonHeapCommittedKb NMT's committed memory outside the heap and the JIT, KiB; -1 when not tracked
     */
    public record Point(int connections, long rssKb, long heapUsedKb, long nonHeapCommittedKb) {
    }

    public MemorySlope {
        points = List.copyOf(points);
    }

    /** A slope that could not be measured, and why. */
    public static MemorySlope failed(String why, List<Point> pointsSoFar) {
        return new MemorySlope(Double.NaN, Double.NaN, Double.NaN, pointsSoFar, why);
    }

    /** The slopes of {@code points} (at least two distinct connection counts). */
    public static MemorySlope of(List<Point> points) {
        boolean nativeKnown = points.stream().allMatch(p -> p.nonHeapCommittedKb() >= 0);
        return new MemorySlope(slope(points, Point::rssKb), slope(points, Point::heapUsedKb),
                nativeKnown ? slope(points, Point::nonHeapCommittedKb) : Double.NaN, points, null);
    }

    /** Writes this as {@value #FILE} into {@code dir}. */
    public void writeTo(Path dir) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(FILE).toFile(), this);
    }

    /** The least-squares slope of {@code y} against the connection count. */
    static double slope(List<Point> points, java.util.function.ToLongFunction<Point> y) {
        double n = points.size();
        double meanX = points.stream().mapToDouble(Point::connections).sum() / n;
        double meanY = points.stream().mapToDouble(p -> y.applyAsLong(p)).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (Point p : points) {
            double dx = p.connections() - meanX;
            sxy += dx * (y.applyAsLong(p) - meanY);
            sxx += dx * dx;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a slope needs two connection counts, had " + points);
        }
        return sxy / sxx;
    }
}
