/**
 * HTTP/1.1 for netarena, one copy of the rules for the server and the load generator (docs/HTTP.md).
 *
 * <pre>
 *  bytes ──▶ HttpRequestParser ──HttpRequest──▶ HttpRouter ──Request──▶ server's RequestDispatcher
 *              (HttpLineReader, HttpFields,         │                           │ (RequestWork)
 *               HttpBodyReader)                     └─HttpExchange─▶ FIFO ──┐   ▼
 *  bytes ◀── HttpResponseWriter (HttpDate) ◀──────── HttpServerCodec.encode ◀── Response
 * </pre>
 *
 * <p>{@link netarena.protocol.http.HttpServerCodec} is the server side; {@link
 * netarena.protocol.http.HttpResponseDecoder} the client side. No sockets, no threads.
 */
package netarena.protocol.http;
