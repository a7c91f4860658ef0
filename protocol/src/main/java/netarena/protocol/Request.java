package netarena.protocol;

/**
 * One decoded request, whatever protocol carried it.
 *
 * @param opCode  the op byte as received; {@link #op()} is null when it names no op
 * @param id      the client's id (frames); for HTTP the CPU seed ({@code /cpu?seed=}), else 0
 * @param arg     the u32 argument, 0 to 2^32 - 1: CPU rounds, or DELAY/BLOCK microseconds
 * @param payload the request body; never null, owned by the request
 */
public record Request(int opCode, long id, long arg, byte[] payload) {

    public Request {
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (use an empty array)");
        }
    }

    public Op op() {
        return Op.fromCode(opCode);
    }
}
