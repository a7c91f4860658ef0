package netarena.experiments.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reads the one line {@code netarena serve} prints once it accepts connections, {@code listening on HOST:PORT},
 * from a server started in another process. The read runs on a thread of its own: in the common pool (one
 * thread on 2 cores) it can wait behind anything else running there, as it once waited behind a 60 s load run.
 */
public final class ListeningLine {

    private static final String PREFIX = "listening on ";

    private ListeningLine() {
    }

    /**
     * The address {@code process} says it listens on. When it says something else, exits or stays silent for
     * {@code timeoutSeconds}, the process is killed and the exception's message ends with {@code whereToLook}
     * (the server's log, or where to find it).
     */
    public static InetSocketAddress await(Process process, long timeoutSeconds, Supplier<String> whereToLook)
            throws IOException {
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        }, r -> Thread.ofPlatform().daemon().name("server-first-line").start(r));
        String line;
        try {
            line = firstLine.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while the server started");
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the server did not say 'listening on' within " + timeoutSeconds + " s; "
                    + whereToLook.get());
        }
        if (line == null || !line.startsWith(PREFIX)) {
            process.destroyForcibly();
            throw new IOException("the server exited or printed '" + line + "' instead of 'listening on HOST:PORT'; "
                    + whereToLook.get());
        }
        String hostPort = line.substring(PREFIX.length());
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
