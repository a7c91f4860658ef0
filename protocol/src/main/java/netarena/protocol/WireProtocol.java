package netarena.protocol;

import java.util.Locale;

/** The protocols a server can speak; each makes one {@link ServerCodec} per connection. */
public enum WireProtocol {
    FRAME;

    public ServerCodec newServerCodec(ProtocolLimits limits) {
        return switch (this) {
            case FRAME -> new FrameServerCodec(limits.maxFrameBytes());
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
        throw new IllegalArgumentException("unknown protocol '" + label + "': expected frame");
    }
}
