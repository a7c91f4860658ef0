package netarena.load;

/**
 * Each connection keeps {@code depth} requests outstanding and sends the next as an answer arrives.
 * Latency then counts from the actual send, so it is not corrected for coordinated omission.
 *
 * @param depth requests outstanding per connection (the pipeline), 1 to {@link #MAX_PIPELINE}
 */
public record ClosedLoop(int depth) implements LoadShape {

    public static final int MAX_PIPELINE = 65_536;

    public ClosedLoop {
        LoadPlan.require(depth >= 1 && depth <= MAX_PIPELINE,
                "pipeline must be between 1 and " + MAX_PIPELINE + ", was " + depth);
    }
}
