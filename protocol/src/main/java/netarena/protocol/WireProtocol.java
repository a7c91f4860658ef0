package netarena.protocol;

import java.util.Locale;
import netarena.protocol.http.HttpServerCodec;

/** The protocols a server can speak; each makes one {@link ServerCodec} per connection. */
public enum WireProtocol {
    /** Length-prefixed binary frames (docs/PROTOCOL.md). */
    FRAME,
    /** HTTP/1.1 with pipelining (docs/HTTP.md). */
    HTTP;

    public ServerCodec newServerCodec(ProtocolLimits limits) {
        return switch (this) {
            case FRAME -> new FrameServerCodec(limits.maxFrameBytes());
            case HTTP -> new HttpServerCodec(limits);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WireProtocol fromLabel(String label) {
        for (WireProtocol p : values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + label + "': expected frame or http");
    }
}
