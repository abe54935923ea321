package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A conjunction whose source lacks a quantity answers null and names it: a JSON number is never a string. */
class ConjunctionNumbersApiTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.header("Authorization", "Bearer " + SERVED.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode documented(String documentedPath, String method, HttpResponse<String> response)
            throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertThat(VALIDATOR.validate(documentedPath, method, response.statusCode(), body))
                .as("%s %s -> %d %s", method, documentedPath, response.statusCode(), response.body()).isEmpty();
        return body;
    }

    @Test
    void aCdmWithoutRelativeSpeedAnswersNullAndSaysSo() throws Exception {
        // the CCSDS 508.0-B-1 example CDM: RELATIVE_SPEED is optional and this one has none
        HttpResponse<String> ingested = send(HttpRequest.newBuilder(URI.create(SERVED.base()
                + "/api/v1/orbits?name=example1.cdm")).POST(HttpRequest.BodyPublishers.ofByteArray(
                TestNodes.resource("/ccsds/cdm/CDMExample1.txt"))));
        assertThat(documented("/api/v1/orbits", "POST", ingested).get("stored").asInt()).as(ingested.body())
                .isEqualTo(1);

        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(SERVED.base()
                + "/api/v1/conjunctions?noradId=30337")));
        assertThat(list.body()).doesNotContain("NaN");
        JsonNode conjunction = documented("/api/v1/conjunctions", "GET", list).at("/items/0");
        assertThat(conjunction.get("relativeSpeedMetersPerSecond").isNull()).isTrue();
        assertThat(conjunction.get("unknown")).extracting(JsonNode::asText)
                .containsExactly("relativeSpeedMetersPerSecond");
        assertThat(conjunction.get("missDistanceMeters").asDouble()).isEqualTo(715.0);

        HttpResponse<String> one = send(HttpRequest.newBuilder(URI.create(SERVED.base() + "/api/v1/conjunctions/"
                + conjunction.get("id").asLong())));
        assertThat(documented("/api/v1/conjunctions/{conjunctionId}", "GET", one).get("relativeSpeedMetersPerSecond")
                .isNull()).isTrue();
    }
}
