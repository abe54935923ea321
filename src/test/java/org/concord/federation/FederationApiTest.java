package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.label.Label;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The peer registry, sync and metrics over HTTP, for the node's administrators only. */
class FederationApiTest extends PartnersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> call(Partners.Member m, String method, String path, String token,
                                             String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void administratorsRegisterSyncWatchAndRemovePeers() throws Exception {
        start(List.of("GBR", "USA"), Set.of(), Clock.systemUTC(), Map.of());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        gbr.ingest("open.tle", Partners.tles().subList(0, 3), Label.publicFrom("GBR"));
        String admin = TestNodes.adminToken(usa.node);
        String analyst = TestNodes.token(usa.node, "USA", Role.ANALYST);
        String partnerAdmin = TestNodes.token(usa.node, "GBR", Role.ADMIN);
        long gbrPeer = usa.peer("GBR").id();

        assertThat(call(usa, "GET", "/api/v1/federation/peers", null, null).statusCode()).isEqualTo(401);
        assertThat(call(usa, "GET", "/api/v1/federation/peers", analyst, null).statusCode()).isEqualTo(403);
        assertThat(call(usa, "GET", "/api/v1/federation/metrics", partnerAdmin, null).statusCode()).isEqualTo(403);
        assertThat(call(usa, "POST", "/api/v1/federation/peers/" + gbrPeer + "/sync", analyst, null).statusCode())
                .isEqualTo(403);

        HttpResponse<String> sync = call(usa, "POST", "/api/v1/federation/peers/" + gbrPeer + "/sync", admin, null);
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        assertThat(JSON.readTree(sync.body()).get("stored").asLong()).isEqualTo(3);

        JsonNode peers = JSON.readTree(call(usa, "GET", "/api/v1/federation/peers", admin, null).body());
        JsonNode gbrView = peers.get("items").get(0);
        assertThat(gbrView.get("party").asText()).isEqualTo("GBR");
        assertThat(gbrView.at("/inbound/receivedSequence").asLong()).isEqualTo(1);
        assertThat(gbrView.at("/inbound/recordsReceived").asLong()).isEqualTo(3);
        assertThat(gbrView.at("/inbound/lagSeconds").asLong()).isBetween(0L, 60L);
        assertThat(gbrView.get("errors").asLong()).isZero();

        String metrics = call(usa, "GET", "/api/v1/federation/metrics", admin, null).body();
        String node = gbr.node.identity().fingerprint().substring(0, 16);
        assertThat(metrics).contains("concord_federation_received_sequence{peer=\"GBR\",node=\"" + node + "\"} 1")
                .contains("concord_federation_received_records_total{peer=\"GBR\",node=\"" + node + "\"} 3")
                .contains("# TYPE concord_federation_errors_total counter");
        String atGbr = call(gbr, "GET", "/api/v1/federation/metrics", TestNodes.adminToken(gbr.node), null).body();
        assertThat(atGbr).contains("concord_federation_served_sequence{peer=\"USA\"")
                .contains("concord_federation_pending_records{peer=\"USA\"");

        HttpResponse<String> badKey = call(usa, "POST", "/api/v1/federation/peers", admin,
                "{\"party\":\"AUS\",\"publicKeyPem\":\"nonsense\",\"endpoint\":\"http://127.0.0.1:1\"}");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("public key is not PEM text");
        HttpResponse<String> notJson = call(usa, "POST", "/api/v1/federation/peers", admin, "{\"party\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");
        HttpResponse<String> plain = call(usa, "POST", "/api/v1/federation/peers", admin, JSON.writeValueAsString(
                Map.of("party", "AUS", "publicKeyPem", org.concord.identity.NodeIdentity.generateEphemeral()
                        .publicKeyPem(), "endpoint", "http://concord.aus.example:8080")));
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("plain HTTP to another host");
        HttpResponse<String> secure = call(usa, "POST", "/api/v1/federation/peers", admin, JSON.writeValueAsString(
                Map.of("party", "AUS", "publicKeyPem", org.concord.identity.NodeIdentity.generateEphemeral()
                        .publicKeyPem(), "endpoint", "https://concord.aus.example:8443")));
        assertThat(secure.statusCode()).as(secure.body()).isEqualTo(201);
        HttpResponse<String> again = call(usa, "POST", "/api/v1/federation/peers", admin, JSON.writeValueAsString(
                Map.of("party", "GBR", "publicKeyPem", gbr.node.identity().publicKeyPem(), "endpoint",
                        gbr.endpoint().toString())));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already registered");

        assertThat(call(usa, "DELETE", "/api/v1/federation/peers/" + gbrPeer, admin, null).statusCode())
                .isEqualTo(200);
        assertThat(call(usa, "POST", "/api/v1/federation/peers/" + gbrPeer + "/sync", admin, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> added = call(usa, "POST", "/api/v1/federation/peers", admin, JSON.writeValueAsString(
                Map.of("party", "GBR", "publicKeyPem", gbr.node.identity().publicKeyPem(), "endpoint",
                        gbr.endpoint().toString())));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        // GBR removed USA: USA's pulls are refused from then on
        gbr.node.federation().removePeer(gbr.peer("USA").id(), TestNodes.TEST_ADMIN);
        long newPeer = JSON.readTree(added.body()).get("id").asLong();
        HttpResponse<String> refused = call(usa, "POST", "/api/v1/federation/peers/" + newPeer + "/sync", admin, null);
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).contains("answered 401").contains("unknown node key");
    }
}
