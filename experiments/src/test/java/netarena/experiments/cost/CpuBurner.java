package netarena.experiments.cost;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A stand-in server for {@link PhaseCostTest}, run in its own JVM: says {@code ready}, and at each line
 * on stdin burns that many milliseconds of CPU on its thread {@value #THREAD_NAME}, by the thread's own
 * clock, then says {@code done}. An empty line ends it.
 */
public final class CpuBurner {

    static final String THREAD_NAME = "burner-1";
    private static volatile long sink;

    private CpuBurner() {
    }

    public static void main(String[] args) throws Exception {
        Thread burner = new Thread(CpuBurner::serve, THREAD_NAME);
        burner.start();
        burner.join();
    }

    private static void serve() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in))) {
            System.out.println("ready");
            System.out.flush();
            String line;
            while ((line = in.readLine()) != null && !line.isBlank()) {
                long until = mx.getCurrentThreadCpuTime() + Long.parseLong(line.strip()) * 1_000_000L;
                long x = 0;
                while (mx.getCurrentThreadCpuTime() < until) {
                    for (int i = 0; i < 10_000; i++) {
                        x += i * 31L ^ x;
                    }
                }
                sink = x;
                System.out.println("done");
                System.out.flush();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
