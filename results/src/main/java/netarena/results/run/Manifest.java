package netarena.results.run;

import java.util.List;
import java.util.Map;
import netarena.load.BuildInfo;

/**
 * What a reader needs to know about how a run's figures were made: {@code manifest.json} of a run folder.
 *
 * @param runId          the run folder's name, a timestamp such as {@code 2026-11-25T15-10-00Z}
 * @param kind           {@code sweep}, {@code bench}, {@code ab} or {@code capacity}
 * @param command        the command line that made the run
 * @param startedAt      ISO-8601 instant
 * @param finishedAt     ISO-8601 instant, or null while running
 * @param gitCommit      the commit of the code that ran, with {@code -dirty} when the tree had changes
 * @param plan           the plan as run (the YAML, parsed), for a rerun
 * @param environment    the machine and JVM
 * @param pinning        how server and generator were kept apart, e.g. {@code server cpu 0, generator cpu 1 (taskset)}
 *                       or why they could not be
 * @param serverJvmFlags the JVM flags of every server process
 * @param generatorJvmFlags the JVM flags of the load generator process
 * @param knobs          the hidden settings that change results: virtual-thread scheduler parallelism,
 *                       {@code sun.nio.ch.*} properties, Netty transport and version, GC, ...
 * @param netarena       the netarena version and commit the measuring code was built from (the build's own
 *                       record, where {@code gitCommit} is the checkout's at run time); null in older manifests
 */
public record Manifest(String runId, String kind, String command, String startedAt, String finishedAt,
        String gitCommit, Map<String, Object> plan, Environment environment, String pinning,
        List<String> serverJvmFlags, List<String> generatorJvmFlags, Map<String, String> knobs, BuildInfo netarena) {

    /** A manifest written by this process: {@code netarena} is this build's. */
    public Manifest(String runId, String kind, String command, String startedAt, String finishedAt,
            String gitCommit, Map<String, Object> plan, Environment environment, String pinning,
            List<String> serverJvmFlags, List<String> generatorJvmFlags, Map<String, String> knobs) {
        this(runId, kind, command, startedAt, finishedAt, gitCommit, plan, environment, pinning, serverJvmFlags,
                generatorJvmFlags, knobs, BuildInfo.current());
    }

    /**
     * @param jdk         {@code java.vm.name java.runtime.version}
     * @param os          {@code os.name os.arch}
     * @param kernel      {@code uname -r}
     * @param cpuModel    from /proc/cpuinfo
     * @param cpuCount    available processors
     * @param memoryBytes total memory of the machine
     */
    public record Environment(String jdk, String os, String kernel, String cpuModel, int cpuCount, long memoryBytes) {
    }
}
