package netarena.load;

import netarena.protocol.WireProtocol;

/**
 * The server a run loads and how it talks to it. There is no default target.
 *
 * @param host     a name or address literal (IPv6 without brackets)
 * @param port     1 to 65535
 * @param protocol the wire protocol of every connection
 */
public record LoadTarget(String host, int port, WireProtocol protocol) {

    public LoadTarget {
        LoadPlan.require(host != null && !host.isBlank(), "a target host must be given: the generator has no default target");
        LoadPlan.require(port >= 1 && port <= 65535, "target port must be between 1 and 65535, was " + port);
        LoadPlan.require(protocol != null, "protocol must be set");
    }

    /**
     * Parses {@code HOST:PORT} ({@code [::1]:7000} for IPv6).
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static LoadTarget parse(String hostPort, WireProtocol protocol) {
        int colon = hostPort.lastIndexOf(':');
        LoadPlan.require(colon > 0 && colon < hostPort.length() - 1,
                "--target must be HOST:PORT, e.g. 127.0.0.1:7000, was '" + hostPort + "'");
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new LoadTarget(host, Integer.parseInt(hostPort.substring(colon + 1)), protocol);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--target port must be a number, was '" + hostPort + "'");
        }
    }

    public LoadTarget withProtocol(WireProtocol p) {
        return new LoadTarget(host, port, p);
    }

    /** {@code host:port}, with brackets around an IPv6 literal: also the HTTP Host header. */
    public String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
