package netarena.server.virtual;

import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.lang.reflect.Method;
import java.util.OptionalInt;

/**
 * The carrier threads of the JVM's one virtual-thread scheduler. The JDK reads its size from two system
 * properties once, when the scheduler is created (at the first virtual thread), so {@code --io-threads}
 * must be applied before anything in the JVM creates a virtual thread.
 *
 * <p>Implementation notes: JDK 24+ has {@code jdk.management.VirtualThreadSchedulerMXBean}, which reports
 * the real parallelism and can change it at run time; it is reached by reflection because we compile for
 * release 21. On JDK 21-23 the only evidence that the scheduler already runs is a live carrier thread.
 */
final class CarrierThreads {

    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";
    static final String MAX_POOL_SIZE = "jdk.virtualThreadScheduler.maxPoolSize";

    private static final System.Logger LOG = System.getLogger(CarrierThreads.class.getName());
    private static final String CARRIER_CLASS = "jdk.internal.misc.CarrierThread";
    private static final String MXBEAN_CLASS = "jdk.management.VirtualThreadSchedulerMXBean";

    /** The JDK 24+ scheduler MXBean once asked for; guarded by the class lock. */
    private static Object bean;

    private CarrierThreads() {
    }

    /**
     * Makes the scheduler run on {@code carriers} threads: by the system properties when no virtual
     * thread has started yet (parallelism and maxPoolSize both, so blocking calls cannot add carriers
     * beyond it), else by the JDK 24+ MXBean, with a warning that maxPoolSize stays as it was. 0 leaves
     * the JDK default. Any thread; idempotent.
     *
     * @throws IllegalArgumentException when {@code carriers} is negative
     * @throws IllegalStateException    when virtual threads already run on another number of carriers
     *                                  and this JDK cannot change it
     */
    static synchronized void apply(int carriers) {
        if (carriers < 0) {
            throw new IllegalArgumentException("carrier threads must be >= 0, was " + carriers);
        }
        if (carriers == 0) {
            return;
        }
        boolean started = carriersRunning();
        int before = Integer.getInteger(PARALLELISM, Runtime.getRuntime().availableProcessors());
        if (!started) {
            System.setProperty(PARALLELISM, Integer.toString(carriers));
            System.setProperty(MAX_POOL_SIZE, Integer.toString(carriers));
        }
        Method setter = mxBeanMethod("setParallelism", int.class);
        OptionalInt actual = parallelism();
        if (actual.isPresent()) {
            if (actual.getAsInt() != carriers && setter != null) {
                invoke(setter, carriers);
                System.setProperty(PARALLELISM, Integer.toString(carriers));
                LOG.log(System.Logger.Level.WARNING,
                        "virtual threads had started on {0} carrier(s) before --io-threads {1} was applied: the "
                                + "parallelism was changed at run time, but maxPoolSize stays {2}",
                        actual.getAsInt(), carriers, System.getProperty(MAX_POOL_SIZE, "the JDK default"));
            }
            return;
        }
        if (started && before != carriers) {
            throw new IllegalStateException("virtual threads already run on " + before + " carrier thread(s), so "
                    + "--io-threads " + carriers + " cannot take effect: the scheduler's size is fixed when the "
                    + "first virtual thread starts. Apply it before anything starts a virtual thread, or start "
                    + "the JVM with -D" + PARALLELISM + "=" + carriers + " -D" + MAX_POOL_SIZE + "=" + carriers);
        }
    }

    /** The scheduler's parallelism as the JDK reports it (JDK 24+), or empty when it cannot say. */
    static synchronized OptionalInt parallelism() {
        Method getter = mxBeanMethod("getParallelism");
        if (getter == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((Integer) invoke(getter));
    }

    /** True when some carrier thread is alive: the scheduler exists and its size is settled. */
    private static boolean carriersRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getClass().getName().equals(CARRIER_CLASS));
    }

    private static Method mxBeanMethod(String name, Class<?>... parameterTypes) {
        try {
            Class<? extends PlatformManagedObject> type =
                    Class.forName(MXBEAN_CLASS).asSubclass(PlatformManagedObject.class);
            if (bean == null) {
                bean = ManagementFactory.getPlatformMXBean(type);
            }
            return bean == null ? null : type.getMethod(name, parameterTypes);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            // JDK 21-23, or a runtime image without jdk.management: no MXBean to ask
            return null;
        }
    }

    private static Object invoke(Method method, Object... args) {
        try {
            return method.invoke(bean, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the virtual-thread scheduler MXBean failed: " + e, e);
        }
    }
}
