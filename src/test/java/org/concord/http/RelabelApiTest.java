package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator uploads without a label (private by default), uploads the same text again under another label (told it
 * keeps the label it has), and re-labels it ({@code PUT /api/v1/orbits/{orbitId}/label}): only its own party's
 * operators may, a wider label needs {@code widen}, each re-label is audited, and readers see the record as its new
 * label allows. Documented answers are checked against the OpenAPI document.
 */
class RelabelApiTest {

    @TempDir
    static Path dataDirectory;

    private static Node node;
    private static ApiServer server;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = new OpenApiValidator(OpenApi.tree());
    private static String usaOperator;
    private static String usaViewer;
    private static String ausViewer;
    private static String ausOperator;
    private static String nodeAdmin;
    private static String tle;

    @BeforeAll
    static void start() {
        node = TestNodes.open(dataDirectory, Map.of());
        usaOperator = TestNodes.token(node, "USA", Role.OPERATOR);
        usaViewer = TestNodes.token(node, "USA", Role.VIEWER);
        ausViewer = TestNodes.token(node, "AUS", Role.VIEWER);
        ausOperator = TestNodes.token(node, "AUS", Role.OPERATOR);
        nodeAdmin = TestNodes.adminToken(node);
        String[] lines = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                StandardCharsets.US_ASCII).split("\r?\n");
        tle = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n";
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
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
        request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    private static Reply documented(String method, String path, String url, Optional<String> token, String body)
            throws Exception {
        Reply reply = call(method, url, token, body);
        assertThat(VALIDATOR.validate(path, method, reply.status(), reply.json()))
                .as("%s %s -> %d %s", method, url, reply.status(), reply.body()).isEmpty();
        return reply;
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

    @Test
    void reIngestUnderAnotherLabelWarnsAndTheOwnerReLabelsItAudited() throws Exception {
        Reply uploaded = documented("POST", "/api/v1/orbits", "/api/v1/orbits?name=plan.tle", Optional.of(usaOperator),
                tle);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().at("/label/releasability").asText()).isEqualTo("REL TO TEST,USA");
        assertThat(uploaded.json().get("warnings")).isEmpty();
        long id = node.catalog().findObjects(org.concord.catalog.ObjectQuery.all(10), LabelFilter.UNRESTRICTED)
                .items().getFirst().latestOrbit().orElseThrow().id();
        assertThat(read(id, Optional.empty())).as("private by default").isEqualTo(404);

        Reply again = documented("POST", "/api/v1/orbits", "/api/v1/orbits?name=plan.tle&label="
                + URLEncoder.encode("tlp=RED;rel=REL TO USA", StandardCharsets.UTF_8), Optional.of(usaOperator), tle);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.json().get("heldUnderAnotherLabel").asInt()).isEqualTo(1);
        assertThat(again.json().get("warnings").get(0).asText()).contains("already held under another label")
                .contains("PUT /api/v1/orbits/{id}/label");
        assertThat(call("POST", "/api/v1/orbits?name=plan.tle&label=" + URLEncoder.encode("rel=REL TO USA;rel=PUBLIC",
                StandardCharsets.UTF_8), Optional.of(usaOperator), tle).body()).contains("'rel' is given twice");

        String toPublic = "{\"label\": \"rel=PUBLIC;tlp=CLEAR\", \"reason\": \"published\"}";
        assertThat(relabel(id, Optional.empty(), toPublic).status()).isEqualTo(401);
        assertThat(relabel(id, Optional.of(ausOperator), toPublic).status()).as("cannot see it: as if missing")
                .isEqualTo(404);
        assertThat(relabel(id, Optional.of(nodeAdmin), toPublic).status()).as("sees it, not its originator")
                .isEqualTo(403);
        assertThat(relabel(id, Optional.of(usaViewer), toPublic).status()).isEqualTo(403);
        assertThat(relabel(id, Optional.of(usaOperator), "{\"label\": \"tlp=RED\", \"until\": \"x\"}").body())
                .contains("unknown key 'until'");
        assertThat(relabel(id, Optional.of(usaOperator), "{\"label\": \"tlp=RED;tlp=CLEAR\"}").body())
                .contains("'tlp' is given twice");
        assertThat(relabel(id, Optional.of(usaOperator), "{\"label\": \"originator=AUS\"}").body())
                .contains("keeps the record's originator USA");
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
        assertThat(call("GET", "/api/v1/objects/" + published.json().get("noradId").asLong(), Optional.empty(), "")
                .json().at("/latestOrbit/id").asLong()).isEqualTo(publicId);

        Reply narrowed = relabel(publicId, Optional.of(usaOperator), "{\"label\": \"rel=REL TO USA;tlp=RED\"}");
        assertThat(narrowed.status()).as("narrower needs no confirmation").isEqualTo(200);
        long redId = narrowed.json().get("orbitId").asLong();
        assertThat(read(redId, Optional.empty())).isEqualTo(404);
        assertThat(read(redId, Optional.of(ausViewer))).isEqualTo(404);
        assertThat(read(redId, Optional.of(nodeAdmin))).as("not released to the node's party").isEqualTo(404);
        assertThat(read(redId, Optional.of(usaViewer))).isEqualTo(200);
        assertThat(call("GET", "/api/v1/objects/" + narrowed.json().get("noradId").asLong(), Optional.empty(), "")
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
