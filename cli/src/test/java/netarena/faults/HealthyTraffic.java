package netarena.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import netarena.load.Arrivals;
import netarena.load.ErrorKind;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.load.OpenLoop;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpRequestEncoder;
import netarena.protocol.http.HttpResponse;
import netarena.protocol.http.HttpResponseDecoder;
import org.HdrHistogram.Histogram;

/**
 * A verifying load on healthy connections, run beside a fault: every answer is checked, errors are
 * counted by kind, and latency is taken from each request's intended send time (so a stall shows in
 * full). Frames go through the load generator itself (open loop); HTTP, until the generator speaks it,
 * through paced blocking clients that check each echo the same way.
 */
final class HealthyTraffic {

    /**
     * What the healthy connections saw.
     *
     * @param sent       requests written
     * @param ok         answered and verified
     * @param errors     every error of any kind (timeouts, lost, closed, refused, bad status, mismatches)
     * @param mismatches answers that were not the right answer to the request
     * @param p99Micros  99th percentile latency from the intended send time, in microseconds
     * @param detail     errors by kind, for a failure message
     */
    record Outcome(long sent, long ok, long errors, long mismatches, long p99Micros, String detail) {

        String p99() {
            return p99Micros >= 10_000 ? (p99Micros / 1000) + " ms" : String.format("%.1f ms", p99Micros / 1000.0);
        }
    }

    private HealthyTraffic() {
    }

    /** Traffic under way: wait for its end, or end it early; either way, its outcome. */
    static final class Running {
        private final CompletableFuture<Outcome> done;
        private final Runnable stopper;

        private Running(CompletableFuture<Outcome> done, Runnable stopper) {
            this.done = done;
            this.stopper = stopper;
        }

        /** Waits for the planned end. */
        Outcome outcome() throws Exception {
            return done.get(120, TimeUnit.SECONDS);
        }

        /** Ends it now (what is still in flight is neither an answer nor an error) and returns what it saw. */
        Outcome stop() throws Exception {
            stopper.run();
            return outcome();
        }
    }

    /**
     * Starts {@code ratePerSecond} echoes a second over {@code connections} for {@code duration} (or until
     * {@link Running#stop}).
     */
    static Running start(WireProtocol protocol, InetSocketAddress target, int connections, long ratePerSecond,
            Duration duration) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        Runnable body;
        Runnable stopper;
        if (protocol == WireProtocol.FRAME) {
            LoadGenerator generator = new LoadGenerator(framePlan(target, connections, ratePerSecond, duration), p -> { });
            body = () -> done.complete(of(generator.run()));
            stopper = generator::stop;
        } else {
            HttpTraffic traffic = new HttpTraffic(target, connections, ratePerSecond, duration);
            body = () -> done.complete(traffic.run());
            stopper = traffic::stop;
        }
        Thread.ofPlatform().daemon().name("healthy-traffic").start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return new Running(done, stopper);
    }

    static Outcome run(WireProtocol protocol, InetSocketAddress target, int connections, long ratePerSecond,
            Duration duration) throws Exception {
        return start(protocol, target, connections, ratePerSecond, duration).outcome();
    }

    static LoadPlan framePlan(InetSocketAddress target, int connections, long ratePerSecond, Duration duration) {
        return LoadPlan.to(target.getHostString(), target.getPort())
                .withLimits(l -> l.withConnections(connections, 1))
                .with(new OpenLoop(ratePerSecond, Arrivals.CONSTANT))
                .withBounds(b -> b.forDuration(duration))
                .withBounds(b -> b.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .withLimits(l -> l
                .withMaxLag(Duration.ofSeconds(10)).withMaxLagShare(1)); // validity is not the question here; answers are
    }

    static Outcome of(LoadResult r) {
        return new Outcome(r.requests().sent() + r.warmup().sent(), r.requests().ok() + r.warmup().ok(),
                r.errorTotal() + (r.connectFailed() ? 1 : 0),
                r.errors().get(ErrorKind.MISMATCH), r.latency().getValueAtPercentile(99),
                r.errors() + " " + r.connections()
                + (r.connectFailed() ? " connect failure: " + r.connectFailure() : "")
                + (r.mismatchSamples().isEmpty() ? "" : " " + r.mismatchSamples()));
    }

    /** HTTP: a paced client per connection, echoes of 32 bytes that name the client and the request. */
    private static final class HttpTraffic {
        private final List<HttpPacer> pacers = new ArrayList<>();

        HttpTraffic(InetSocketAddress target, int connections, long rate, Duration duration) {
            long intervalNanos = 1_000_000_000L * connections / rate;
            long start = System.nanoTime() + 50_000_000L;
            long end = start + duration.toNanos();
            for (int c = 0; c < connections; c++) {
                pacers.add(new HttpPacer(target, c, start + c * intervalNanos / connections, intervalNanos, end));
            }
        }

        void stop() {
            pacers.forEach(p -> p.endNanos = System.nanoTime());
        }

        Outcome run() {
            List<Thread> threads = new ArrayList<>();
            for (HttpPacer p : pacers) {
                threads.add(Thread.ofPlatform().daemon().name("healthy-http-" + p.client).start(p));
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            Histogram all = new Histogram(3);
            long sent = 0;
            long ok = 0;
            long errors = 0;
            long mismatches = 0;
            StringBuilder detail = new StringBuilder();
            for (HttpPacer p : pacers) {
                all.add(p.latency);
                sent += p.sent;
                ok += p.ok;
                errors += p.errors;
                mismatches += p.mismatches;
                if (p.firstError != null && detail.length() < 300) {
                    detail.append(p.firstError).append("; ");
                }
            }
            return new Outcome(sent, ok, errors, mismatches, all.getValueAtPercentile(99), detail.toString());
        }
    }

    /** One paced HTTP/1.1 keep-alive connection; reconnects after any failure. */
    private static final class HttpPacer implements Runnable {
        private final InetSocketAddress target;
        private final int client;
        private final long firstNanos;
        private final long intervalNanos;
        private volatile long endNanos;
        private final Histogram latency = new Histogram(3);
        private long sent;
        private long ok;
        private long errors;
        private long mismatches;
        private String firstError;

        HttpPacer(InetSocketAddress target, int client, long firstNanos, long intervalNanos, long endNanos) {
            this.target = target;
            this.client = client;
            this.firstNanos = firstNanos;
            this.intervalNanos = intervalNanos;
            this.endNanos = endNanos;
        }

        @Override
        public void run() {
            Socket socket = null;
            HttpResponseDecoder decoder = null;
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024).flip();
            for (long k = 0; ; k++) {
                long intended = firstNanos + k * intervalNanos;
                if (intended >= endNanos) {
                    break;
                }
                for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                byte[] body = Arrays.copyOf(("client " + client + " request " + k + " ").getBytes(StandardCharsets.US_ASCII), 32);
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(5_000);
                        socket.connect(target, 5_000);
                        decoder = new HttpResponseDecoder(ProtocolLimits.defaults());
                        buffer.clear().flip();
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(HttpRequestEncoder.echo("t", false, body));
                    sent++;
                    HttpResponse r = read(socket.getInputStream(), decoder, buffer);
                    if (r == null) {
                        throw new IOException("closed by the server");
                    }
                    if (r.statusCode() != 200) {
                        error("status " + r.statusCode());
                    } else if (!Arrays.equals(body, r.body())) {
                        mismatches++;
                        error("wrong body: " + new String(r.body(), StandardCharsets.US_ASCII));
                    } else {
                        ok++;
                        latency.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                    }
                } catch (IOException | RuntimeException e) {
                    error(e.toString());
                    close(socket);
                    socket = null;
                }
            }
            close(socket);
        }

        private void error(String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
            }
        }

        private static HttpResponse read(InputStream in, HttpResponseDecoder decoder, ByteBuffer buffer) throws IOException {
            while (true) {
                HttpResponse r = decoder.decode(buffer);
                if (r != null) {
                    return r;
                }
                buffer.compact();
                int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
                if (n < 0) {
                    return null;
                }
                buffer.position(buffer.position() + n).flip();
            }
        }

        private static void close(Socket s) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // being discarded
                }
            }
        }
    }
}
