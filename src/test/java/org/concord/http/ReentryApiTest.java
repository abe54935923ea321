package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/v1/reentries and the kind's list over a real node, every response checked against the OpenAPI document. */
class ReentryApiTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.withCatalogSubset();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();
    private static final long ISS = 25544;

    private static JsonNode call(String method, String documentedPath, String url, String body, String token,
                                 int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVED.base() + url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.ofString(body)) : request.GET();
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        assertThat(VALIDATOR.validate(documentedPath, method, response.statusCode(), json))
                .as("%s %s -> %d %s", method, url, response.statusCode(), response.body()).isEmpty();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json;
    }

    @Test
    void aPredictionIsStoredDerivedFromTheObjectsRecordsAndSaysWhyItHasNoEpoch() throws Exception {
        JsonNode made = call("POST", "/api/v1/reentries", "/api/v1/reentries", "{\"noradId\": " + ISS + "}",
                SERVED.adminToken(), 201);

        assertThat(made.get("noradId").asLong()).isEqualTo(ISS);
        assertThat(made.get("objectName").asText()).isEqualTo("ISS (ZARYA)");
        assertThat(made.get("inputs").get(0).get("role").asText()).isEqualTo("set-1");
        // a test node has no space weather: no epoch, and the prediction says so rather than guess
        assertThat(made.get("outcome").asText()).isEqualTo("NONE");
        assertThat(made.get("statement").asText()).contains("no space weather");
        assertThat(made.get("groundTrack").get("type").asText()).isEqualTo("MultiLineString");
        assertThat(made.get("groundTrack").get("coordinates")).isEmpty();
        assertThat(made.get("overflown").isArray()).isTrue();
        assertThat(made.get("overflown")).isEmpty();
        JsonNode history = call("GET", "/api/v1/reentries", "/api/v1/reentries?noradId=" + ISS + "&sort=-predicted",
                "", SERVED.adminToken(), 200);
        assertThat(history.get("items").get(0).get("id").asLong()).isEqualTo(made.get("id").asLong());
        assertThat(history.get("items").get(0).get("objectName").asText()).isEqualTo("ISS (ZARYA)");
    }

    @Test
    void anUnknownObjectIsNotFoundAndAnUnknownKeyOrAMissingIdIsRefused() throws Exception {
        call("POST", "/api/v1/reentries", "/api/v1/reentries", "{\"noradId\": 99999}", SERVED.adminToken(), 404);
        JsonNode unknown = call("POST", "/api/v1/reentries", "/api/v1/reentries",
                "{\"noradId\": 25544, \"perigeeKm\": 300}", SERVED.adminToken(), 400);
        assertThat(unknown.toString()).contains("perigeeKm").contains("noradId");
        JsonNode missing = call("POST", "/api/v1/reentries", "/api/v1/reentries", "{}", SERVED.adminToken(), 400);
        assertThat(missing.toString()).contains("noradId");
    }

    @Test
    void onlyTheNodesAnalystsPredict() throws Exception {
        String viewer = TestNodes.token(SERVED.node(), SERVED.node().sharing().nodeParty(), Role.VIEWER);
        String partner = TestNodes.token(SERVED.node(), "GBR", Role.ANALYST);

        call("POST", "/api/v1/reentries", "/api/v1/reentries", "{\"noradId\": " + ISS + "}", viewer, 403);
        call("POST", "/api/v1/reentries", "/api/v1/reentries", "{\"noradId\": " + ISS + "}", partner, 403);
    }
}
