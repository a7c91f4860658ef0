package netarena.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netarena.protocol.FrameDecoder;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.Response;
import netarena.protocol.Status;

/**
 * One idea: echo requests per second of every model at the same closed-loop load, side by side, from
 * the same client in one run. Not a substitute for the load generator: no latency histogram, client
 * and server share the JVM and the machine's cores, so read the figures as a ranking on this machine.
 *
 * <p>Load: {@code connections} connections (default 64), pipelining 1 (a connection sends its next
 * request when the answer to the previous one has arrived), {@code payload}-byte echoes (default 64).
 * Every answer is checked: status OK, the id sent, the payload sent; a wrong answer stops the run.
 * Each model runs with its defaults ({@code io-threads} 0: one per core; no workers), is warmed up for
 * {@code warmup} seconds, then counted for {@code seconds}. {@code rounds} repeats the whole series and
 * the table adds the median: the first models of a run also warm up the client and the JVM, and a
 * shared machine is noisy.
 * The client is {@code client-threads} (default 1) platform threads, each with a Selector over its
 * share of the connections.
 *
 * <p>Run from the repository root (arguments are optional {@code key=value} pairs):
 * <pre>
 * mvn -q -pl protocol,server-impls test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -Xms1g -Xmx1g \
 *     -cp server-impls/target/test-classes:server-impls/target/classes:$(cat server-impls/target/test.classpath) \
 *     netarena.server.EchoSideBySide seconds=5 warmup=3 rounds=3
 * </pre>
 */
public final class EchoSideBySide {

    private static final int MAX_RESPONSE_BYTES = 1 << 16;

    private EchoSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("connections", "64", "payload", "64", "seconds", "5",
                "warmup", "3", "rounds", "1", "client-threads", "1", "models", ""));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !opts.containsKey(kv[0])) {
                System.err.println("unknown argument '" + arg + "': expected key=value, key one of " + opts.keySet());
                System.exit(2);
            }
            opts.put(kv[0], kv[1]);
        }
        int connections = Integer.parseInt(opts.get("connections"));
        int payload = Integer.parseInt(opts.get("payload"));
        int clientThreads = Integer.parseInt(opts.get("client-threads"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.get("warmup")));
        Duration measure = Duration.ofSeconds(Long.parseLong(opts.get("seconds")));
        int rounds = Integer.parseInt(opts.get("rounds"));
        List<ServerModel> models = opts.get("models").isEmpty() ? ServerModel.availableModels()
                : Arrays.stream(opts.get("models").split(",")).map(ServerModel::fromLabel).toList();

        System.out.printf(Locale.ROOT, "# echo, %d connections, pipelining 1, %d-byte payload, %d client thread(s), "
                + "warmup %ds, measure %ds, %d core(s), %s %s%n", connections, payload, clientThreads,
                warmup.toSeconds(), measure.toSeconds(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Map<ServerModel, List<Result>> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (ServerModel model : models) {
                Result r = run(model, connections, payload, clientThreads, warmup, measure);
                results.computeIfAbsent(model, m -> new ArrayList<>()).add(r);
                System.out.printf(Locale.ROOT, "round %d  %-18s %,10.0f req/s  %5.1f us CPU/req%n", round + 1,
                        model.label(), r.perSecond(), r.cpuMicrosPerRequest());
            }
        }
        System.out.println();
        System.out.println("| model | " + String.join(" | ", headers(rounds)) + " | median CPU us/req |");
        System.out.println("|---|" + "---:|".repeat(rounds + 2));
        results.forEach((model, rs) -> {
            List<Double> rates = rs.stream().map(Result::perSecond).toList();
            List<String> cells = new ArrayList<>(rates.stream().map(EchoSideBySide::format).toList());
            cells.add(format(median(rates)));
            double cpu = median(rs.stream().map(Result::cpuMicrosPerRequest).toList());
            cells.add(String.format(Locale.ROOT, "%.1f", cpu));
            System.out.println("| `" + model.label() + "` | " + String.join(" | ", cells) + " |");
        });
    }

    /**
     * One model's measuring window: verified answers per second, and the CPU time of the whole process
     * (client and server, every thread) per answer, which another tenant on the machine disturbs less.
     */
    private record Result(double perSecond, double cpuMicrosPerRequest) {
    }

    private static List<String> headers(int rounds) {
        List<String> headers = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            headers.add("req/s, round " + r);
        }
        headers.add("median req/s");
        return headers;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String format(double rate) {
        return String.format(Locale.ROOT, "%,.0f", rate);
    }

    /** Verified echoes per second of one model over the measuring window, and CPU per echo. */
    private static Result run(ServerModel model, int connections, int payload, int clientThreads, Duration warmup,
            Duration measure) throws Exception {
        ServerConfig config = ServerConfig.defaults();
        ExecutorService threads = Executors.newFixedThreadPool(clientThreads);
        try (Server server = model.create(config)) {
            InetSocketAddress address = server.start();
            long start = System.nanoTime() + warmup.toNanos();
            long end = start + measure.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < clientThreads; t++) {
                int first = t * connections / clientThreads;
                int last = (t + 1) * connections / clientThreads;
                counts.add(threads.submit(() -> new ClientLoop(address, first, last, payload).run(start, end)));
            }
            long cpuAtStart = cpuAt(start);
            long answered = 0;
            for (Future<Long> count : counts) {
                answered += count.get();
            }
            long cpuNanos = processCpuNanos() - cpuAtStart;
            return new Result(answered / (measure.toNanos() / 1e9), cpuNanos / 1e3 / Math.max(1, answered));
        } finally {
            threads.shutdownNow();
        }
    }

    /** Waits until {@code nanoTime} reaches {@code at}, then reads the process CPU time. */
    private static long cpuAt(long at) throws InterruptedException {
        for (long left = at - System.nanoTime(); left > 0; left = at - System.nanoTime()) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
        return processCpuNanos();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One client thread: a Selector over connections [first, last), each with one request outstanding. */
    private static final class ClientLoop {

        private final Selector selector;
        private final List<Conn> conns = new ArrayList<>();

        ClientLoop(InetSocketAddress address, int first, int last, int payload) throws IOException {
            selector = Selector.open();
            for (int i = first; i < last; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                Conn conn = new Conn(channel, i, payload);
                conn.key = channel.register(selector, SelectionKey.OP_READ, conn);
                conns.add(conn);
            }
        }

        /** Runs until {@code end}; returns the answers that arrived in [start, end). */
        long run(long start, long end) throws IOException {
            try {
                for (Conn conn : conns) {
                    conn.sendNext();
                }
                long counted = 0;
                for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                    selector.select(100);
                    boolean measuring = now >= start;
                    for (SelectionKey key : selector.selectedKeys()) {
                        Conn conn = (Conn) key.attachment();
                        if (key.isWritable()) {
                            conn.flush();
                        }
                        if (key.isReadable()) {
                            int answers = conn.read();
                            if (measuring) {
                                counted += answers;
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
                return counted;
            } finally {
                for (Conn conn : conns) {
                    conn.channel.close();
                }
                selector.close();
            }
        }
    }

    /** One client connection: the request in flight, and the answer expected for it. */
    private static final class Conn {

        private final SocketChannel channel;
        private final byte[] payload;
        private final ByteBuffer out;
        private final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private final FrameDecoder<Response> decoder = FrameDecoder.responses(MAX_RESPONSE_BYTES);
        private final long idBase;
        private long nextId;
        private SelectionKey key;

        Conn(SocketChannel channel, int index, int payloadBytes) {
            this.channel = channel;
            this.payload = new byte[payloadBytes];
            Arrays.fill(payload, (byte) index);
            this.out = ByteBuffer.allocate(FrameFormat.requestWireBytes(payloadBytes));
            this.idBase = (long) index << 40;
        }

        void sendNext() throws IOException {
            nextId++;
            out.clear();
            FrameFormat.writeRequest(out, Op.ECHO.code(), idBase + nextId, 0, payload, 0, payload.length);
            out.flip();
            flush();
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Reads what arrived, checks each answer, sends the next request; returns the answers read. */
        int read() throws IOException {
            in.clear();
            if (channel.read(in) < 0) {
                throw new IOException("the server closed connection " + (idBase >> 40));
            }
            in.flip();
            int answers = 0;
            for (Response r = decoder.decode(in); r != null; r = decoder.decode(in)) {
                if (r.status() != Status.OK || r.id() != idBase + nextId || !Arrays.equals(r.payload(), payload)) {
                    throw new IllegalStateException("wrong answer on connection " + (idBase >> 40) + ": " + r.status()
                            + " id " + r.id() + ", expected OK id " + (idBase + nextId));
                }
                answers++;
                sendNext();
            }
            return answers;
        }
    }
}
