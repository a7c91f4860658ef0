package netarena.experiments.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import netarena.load.LoadGenerator;
import netarena.results.run.CpuSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class PhaseCostTest {

    private static final long BURN_MILLIS = 400;
    private static final long REQUESTS = 1_000;

    @Test
    void reportsAKnownBurnOnAServerThreadWithinTenPercent() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process burner = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CpuBurner.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(burner.getInputStream()));
                PrintWriter in = new PrintWriter(burner.getOutputStream(), true)) {
            assertEquals("ready", out.readLine());
            PhaseCost phase = new PhaseCost(OptionalLong.of(burner.pid()), WarmupRule.upTo(Duration.ZERO));
            phase.measuredPhaseStarted();
            in.println(BURN_MILLIS);
            assertEquals("done", out.readLine());
            phase.measuredPhaseEnded();
            CpuSplit cpu = phase.server(REQUESTS);
            double expectedMicrosPerRequest = BURN_MILLIS * 1_000.0 / REQUESTS;
            assertEquals(expectedMicrosPerRequest, cpu.requestMicros(), expectedMicrosPerRequest * 0.10,
                    "the burner thread's time is the request threads' time: " + cpu);
            assertTrue(cpu.jitMicros() >= 0 && cpu.gcMicros() >= 0 && cpu.otherMicros() >= 0, cpu.toString());
            in.println();
        } finally {
            burner.destroy();
            burner.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void countsTheGeneratorsLoopThreadsAsItsRequestThreads() throws Exception {
        PhaseCost phase = new PhaseCost(OptionalLong.of(ProcessHandle.current().pid()), WarmupRule.upTo(Duration.ZERO));
        long[] burned = new long[1];
        CountDownLatch burnt = new CountDownLatch(2);
        CountDownLatch read = new CountDownLatch(1);
        // the threads outlive the end reading: a thread that exits takes its CPU time with it
        Thread loop = new Thread(() -> {
            burned[0] = burnMillis(BURN_MILLIS);
            holdUntil(burnt, read);
        }, LoadGenerator.LOOP_THREAD_PREFIX + "-9-1");
        Thread other = new Thread(() -> {
            burnMillis(BURN_MILLIS / 2);
            holdUntil(burnt, read);
        }, "not-a-loop");
        phase.measuredPhaseStarted();
        loop.start();
        other.start();
        burnt.await();
        phase.measuredPhaseEnded();
        read.countDown();
        loop.join();
        other.join();
        CpuSplit generator = phase.generator(REQUESTS);
        double expected = burned[0] / 1_000.0 / REQUESTS;
        assertEquals(expected, generator.requestMicros(), expected * 0.10, generator.toString());
        assertTrue(generator.otherMicros() >= BURN_MILLIS / 2 * 1_000.0 / REQUESTS * 0.9, generator.toString());
    }

    @Test
    void readsOnlyTheGeneratorWhenTheServerIsNotOurs() {
        PhaseCost phase = new PhaseCost(OptionalLong.empty(), WarmupRule.upTo(Duration.ZERO));
        phase.measuredPhaseStarted();
        burnMillis(BURN_MILLIS / 4);
        phase.measuredPhaseEnded();
        CpuSplit server = phase.server(REQUESTS);
        assertTrue(Double.isNaN(server.requestMicros()) && Double.isNaN(server.totalMicros()), server.toString());
        assertTrue(Double.isNaN(phase.serverSwitchesPerRequest(REQUESTS)));
        assertNull(phase.serverAtEnd());
        assertTrue(phase.generator(REQUESTS).totalMicros() > 0, phase.generator(REQUESTS).toString());
    }

    @Test
    void readsEveryThreadOfThisProcess() {
        ThreadTimes self = ThreadTimes.readSelf();
        assertTrue(self.threads().size() >= Thread.activeCount(), "threads " + self.threads().size());
        assertTrue(Files.isDirectory(Path.of("/proc/self/task")));
        List<String> names = self.threads().values().stream().map(ThreadTimes.ThreadTime::name).toList();
        assertTrue(names.stream().anyMatch(n -> ThreadRole.of(n, x -> false) == ThreadRole.JIT), names.toString());
    }

    private static void holdUntil(CountDownLatch burnt, CountDownLatch read) {
        burnt.countDown();
        try {
            read.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Burns {@code millis} of this thread's CPU time; returns the nanoseconds actually burned. */
    private static long burnMillis(long millis) {
        var mx = ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadCpuTime();
        long x = 0;
        while (mx.getCurrentThreadCpuTime() - start < millis * 1_000_000L) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x;
            }
        }
        return mx.getCurrentThreadCpuTime() - start + (x == 42 ? 1 : 0);
    }
}
