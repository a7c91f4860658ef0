package netarena.experiments.run;

import java.util.List;

/** The manifest knobs that several kinds of run record alike. */
public final class Knobs {

    private Knobs() {
    }

    /** The servers' collector as their flags choose it, e.g. {@code -XX:+UseG1GC}. */
    public static String serverGc(List<String> serverFlags) {
        return serverFlags.stream().filter(f -> f.startsWith("-XX:+Use") && f.endsWith("GC")).findFirst()
                .orElse("JVM default (G1)");
    }
}
