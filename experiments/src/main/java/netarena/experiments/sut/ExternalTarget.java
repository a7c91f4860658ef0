package netarena.experiments.sut;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadTarget;
import netarena.protocol.WireProtocol;
import netarena.results.run.CellKey;
import netarena.server.StatsLine;

/**
 * A server netarena did not start, at {@code HOST:PORT} ({@code --target}): the user's own. Every cell and
 * question loads it as it is; nothing is launched, and nothing of its process is read (it may be another
 * machine's, or a process of many: its CPU, memory and stop line are unknown, and the figures say so). Its
 * cells are named {@code target:HOST:PORT} ({@link CellKey#targetModel}).
 *
 * @param host a name or address literal (IPv6 without brackets)
 * @param port 1 to 65535
 */
public record ExternalTarget(String host, int port) implements ServerUnderTest {

    public ExternalTarget {
        // the generator's own rules for a target, with its messages
        new LoadTarget(host, port, WireProtocol.FRAME);
    }

    /**
     * Parses {@code HOST:PORT} ({@code [::1]:7000} for IPv6).
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static ExternalTarget parse(String hostPort) {
        LoadTarget t = LoadTarget.parse(hostPort, WireProtocol.FRAME); // the protocol is the workload's, not read here
        return new ExternalTarget(t.host(), t.port());
    }

    /** {@code HOST:PORT}, with brackets around an IPv6 literal. */
    public String hostPort() {
        return new LoadTarget(host, port, WireProtocol.FRAME).hostPort();
    }

    /** The model label of its cells, {@code target:HOST:PORT}. */
    public String model() {
        return CellKey.targetModel(hostPort());
    }

    /** Unresolved: the generator resolves the name as {@code netarena load} does. */
    public InetSocketAddress address() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /**
     * Puts the target through the verify gate once, before a run folder is made.
     *
     * @throws TargetFailedException when nothing listens there, or it answers the checks wrongly
     */
    public void verify(WireProtocol protocol, HttpRequestSpec http) throws TargetFailedException {
        VerifyGate.Failure failure = VerifyGate.check(address(), protocol, http);
        if (failure != null) {
            throw new TargetFailedException(failure.unreachable()
                    ? "could not connect to the target " + hostPort() + ": " + failure.problem()
                    : "the target " + hostPort() + " failed the verify gate (" + failure.reason() + "): is it a "
                            + "server speaking " + protocol.label() + (http.isCustom() ? "" : " with netarena's ops")
                            + "?", failure.unreachable());
        }
    }

    @Override
    public ServerRun start(CellKey cell, Path dir) {
        return new Run(this);
    }

    /** The target during one cell or question: nothing to stop. */
    private record Run(ExternalTarget target) implements ServerRun {

        @Override
        public InetSocketAddress address() {
            return target.address();
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public boolean alive() {
            return true;
        }

        @Override
        public Optional<StatsLine.ServerCounters> counters() {
            return Optional.empty();
        }

        @Override
        public String whereToLook() {
            return "the target " + target.hostPort() + " (an external server: its own logs)";
        }

        @Override
        public void close() {
            // not ours to stop
        }
    }
}
