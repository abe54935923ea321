package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.screening.BundledCatalog;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events and proximities routes answer as the OpenAPI document says, over a node that screened the ISS against
 * 301 objects and its seven docked vehicles.
 */
class EventRoutesTest {

    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Node node;
    static ApiServer server;
    static String base;

    @BeforeAll
    static void screen() {
        node = TestNodes.open(dir, Map.of());
        for (Map.Entry<String, byte[]> file : Map.of("subset.tle",
                TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"), "docked.tle",
                BundledCatalog.dockedToIss()).entrySet()) {
            node.ingest().ingest(new IngestRequest(file.getKey(), file.getValue(),
                    Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        }
        ScreeningRun run = node.screening().run(new ScreeningService.Request(Instant.parse("2024-07-05T00:00:00Z"),
                Duration.ofDays(1), 50_000, Optional.of(25544L)), "tester", f -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        node.events().update();
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void close() {
        server.close();
        node.close();
    }

    private static JsonNode documented(String template, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(VALIDATOR.validate(template, "GET", 200, json)).as("GET %s -> %s", path, response.body())
                .isEmpty();
        return json;
    }

    @Test
    void eventsAndProximitiesAnswerAsDocumented() throws Exception {
        JsonNode events = documented("/api/v1/events", "/api/v1/events?noradId=25544&sort=-pc");
        assertThat(events.get("total").asLong()).isPositive();
        JsonNode event = documented("/api/v1/events/{id}", "/api/v1/events/" + events.at("/items/0/id").asLong());
        assertThat(event.at("/primary/name").asText()).isNotBlank();
        assertThat(event.at("/trend/missDistanceMeters")).hasSize(1);

        JsonNode proximities = documented("/api/v1/proximities", "/api/v1/proximities?noradId=25544");
        assertThat(proximities.get("total").asLong()).isEqualTo(BundledCatalog.DOCKED_TO_ISS.size());
        documented("/api/v1/proximities/{id}", "/api/v1/proximities/" + proximities.at("/items/0/id").asLong());
    }
}
