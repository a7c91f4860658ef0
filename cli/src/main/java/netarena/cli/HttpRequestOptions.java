package netarena.cli;

import java.util.List;
import netarena.cli.units.UnitConverters;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadRequest;
import netarena.protocol.Op;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The HTTP request options of the commands that load a server ({@code load}, {@code capacity}): the op's route
 * with extra headers, or with {@code --path} one custom request to any HTTP/1.1 server. One place, so the
 * commands take the same request with the same rules; the plan's own rules (HTTP options need
 * {@code --protocol http}) reject the rest.
 */
final class HttpRequestOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "HTTP, with --path: the request method, as sent (case matters). Default: GET.")
    String method;

    @Option(names = "--path", paramLabel = "TARGET", description = {
        "HTTP: send this origin-form request-target (query included, e.g. /plaintext) instead of the --op route;",
        "answers must be 2xx with the body length of the run's first answer (POST /echo: the body sent)."})
    String path;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "HTTP: a header line added to every request; repeatable. A Host header replaces the default (HOST:PORT).")
    List<String> headers = List.of();

    @Option(names = "--body-size", paramLabel = "BYTES", converter = UnitConverters.IntSize.class, description = {
        "HTTP: body bytes of each request (seeded pattern bytes, with Content-Length). With --path the custom",
        "request's body (default 0); without it the echo body, like --size."})
    Integer bodySize;

    /**
     * The request the options describe: the op route ({@code size}, or --body-size, is its echo body), or with
     * --path the custom HTTP request.
     *
     * @throws IllegalArgumentException naming the broken rule between these options and --op, --arg, --size
     */
    LoadRequest request(Op op, int size, long arg, long seed) {
        if (path != null) {
            require(!given("--op") && !given("--arg") && !given("--size"), "--op, --arg and --size choose a "
                    + "netarena route; with --path the request is --method, --path, --header and --body-size");
            return new LoadRequest(op, size, arg, HttpRequestSpec.custom(method, path, headers,
                    bodySize != null ? bodySize : 0), seed);
        }
        require(method == null, "--method needs --path: without it the --op route is sent");
        int echoBody = size;
        if (bodySize != null) {
            require(!given("--size") || size == bodySize,
                    "--body-size " + bodySize + " and --size " + size + " both set the echo body: give one");
            require(op == Op.ECHO, "--body-size without --path is the echo body; the " + op.label()
                    + " route is a GET without one");
            echoBody = bodySize;
        }
        return new LoadRequest(op, echoBody, arg, HttpRequestSpec.routes(headers), seed);
    }

    private boolean given(String option) {
        return command.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static void require(boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(rule);
        }
    }
}
