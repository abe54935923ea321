package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.identity.NodeIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The administrators' federation routes answer as the OpenAPI document says, a failed pull included. */
class FederationPeersApiTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();

    private static JsonNode documented(String method, String documentedPath, String url, String body,
                                       int expectedStatus) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(SERVED.base() + url))
                .header("Authorization", "Bearer " + SERVED.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        JsonNode json = JSON.readTree(response.body());
        assertThat(VALIDATOR.validate(documentedPath, method, response.statusCode(), json))
                .as("%s %s -> %d %s", method, url, response.statusCode(), response.body()).isEmpty();
        return json;
    }

    @Test
    void aPeerIsAddedListedPulledInVainAndRemoved() throws Exception {
        ObjectNode peer = JSON.createObjectNode().put("party", "GBR")
                .put("publicKeyPem", NodeIdentity.generateEphemeral().publicKeyPem())
                // nothing listens on port 1: the pull fails, and says why
                .put("endpoint", "http://127.0.0.1:1");
        long id = documented("POST", "/api/v1/federation/peers", "/api/v1/federation/peers", peer.toString(), 201)
                .get("id").asLong();
        JsonNode listed = documented("GET", "/api/v1/federation/peers", "/api/v1/federation/peers", null, 200);
        assertThat(listed.at("/items/0/inbound/lagSeconds").isNull()).isTrue();
        JsonNode pulled = documented("POST", "/api/v1/federation/peers/{peerId}/sync",
                "/api/v1/federation/peers/" + id + "/sync", null, 502);
        assertThat(pulled.get("error").asText()).isNotBlank();
        JsonNode removed = documented("DELETE", "/api/v1/federation/peers/{peerId}", "/api/v1/federation/peers/" + id,
                null, 200);
        assertThat(removed.get("removedAt").isNull()).isFalse();
    }
}
