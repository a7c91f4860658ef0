package netarena.protocol;

/**
 * One answer, whatever protocol carries it.
 *
 * @param status  the outcome
 * @param id      the id of the request it answers (0 for BAD_FRAME)
 * @param payload the body; never null
 */
public record Response(Status status, long id, byte[] payload) {

    private static final byte[] EMPTY = new byte[0];

    public Response {
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (use an empty array)");
        }
    }

    public static Response of(Status status, long id) {
        return new Response(status, id, EMPTY);
    }
}
