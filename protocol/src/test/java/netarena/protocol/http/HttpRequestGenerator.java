package netarena.protocol.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import netarena.protocol.Op;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;

/**
 * Random valid HTTP request pipelines with the requests and answers they must produce, and random
 * damage to bytes, for the seeded property tests. Heads stay under 512 bytes and bodies under 4 KiB.
 */
final class HttpRequestGenerator {

    /** What one request must become, and how it must be answered. */
    record Expected(Request request, int status, byte[] body, boolean keepAlive) {
    }

    /** The bytes of a pipeline and what its answered requests must give, in order. */
    record Pipeline(byte[] wire, List<Expected> expected) {
    }

    private static final byte[] EMPTY = new byte[0];
    private static final String[] SOUP = {"GET", "POST", " ", "/plaintext", "/echo", "/cpu?units=", "HTTP/1.1", "HTTP/1.0",
        "\r\n", "\n", "\r", ":", "Host", "Content-Length", "Transfer-Encoding", "chunked", "Connection", "close", "0", "5",
        "FFFFFFFF", "99999999999", ";", "\t", ",", "\u0000", "\u00ff"};

    private HttpRequestGenerator() {
    }

    /** {@code count} requests back to back; after one that closes, maybe more bytes that must be ignored. */
    static Pipeline pipeline(SplittableRandom random, int count) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Expected e = one(random, wire);
            if (expected.isEmpty() || expected.getLast().keepAlive()) {
                expected.add(e);
            }
        }
        return new Pipeline(wire.toByteArray(), expected);
    }

    private static Expected one(SplittableRandom random, ByteArrayOutputStream wire) {
        boolean http10 = random.nextInt(5) == 0;
        // 0: Connection: close; 1-3: keep-alive (said always in 1.0, sometimes in 1.1); 4-7: the version's default
        int persistence = random.nextInt(8);
        boolean keepAlive = persistence != 0 && (persistence < 4 || !http10);
        StringBuilder head = new StringBuilder();
        byte[] body = EMPTY;
        Expected e;
        int kind = random.nextInt(9);
        switch (kind) {
            case 0 -> {
                head.append("GET /plaintext");
                e = new Expected(new Request(Op.ECHO.code(), 0, 0, Route.plaintextBody()), 200, Route.plaintextBody(), keepAlive);
            }
            case 1 -> {
                head.append("POST /echo");
                body = new byte[random.nextInt(600)];
                random.nextBytes(body);
                e = new Expected(new Request(Op.ECHO.code(), 0, 0, body), 200, body, keepAlive);
            }
            case 2 -> {
                long units = random.nextInt(2000);
                long seed = random.nextBoolean() ? 0 : random.nextLong();
                head.append(random.nextBoolean() ? "GET /cpu?units=" + units + "&seed=" + Long.toUnsignedString(seed)
                        : seed == 0 ? "GET /cpu?units=" + units : "GET /cpu?seed=" + Long.toUnsignedString(seed) + "&units=" + units);
                byte[] answer = Long.toUnsignedString(RequestWork.cpu(seed, units)).getBytes(StandardCharsets.US_ASCII);
                e = new Expected(new Request(Op.CPU.code(), seed, units, EMPTY), 200, answer, keepAlive);
            }
            case 3, 4 -> {
                Op op = kind == 3 ? Op.DELAY : Op.BLOCK;
                long us = random.nextInt(1000);
                head.append("GET /").append(op.label()).append("?us=").append(us);
                e = new Expected(new Request(op.code(), 0, us, EMPTY), 200, EMPTY, keepAlive);
            }
            case 5 -> {
                String path = "/" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
                head.append("GET ").append(path);
                e = rejected(404, "no route for " + path, keepAlive);
            }
            case 6 -> {
                head.append(random.nextBoolean() ? "PUT /plaintext" : "GET /echo");
                e = rejected(405, head.charAt(0) == 'P' ? "/plaintext accepts only GET, HEAD" : "/echo accepts only POST", keepAlive);
            }
            case 7 -> {
                long units = RequestWork.MAX_CPU_UNITS + 1 + random.nextInt(1000);
                head.append("GET /cpu?units=").append(units);
                e = new Expected(new Request(Op.CPU.code(), 0, units, EMPTY), 400,
                        ascii("query parameter units must be at most " + RequestWork.MAX_CPU_UNITS + "\n"), keepAlive);
            }
            default -> {
                head.append("GET /block?us=").append(random.nextBoolean() ? "" : "12x");
                e = rejected(400, "query parameter us must be decimal digits", keepAlive);
            }
        }
        head.append(http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
        if (!http10 || random.nextBoolean()) {
            head.append(randomCase(random, "Host")).append(":").append(random.nextBoolean() ? " " : "").append("t\r\n");
        }
        if (persistence == 0) {
            head.append(randomCase(random, "Connection")).append(": close\r\n");
        } else if (persistence < 4 && (http10 || random.nextBoolean())) {
            head.append(randomCase(random, "Connection")).append(":\tkeep-alive \r\n");
        }
        for (int h = random.nextInt(3); h > 0; h--) {
            head.append("X-").append(Long.toString(random.nextLong() & 0xFFFF, 36)).append(": v\t").append(h).append(" \r\n");
        }
        boolean chunked = !http10 && body.length > 0 && random.nextBoolean();
        if (chunked) {
            head.append(randomCase(random, "Transfer-Encoding")).append(": chunked\r\n\r\n");
            wire.writeBytes(ascii(head.toString()));
            wire.writeBytes(chunk(random, body));
        } else {
            if (body.length > 0 || random.nextInt(4) == 0) {
                head.append(randomCase(random, "Content-Length")).append(": ").append(body.length).append("\r\n");
            }
            wire.writeBytes(ascii(head.append("\r\n").toString()));
            wire.writeBytes(body);
        }
        return e;
    }

    private static Expected rejected(int status, String reason, boolean keepAlive) {
        return new Expected(new Request(0, 0, 0, EMPTY), status, ascii(reason + "\n"), keepAlive);
    }

    /** The body in random chunks, some with extensions, ending with optional trailers. */
    private static byte[] chunk(SplittableRandom random, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; ) {
            int n = Math.min(body.length - at, 1 + random.nextInt(200));
            String size = Integer.toHexString(n);
            out.writeBytes(ascii((random.nextBoolean() ? size : size.toUpperCase(Locale.ROOT))
                    + (random.nextInt(4) == 0 ? ";ext=" + n : "") + "\r\n"));
            out.write(body, at, n);
            out.writeBytes(ascii("\r\n"));
            at += n;
        }
        out.writeBytes(ascii(random.nextBoolean() ? "0\r\n\r\n" : "0\r\nX-Trailer: t\r\n\r\n"));
        return out.toByteArray();
    }

    private static String randomCase(SplittableRandom random, String name) {
        StringBuilder b = new StringBuilder(name);
        for (int i = 0; i < b.length(); i++) {
            if (random.nextInt(4) == 0) {
                char c = b.charAt(i);
                b.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    /** One to four random edits: overwrite, insert, delete, truncate or duplicate a slice. */
    static byte[] mutate(SplittableRandom random, byte[] bytes) {
        byte[] b = bytes;
        for (int m = 1 + random.nextInt(4); m > 0 && b.length > 0; m--) {
            int at = random.nextInt(b.length);
            b = switch (random.nextInt(5)) {
                case 0 -> {
                    byte[] c = b.clone();
                    c[at] = (byte) random.nextInt(256);
                    yield c;
                }
                case 1 -> concat(Arrays.copyOf(b, at), new byte[] {(byte) random.nextInt(256)}, Arrays.copyOfRange(b, at, b.length));
                case 2 -> concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + 1, b.length));
                case 3 -> Arrays.copyOf(b, at);
                default -> concat(b, Arrays.copyOfRange(b, at, Math.min(b.length, at + random.nextInt(64))));
            };
        }
        return b;
    }

    /** Up to 60 fragments of HTTP syntax in random order. */
    static byte[] tokenSoup(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(60); n > 0; n--) {
            b.append(SOUP[random.nextInt(SOUP.length)]);
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
