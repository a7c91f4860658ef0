package netarena.experiments.distributed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces for local agents ({@code load --agents N --netns}): agent i runs in its own namespace
 * with its own address, joined to the server's namespace by a veth pair of its own, so that N agents on
 * one machine are N network stacks, as N machines would be.
 *
 * <pre>
 *   server's namespace (a named one, or this process's)        agent i's namespace netarena-ID-aI
 *   naIDsI  10.231.X.Y+1/30  &lt;------- veth pair -------&gt;  naIDaI  10.231.X.Y+2/30 (lo up)
 * </pre>
 *
 * <p>Each pair is a /30 of 10.231.0.0/16 (X.Y = 4 i), so agent i reaches the server at
 * {@link #serverAddress} and nothing else: no route leaves the pair. Made with the {@code ip} command, so
 * root only ({@link #unavailable} says why not). {@link #close} deletes every namespace it made (which
 * deletes the pairs), also when making them failed half way. Not thread-safe: the launching thread's.
 */
public final class AgentNetwork implements AutoCloseable {

    /** The /16 the agents' pairs are cut from: private, and unlikely to be routed on a test machine. */
    static final String SUBNET_PREFIX = "10.231.";
    /** /30 pairs in a /16. */
    public static final int MAX_AGENTS = 16_384;
    private static final long IP_TIMEOUT_SECONDS = 10;

    private final String id;
    private final String serverNetns;
    private final List<String> made = new ArrayList<>();
    private final int agents;

    private AgentNetwork(String id, int agents, String serverNetns) {
        this.id = id;
        this.agents = agents;
        this.serverNetns = serverNetns;
    }

    /**
     * Why namespaces cannot be made here (not root, or no {@code ip} command), or empty when they can.
     */
    public static Optional<String> unavailable() {
        if (!"0".equals(run(List.of("id", "-u")).orElse("").trim())) {
            return Optional.of("--netns needs root: ip netns add and ip link add veth are privileged");
        }
        if (run(List.of("ip", "netns", "list")).isEmpty()) {
            return Optional.of("--netns needs the ip command (iproute2) with netns support");
        }
        return Optional.empty();
    }

    /**
     * Makes one namespace and pair per agent.
     *
     * @param serverNetns the server's namespace, or null for this process's own
     * @throws IllegalStateException naming the {@code ip} command that failed; what was made is deleted
     */
    public static AgentNetwork create(int agents, String serverNetns) {
        if (agents < 1 || agents > MAX_AGENTS) {
            throw new IllegalArgumentException("agents in namespaces must be between 1 and " + MAX_AGENTS + ", was " + agents);
        }
        String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        AgentNetwork net = new AgentNetwork(id, agents, serverNetns);
        try {
            for (int i = 0; i < agents; i++) {
                net.link(i);
            }
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** The namespace agent {@code index} runs in. */
    public String agentNetns(int index) {
        return "netarena-" + id + "-a" + index;
    }

    /** Where agent {@code index} reaches the server: the server's end of its pair. */
    public String serverAddress(int index) {
        return address(index, 1);
    }

    /** Agent {@code index}'s own address. */
    public String agentAddress(int index) {
        return address(index, 2);
    }

    public int agents() {
        return agents;
    }

    private void link(int i) {
        String ns = agentNetns(i);
        String serverEnd = "na" + id + "s" + i;
        String agentEnd = "na" + id + "a" + i;
        ip("netns", "add", ns);
        made.add(ns);
        ip("-n", ns, "link", "set", "lo", "up");
        ip("link", "add", serverEnd, "type", "veth", "peer", "name", agentEnd, "netns", ns);
        if (serverNetns != null) {
            ip("link", "set", serverEnd, "netns", serverNetns);
        }
        ipIn(serverNetns, "addr", "add", serverAddress(i) + "/30", "dev", serverEnd);
        ipIn(serverNetns, "link", "set", serverEnd, "up");
        ipIn(ns, "addr", "add", agentAddress(i) + "/30", "dev", agentEnd);
        ipIn(ns, "link", "set", agentEnd, "up");
    }

    /** Deletes the namespaces made (their pairs go with them); never throws. */
    @Override
    public void close() {
        for (String ns : made) {
            run(List.of("ip", "netns", "del", ns));
        }
        made.clear();
    }

    private static String address(int index, int host) {
        int base = 4 * index;
        return SUBNET_PREFIX + (base / 256) + "." + (base % 256 + host);
    }

    private static void ipIn(String ns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        if (ns != null) {
            cmd.addAll(List.of("-n", ns));
        }
        cmd.addAll(List.of(args));
        check(cmd);
    }

    private static void ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        check(cmd);
    }

    private static void check(List<String> cmd) {
        if (run(cmd).isEmpty()) {
            throw new IllegalStateException("'" + String.join(" ", cmd) + "' failed: namespaces for agents need root "
                    + "and iproute2");
        }
    }

    /** The command's output when it exited 0 within the timeout, else empty. */
    private static Optional<String> run(List<String> cmd) {
        try {
            Path outFile = Files.createTempFile("netarena-ip", ".out");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(outFile.toFile()).start();
                if (!p.waitFor(IP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                return p.exitValue() == 0 ? Optional.of(Files.readString(outFile, StandardCharsets.UTF_8))
                        : Optional.empty();
            } finally {
                Files.deleteIfExists(outFile);
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
