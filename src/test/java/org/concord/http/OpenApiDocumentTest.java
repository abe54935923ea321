package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The served OpenAPI document is a contract a client generator can trust: strict parsers read it without a word,
 * it lists exactly the routes the server serves, each with the parameters and keys it accepts, its security and the
 * refusals any route can answer.
 * The Redocly linter checks it too ({@code scripts/lint-openapi}, run by CI).
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonNode DOCUMENT = OpenApi.tree();

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty()
            .in(Map.of("CONCORD_HTTP_ANONYMOUS_BURST", "1000"));

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        Set<String> documented = new TreeSet<>();
        operations((route, operation) -> documented.add(route));
        try (ApiServer server = new ApiServer(SERVED.node())) {
            assertThat(documented).as("METHOD path of the OpenAPI document against the server's routes")
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(server.routes()));
        }
    }

    /**
     * Every route asked without a token: those whose only security is a scheme answer 401, those that also list the
     * empty requirement answer without asking for one, and every JSON answer is the documented one for its status.
     */
    @Test
    void theServerAsksForATokenExactlyWhereTheDocumentSaysSo() throws Exception {
        OpenApiValidator validator = OpenApiValidator.served();
        Map<String, JsonNode> routes = new TreeMap<>();
        operations(routes::put);
        for (Map.Entry<String, JsonNode> route : routes.entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String template = route.getKey().substring(method.length() + 1);
            StringBuilder url = new StringBuilder(SERVED.base()).append(template.replaceAll("\\{[^}]+}|<[^>]+>", "1"));
            char separator = '?';
            for (JsonNode parameter : route.getValue().path("parameters")) {
                if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                    url.append(separator).append(parameter.get("name").asText()).append("=1");
                    separator = '&';
                }
            }
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url.toString()))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            boolean anonymousAllowed = false;
            for (JsonNode requirement : route.getValue().path("security")) {
                anonymousAllowed |= requirement.isEmpty();
            }
            if (anonymousAllowed) {
                assertThat(response.statusCode()).as("%s without a token: %s", route.getKey(), response.body())
                        .isNotEqualTo(401).isLessThan(500);
            } else {
                assertThat(response.statusCode()).as("%s without a token: %s", route.getKey(), response.body())
                        .isEqualTo(401);
            }
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                assertThat(validator.validate(template, method, response.statusCode(), JSON.readTree(response.body())))
                        .as("%s -> %d %s", route.getKey(), response.statusCode(), response.body()).isEmpty();
            }
        }
    }

    /** The query parameters and JSON keys each route accepts (and refuses all others) are the documented ones. */
    @Test
    void everyRouteAcceptsExactlyTheParametersAndKeysItDocuments() {
        Map<String, RouteInputs> accepted;
        try (ApiServer server = new ApiServer(SERVED.node())) {
            accepted = server.routeInputs();
        }
        operations((route, operation) -> {
            RouteInputs inputs = RouteInputs.of(accepted, route);
            Set<String> query = new TreeSet<>();
            operation.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    query.add(p.get("name").asText());
                }
            });
            assertThat(query).as("%s: query parameters", route).containsExactlyInAnyOrderElementsOf(inputs.query());
            JsonNode body = operation.at("/requestBody/content/application~1json/schema");
            if (inputs.body() instanceof RouteInputs.Json json) {
                JsonNode schema = body.has("$ref") ? DOCUMENT.at(body.get("$ref").asText().substring(1)) : body;
                assertThat(schema.path("additionalProperties").asBoolean(true)).as("%s: other keys refused", route)
                        .isFalse();
                Set<String> keys = new TreeSet<>();
                schema.path("properties").fieldNames().forEachRemaining(keys::add);
                assertThat(keys).as("%s: JSON keys", route).containsExactlyInAnyOrderElementsOf(json.keys());
            } else {
                assertThat(body.isMissingNode()).as("%s reads no JSON body", route).isTrue();
            }
        });
    }

    @Test
    void strictParsersReadItWithoutAWord() {
        SwaggerParseResult parsed = new OpenAPIParser().readContents(OpenApi.yaml(), null, null);
        assertThat(parsed.getMessages()).as("swagger-parser's messages").isEmpty();
        List<String> keysWithoutValue = new ArrayList<>();
        walk(DOCUMENT, "", (where, node) -> node.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                keysWithoutValue.add(where + "/" + field.getKey());
            }
        }));
        assertThat(keysWithoutValue).as("keys without a value (a comma inside an unquoted flow value)").isEmpty();
    }

    @Test
    void nullableIsAlwaysBesideAType() {
        List<String> untyped = new ArrayList<>();
        walk(DOCUMENT, "", (where, node) -> {
            if (node.has("nullable") && !node.has("type")) {
                untyped.add(where);
            }
        });
        assertThat(untyped).isEmpty();
    }

    @Test
    void everyOperationStatesItsSecurityAndTheRefusalsEveryRouteCanAnswer() {
        JsonNode schemes = DOCUMENT.at("/components/securitySchemes");
        assertThat(schemes.at("/bearerToken/scheme").asText()).isEqualTo("bearer");
        operations((route, operation) -> {
            JsonNode security = operation.path("security");
            assertThat(security.isArray() && !security.isEmpty()).as("%s declares its security", route).isTrue();
            security.forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme ->
                    assertThat(schemes.has(scheme)).as("%s: scheme %s is declared", route, scheme).isTrue()));
            // any route: an unknown query parameter (400); any route that reads a token: a token that is not valid
            // (401), an anonymous caller beyond its rate (429). The console's files read no token and cost no rate
            // (their security is only {}), so they answer neither.
            assertThat(operation.path("responses").has("400")).as("%s declares 400", route).isTrue();
            boolean readsNoToken = security.size() == 1 && security.get(0).isEmpty();
            assertThat(operation.path("responses").has("401")).as("%s declares 401", route).isNotEqualTo(readsNoToken);
            assertThat(operation.path("responses").has("429")).as("%s declares 429", route).isNotEqualTo(readsNoToken);
        });
    }

    private interface Visitor {
        void visit(String where, JsonNode node);
    }

    private static void operations(Visitor visitor) {
        DOCUMENT.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                visitor.visit(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
            }
        }));
    }

    private static void walk(JsonNode node, String where, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(where, node);
            node.properties().forEach(field -> walk(field.getValue(), where + "/" + field.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visitor);
            }
        }
    }
}
