package netarena.protocol;

/**
 * Input that breaks the wire rules. The connection that sent it gets {@link #replyBytes()} (if any) and
 * is closed; no other connection is affected. The message names the broken rule.
 */
public final class ProtocolException extends RuntimeException {

    private final byte[] replyBytes;

    /**
     * @param message    the broken rule, for logs and tests
     * @param replyBytes the encoded answer sent before the connection closes; null to send nothing
     */
    public ProtocolException(String message, byte[] replyBytes) {
        super(message, null, false, false);
        this.replyBytes = replyBytes;
    }

    public byte[] replyBytes() {
        return replyBytes;
    }
}
