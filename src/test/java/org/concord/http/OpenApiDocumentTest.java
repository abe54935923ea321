package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.concord.TestNodes;
import org.concord.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served OpenAPI document is a contract a client generator can trust: strict parsers read it without a word,
 * it lists exactly the routes the server serves, each with its security and the refusals any route can answer.
 * The Redocly linter checks it too ({@code scripts/lint-openapi}, run by CI).
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonNode DOCUMENT = OpenApi.tree();

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed(@TempDir Path dataDirectory) {
        Set<String> documented = new TreeSet<>();
        operations((route, operation) -> documented.add(route));
        try (Node node = TestNodes.open(dataDirectory, Map.of()); ApiServer server = new ApiServer(node)) {
            assertThat(documented).as("METHOD path of the OpenAPI document against the server's routes")
                    .containsExactlyInAnyOrderElementsOf(new TreeSet<>(server.routes()));
        }
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
            // any route: an unknown query parameter (400), a token that is not valid (401), an anonymous caller
            // beyond its rate (429)
            assertThat(operation.path("responses").has("400")).as("%s declares 400", route).isTrue();
            assertThat(operation.path("responses").has("401")).as("%s declares 401", route).isTrue();
            assertThat(operation.path("responses").has("429")).as("%s declares 429", route).isTrue();
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
