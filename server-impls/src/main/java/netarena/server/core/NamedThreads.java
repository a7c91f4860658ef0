package netarena.server.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories whose threads say in their name which server and role they serve. */
public final class NamedThreads {

    private NamedThreads() {
    }

    /** Daemon platform threads named {@code prefix-1}, {@code prefix-2}..., each reserving {@code stackBytes}. */
    public static ThreadFactory platform(String prefix, long stackBytes) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, prefix + "-" + count.incrementAndGet(), stackBytes);
            t.setDaemon(true);
            return t;
        };
    }

    /** Daemon platform threads named {@code prefix-1}, {@code prefix-2}..., with the JVM's default stack. */
    public static ThreadFactory platform(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
