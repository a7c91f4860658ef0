package netarena.experiments.run;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import io.netty.util.Version;

/** Netty's version and which native transports load here: both change the netty models' results. */
public final class NettyFacts {

    private NettyFacts() {
    }

    public static String describe() {
        String version = Version.identify().values().stream()
                .filter(v -> v.artifactId().equals("netty-common")).map(Version::artifactVersion).findFirst()
                .orElse("unknown");
        return "netty " + version + "; epoll " + (Epoll.isAvailable() ? "available" : "unavailable")
                + "; io_uring " + (IoUring.isAvailable() ? "available" : "unavailable");
    }
}
