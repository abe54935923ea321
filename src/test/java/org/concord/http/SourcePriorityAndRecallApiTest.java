package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.catalog.OrbitRecord;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ScreeningRun;
import org.concord.conjunction.ScreeningVolume;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PUT /api/v1/parties/{code}/priority}, the latest-orbit choice in {@code GET /api/v1/objects/{noradId}}, and
 * {@code DELETE /api/v1/orbits/{orbitId}}, over a real node; documented responses checked against the OpenAPI
 * document.
 */
class SourcePriorityAndRecallApiTest {

    @TempDir
    static Path dataDirectory;

    private static Node node;
    private static ApiServer server;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = new OpenApiValidator(OpenApi.tree());
    private static final Label GBR = Label.publicFrom("GBR");
    /** Released to USA alone: GBR callers, anonymous ones and the node's own (TEST) do not see it. */
    private static final Label USA_ONLY = Label.parse("originator=USA;rel=REL TO USA;tlp=AMBER", Label.publicFrom("USA"));
    private static String admin;
    private static String gbrOperator;
    private static String gbrViewer;
    private static String usaOperator;
    /** Objects of the priority test: a GBR record and a later USA one at the same epoch. */
    private static List<Long> ranked;
    /** Objects of the recall test, the same way. */
    private static List<Long> recalled;

    @BeforeAll
    static void start() throws Exception {
        node = TestNodes.open(dataDirectory, Map.of());
        admin = TestNodes.adminToken(node);
        gbrOperator = TestNodes.token(node, "GBR", Role.OPERATOR);
        gbrViewer = TestNodes.token(node, "GBR", Role.VIEWER);
        usaOperator = TestNodes.token(node, "USA", Role.OPERATOR);
        String[] lines = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                StandardCharsets.US_ASCII).split("\r?\n");
        ranked = ingestBoth(lines, 0, 3);
        recalled = ingestBoth(lines, 3, 5);
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    /** Element sets {@code from} to {@code to} (exclusive) of the file, from GBR and then from USA; their objects. */
    private static List<Long> ingestBoth(String[] lines, int from, int to) {
        StringBuilder text = new StringBuilder();
        List<Long> objects = new ArrayList<>();
        for (int i = from; i < to; i++) {
            text.append(lines[3 * i]).append('\n').append(lines[3 * i + 1]).append('\n').append(lines[3 * i + 2])
                    .append('\n');
            objects.add(Long.parseLong(lines[3 * i + 1].substring(2, 7).trim()));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        for (Label label : List.of(GBR, USA_ONLY)) {
            node.ingest().ingest(new IngestRequest(label.originator() + "-" + from + ".tle", bytes, Optional.of(label),
                    "test", false, Optional.empty()));
        }
        return objects;
    }

    @AfterAll
    static void stop() {
        server.close();
        node.close();
    }

    private record Reply(int status, String body, JsonNode json) {
    }

    private static Reply call(String method, String url, Optional<String> token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + url));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        request.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    private static Reply documented(String method, String path, String url, Optional<String> token) throws Exception {
        Reply reply = call(method, url, token, "");
        assertThat(VALIDATOR.validate(path, method, reply.status(), reply.json()))
                .as("%s %s -> %d %s", method, url, reply.status(), reply.body()).isEmpty();
        return reply;
    }

    private static OrbitRecord recordOf(long noradId, String originator) {
        return node.catalog().orbitHistory(noradId, LabelFilter.UNRESTRICTED).stream()
                .filter(o -> o.label().originator().equals(originator)).findFirst().orElseThrow();
    }

    @Test
    void anAdministratorSetsASourcePriorityAndTheObjectSaysWhichRecordWonAndWhy() throws Exception {
        long norad = ranked.get(0);
        JsonNode before = documented("GET", "/api/v1/objects/{noradId}", "/api/v1/objects/" + norad,
                Optional.of(usaOperator)).json();
        assertThat(before.at("/latestOrbit/label/originator").asText()).isEqualTo("USA");
        assertThat(before.at("/latestOrbitChoice/rule").asText()).isEqualTo("most recently stored");

        assertThat(call("PUT", "/api/v1/parties/GBR/priority", Optional.of(gbrOperator), "{\"priority\": 10}")
                .status()).as("only the node's administrators").isEqualTo(403);
        assertThat(call("PUT", "/api/v1/parties/GBR/priority", Optional.of(admin), "{\"priority\": \"high\"}")
                .status()).isEqualTo(400);
        assertThat(call("PUT", "/api/v1/parties/XYZ/priority", Optional.of(admin), "{\"priority\": 1}").body())
                .contains("no party XYZ");
        long tied = java.util.stream.Stream.concat(ranked.stream(), recalled.stream())
                .filter(n -> node.catalog().orbitHistory(n, LabelFilter.UNRESTRICTED).size() == 2).count();
        Reply set = call("PUT", "/api/v1/parties/gbr/priority", Optional.of(admin), "{\"priority\": 10}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("code").asText()).isEqualTo("GBR");
        assertThat(set.json().get("sourcePriority").asInt()).isEqualTo(10);
        assertThat(set.json().get("previousPriority").asInt()).isZero();
        assertThat(set.json().get("latestOrbitsChanged").asLong()).isEqualTo(tied);
        assertThat(call("GET", "/api/v1/parties", Optional.of(gbrViewer), "").json().get("items"))
                .anySatisfy(p -> {
                    assertThat(p.get("code").asText()).isEqualTo("GBR");
                    assertThat(p.get("sourcePriority").asInt()).isEqualTo(10);
                });

        JsonNode object = documented("GET", "/api/v1/objects/{noradId}", "/api/v1/objects/" + norad,
                Optional.of(usaOperator)).json();
        long gbrId = recordOf(norad, "GBR").id();
        long usaId = recordOf(norad, "USA").id();
        assertThat(object.at("/latestOrbit/id").asLong()).isEqualTo(gbrId);
        JsonNode choice = object.get("latestOrbitChoice");
        assertThat(choice.get("orbitId").asLong()).isEqualTo(gbrId);
        assertThat(choice.get("rule").asText()).isEqualTo("source priority");
        assertThat(choice.get("sourcePriority").asInt()).isEqualTo(10);
        assertThat(choice.get("alternatives").asInt()).isEqualTo(1);
        assertThat(choice.get("reason").asText()).startsWith("newest epoch 2024-")
                .endsWith("1 other record at the same epoch: record " + usaId
                        + " from USA (priority 0) ranks below GBR (priority 10)");

        for (Optional<String> caller : List.of(Optional.<String>empty(), Optional.of(gbrViewer), Optional.of(admin))) {
            JsonNode seen = documented("GET", "/api/v1/objects/{noradId}", "/api/v1/objects/" + norad, caller).json();
            assertThat(seen.at("/latestOrbitChoice/orbitId").asLong()).isEqualTo(gbrId);
            assertThat(seen.at("/latestOrbitChoice/rule").asText()).isEqualTo("newest epoch");
            assertThat(seen.at("/latestOrbitChoice/alternatives").asInt()).as("the USA record is not theirs to see")
                    .isZero();
            assertThat(seen.at("/latestOrbitChoice/reason").asText()).doesNotContain("USA")
                    .endsWith("no other record at that epoch");
        }
        assertThat(node.audit().entries(0, 10_000)).extracting(AuditEntry::event)
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.PARTY_CHANGE);
                    assertThat(e.detail()).isEqualTo("source priority 0 -> 10; latest orbit of " + tied
                            + " objects changed");
                });
    }

    @Test
    void theOriginatorsOperatorRecallsARecordAndAnyoneElseIsRefusedOrToldItIsMissing() throws Exception {
        long norad = recalled.get(0);
        OrbitRecord gbr = recordOf(norad, "GBR");
        OrbitRecord usa = recordOf(norad, "USA");
        ScreeningRun run = node.conjunctions().startRun(new ScreeningRun(0, ScreeningRun.Kind.ALL_VS_ALL,
                Optional.empty(), Instant.parse("2024-07-05T00:00:00Z"), Duration.ofDays(1),
                new ScreeningVolume.Sphere(5000), Optional.empty(), "test", Instant.now(), ScreeningRun.Status.RUNNING,
                0, Optional.empty(), Optional.empty(), Optional.empty()));
        OrbitRecord other = recordOf(recalled.get(1), "GBR");
        node.conjunctions().finishRun(run.id(), List.of(new Conjunction(0, norad, other.noradId(),
                Optional.of(gbr.id()), Optional.of(other.id()), Instant.parse("2024-07-05T01:00:00Z"), 100, 7000, 10,
                20, 30, Optional.empty(), Optional.empty(), Optional.of(run.id()), Optional.empty(),
                gbr.label().combine(other.label(), "TEST"), Optional.empty())),
                new ScreeningRun.Figures(2, 0, 1, 1, 0, 0, 0, 0, 0, Optional.empty()));
        String path = "/api/v1/orbits/{orbitId}";

        assertThat(documented("DELETE", path, "/api/v1/orbits/" + gbr.id(), Optional.empty()).status())
                .isEqualTo(401);
        assertThat(documented("DELETE", path, "/api/v1/orbits/" + gbr.id(), Optional.of(gbrViewer)).status())
                .isEqualTo(403);
        assertThat(documented("DELETE", path, "/api/v1/orbits/" + gbr.id(), Optional.of(usaOperator)).status())
                .as("visible, but USA did not originate it").isEqualTo(403);
        assertThat(documented("DELETE", path, "/api/v1/orbits/" + gbr.id(), Optional.of(admin)).status())
                .as("the node's administrator is not the originator").isEqualTo(403);
        Reply hidden = documented("DELETE", path, "/api/v1/orbits/" + usa.id(), Optional.of(gbrOperator));
        Reply missing = documented("DELETE", path, "/api/v1/orbits/987654321", Optional.of(gbrOperator));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replace(Long.toString(usa.id()), "ID"))
                .isEqualTo(missing.body().replace("987654321", "ID"));
        assertThat(node.catalog().findOrbit(usa.id(), LabelFilter.UNRESTRICTED)).isPresent();

        Reply recall = documented("DELETE", path, "/api/v1/orbits/" + gbr.id() + "?reason=wrong%20epoch",
                Optional.of(gbrOperator));
        assertThat(recall.status()).as(recall.body()).isEqualTo(200);
        assertThat(recall.json().get("orbitRecordsRemoved").asInt()).isEqualTo(1);
        assertThat(recall.json().get("conjunctionsRemoved").asInt()).isEqualTo(1);
        assertThat(recall.json().get("noradId").asLong()).isEqualTo(norad);

        assertThat(call("GET", "/api/v1/orbits/" + gbr.id(), Optional.of(admin), "").status()).isEqualTo(404);
        assertThat(documented("DELETE", path, "/api/v1/orbits/" + gbr.id(), Optional.of(gbrOperator)).status())
                .as("gone").isEqualTo(404);
        assertThat(call("GET", "/api/v1/objects/" + norad, Optional.of(gbrViewer), "").status())
                .as("GBR saw only its own record").isEqualTo(404);
        JsonNode forUsa = call("GET", "/api/v1/objects/" + norad, Optional.of(usaOperator), "").json();
        assertThat(forUsa.at("/latestOrbit/id").asLong()).isEqualTo(usa.id());
        assertThat(node.conjunctions().findConjunctions(new org.concord.conjunction.ConjunctionQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(run.id()),
                org.concord.conjunction.ConjunctionQuery.Sort.TCA, 10, 0), LabelFilter.UNRESTRICTED).total()).isZero();
        assertThat(node.audit().entries(0, 10_000)).extracting(AuditEntry::event)
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.RECALL);
                    assertThat(e.actorParty()).contains("GBR");
                    assertThat(e.subject()).isEqualTo("recall orbit " + gbr.contentSha256() + " from GBR");
                    assertThat(e.originators()).containsExactly("GBR");
                    assertThat(e.detail()).isEqualTo("removed 1 orbit record of object " + norad
                            + " and 1 conjunction; reason: wrong epoch");
                });
    }
}
