package netarena.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netarena.server.ServerModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NettyTransportTest {

    @Test
    void unavailabilityReasonNamesTheTransportAndNettysRootCause() {
        Throwable cause = new IllegalStateException("failed to load the required native library",
                new UnsatisfiedLinkError("no netty_transport_native_epoll_x86_64 in java.library.path"));
        String reason = NettyTransport.reason("epoll", cause);
        assertTrue(reason.contains("epoll"), reason);
        assertTrue(reason.contains("failed to load the required native library"), reason);
        assertTrue(reason.contains("no netty_transport_native_epoll_x86_64"), reason);
    }

    @ParameterizedTest
    @EnumSource(NettyTransport.class)
    void eachTransportCanRunHereOrSaysWhyNot(NettyTransport transport) {
        String reason = transport.unavailabilityReason();
        if (reason != null) {
            assertTrue(reason.contains(transport.label()), reason);
        } else {
            assertNotNull(transport.ioHandlerFactory());
            assertNotNull(transport.serverChannel());
        }
    }

    @Test
    void theRegistryReportsTheTransportsReason() {
        assertEquals(NettyTransport.EPOLL.unavailabilityReason(), ServerModel.NETTY_EPOLL.unavailabilityReason());
        assertEquals(NettyTransport.IO_URING.unavailabilityReason(), ServerModel.NETTY_IO_URING.unavailabilityReason());
        assertEquals(null, ServerModel.NETTY_NIO.unavailabilityReason());
    }

    @Test
    void ioUringRunsWithSingleShotPollInUnlessTheUserSaidOtherwise() {
        NettyTransport.IO_URING.unavailabilityReason();
        assertEquals("false", System.getProperty(NettyTransport.IO_URING_MULTISHOT_POLL));
    }
}
