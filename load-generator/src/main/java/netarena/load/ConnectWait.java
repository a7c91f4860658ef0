package netarena.load;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The start of a run: the controller waits until every connection opened, one failed, or the connect
 * timeout passed. The event loops report each connection ({@link LoadLoop.ConnectListener}); the
 * controller thread waits in {@link #await}.
 */
final class ConnectWait implements LoadLoop.ConnectListener {

    private static final long POLL_NANOS = 5_000_000L;

    private final LoadPlan plan;
    private final RunControl control;
    private final AtomicInteger established = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    ConnectWait(LoadPlan plan, RunControl control) {
        this.plan = plan;
        this.control = control;
    }

    @Override
    public void established(LoadConnection connection) {
        if (established.incrementAndGet() == plan.limits().connections()) {
            control.wakeController();
        }
    }

    @Override
    public void failed(LoadConnection connection, Throwable cause) {
        // the reason first: the controller reads it as soon as it sees the count
        firstFailure.compareAndSet(null, reason(cause));
        failed.incrementAndGet();
        control.wakeController();
    }

    /**
     * Why a connect failed, as a user reads it: a refused or unreachable connect is the system's words
     * ({@code Connection refused}), without Netty's native-call prefix and the address the caller already names;
     * anything else keeps its exception's name.
     */
    static String reason(Throwable cause) {
        String m = cause.getMessage();
        if (cause instanceof java.net.ConnectException && m != null) {
            return m.replaceFirst("^\\w+\\(\\.\\.\\) failed( with error\\(-?\\d+\\))?: ", "").replaceFirst(": /\\S*$", "");
        }
        return cause.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Null when every connection opened within the connect timeout (or the run was stopped), else why not. */
    String await(BooleanSupplier stopRequested) {
        int wanted = plan.limits().connections();
        long deadline = System.nanoTime() + plan.bounds().connectTimeout().toNanos();
        while (established.get() < wanted && failed.get() == 0 && !stopRequested.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, Math.min(left, POLL_NANOS));
        }
        int ok = established.get();
        if (ok == wanted || stopRequested.getAsBoolean()) {
            return null;
        }
        String why = failed.get() > 0 ? ": " + firstFailure.get() : " (no answer within --connect-timeout)";
        return String.format(Locale.ROOT, "established %d of %d connections to %s within %d ms%s", ok, wanted,
                plan.target().hostPort(), plan.bounds().connectTimeout().toMillis(), why);
    }
}
