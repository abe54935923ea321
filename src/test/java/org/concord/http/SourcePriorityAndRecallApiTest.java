package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.catalog.OrbitRecord;
import org.concord.conjunction.Conjunction;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningVolume;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PUT /api/v1/parties/{code}/priority}, the latest-orbit choice in {@code GET /api/v1/objects/{noradId}},
 * {@code DELETE /api/v1/orbits/{orbitId}} and {@code PUT /api/v1/orbits/{orbitId}/label}, over a real node; documented responses checked against the OpenAPI
 * document.
 */
class SourcePriorityAndRecallApiTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty();

    private static Node node;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();
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
        node = SERVED.node();
        base = SERVED.base();
        admin = SERVED.adminToken();
        gbrOperator = TestNodes.token(node, "GBR", Role.OPERATOR);
        gbrViewer = TestNodes.token(node, "GBR", Role.VIEWER);
        usaOperator = TestNodes.token(node, "USA", Role.OPERATOR);
        String[] lines = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                StandardCharsets.US_ASCII).split("\r?\n");
        ranked = ingestBoth(lines, 0, 3);
        recalled = ingestBoth(lines, 3, 5);
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
        return documented(method, path, url, token, "");
    }

    private static Reply documented(String method, String path, String url, Optional<String> token, String body)
            throws Exception {
        Reply reply = call(method, url, token, body);
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

        String priority = "/api/v1/parties/{code}/priority";
        assertThat(documented("PUT", priority, "/api/v1/parties/GBR/priority", Optional.of(gbrOperator),
                "{\"priority\": 10}").status()).as("only the node's administrators").isEqualTo(403);
        assertThat(documented("PUT", priority, "/api/v1/parties/GBR/priority", Optional.of(admin),
                "{\"priority\": \"high\"}").status()).isEqualTo(400);
        assertThat(documented("PUT", priority, "/api/v1/parties/XYZ/priority", Optional.of(admin),
                "{\"priority\": 1}").body()).contains("no party XYZ");
        long tied = java.util.stream.Stream.concat(ranked.stream(), recalled.stream())
                .filter(n -> node.catalog().orbitHistory(n, LabelFilter.UNRESTRICTED).size() == 2).count();
        Reply set = documented("PUT", priority, "/api/v1/parties/gbr/priority", Optional.of(admin),
                "{\"priority\": 10}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("code").asText()).isEqualTo("GBR");
        assertThat(set.json().get("sourcePriority").asInt()).isEqualTo(10);
        assertThat(set.json().get("previousPriority").asInt()).isZero();
        assertThat(set.json().get("latestOrbitsChanged").asLong()).isEqualTo(tied);
        assertThat(documented("GET", "/api/v1/parties", "/api/v1/parties", Optional.of(gbrViewer)).json()
                .get("items"))
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
        ScreeningRun run = node.screeningRuns().startRun(new ScreeningRun(0, ScreeningRun.Kind.ALL_VS_ALL,
                Optional.empty(), Instant.parse("2024-07-05T00:00:00Z"), Duration.ofDays(1),
                new ScreeningVolume.Sphere(5000), Optional.empty(), "test", Instant.now(), ScreeningRun.Status.RUNNING,
                0, Optional.empty(), Optional.empty(), Optional.empty()));
        OrbitRecord other = recordOf(recalled.get(1), "GBR");
        node.screeningRuns().finishRun(run.id(), List.of(new Conjunction(0, norad, other.noradId(),
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
        assertThat(recall.json().get("productsRemoved").asInt()).isEqualTo(1);
        assertThat(recall.json().get("noradId").asLong()).isEqualTo(norad);

        assertThat(call("GET", "/api/v1/orbits/" + gbr.id(), Optional.of(admin), "").status()).isEqualTo(404);
        assertThat(documented("DELETE", path, "/api/v1/orbits/" + gbr.id(), Optional.of(gbrOperator)).status())
                .as("gone").isEqualTo(404);
        assertThat(call("GET", "/api/v1/objects/" + norad, Optional.of(gbrViewer), "").status())
                .as("GBR saw only its own record").isEqualTo(404);
        JsonNode forUsa = call("GET", "/api/v1/objects/" + norad, Optional.of(usaOperator), "").json();
        assertThat(forUsa.at("/latestOrbit/id").asLong()).isEqualTo(usa.id());
        assertThat(node.conjunctions().findConjunctions(new org.concord.product.ProductQuery(java.util.Map.of("runId", run.id()), org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().get(0), 10, Optional.empty()), LabelFilter.UNRESTRICTED).total()).isZero();
        assertThat(node.audit().entries(0, 10_000)).extracting(AuditEntry::event)
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.RECALL);
                    assertThat(e.actorParty()).contains("GBR");
                    assertThat(e.subject()).isEqualTo("recall orbit " + gbr.contentSha256() + " from GBR");
                    assertThat(e.originators()).containsExactly("GBR");
                    assertThat(e.detail()).isEqualTo("removed 1 orbit record of object " + norad
                            + " and 1 derived product; reason: wrong epoch");
                });
    }

    private static Reply relabel(long id, Optional<String> token, String body) throws Exception {
        return documented("PUT", "/api/v1/orbits/{orbitId}/label", "/api/v1/orbits/" + id + "/label", token, body);
    }

    private static int read(long id, Optional<String> token) throws Exception {
        return call("GET", "/api/v1/orbits/" + id, token, "").status();
    }

    private static List<org.concord.audit.AuditEvent> relabels() {
        return node.audit().entries(0, 10_000).stream().map(AuditEntry::event)
                .filter(e -> e.action() == AuditAction.RELABEL).toList();
    }

    /**
     * An operator uploads without a label (private by default), uploads the same text again under another label (told
     * it keeps the label it has), and re-labels it: only its own party's operators may, a wider label needs
     * {@code widen}, each re-label is audited, and readers see the record as its new label allows.
     */
    @Test
    void reIngestUnderAnotherLabelWarnsAndTheOwnerReLabelsItAudited() throws Exception {
        String usaViewer = TestNodes.token(node, "USA", Role.VIEWER);
        String ausViewer = TestNodes.token(node, "AUS", Role.VIEWER);
        String ausOperator = TestNodes.token(node, "AUS", Role.OPERATOR);
        String[] lines = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                StandardCharsets.US_ASCII).split("\r?\n");
        String tle = lines[30] + "\n" + lines[31] + "\n" + lines[32] + "\n";
        long norad = Long.parseLong(lines[31].substring(2, 7).trim());
        Reply uploaded = documented("POST", "/api/v1/orbits", "/api/v1/orbits?name=plan.tle", Optional.of(usaOperator),
                tle);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().at("/label/releasability").asText()).isEqualTo("REL TO TEST,USA");
        assertThat(uploaded.json().get("warnings")).isEmpty();
        long id = node.catalog().orbitHistory(norad, LabelFilter.UNRESTRICTED).getFirst().id();
        assertThat(read(id, Optional.empty())).as("private by default").isEqualTo(404);

        Reply again = documented("POST", "/api/v1/orbits", "/api/v1/orbits?name=plan.tle&label="
                + URLEncoder.encode("tlp=RED;rel=REL TO USA", StandardCharsets.UTF_8), Optional.of(usaOperator), tle);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.json().get("heldUnderAnotherLabel").asInt()).isEqualTo(1);
        assertThat(again.json().get("warnings").get(0).asText()).contains("already held under another label")
                .contains("PUT /api/v1/orbits/{id}/label");
        String cdm = new String(TestNodes.resource("/ccsds/cdm/AlfanoTestCase02.cdm"), StandardCharsets.UTF_8);
        assertThat(documented("POST", "/api/v1/orbits", "/api/v1/orbits?name=warning.cdm", Optional.of(usaOperator),
                cdm).json().get("stored").asInt()).isEqualTo(1);
        Reply cdmAgain = documented("POST", "/api/v1/orbits", "/api/v1/orbits?name=warning.cdm&label=tlp%3DRED",
                Optional.of(usaOperator), cdm);
        assertThat(cdmAgain.json().get("heldUnderAnotherLabel").asInt()).isEqualTo(1);
        assertThat(cdmAgain.json().get("warnings").get(0).asText()).contains("cannot be re-labelled");
        assertThat(call("POST", "/api/v1/orbits?name=plan.tle&label=" + URLEncoder.encode("rel=REL TO USA;rel=PUBLIC",
                StandardCharsets.UTF_8), Optional.of(usaOperator), tle).body()).contains("'rel' is given twice");

        String toPublic = "{\"label\": \"rel=PUBLIC;tlp=CLEAR\", \"reason\": \"published\"}";
        assertThat(relabel(id, Optional.empty(), toPublic).status()).isEqualTo(401);
        assertThat(relabel(id, Optional.of(ausOperator), toPublic).status()).as("cannot see it: as if missing")
                .isEqualTo(404);
        assertThat(relabel(id, Optional.of(admin), toPublic).status()).as("sees it, not its originator")
                .isEqualTo(403);
        assertThat(relabel(id, Optional.of(usaViewer), toPublic).status()).isEqualTo(403);
        assertThat(relabel(id, Optional.of(usaOperator), "{\"label\": \"tlp=RED\", \"until\": \"x\"}").body())
                .contains("unknown key of the body 'until'");
        assertThat(relabel(id, Optional.of(usaOperator), "{\"label\": \"tlp=RED;tlp=CLEAR\"}").body())
                .contains("'tlp' is given twice");
        assertThat(relabel(id, Optional.of(usaOperator), "{\"label\": \"originator=AUS\"}").body())
                .contains("keeps the record's originator USA");
        assertThat(relabel(id, Optional.of(usaOperator), "{\"label\": \"tlp=RED\", \"reason\": \"" + "x".repeat(1025)
                + "\"}").body()).contains("at most 1024");
        assertThat(relabel(id, Optional.of(usaOperator), "{\"label\": \"rel=" + "A1,".repeat(700) + "USA\"}")
                .status()).isEqualTo(400);
        Reply unconfirmed = relabel(id, Optional.of(usaOperator), toPublic);
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("more widely").contains("releasability PUBLIC (was REL TO TEST,USA)")
                .contains("TLP:CLEAR (was TLP:AMBER)").contains("widen=true");
        assertThat(relabels()).as("refusals change nothing and audit no re-label").isEmpty();
        assertThat(read(id, Optional.empty())).isEqualTo(404);

        Reply published = relabel(id, Optional.of(usaOperator),
                "{\"label\": \"rel=PUBLIC;tlp=CLEAR\", \"widen\": true, \"reason\": \"published\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        long publicId = published.json().get("orbitId").asLong();
        assertThat(published.json().get("changed").asBoolean()).isTrue();
        assertThat(published.json().get("previousOrbitId").asLong()).isEqualTo(id);
        assertThat(publicId).isGreaterThan(id);
        assertThat(read(publicId, Optional.empty())).isEqualTo(200);
        assertThat(read(publicId, Optional.of(ausViewer))).isEqualTo(200);
        assertThat(read(id, Optional.of(usaViewer))).as("the old id is gone").isEqualTo(404);
        assertThat(call("GET", "/api/v1/objects/" + norad, Optional.empty(), "")
                .json().at("/latestOrbit/id").asLong()).isEqualTo(publicId);

        Reply narrowed = relabel(publicId, Optional.of(usaOperator), "{\"label\": \"rel=REL TO USA;tlp=RED\"}");
        assertThat(narrowed.status()).as("narrower needs no confirmation").isEqualTo(200);
        long redId = narrowed.json().get("orbitId").asLong();
        assertThat(read(redId, Optional.empty())).isEqualTo(404);
        assertThat(read(redId, Optional.of(ausViewer))).isEqualTo(404);
        assertThat(read(redId, Optional.of(admin))).as("not released to the node's party").isEqualTo(404);
        assertThat(read(redId, Optional.of(usaViewer))).isEqualTo(200);
        assertThat(call("GET", "/api/v1/objects/" + norad, Optional.empty(), "")
                .status()).isEqualTo(404);

        Reply same = relabel(redId, Optional.of(usaOperator), "{\"label\": \"tlp=RED\"}");
        assertThat(same.json().get("changed").asBoolean()).isFalse();
        assertThat(same.json().get("orbitId").asLong()).isEqualTo(redId);

        List<org.concord.audit.AuditEvent> audited = relabels();
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0).actor()).startsWith("operator-usa");
        assertThat(audited.get(0).actorParty()).contains("USA");
        assertThat(audited.get(0).originators()).containsExactly("USA");
        assertThat(audited.get(0).detail()).contains("WIDER: releasability PUBLIC").contains("reason: published")
                .contains("now record " + publicId);
        assertThat(audited.get(1).detail()).contains("narrower").contains("to originator=USA;rel=REL TO USA;tlp=RED");
    }
}
