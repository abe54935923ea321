package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws random and extreme values at every query parameter, JSON key and path parameter of every route, as an
 * administrator of the node's own party and as an anonymous caller: no answer may be a 5xx. The routes come from the
 * router ({@link ApiServer#routes()}) and what each accepts from {@link RouteInputs}, so a new route or parameter is
 * covered the day it exists. Seeded: a failure names the request and repeats.
 */
class HostileInputPropertyTest {

    private static final long SEED = 20261203L;
    private static final int RANDOM_VALUES_PER_FIELD = 6;
    private static final int ANONYMOUS_VALUES_PER_FIELD = 8;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}|<([^>]+)>");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> NO_ANSWER = new ArrayList<>();

    /** Values that broke the node once, or sit at the edge of a type or a range. */
    private static final List<String> EXTREME_TEXTS = List.of("", " ", "0", "-1", "1", "1e12", "-1e308", "1e999999999",
            "NaN", "Infinity", "-Infinity", "4294967297", "9223372036854775808", "-9223372036854775809", "0x10",
            "1.5", "5", "5km", "3d", "-pc", "true", "yes", "null", "-999999999-01-01T00:00:00Z",
            "+1000000000-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "1957-10-03T23:59:59Z", "2199-12-31T23:59:59Z",
            "2200-01-01T00:00:00Z", "2024-02-30", "2024-07-05", "2024-07-05T00:00:00", "x".repeat(5000),
            "\u00c4\u00d6\u00dc \ud83d\udef0 \u202e", "\u0000", "'; DROP TABLE orbit_record; --", "../../etc/passwd",
            "%", "a,b,c", ",,,", "1,2,3");

    @TempDir
    static Path dataDirectory;

    private static ServedNode served;
    private static String base;
    private static String adminToken;

    @BeforeAll
    static void start() {
        // path parameters of small numbers must not name the token the test acts with, or revoking it ends the test
        served = ServedNode.start(dataDirectory, Map.of("CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "1000000",
                "CONCORD_HTTP_ANONYMOUS_BURST", "1000000"), 20);
        base = served.base();
        adminToken = served.adminToken();
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void noInputToAnyRouteAnswersAServerError() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        List<String> routes = served.server().routes();
        assertThat(routes).contains("POST /api/v1/screenings", "GET /api/v1/objects");
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            RouteInputs inputs = RouteInputs.of(served.server().routeInputs(), route);
            for (String caller : new String[] {"admin", "anonymous"}) {
                Optional<String> token = caller.equals("admin") ? Optional.of(adminToken) : Optional.empty();
                for (String value : sample(values(random), caller, random)) {
                    for (String parameter : inputs.query()) {
                        requests++;
                        check(failures, method, plausible(path) + "?" + encode(parameter) + "=" + encode(value),
                                "", token);
                    }
                    if (PATH_PARAMETER.matcher(path).find()) {
                        requests++;
                        check(failures, method, withPathParameters(path, value), "", token);
                    }
                }
                requests++;
                check(failures, method, plausible(path) + "?unknownParameter=1", "", token);
                if (inputs.body() instanceof RouteInputs.Json json) {
                    List<String> keys = new ArrayList<>(json.keys());
                    keys.add("unknownKey");
                    for (String key : keys) {
                        for (JsonNode value : sample(jsonValues(random), caller, random)) {
                            ObjectNode body = NODES.objectNode();
                            body.set(key, value);
                            requests++;
                            check(failures, method, plausible(path), body.toString(), token);
                        }
                    }
                    for (String body : List.of("", "[]", "42", "\"text\"", "{", "{\"a\":", "null", "{}")) {
                        requests++;
                        check(failures, method, plausible(path), body, token);
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(5000);
        assertThat(failures).as("server errors out of %d hostile requests", requests).isEmpty();
        assertThat(NO_ANSWER).as("requests the server closed twice without an answer").isEmpty();
    }

    /**
     * Every value for the administrator, who passes the role checks and reaches the readers; a random few for the
     * anonymous caller, who is mostly refused before them (and is checked to be refused without a 5xx).
     */
    private static <T> List<T> sample(List<T> values, String caller, Random random) {
        if (caller.equals("admin")) {
            return values;
        }
        List<T> few = new ArrayList<>(values);
        java.util.Collections.shuffle(few, random);
        return few.subList(0, ANONYMOUS_VALUES_PER_FIELD);
    }

    private static List<String> values(Random random) {
        List<String> values = new ArrayList<>(EXTREME_TEXTS);
        for (int i = 0; i < RANDOM_VALUES_PER_FIELD; i++) {
            values.add(switch (random.nextInt(5)) {
                case 0 -> Long.toString(random.nextLong());
                case 1 -> Double.toString((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 10));
                case 2 -> java.time.Instant.ofEpochSecond(random.nextLong(-20_000_000_000L, 20_000_000_000L))
                        .toString();
                case 3 -> randomText(random);
                default -> (random.nextInt(2000) - 1000) + List.of("km", "m", "d", "h", "s", "", "mi").get(
                        random.nextInt(7));
            });
        }
        return values;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x20, 0x2FFF) : random.nextInt(0x20, 0x7F));
        }
        return text.toString();
    }

    private static List<JsonNode> jsonValues(Random random) {
        List<JsonNode> values = new ArrayList<>();
        for (String text : values(random)) {
            values.add(NODES.textNode(text));
        }
        values.add(NODES.nullNode());
        values.add(NODES.booleanNode(true));
        values.add(NODES.booleanNode(false));
        values.add(NODES.numberNode(0));
        values.add(NODES.numberNode(-1));
        values.add(NODES.numberNode(4294967297L));
        values.add(NODES.numberNode(Long.MAX_VALUE));
        values.add(NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(400))));
        values.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
        values.add(NODES.numberNode(1.5));
        values.add(NODES.numberNode(-1e308));
        values.add(NODES.numberNode(random.nextDouble() * 1e7));
        values.add(NODES.arrayNode());
        values.add(NODES.arrayNode().add("USA").add(7).add(NODES.nullNode()));
        values.add(NODES.arrayNode().add("x".repeat(300)));
        values.add(NODES.objectNode());
        values.add(NODES.objectNode().put("radial", 1e12).put("inTrack", -1).put("crossTrack", "x"));
        values.add(NODES.objectNode().put("radial", 500).put("inTrack", 5000).put("crossTrack", 500));
        return values;
    }

    /** The route's path with plausible path parameters: objects and records that exist or not. */
    private static String plausible(String path) {
        Matcher m = PATH_PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1) != null ? m.group(1) : m.group(2)) {
                case "noradId" -> "25544";
                case "query" -> "class/gp/NORAD_CAT_ID/25544";
                case "code", "group", "member" -> "TEST";
                case "name" -> "nobody";
                default -> "1";
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String withPathParameters(String path, String value) {
        return PATH_PARAMETER.matcher(path).replaceAll(Matcher.quoteReplacement(encode(value)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void check(List<String> failures, String method, String pathAndQuery, String body,
                              Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = send(request.build());
        } catch (java.io.IOException closed) {
            NO_ANSWER.add(method + " " + abbreviate(pathAndQuery));
            return;
        }
        if (response.statusCode() >= 500 && failures.size() < 50) {
            failures.add(method + " " + abbreviate(pathAndQuery) + " " + abbreviate(body) + " as "
                    + (token.isPresent() ? "admin" : "anonymous") + " -> " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
    }

    /** Sent again once when the connection was closed: a kept-alive connection the server had closed after a refusal. */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
