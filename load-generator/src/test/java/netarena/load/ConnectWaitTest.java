package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The reason a failed connect gives the user: the system's words, not the transport's call site. */
class ConnectWaitTest {

    @Test
    void aRefusedConnectIsTheSystemsWords() {
        assertEquals("Connection refused", ConnectWait.reason(new ConnectException(
                "finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:42701")));
        assertEquals("Connection refused", ConnectWait.reason(new ConnectException("Connection refused")));
        assertEquals("Network is unreachable", ConnectWait.reason(new ConnectException(
                "connect(..) failed: Network is unreachable: /10.255.255.1:80")));
    }

    @Test
    void anythingElseKeepsItsExceptionsName() {
        assertEquals("IOException: too many open files", ConnectWait.reason(new IOException("too many open files")));
        assertEquals("ConnectException", ConnectWait.reason(new ConnectException()));
    }
}
