package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditJson;
import org.concord.audit.Checkpoint;
import org.concord.audit.ProofCheck;
import org.concord.identity.NodeIdentity;
import org.concord.node.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit endpoints over a real node, every response checked against the OpenAPI document. */
class AuditApiTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(node -> {
        for (int i = 0; i < 12; i++) {
            node.audit().append(AuditEvent.of(java.time.Instant.parse("2026-11-23T10:00:00Z").plusSeconds(i),
                    "user" + i, Optional.of("GBR"), AuditAction.READ, "/api/v1/objects/" + (25544 + i),
                    List.of(i % 3 == 0 ? "FRA" : "USA"), ""));
        }
    });

    private static Node node;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();
    private static String adminToken;

    @BeforeAll
    static void start() {
        node = SERVED.node();
        adminToken = SERVED.adminToken();
        base = SERVED.base();
    }

    private static JsonNode call(String method, String documentedPath, String url, int expectedStatus)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + url))
                .header("Authorization", "Bearer " + adminToken);
        request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(VALIDATOR.validate(documentedPath, method, response.statusCode(), body))
                .as("%s %s -> %d %s", method, url, response.statusCode(), response.body()).isEmpty();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return body;
    }

    @Test
    void aPartnerChecksAnEntryAgainstASignedCheckpointWithOnlyThePublishedKey() throws Exception {
        JsonNode key = call("GET", "/api/v1/node/key", "/api/v1/node/key", 200);
        assertThat(key.get("fingerprint").asText()).isEqualTo(node.identity().fingerprint());
        java.security.PublicKey publicKey = NodeIdentity.parsePublicKeyPem(key.get("publicKeyPem").asText());

        JsonNode signed = call("POST", "/api/v1/audit/checkpoints", "/api/v1/audit/checkpoints", 201);
        Checkpoint checkpoint = AuditJson.checkpoint(signed);
        assertThat(checkpoint.treeSize()).isGreaterThanOrEqualTo(13);
        assertThat(AuditJson.checkpoint(call("GET", "/api/v1/audit/checkpoints/latest",
                "/api/v1/audit/checkpoints/latest", 200))).isEqualTo(checkpoint);

        JsonNode proof = call("GET", "/api/v1/audit/proofs/inclusion", "/api/v1/audit/proofs/inclusion?index=4"
                + "&treeSize=" + checkpoint.treeSize(), 200);
        assertThat(AuditJson.checkpoint(proof.get("checkpoint"))).isEqualTo(checkpoint);
        AuditJson.InclusionClaim claim = AuditJson.inclusionClaim(proof);
        assertThat(new String(Base64.getDecoder().decode(proof.get("entry").asText()))).contains("\"seq\":4");
        assertThat(ProofCheck.inclusion(publicKey, checkpoint, claim, claim.entry())).isEmpty();

        JsonNode defaultSize = call("GET", "/api/v1/audit/proofs/inclusion", "/api/v1/audit/proofs/inclusion?index=0",
                200);
        assertThat(defaultSize.get("treeSize").asLong()).isEqualTo(checkpoint.treeSize());

        JsonNode consistency = call("GET", "/api/v1/audit/proofs/consistency", "/api/v1/audit/proofs/consistency"
                + "?from=5&to=" + checkpoint.treeSize(), 200);
        assertThat(consistency.get("fromCheckpoint").isNull()).isTrue();
        assertThat(ProofCheck.consistency(publicKey, checkpoint, Optional.empty(),
                AuditJson.consistencyClaim(consistency))).isEmpty();
    }

    @Test
    void entriesConcerningAPartyArePaged() throws Exception {
        JsonNode first = call("GET", "/api/v1/audit/entries", "/api/v1/audit/entries?party=FRA&limit=2", 200);
        // entry 0 is the node's own party, registered when the node first opened
        assertThat(first.get("items")).extracting(i -> i.get("sequence").asLong()).containsExactly(1L, 4L);
        assertThat(first.get("nextAfter").asLong()).isEqualTo(4);
        JsonNode rest = call("GET", "/api/v1/audit/entries", "/api/v1/audit/entries?party=FRA&after=4&limit=10", 200);
        assertThat(rest.get("items")).extracting(i -> i.get("sequence").asLong()).containsExactly(7L, 10L);
        assertThat(rest.get("nextAfter").isNull()).isTrue();
        assertThat(rest.at("/items/0/originators/0").asText()).isEqualTo("FRA");
        JsonNode all = call("GET", "/api/v1/audit/entries", "/api/v1/audit/entries?limit=3", 200);
        assertThat(all.get("items")).hasSize(3);
    }

    @Test
    void badParametersAreClearErrors() throws Exception {
        assertThat(call("GET", "/api/v1/audit/proofs/inclusion", "/api/v1/audit/proofs/inclusion?index=x&treeSize=3",
                400).at("/error/message").asText()).contains("index");
        assertThat(call("GET", "/api/v1/audit/proofs/inclusion", "/api/v1/audit/proofs/inclusion?index=5&treeSize=3",
                400).at("/error/message").asText()).contains("not in a tree of size 3");
        assertThat(call("GET", "/api/v1/audit/proofs/consistency", "/api/v1/audit/proofs/consistency?from=9&to=3",
                400).at("/error/message").asText()).contains("from 9");
        call("GET", "/api/v1/audit/entries", "/api/v1/audit/entries?limit=0", 400);
    }

    @Test
    void aPartnerSeesOfAnotherPartysReadOnlyWhatConcernsItsOwnData() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2026-11-24T10:00:00Z");
        long mixed = node.audit().append(AuditEvent.of(at, "analyst-gbr", Optional.of("GBR"), AuditAction.READ,
                "GET /api/v1/objects/99001/orbits?content=true", List.of("AUS", "GBR"), "status 200")).sequence();
        long own = node.audit().append(AuditEvent.of(at.plusSeconds(1), "analyst-gbr", Optional.of("GBR"),
                AuditAction.READ, "GET /api/v1/orbits/17", List.of("AUS"), "status 200")).sequence();
        long conjunction = node.audit().append(AuditEvent.of(at.plusSeconds(2), "analyst-gbr", Optional.of("GBR"),
                AuditAction.READ, "GET /api/v1/conjunctions/55", List.of("AUS", "USA"), "status 200")).sequence();
        long size = node.audit().checkpointRequestedBy("test", Optional.of("TEST"), "test").treeSize();
        String aus = TestNodes.token(node, "AUS", org.concord.access.Role.ANALYST);

        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/audit/entries?after=" + (mixed - 1))).header("Authorization", "Bearer " + aus).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.body()).doesNotContain("\"GBR\"]").doesNotContain("USA").doesNotContain("/55")
                .doesNotContain("content=true");
        Map<Long, JsonNode> items = new java.util.HashMap<>();
        body.get("items").forEach(i -> items.put(i.get("sequence").asLong(), i));
        assertThat(items.keySet()).contains(mixed, own, conjunction);
        JsonNode hidden = items.get(mixed);
        assertThat(hidden.get("whole").asBoolean()).isFalse();
        assertThat(hidden.get("originators")).extracting(JsonNode::asText).containsExactly("AUS");
        assertThat(hidden.get("subject").asText()).isEqualTo("GET /api/v1/objects/99001/orbits");
        assertThat(hidden.get("actorParty").asText()).isEqualTo("GBR");
        assertThat(hidden.get("detail").asText()).isEmpty();
        assertThat(hidden.get("entry").isNull() && hidden.get("leafHash").isNull()).isTrue();
        assertThat(items.get(conjunction).get("subject").asText()).isEqualTo("GET /api/v1/conjunctions/{id}");
        JsonNode whole = items.get(own);
        assertThat(whole.get("whole").asBoolean()).isTrue();
        assertThat(whole.get("entry").asText()).isEqualTo(node.audit().entry(own).orElseThrow().entry());
        assertThat(VALIDATOR.validate("/api/v1/audit/entries", "GET", response.statusCode(), body)).isEmpty();

        assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/proofs/inclusion?index="
                + own + "&treeSize=" + size)).header("Authorization", "Bearer " + aus).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> noProof = CLIENT.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/audit/proofs/inclusion?index=" + mixed + "&treeSize=" + size))
                .header("Authorization", "Bearer " + aus).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noProof.statusCode()).isEqualTo(404);
        assertThat(noProof.body()).doesNotContain("GBR");

        JsonNode asNode = call("GET", "/api/v1/audit/entries", "/api/v1/audit/entries?party=AUS&after="
                + (mixed - 1), 200);
        assertThat(asNode.at("/items/0/originators")).extracting(JsonNode::asText).containsExactly("AUS", "GBR");
    }
}
