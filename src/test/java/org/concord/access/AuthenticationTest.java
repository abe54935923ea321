package org.concord.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.http.ApiServer;
import org.concord.http.ServedNodeExtension;
import org.concord.ingest.IngestRequest;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.node.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens over HTTP: what a bad one gets, that none is ever logged, the anonymous rate limit, and changes of
 * agreements, groups and expiry taking effect on the very next request.
 */
class AuthenticationTest {

    private static final String TLE = "/catalog/subset_301obj_3le_2024-07.txt";

    @TempDir
    static Path dataDirectory;

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.empty().in(Map.of("CONCORD_NODE_PARTY", "GBR",
            "CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "60", "CONCORD_HTTP_ANONYMOUS_BURST", "1000"));

    private static Node node;
    private static String base;
    private static String admin;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        node = SERVED.node();
        admin = SERVED.adminToken();
        base = SERVED.base();
    }

    private static HttpResponse<String> get(String path, Optional<String> authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        authorization.ifPresent(a -> request.header("Authorization", a));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> bearer(String path, String token) throws Exception {
        return get(path, Optional.of("Bearer " + token));
    }

    /** The {@code index}-th element set of the test subset, under this label. */
    private static void ingest(String name, String labelSpec, int index) {
        String[] lines = new String(TestNodes.resource(TLE), StandardCharsets.US_ASCII).split("\\R");
        String one = lines[3 * index] + "\n" + lines[3 * index + 1] + "\n" + lines[3 * index + 2] + "\n";
        node.ingest().ingest(new IngestRequest(name, one.getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.parse(labelSpec, Label.publicFrom("GBR"))), "test", false, Optional.empty()));
    }

    private static long total(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("total").asLong();
    }

    @Test
    void missingMalformedUnknownExpiredRevokedAndDisabledTokensGet401AndNoData() throws Exception {
        String analyst = TestNodes.token(node, "GBR", Role.ANALYST);
        assertThat(bearer("/api/v1/objects", analyst).statusCode()).isEqualTo(200);
        for (String header : new String[] {"Basic YWxpY2U6cGFzcw==", "Bearer", "Bearer short", "Bearer " + analyst
                + " extra", "Token " + analyst, "Bearer concord_" + "A".repeat(43)}) {
            HttpResponse<String> r = get("/api/v1/objects", Optional.of(header));
            assertThat(r.statusCode()).as(header).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("Bearer"));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.has("items")).isFalse();
            assertThat(body.at("/error/status").asInt()).isEqualTo(401);
        }
        HttpResponse<String> anonymousIngest = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/orbits"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousIngest.statusCode()).isEqualTo(401);

        SharingService sharing = node.sharing();
        String shortLived = sharing.createToken(sharing.users().get(sharing.users().size() - 1).name(), "short",
                Duration.ofSeconds(1), TestNodes.TEST_ADMIN).secret();
        assertThat(bearer("/api/v1/objects", shortLived).statusCode()).isEqualTo(200);
        Thread.sleep(1100);
        assertThat(bearer("/api/v1/objects", shortLived).statusCode()).as("expired").isEqualTo(401);

        long id = sharing.tokens().stream().filter(t -> t.description().equals("test")).mapToLong(ApiToken::id).max()
                .orElseThrow();
        String viewer = TestNodes.token(node, "USA", Role.VIEWER);
        long viewerId = sharing.tokens().stream().mapToLong(ApiToken::id).max().orElseThrow();
        assertThat(bearer("/api/v1/objects", viewer).statusCode()).isEqualTo(200);
        HttpResponse<String> revoke = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens/"
                + viewerId)).DELETE().header("Authorization", "Bearer " + admin).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoke.statusCode()).isEqualTo(204);
        assertThat(bearer("/api/v1/objects", viewer).statusCode()).as("revoked").isEqualTo(401);

        String disabledUser = sharing.tokens().stream().filter(t -> t.id() == id).findFirst().orElseThrow().userName();
        String another = sharing.createToken(disabledUser, "x", Duration.ofDays(1), TestNodes.TEST_ADMIN).secret();
        sharing.setUserDisabled(disabledUser, true, TestNodes.TEST_ADMIN);
        assertThat(bearer("/api/v1/objects", another).statusCode()).as("disabled user").isEqualTo(401);
    }

    @Test
    void noTokenEverAppearsInTheNodesLog() throws Exception {
        String token = TestNodes.token(node, "GBR", Role.VIEWER);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            bearer("/api/v1/objects", token);
            bearer("/api/v1/objects/abc", token);
            bearer("/api/v1/objects?limit=-1", token);
            get("/api/v1/objects", Optional.of("Basic " + token));
            bearer("/api/v1/objects", token + "x");
            CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/orbits?name=" + token)).header(
                    "Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("not an orbit"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            node.audit().flush();
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(token)
                .doesNotContain(token.substring(SharingService.TOKEN_PREFIX.length(), 30));
        assertThat(node.audit().entries(0, 100_000).stream().map(e -> e.entry()).toList())
                .noneMatch(entry -> entry.contains(token.substring(SharingService.TOKEN_PREFIX.length())));
    }

    @Test
    void anonymousCallersAreLimitedPerAddressAndToldWhenToComeBack() throws Exception {
        try (Node limited = TestNodes.open(dataDirectory.resolve("limited"), Map.of(
                "CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "60", "CONCORD_HTTP_ANONYMOUS_BURST", "3"));
             ApiServer limitedServer = new ApiServer(limited)) {
            String url = "http://127.0.0.1:" + limitedServer.start("127.0.0.1", 0) + "/api/v1/status";
            String token = TestNodes.adminToken(limited);
            int ok = 0;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 6 && refused == null; i++) {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    refused = r;
                }
            }
            assertThat(ok).isEqualTo(3);
            assertThat(refused.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 2L);
            assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("a token is not limited")
                    .isEqualTo(200);
            Thread.sleep(retryAfter * 1000 + 50);
            assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("never locked out").isEqualTo(200);
        }
    }

    @Test
    void revocationGroupChangesAndExpiryTakeEffectOnTheNextRequest() throws Exception {
        SharingService sharing = node.sharing();
        sharing.addParty("FRA", "France", PartyKind.NATION, TestNodes.TEST_ADMIN);
        sharing.addParty("EUSST", "EU SST", PartyKind.GROUP, TestNodes.TEST_ADMIN);
        String fra = TestNodes.token(node, "FRA", Role.VIEWER);
        long before = total(bearer("/api/v1/objects?limit=1", fra));
        ingest("for-eusst.tle", "originator=GBR;rel=REL TO EUSST;tlp=GREEN", 0);
        Agreement agreement = sharing.addAgreement(new SharingService.Terms("GBR", new TreeSet<>(java.util.Set.of(
                "EUSST")), java.util.Set.of(DataKind.ORBITS), false, Instant.now().minusSeconds(60), Optional.empty()),
                TestNodes.TEST_ADMIN);
        assertThat(total(bearer("/api/v1/objects?limit=1", fra))).as("FRA not yet in the group").isEqualTo(before);
        sharing.addMember("EUSST", "FRA", TestNodes.TEST_ADMIN);
        assertThat(total(bearer("/api/v1/objects?limit=1", fra))).as("FRA joined").isEqualTo(before + 1);
        sharing.revokeAgreement(agreement.id(), TestNodes.TEST_ADMIN);
        assertThat(total(bearer("/api/v1/objects?limit=1", fra))).as("agreement revoked").isEqualTo(before);
        Agreement toFra = sharing.addAgreement(new SharingService.Terms("GBR", new TreeSet<>(java.util.Set.of("FRA")),
                java.util.Set.of(DataKind.ORBITS), false, Instant.now().minusSeconds(60), Optional.empty()),
                TestNodes.TEST_ADMIN);
        assertThat(total(bearer("/api/v1/objects?limit=1", fra))).isEqualTo(before + 1);
        sharing.removeMember("EUSST", "FRA", TestNodes.TEST_ADMIN);
        assertThat(total(bearer("/api/v1/objects?limit=1", fra))).as("FRA left the group").isEqualTo(before);

        sharing.revokeAgreement(toFra.id(), TestNodes.TEST_ADMIN);
        sharing.addMember("EUSST", "FRA", TestNodes.TEST_ADMIN);
        sharing.addAgreement(new SharingService.Terms("GBR", new TreeSet<>(java.util.Set.of("EUSST")),
                java.util.Set.of(DataKind.ORBITS), false, Instant.now().minusSeconds(60),
                Optional.of(Instant.now().plusSeconds(2))), TestNodes.TEST_ADMIN);
        assertThat(total(bearer("/api/v1/objects?limit=1", fra))).as("until the agreement ends").isEqualTo(before + 1);
        long anonymous = total(get("/api/v1/objects?limit=1", Optional.empty()));
        ingest("expiring.tle", "originator=GBR;rel=PUBLIC;tlp=CLEAR;expires=" + Instant.now().plusSeconds(2), 1);
        assertThat(total(get("/api/v1/objects?limit=1", Optional.empty()))).isEqualTo(anonymous + 1);
        Thread.sleep(2100);
        assertThat(total(get("/api/v1/objects?limit=1", Optional.empty()))).as("expired").isEqualTo(anonymous);
        assertThat(total(bearer("/api/v1/objects?limit=1", fra))).as("the agreement ended, the label expired")
                .isEqualTo(before);
    }

    @Test
    void aWellFormedHeaderWithABadTokenIsNotValidAndOnlyATrulyMalformedOneIsMalformed() throws Exception {
        for (String header : new String[] {"Bearer concord_nope", "Bearer short", "bearer concord_" + "A".repeat(43)}) {
            HttpResponse<String> r = get("/api/v1/objects", Optional.of(header));
            assertThat(r.statusCode()).as(header).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).at("/error/message").asText()).as(header)
                    .startsWith("the token is not valid");
        }
        for (String header : new String[] {"Bearer", "Basic YWxpY2U6cGFzcw==", "Bearer two words"}) {
            HttpResponse<String> r = get("/api/v1/objects", Optional.of(header));
            assertThat(r.statusCode()).as(header).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).at("/error/message").asText()).as(header)
                    .startsWith("malformed Authorization header");
        }
    }

    @Test
    void twoAuthorizationHeadersAreRefused() throws Exception {
        String analyst = TestNodes.token(node, "GBR", Role.ANALYST);
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/objects"))
                .version(HttpClient.Version.HTTP_1_1).header("Authorization", "Bearer " + analyst)
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("more than one Authorization header").doesNotContain("\"items\"");
    }

    @Test
    void onlyTheNodesAdministratorsAreToldWhereItsDataLives() throws Exception {
        JsonNode anonymous = JSON.readTree(get("/api/v1/status", Optional.empty()).body());
        JsonNode partner = JSON.readTree(bearer("/api/v1/status", TestNodes.token(node, "USA", Role.ADMIN)).body());
        JsonNode analyst = JSON.readTree(bearer("/api/v1/status", TestNodes.token(node, "GBR", Role.ANALYST)).body());
        for (JsonNode status : List.of(anonymous, partner, analyst)) {
            assertThat(status.has("database")).as(status.toString()).isFalse();
            assertThat(status.toString()).doesNotContain(dataDirectory.toAbsolutePath().toString())
                    .doesNotContain("jdbc:");
        }
        assertThat(JSON.readTree(bearer("/api/v1/status", admin).body()).get("database").asText())
                .startsWith("H2 jdbc:h2:file:");
    }

    @Test
    void theAuditLogsSizeIsForCallersWithAToken() throws Exception {
        node.audit().checkpointRequestedBy("test", Optional.of("GBR"), "test");
        assertThat(get("/api/v1/audit/checkpoints/latest", Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(bearer("/api/v1/audit/checkpoints/latest", TestNodes.token(node, "USA", Role.VIEWER))
                .statusCode()).isEqualTo(200);
    }
}
