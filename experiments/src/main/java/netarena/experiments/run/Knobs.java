package netarena.experiments.run;

import java.util.List;
import java.util.Map;

/** The manifest knobs that several kinds of run record alike. */
public final class Knobs {

    private Knobs() {
    }

    /** The servers' collector as their flags choose it, e.g. {@code -XX:+UseG1GC}. */
    public static String serverGc(List<String> serverFlags) {
        return serverFlags.stream().filter(f -> f.startsWith("-XX:+Use") && f.endsWith("GC")).findFirst()
                .orElse("JVM default (G1)");
    }

    /**
     * The servers' own knob: their GC for launched servers; for an external target, that its settings are its
     * own, since netarena neither starts nor reads it.
     */
    public static Map<String, String> server(RunnerSettings settings) {
        return settings.target() == null ? Map.of("server GC", serverGc(settings.serverJvmFlags()))
                : Map.of("server", "the external target " + settings.target().hostPort() + ", not started by "
                        + "netarena: its runtime, flags, threads and build are its own and not recorded here");
    }
}
