package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.connector.LoopbackSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector routes over a served node whose one connector pulls from a loopback server, against the document. */
class ConnectorApiTest {

    private static final LoopbackSource SOURCE = started();

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty().in(Map.of(
            "CONCORD_CONNECTORS", "feed",
            "CONCORD_CONNECTOR_FEED_TYPE", "url",
            "CONCORD_CONNECTOR_FEED_URL", SOURCE.base() + "/catalog.tle"));

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();

    private static LoopbackSource started() {
        try {
            LoopbackSource source = LoopbackSource.start();
            source.on("/catalog.tle", request -> LoopbackSource.Response.ok(
                    TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"), Map.of()));
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopSource() {
        SOURCE.close();
    }

    private static HttpResponse<String> send(String method, String path, String token) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(SERVED.base() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode documented(String method, String documentedPath, HttpResponse<String> response,
                                       int expectedStatus) throws Exception {
        return VALIDATOR.conforming(method, documentedPath, response, expectedStatus);
    }

    @Test
    void anAdministratorSeesTheConnectorsAndRunsOneWithinItsSourcesEtiquette() throws Exception {
        String admin = SERVED.adminToken();
        JsonNode before = documented("GET", "/api/v1/connectors", send("GET", "/api/v1/connectors", admin), 200);
        assertThat(before.at("/items/0/name").asText()).isEqualTo("feed");
        assertThat(before.at("/items/0/runs")).isEmpty();
        assertThat(before.at("/items/0/label/releasability").asText()).as("private unless configured")
                .isEqualTo("REL TO TEST");

        String analyst = TestNodes.token(SERVED.node(), "TEST", Role.ANALYST);
        documented("POST", "/api/v1/connectors/{name}/run", send("POST", "/api/v1/connectors/feed/run", analyst),
                403);
        assertThat(SOURCE.requests()).isEmpty();

        JsonNode run = documented("POST", "/api/v1/connectors/{name}/run",
                send("POST", "/api/v1/connectors/feed/run", admin), 200);
        assertThat(run.get("outcome").asText()).isEqualTo("INGESTED");
        assertThat(run.get("stored").asInt()).isEqualTo(301);
        assertThat(run.get("manual").asBoolean()).isTrue();
        JsonNode tooSoon = documented("POST", "/api/v1/connectors/{name}/run",
                send("POST", "/api/v1/connectors/feed/run", admin), 409);
        assertThat(tooSoon.at("/error/message").asText()).contains("PT5M");
        documented("POST", "/api/v1/connectors/{name}/run", send("POST", "/api/v1/connectors/nothing/run", admin),
                404);
        JsonNode after = documented("GET", "/api/v1/connectors", send("GET", "/api/v1/connectors", admin), 200);
        assertThat(after.at("/items/0/runs/0/id").asLong()).isEqualTo(run.get("id").asLong());
        assertThat(after.at("/items/0/lastSuccessAt").isNull()).isFalse();
        assertThat(SOURCE.requests()).hasSize(1);
        JsonNode status = documented("GET", "/api/v1/status", send("GET", "/api/v1/status", admin), 200);
        assertThat(status.at("/connectors/0/name").asText()).isEqualTo("feed");
        assertThat(status.at("/connectors/0/lastError").isNull()).as("a run refused as too soon is no run").isTrue();
        assertThat(status.at("/connectors/0/lastSuccessAt").asText()).isEqualTo(after.at("/items/0/lastSuccessAt")
                .asText());
        JsonNode anonymous = JSON_READER.readTree(CLIENT.send(HttpRequest.newBuilder(URI.create(SERVED.base()
                + "/api/v1/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(anonymous.has("connectors")).as("connectors are for the node's administrators").isFalse();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON_READER =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
