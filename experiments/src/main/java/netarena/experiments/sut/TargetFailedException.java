package netarena.experiments.sut;

import java.io.IOException;

/**
 * An external target that could not be measured, found before anything was written: nothing listens there
 * ({@link #unreachable()}, exit 3 on the command line) or it failed the verify gate (it does not speak the
 * protocol asked, exit 2).
 */
public final class TargetFailedException extends IOException {

    private final boolean unreachable;

    public TargetFailedException(String message, boolean unreachable) {
        super(message);
        this.unreachable = unreachable;
    }

    /** True when the connection did not open. */
    public boolean unreachable() {
        return unreachable;
    }
}
