package netarena.server.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories whose threads say in their name which server and role they serve. */
public final class NamedThreads {

    private NamedThreads() {
    }

    /** Daemon platform threads named {@code prefix-1}, {@code prefix-2}... */
    public static ThreadFactory platform(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
