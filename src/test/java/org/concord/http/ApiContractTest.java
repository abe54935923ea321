package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.TestNodes;
import org.concord.identity.NodeIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routes the older HTTP tests leave out, and answers they never saw, each checked against the OpenAPI document by
 * the validator library: an administrator's requests over a real node.
 */
class ApiContractTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();

    private static HttpResponse<String> send(String method, String url, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(SERVED.base() + url))
                .header("Authorization", "Bearer " + SERVED.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode conforming(String method, String documentedPath, HttpResponse<String> response,
                                       int expectedStatus) throws Exception {
        return VALIDATOR.conforming(method, documentedPath, response, expectedStatus);
    }

    private static JsonNode documented(String method, String documentedPath, String url, String body,
                                       int expectedStatus) throws Exception {
        return conforming(method, documentedPath, send(method, url, body), expectedStatus);
    }

    /** A conjunction whose source lacks a quantity answers null and names it: a JSON number is never a string. */
    @Test
    void aCdmWithoutRelativeSpeedAnswersNullAndSaysSo() throws Exception {
        // the CCSDS 508.0-B-1 example CDM: RELATIVE_SPEED is optional and this one has none
        HttpResponse<String> ingested = send("POST", "/api/v1/orbits?name=example1.cdm",
                new String(TestNodes.resource("/ccsds/cdm/CDMExample1.txt"), StandardCharsets.UTF_8));
        assertThat(conforming("POST", "/api/v1/orbits", ingested, 201).get("stored").asInt()).isEqualTo(1);

        HttpResponse<String> list = send("GET", "/api/v1/conjunctions?noradId=30337", null);
        assertThat(list.body()).doesNotContain("NaN");
        JsonNode conjunction = conforming("GET", "/api/v1/conjunctions", list, 200).at("/items/0");
        assertThat(conjunction.get("relativeSpeedMetersPerSecond").isNull()).isTrue();
        assertThat(conjunction.get("unknown")).extracting(JsonNode::asText)
                .containsExactly("relativeSpeedMetersPerSecond");
        assertThat(conjunction.get("missDistanceMeters").asDouble()).isEqualTo(715.0);

        assertThat(documented("GET", "/api/v1/conjunctions/{id}", "/api/v1/conjunctions/"
                + conjunction.get("id").asLong(), null, 200).get("relativeSpeedMetersPerSecond").isNull()).isTrue();
    }

    /** Parties, users, tokens and agreements. */
    @Test
    void partiesUsersTokensAndAgreementsAreTheDocumentedShapes() throws Exception {
        assertThat(documented("GET", "/api/v1/whoami", "/api/v1/whoami", null, 200).get("role").asText())
                .isEqualTo("admin");
        String nodeParty = documented("GET", "/api/v1/whoami", "/api/v1/whoami", null, 200).get("nodeParty").asText();
        documented("POST", "/api/v1/parties", "/api/v1/parties", "{\"code\": \"FRA\", \"name\": \"France\","
                + " \"kind\": \"nation\"}", 201);
        documented("POST", "/api/v1/parties", "/api/v1/parties", "{\"code\": \"EUR\", \"name\": \"Europe\","
                + " \"kind\": \"group\"}", 201);
        assertThat(send("PUT", "/api/v1/parties/EUR/members/FRA", null).statusCode()).isEqualTo(204);
        assertThat(documented("GET", "/api/v1/parties", "/api/v1/parties", null, 200).get("items"))
                .anySatisfy(p -> assertThat(p.get("members")).extracting(JsonNode::asText).containsExactly("FRA"));
        documented("DELETE", "/api/v1/parties/{group}/members/{member}", "/api/v1/parties/EUR/members/DEU", null,
                404);

        documented("POST", "/api/v1/users", "/api/v1/users", "{\"name\": \"ana\", \"party\": \"" + nodeParty
                + "\", \"role\": \"analyst\"}", 201);
        documented("GET", "/api/v1/users", "/api/v1/users", null, 200);
        JsonNode token = documented("POST", "/api/v1/users/{name}/tokens", "/api/v1/users/ana/tokens",
                "{\"description\": \"contract\", \"lifetimeDays\": 7}", 201);
        assertThat(token.get("token").asText()).isNotBlank();
        assertThat(documented("GET", "/api/v1/tokens", "/api/v1/tokens", null, 200).toString())
                .doesNotContain(token.get("token").asText());
        assertThat(send("DELETE", "/api/v1/tokens/" + token.get("id").asLong(), null).statusCode()).isEqualTo(204);

        String terms = "{\"grantor\": \"" + nodeParty + "\", \"recipients\": [\"FRA\"], \"kinds\": [\"orbits\"]}";
        long id = documented("POST", "/api/v1/agreements", "/api/v1/agreements", terms, 201).get("id").asLong();
        documented("GET", "/api/v1/agreements", "/api/v1/agreements", null, 200);
        documented("GET", "/api/v1/agreements/{agreementId}", "/api/v1/agreements/" + id, null, 200);
        assertThat(documented("PUT", "/api/v1/agreements/{agreementId}", "/api/v1/agreements/" + id, terms, 200)
                .get("version").asInt()).isEqualTo(2);
        assertThat(documented("DELETE", "/api/v1/agreements/{agreementId}", "/api/v1/agreements/" + id, null, 200)
                .get("revokedAt").isNull()).isFalse();
        documented("GET", "/api/v1/agreements/{agreementId}", "/api/v1/agreements/987654", null, 404);
    }

    /** The administrators' federation routes, a failed pull's 502 included. */
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
