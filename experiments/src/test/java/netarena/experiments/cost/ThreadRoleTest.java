package netarena.experiments.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadRoleTest {

    @Test
    void tellsHotSpotThreadsFromTheServersOwn() {
        assertEquals(ThreadRole.JIT, ThreadRole.of("C2 CompilerThre", n -> true));
        assertEquals(ThreadRole.JIT, ThreadRole.of("C1 CompilerThre", n -> true));
        assertEquals(ThreadRole.GC, ThreadRole.of("GC Thread#1", n -> true));
        assertEquals(ThreadRole.GC, ThreadRole.of("G1 Conc#0", n -> true));
        assertEquals(ThreadRole.OTHER, ThreadRole.of("VM Thread", n -> true));
        assertEquals(ThreadRole.OTHER, ThreadRole.of("java", n -> true));
        assertTrue(ThreadRole.isServerRequestThread("netty-epoll-loo"));
        assertTrue(ThreadRole.isServerRequestThread("ForkJoinPool-1-"));
        assertTrue(ThreadRole.isServerRequestThread("selector-worke"));
        assertFalse(ThreadRole.isServerRequestThread("Signal Dispatch"));
    }

    @Test
    void aGeneratorThreadIsARequestThreadOnlyWhenItsNameSaysSo() {
        assertEquals(ThreadRole.REQUEST, ThreadRole.of("netarena-load-3", n -> n.startsWith("netarena-load")));
        assertEquals(ThreadRole.OTHER, ThreadRole.of("netarena-hiccup", n -> n.startsWith("netarena-load")));
    }
}
