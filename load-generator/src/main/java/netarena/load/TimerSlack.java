package netarena.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lowers the calling thread's Linux timer slack to 1 ns, so that its timed waits end when asked.
 *
 * <p>Linux lets a timed wait ({@code epoll_pwait2}, which Netty's epoll loop uses for its scheduled tasks,
 * or {@code nanosleep}) end up to the thread's timer slack late, 50 us by default, to batch wake-ups. An
 * open-loop pacer that waits for each intended send time then adds that slack to every request's send
 * lag and latency. {@code prctl(PR_SET_TIMERSLACK)} needs native code; {@code /proc/<tid>/timerslack_ns}
 * (Linux 4.6+) sets the same value, and a thread may set its own without privileges.
 *
 * <p>Called on the thread whose slack it sets (an event loop, as it starts).
 */
final class TimerSlack {

    /** The slack asked for: the smallest the kernel takes (0 would mean "the default" again). */
    static final long NANOS = 1;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private TimerSlack() {
    }

    /**
     * Sets the calling thread's timer slack to {@value #NANOS} ns.
     *
     * @return the slack now in force, in nanoseconds; -1 where it cannot be read or set (not Linux, or
     *         an older kernel): the thread keeps the system's slack
     */
    static long minimise() {
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>"; /proc/<tid>/timerslack_ns is that thread's own
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Path slack = Path.of("/proc", tid, "timerslack_ns");
            Files.writeString(slack, Long.toString(NANOS));
            return Long.parseLong(Files.readString(slack).strip());
        } catch (IOException | UnsupportedOperationException | SecurityException | NumberFormatException e) {
            return -1;
        }
    }
}
