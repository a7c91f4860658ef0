package netarena.protocol.http;

import static netarena.protocol.http.ServerSim.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import netarena.protocol.ProtocolLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests split anywhere get the same answers as requests read whole. Every test that feeds a
 * ServerSim already checks every two-piece split; this adds the limits (made small, so splitting them
 * everywhere stays cheap), one byte at a time, and every three-piece split of a pipeline.
 */
class HttpSplitTest {

    private static final ProtocolLimits TINY = new ProtocolLimits(32, 64);
    private static final String PIPELINE = get("/plaintext")
            + "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n"
            + "POST /echo HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 4\r\n\r\nwxyz"
            + get("/cpu?units=9&seed=3") + get("/none") + "GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";

    static Stream<Arguments> inputsAtTinyLimits() {
        return Stream.of(
                arguments(431, "GET /plaintext HTTP/1.1\r\nHost: t\r\nX-Long: aaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"),
                arguments(414, "GET /plaintextplaintextplaintextplaintextplaintextplaintextplaintext"),
                arguments(431, "\r\n\r\nGET /plaintextplaintextplaintextplaintextplaintextplaintextplaintext"),
                arguments(413, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 33\r\n\r\n"),
                arguments(200, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 32\r\n\r\n0123456789abcdef0123456789abcdef"),
                arguments(413, "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n11\r\n"),
                arguments(400, "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1;" + "e".repeat(70) + "\r\n"),
                arguments(431, "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
                        + "A: 1234567890\r\n".repeat(5) + "\r\n"));
    }

    @ParameterizedTest
    @MethodSource("inputsAtTinyLimits")
    void reachesEveryLimitAtTheSameByteWhereverTheInputIsSplit(int status, String input) {
        ServerSim whole = new ServerSim(TINY, ServerSim::runWithoutWaiting)
                .assertSameAtEverySplit(input.getBytes(StandardCharsets.US_ASCII));
        assertEquals(status, whole.responses().getLast().statusCode(), whole.text());
    }

    @Test
    void answersAPipelineFedOneByteAtATimeAsIfReadWhole() {
        byte[] bytes = PIPELINE.getBytes(StandardCharsets.US_ASCII);
        ServerSim whole = new ServerSim().feed(bytes);
        ServerSim bytewise = new ServerSim();
        for (int i = 0; i < bytes.length; i++) {
            bytewise.feed(ByteBuffer.wrap(bytes, i, 1));
        }
        assertEquals(whole.outcome(), bytewise.outcome());
        assertEquals(6, whole.responses().size());
    }

    @Test
    void answersAPipelineSplitInThreeAnywhereAsIfReadWhole() {
        byte[] bytes = PIPELINE.getBytes(StandardCharsets.US_ASCII);
        String whole = new ServerSim().feed(bytes).outcome();
        for (int i = 0; i <= bytes.length; i += 1) {
            for (int j = i; j <= bytes.length; j += 5) {
                assertEquals(whole, new ServerSim().feed(bytes, i, j).outcome(), "split at " + i + " and " + j);
            }
        }
    }
}
