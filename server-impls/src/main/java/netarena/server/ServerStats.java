package netarena.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import netarena.protocol.Op;
import netarena.protocol.Status;

/**
 * The counters of one server. Written by any thread without locks (LongAdder); read as a {@link Snapshot}.
 */
public final class ServerStats {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    /** [op code 0..4, 0 for unknown][status code]. */
    private final LongAdder[][] requests = new LongAdder[Op.values().length + 1][Status.values().length];

    public ServerStats() {
        for (LongAdder[] row : requests) {
            for (int s = 0; s < row.length; s++) {
                row[s] = new LongAdder();
            }
        }
    }

    /** Counts an accepted connection as open unless {@code max} are open already; false means refuse it. */
    public boolean tryOpen(int max) {
        for (int now = open.get(); now < max; now = open.get()) {
            if (open.compareAndSet(now, now + 1)) {
                accepted.increment();
                return true;
            }
        }
        return false;
    }

    public void connectionClosed() {
        open.decrementAndGet();
        closed.increment();
    }

    public void connectionRefused() {
        refused.increment();
    }

    public int openConnections() {
        return open.get();
    }

    public void bytesIn(long n) {
        bytesIn.add(n);
    }

    public void bytesOut(long n) {
        bytesOut.add(n);
    }

    public void protocolError() {
        protocolErrors.increment();
    }

    public void request(int opCode, Status status) {
        Op op = Op.fromCode(opCode);
        requests[op == null ? 0 : op.code()][status.code()].increment();
    }

    public Snapshot snapshot() {
        Map<String, Long> byOpStatus = new LinkedHashMap<>();
        for (int o = 0; o < requests.length; o++) {
            String opName = o == 0 ? "unknown" : Op.fromCode(o).label();
            for (Status s : Status.values()) {
                long n = requests[o][s.code()].sum();
                if (n > 0) {
                    byOpStatus.put(opName + "/" + s.name(), n);
                }
            }
        }
        return new Snapshot(accepted.sum(), open.get(), refused.sum(), closed.sum(), bytesIn.sum(), bytesOut.sum(),
                protocolErrors.sum(), Map.copyOf(byOpStatus));
    }

    /**
     * @param requestsByOpStatus answered requests keyed {@code op/STATUS}, e.g. {@code echo/OK}, {@code unknown/BAD_REQUEST}
     */
    public record Snapshot(long accepted, int open, long refused, long closed, long bytesIn, long bytesOut,
            long protocolErrors, Map<String, Long> requestsByOpStatus) {

        public long requests(Op op, Status status) {
            return requestsByOpStatus.getOrDefault(op.label() + "/" + status.name(), 0L);
        }

        public long totalRequests() {
            return requestsByOpStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
