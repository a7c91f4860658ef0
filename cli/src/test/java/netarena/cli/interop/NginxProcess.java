package netarena.cli.interop;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import netarena.experiments.launch.LaunchedServer;

/**
 * An nginx for tests, run as the current user from a config written into a temp folder: pid file, error
 * log and every temp path (client body, proxy, fastcgi, uwsgi, scgi) live there, so it needs no system
 * folder; {@code access_log off}. It listens on an ephemeral loopback port: a free one is found by binding
 * port 0 and closing it, and should another process take it first, nginx fails to bind and a new port is
 * tried. In the foreground ({@code daemon off}), one worker; it is held as a {@link LaunchedServer}, so
 * {@link #close} stops it as every server the suite starts (SIGTERM, then SIGKILL to master and worker).
 *
 * <p>Locations: {@code /plaintext} answers {@code Hello, World!}; {@code /short} too, but closes the
 * connection after every 50 requests ({@code keepalive_requests 50}, announced with
 * {@code Connection: close}); everything else is 404.
 */
final class NginxProcess implements AutoCloseable {

    private static final int ATTEMPTS = 5;
    private static final long START_MILLIS = 10_000;

    private final LaunchedServer server;
    private final Path dir;

    private NginxProcess(LaunchedServer server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /** Starts nginx from {@code binary} with its files under {@code dir}; fails naming the reason from its error log. */
    static NginxProcess start(Path binary, Path dir) throws IOException, InterruptedException {
        String lastError = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int port = freePort();
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config(dir, port));
            Path errorLog = dir.resolve("error.log");
            Files.deleteIfExists(errorLog); // a failed attempt's lines must not fail the next
            Process p = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", conf.toString(),
                    "-e", errorLog.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            NginxProcess nginx = new NginxProcess(LaunchedServer.adopt(p,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), errorLog), dir);
            if (nginx.awaitListening()) {
                return nginx;
            }
            nginx.close();
            lastError = Files.exists(errorLog) ? Files.readString(errorLog) : "";
            lastError += Files.readString(dir.resolve("nginx.out"));
            if (!lastError.contains("Address already in use")) {
                break;
            }
        }
        throw new IllegalStateException("nginx did not start listening within " + START_MILLIS + " ms:\n" + lastError);
    }

    int port() {
        return server.address().getPort();
    }

    /** The error log so far, for failure messages. */
    String errorLog() {
        try {
            return Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private boolean awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
        while (System.nanoTime() < deadline && server.alive()) {
            try (Socket s = new Socket()) {
                s.connect(server.address(), 200);
                // the port answers; make sure it is ours and not whoever took it in between
                Thread.sleep(50);
                return server.alive() && !errorLog().contains("bind() to");
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs as whoever starts it: {@code user} only when that is root, or workers would drop to nobody. */
    static String config(Path dir, int port) {
        String user = System.getProperty("user.name");
        return String.join("\n",
                "daemon off;",
                "master_process on;",
                "worker_processes 1;",
                "root".equals(user) ? "user root;" : "",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off;",
                "  default_type text/plain;",
                "  client_body_temp_path " + dir.resolve("client_body") + ";",
                "  proxy_temp_path " + dir.resolve("proxy") + ";",
                "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "  scgi_temp_path " + dir.resolve("scgi") + ";",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    location = /plaintext { return 200 \"Hello, World!\"; }",
                "    location = /short { keepalive_requests 50; return 200 \"Hello, World!\"; }",
                "    location / { return 404; }",
                "  }",
                "}",
                "");
    }
}
