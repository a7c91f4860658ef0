package netarena.protocol;

/**
 * What one connection may send.
 *
 * @param maxFrameBytes  the largest frame {@code length} (frames) or body (HTTP) accepted, in bytes
 * @param maxHeaderBytes the largest HTTP request line plus headers, in bytes
 */
public record ProtocolLimits(int maxFrameBytes, int maxHeaderBytes) {

    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;

    public ProtocolLimits {
        if (maxFrameBytes < FrameFormat.REQUEST_FIXED_BYTES) {
            throw new IllegalArgumentException(
                    "maxFrameBytes must be at least " + FrameFormat.REQUEST_FIXED_BYTES + ", was " + maxFrameBytes);
        }
        if (maxHeaderBytes < 64) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 64, was " + maxHeaderBytes);
        }
    }

    public static ProtocolLimits defaults() {
        return new ProtocolLimits(FrameFormat.DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_HEADER_BYTES);
    }
}
