package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.risk.CovarianceSource;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningVolume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The names of a conjunction's objects in its JSON are the catalog's as the caller may see it: a public conjunction of
 * an object whose newest element set is released to the node's own party only shows a partner the name of the public
 * set it may see, and an object with no set it may see no name at all.
 */
class ConjunctionNamesApiTest {

    private static final String ISS_LINES = """
            1 25544U 98067A   24187.60274059  .00015430  00000-0  28127-3 0  9991
            2 25544  51.6389 224.0870 0010360  32.9136 104.5931 15.49600588461405
            """;
    private static final String VANGUARD = """
            0 VANGUARD 1
            1 00005U 58002B   24187.49270102  .00000872  00000-0  11018-2 0  9997
            2 00005  34.2494 350.7565 1842018 170.0536 194.2361 10.85456480365911
            """;
    private static final String VANGUARD_2 = """
            0 VANGUARD 2
            1 00011U 59001A   24187.51496924  .00001069  00000-0  55482-3 0  9992
            2 00011  32.8711 255.0638 1455653 332.1888  20.7734 11.88503118450690
            """;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The ISS twice at one epoch: first public as "ISS PUBLIC NAME", then (stored later, so the newest for whoever may
     * see it) as "ISS (ZARYA)" released to the node's party only; Vanguard 1 public; Vanguard 2 released to the node's
     * party only. Two public conjunctions: ISS × Vanguard 1 and Vanguard 1 × Vanguard 2.
     */
    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(ConjunctionNamesApiTest::prepare);

    private static OpenApiValidator validator;
    private static String partnerToken;

    private static void prepare(Node node) {
        String party = node.sharing().nodeParty();
        Label open = Label.publicFrom(party);
        Label own = Label.parse("rel=REL TO " + party + ";tlp=AMBER", open);
        ingest(node, "public.tle", "0 ISS PUBLIC NAME\n" + ISS_LINES + VANGUARD, open);
        ingest(node, "own.tle", "0 ISS (ZARYA)\n" + ISS_LINES + VANGUARD_2, own);
        ScreeningRun run = node.screeningRuns().startRun(new ScreeningRun(0, ScreeningRun.Kind.ALL_VS_ALL,
                Optional.empty(), Instant.parse("2024-07-05T00:00:00Z"), Duration.ofDays(1),
                new ScreeningVolume.Sphere(5000), Optional.empty(), "test", Instant.now(),
                ScreeningRun.Status.RUNNING, 0, Optional.empty(), Optional.empty(), Optional.empty()));
        node.screeningRuns().finishRun(run.id(), List.of(conjunction(25544, 5, open), conjunction(5, 11, open)),
                new ScreeningRun.Figures(3, 0, 2, 2, 0.1, 0.1, 0.1, 0.1, 0.1, Optional.empty()));
        partnerToken = TestNodes.token(node, "AUS", Role.ANALYST);
    }

    private static void ingest(Node node, String name, String tle, Label label) {
        node.ingest().ingest(new IngestRequest(name, tle.getBytes(StandardCharsets.US_ASCII), Optional.of(label),
                "test", false, Optional.empty()));
    }

    private static Conjunction conjunction(long primary, long secondary, Label label) {
        return new Conjunction(0, primary, secondary, Optional.empty(), Optional.empty(),
                Instant.parse("2024-07-05T12:00:00Z"), 1234.5, 9000, 100, 1200, 200, Optional.of(new CollisionRisk(2e-5,
                "maximum", CovarianceSource.MAXIMUM, 12, "the largest probability over all covariance scalings")),
                Optional.empty(), Optional.empty(), Optional.empty(), label, Optional.empty());
    }

    @BeforeAll
    static void start() {
        validator = OpenApiValidator.served();
    }

    @Test
    void theNodesAdministratorSeesTheNamesOfTheNewestSetsItMaySee() throws Exception {
        assertThat(names("/api/v1/conjunctions?sort=tca", Optional.of(SERVED.adminToken())))
                .containsExactlyInAnyOrder("25544 ISS (ZARYA) × 5 VANGUARD 1", "5 VANGUARD 1 × 11 VANGUARD 2");
    }

    @Test
    void aPartnerAndAnAnonymousCallerSeeOnlyTheNamesOfPublicSets() throws Exception {
        for (Optional<String> token : List.of(Optional.of(partnerToken), Optional.<String>empty())) {
            assertThat(names("/api/v1/conjunctions?sort=tca", token)).as("caller %s", token.isPresent() ? "partner"
                    : "anonymous").containsExactlyInAnyOrder("25544 ISS PUBLIC NAME × 5 VANGUARD 1",
                    "5 VANGUARD 1 × 11 null");
            for (String text : List.of(get("/api/v1/conjunctions", "/api/v1/conjunctions?sort=tca", token).toString(),
                    get("/api/v1/conjunctions", "/api/v1/conjunctions?noradId=11", token).toString())) {
                assertThat(text).doesNotContain("ZARYA", "VANGUARD 2");
            }
        }
    }

    @Test
    void oneConjunctionCarriesTheSameNamesAsTheList() throws Exception {
        JsonNode list = get("/api/v1/conjunctions", "/api/v1/conjunctions?noradId=11", Optional.of(partnerToken));
        long id = list.at("/items/0/id").asLong();
        JsonNode partner = get("/api/v1/conjunctions/{id}", "/api/v1/conjunctions/" + id, Optional.of(partnerToken));
        assertThat(partner.get("primaryName").asText()).isEqualTo("VANGUARD 1");
        assertThat(partner.get("secondaryName").isNull()).isTrue();
        JsonNode admin = get("/api/v1/conjunctions/{id}", "/api/v1/conjunctions/" + id,
                Optional.of(SERVED.adminToken()));
        assertThat(admin.get("secondaryName").asText()).isEqualTo("VANGUARD 2");
    }

    private static List<String> names(String url, Optional<String> token) throws Exception {
        JsonNode list = get("/api/v1/conjunctions", url, token);
        assertThat(list.get("total").asInt()).isEqualTo(2);
        return java.util.stream.StreamSupport.stream(list.get("items").spliterator(), false)
                .map(c -> c.get("primaryNoradId").asLong() + " " + c.get("primaryName").asText() + " × "
                        + c.get("secondaryNoradId").asLong() + " " + c.get("secondaryName").asText()).toList();
    }

    private static JsonNode get(String documentedPath, String url, Optional<String> token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVED.base() + url));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(validator.validate(documentedPath, "GET", response.statusCode(), body)).as(url).isEmpty();
        return body;
    }
}
