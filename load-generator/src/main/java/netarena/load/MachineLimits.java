package netarena.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rules a plan must meet on this machine before any socket opens: every connection needs a file
 * descriptor and, to one target, its own local port, and a rate needs a CPU per event loop that paces it. A
 * plan past any is refused with the numbers.
 * Also what the process can tell about itself: its open-file limit and its CPU time.
 */
final class MachineLimits {

    /** Descriptors left for the JVM, the event loops' epoll and eventfds, and the result files. */
    static final int RESERVED_DESCRIPTORS = 64;
    private static final Path PORT_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private MachineLimits() {
    }

    /** @throws IllegalArgumentException naming the limit the plan exceeds and what to do */
    static void check(LoadPlan plan) {
        long max = maxOpenFiles();
        long open = openFiles();
        if (max > 0 && open >= 0) {
            long headroom = max - open - RESERVED_DESCRIPTORS - 4L * plan.limits().threads();
            if (plan.limits().connections() > headroom) {
                throw new IllegalArgumentException("--connections " + plan.limits().connections() + " needs as many file "
                        + "descriptors, but this process may open only " + Math.max(0, headroom) + " more (open-file "
                        + "limit " + max + ", " + open + " in use, " + RESERVED_DESCRIPTORS + " kept in reserve): "
                        + "raise `ulimit -n` or use fewer connections");
            }
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        long paceable = LoadLimits.MAX_RATE_PER_THREAD * Math.min(plan.limits().threads(), cpus);
        long rate = plan.shape().ratePerSecond();
        if (rate > paceable) {
            throw new IllegalArgumentException("--rate " + rate + " is more than this machine can pace: "
                    + "at most " + LoadLimits.MAX_RATE_PER_THREAD + " requests/s per thread, and threads beyond its " + cpus
                    + " CPUs add no pacing (" + plan.limits().threads() + " threads): lower the rate");
        }
        long ports = ephemeralPorts(PORT_RANGE);
        int connections = plan.limits().connections();
        if (ports > 0 && connections > ports) {
            throw new IllegalArgumentException("--connections " + connections + " to one target needs as many "
                    + "local ports, but the ephemeral port range (" + PORT_RANGE + ") holds only " + ports
                    + ": widen it or use fewer connections");
        }
    }

    /** The open-file limit of this process, or -1 when the platform does not say. */
    static long maxOpenFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }

    private static long openFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /** CPU time of this whole process (every thread, user + system) in nanoseconds, or -1 when unknown. */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** Ports in a Linux {@code ip_local_port_range} file ("32768\t60999"), or -1 when unreadable. */
    static long ephemeralPorts(Path rangeFile) {
        try {
            String[] parts = Files.readString(rangeFile).trim().split("\\s+");
            return Long.parseLong(parts[1]) - Long.parseLong(parts[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
