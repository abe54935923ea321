package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.spaceweather.SpaceWeatherFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The space weather routes over a real node, each answer checked against the OpenAPI document: ingest (stored,
 * nothing new, refused whole naming file, line and field), the kinds' lists, the Kp series and the conditions now.
 */
class SpaceWeatherApiTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();

    private static JsonNode call(String method, String documentedPath, String url, byte[] body, int status)
            throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(SERVED.base() + url))
                .header("Authorization", "Bearer " + SERVED.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode json = JSON.readTree(r.body());
        assertThat(VALIDATOR.validate(documentedPath, method, status, json)).as("%s %s -> %s", method, url, r.body())
                .isEmpty();
        return json;
    }

    @Test
    void ingestListsSeriesAndConditionsAreTheDocumentedShapes() throws Exception {
        byte[] bad = SpaceWeatherFiles.text("swpc-kp-objects.json").replace("\"Kp\":9.0", "\"Kp\":\"nine\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode refused = call("POST", "/api/v1/space-weather", "/api/v1/space-weather?name=kp.json", bad, 422);
        assertThat(refused.at("/error/errors/0/file").asText()).isEqualTo("kp.json");
        assertThat(refused.at("/error/errors/0/path").asText()).isEqualTo("[3]");
        assertThat(refused.at("/error/errors/0/field").asText()).isEqualTo("kp");

        JsonNode stored = call("POST", "/api/v1/space-weather", "/api/v1/space-weather?name=kp.json",
                SpaceWeatherFiles.bytes("swpc-kp-objects.json"), 201);
        assertThat(stored.get("format").asText()).isEqualTo("swpc-kp");
        assertThat(stored.get("indicesStored").asInt()).isEqualTo(2);
        assertThat(stored.get("alertsRaised")).extracting(a -> a.get("messageCode").asText())
                .containsExactly("G3", "G4", "G5");
        assertThat(call("POST", "/api/v1/space-weather", "/api/v1/space-weather?name=kp.json",
                SpaceWeatherFiles.bytes("swpc-kp-objects.json"), 200).get("indicesUnchanged").asInt()).isEqualTo(2);
        call("POST", "/api/v1/space-weather", "/api/v1/space-weather?name=alerts.json",
                SpaceWeatherFiles.bytes("swpc-alerts.json"), 201);

        JsonNode days = call("GET", "/api/v1/space-weather/indices", "/api/v1/space-weather/indices?status=observed",
                null, 200);
        assertThat(days.get("total").asLong()).isEqualTo(2);
        assertThat(days.at("/items/1/kp1").asDouble()).isEqualTo(9.0);
        JsonNode g5 = call("GET", "/api/v1/space-weather/alerts", "/api/v1/space-weather/alerts?code=G5", null, 200);
        assertThat(g5.at("/items/0/beginsAt").asText()).isEqualTo("2024-05-11T00:00:00Z");
        call("GET", "/api/v1/space-weather/alerts/{id}", "/api/v1/space-weather/alerts/" + g5.at("/items/0/id")
                .asLong(), null, 200);

        JsonNode series = call("GET", "/api/v1/space-weather/kp",
                "/api/v1/space-weather/kp?from=2024-05-10T00:00:00Z&to=2024-05-12T00:00:00Z", null, 200);
        assertThat(series.get("start")).extracting(JsonNode::asText).containsExactly("2024-05-10T15:00:00Z",
                "2024-05-10T18:00:00Z", "2024-05-10T21:00:00Z", "2024-05-11T00:00:00Z", "2024-05-11T03:00:00Z");
        assertThat(series.get("gScale")).extracting(JsonNode::asText).containsExactly("", "G3", "G4", "G5", "G4");
        call("GET", "/api/v1/space-weather/kp", "/api/v1/space-weather/kp?from=2024-05-10&to=2025-06-10", null, 400);
        call("GET", "/api/v1/space-weather/now", "/api/v1/space-weather/now", null, 200);
    }
}
