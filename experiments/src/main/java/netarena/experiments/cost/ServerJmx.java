package netarena.experiments.cost;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A server JVM's diagnostics over its local JMX agent, started through the attach API: a full GC
 * ({@code jcmd GC.run}), the heap in use, and Native Memory Tracking's summary when the server runs with
 * {@code -XX:NativeMemoryTracking=summary}. Attaching once costs a few hundred ms; each call after that a
 * few ms, where a {@code jcmd} process would start a JVM per call. Used by one thread.
 */
final class ServerJmx implements AutoCloseable {

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final MemoryMXBean memory;

    private ServerJmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
    }

    /** Attaches to {@code pid} and connects to its local JMX agent (starting it). */
    static ServerJmx attach(long pid) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to JVM " + pid + ": " + e.getMessage(), e);
        }
        try {
            String address = vm.startLocalManagementAgent();
            return new ServerJmx(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } finally {
            vm.detach();
        }
    }

    /** A full collection, as {@code jcmd PID GC.run}: returns when it is done. */
    void gc() throws IOException {
        diagnostic("gcRun");
    }

    /** The heap in use now, bytes (after {@link #gc}: what is live). */
    long heapUsedBytes() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** {@code jcmd PID VM.native_memory summary}'s text, or null when the server does not track native memory. */
    String nativeMemorySummary() throws IOException {
        String text = diagnostic("vmNativeMemory", "summary");
        return text == null || text.contains("not enabled") ? null : text;
    }

    private String diagnostic(String operation, String... args) throws IOException {
        try {
            Object out = mbeans.invoke(new ObjectName(DIAGNOSTIC_COMMAND), operation, new Object[] {args},
                    new String[] {String[].class.getName()});
            return out == null ? null : out.toString();
        } catch (JMException e) {
            throw new IOException(operation + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
