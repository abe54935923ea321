package org.concord.connector;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server standing in for an outside source: each test says what a path answers, and reads back the
 * requests it was sent. Nothing leaves the machine.
 */
public final class LoopbackSource implements AutoCloseable {

    /** A request as the source saw it. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /** An answer; one {@code cutShort} announces more bytes than it sends, then closes the connection. */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean cutShort) {

        public static Response ok(byte[] body, Map<String, String> headers) {
            return new Response(200, headers, body, false);
        }

        public static Response text(int status, String body) {
            return new Response(status, Map.of("Content-Type", "text/plain"), body.getBytes(StandardCharsets.UTF_8),
                    false);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();

    private LoopbackSource(HttpServer server) {
        this.server = server;
    }

    public static LoopbackSource start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackSource source = new LoopbackSource(server);
        server.createContext("/", source::handle);
        server.start();
        return source;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What requests to paths starting with {@code pathPrefix} answer (the longest prefix wins). */
    public void on(String pathPrefix, Function<Request, Response> answer) {
        routes.put(pathPrefix, answer);
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Response response = routes.entrySet().stream().filter(e -> request.path().startsWith(e.getKey()))
                    .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                    .map(e -> e.getValue().apply(request))
                    .orElseGet(() -> Response.text(404, "no such path " + request.path()));
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = response.body();
            if (response.cutShort()) {
                exchange.sendResponseHeaders(response.status(), bytes.length * 2L + 100);
                OutputStream out = exchange.getResponseBody();
                out.write(bytes);
                out.flush();
                // the exchange closes with bytes missing: the server drops the connection
                return;
            }
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // a cut-short answer ends here, as meant
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
