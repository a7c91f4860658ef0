package netarena.load;

/**
 * How requests are paced: by the answers ({@link ClosedLoop}) or by a schedule ({@link OpenLoop}). Each
 * shape holds only what applies to it, so a pipelined open-loop run, or Poisson arrivals without a rate,
 * cannot be written down.
 */
public sealed interface LoadShape permits ClosedLoop, OpenLoop {

    /** True when requests follow a schedule rather than the answers. */
    default boolean open() {
        return this instanceof OpenLoop;
    }

    /** Open loop's requests per second for the whole run; 0 in closed loop. */
    default long ratePerSecond() {
        return this instanceof OpenLoop o ? o.ratePerSecond() : 0;
    }

    /** Closed loop's requests outstanding per connection; 1 in open loop (it sends on schedule). */
    default int pipeline() {
        return this instanceof ClosedLoop c ? c.depth() : 1;
    }
}
