package org.concord.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestClock;
import org.concord.TestNodes;
import org.concord.access.Principal;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.http.ApiServer;
import org.concord.identity.NodeIdentity;
import org.concord.ingest.IngestRequest;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.node.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watches end to end on a node whose watches run on a test clock: CDMs ingested make events, watches of parties that
 * may or may not see them make notifications, and a loopback receiver gets (or fails) the signed deliveries.
 */
class WatchNotificationsTest {

    @TempDir
    static Path dir;

    static final TestClock CLOCK = new TestClock();
    static Node node;
    static ApiServer server;
    static String base;
    static WebhookReceiver receiver;
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void open() throws Exception {
        node = TestNodes.open(dir, Map.of("CONCORD_WATCH_WEBHOOK_ALLOW_LOOPBACK_HTTP", "true",
                "CONCORD_WATCH_DELIVERY_ATTEMPTS", "3", "CONCORD_WATCH_DELIVERY_FIRST_RETRY", "PT30S"), CLOCK);
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void close() {
        receiver.close();
        server.close();
        node.close();
    }

    /** A CDM of the pair (its TCA a day from the test clock's now) ingested under this label; the events built. */
    private static void ingestCdm(long primary, long secondary, Label label) {
        Instant tca = CLOCK.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String cdm = new String(TestNodes.resource("/ccsds/cdm/AlfanoTestCase01.cdm"), StandardCharsets.US_ASCII)
                .replaceFirst("TCA( +)= \\S+", "TCA$1= " + tca.toString().replace("Z", ""))
                .replaceFirst("OBJECT_DESIGNATOR( +)= 1001", "OBJECT_DESIGNATOR$1= " + primary)
                .replaceFirst("OBJECT_DESIGNATOR( +)= 1002", "OBJECT_DESIGNATOR$1= " + secondary);
        assertThat(node.ingestAudited(new IngestRequest("warning-" + primary + ".cdm",
                cdm.getBytes(StandardCharsets.US_ASCII), Optional.of(label), "test", false, Optional.empty()),
                "test", Optional.empty()).stored()).isEqualTo(1);
        node.events().update();
    }

    private static Principal user(String party, Role role) {
        return node.sharing().authenticate(TestNodes.token(node, party, role)).orElseThrow();
    }

    private static Watch watch(String party, long noradId, String webhookPath) {
        return node.watches().add(party, new Watch.Terms(noradId, Optional.of(1000.0), Optional.empty(),
                Duration.ofDays(3), Optional.of(URI.create(receiver.url(webhookPath)))), user(party, Role.OPERATOR));
    }

    private static List<Notification> notifications(String party) {
        return node.watches().notifications(party, 100, TestNodes.TEST_ADMIN).stream()
                .map(WatchService.Shown::notification).toList();
    }

    /** Waits (at most 10 s) for a background pass that may be under way, without ever moving the test clock. */
    private static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T v = value.get();
        while (!done.test(v) && System.nanoTime() < until) {
            Thread.sleep(20);
            v = value.get();
        }
        return v;
    }

    private static HttpResponse<String> get(String token, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String token, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLoopbackReceiverGetsThePayloadSignedWithTheNodesKey() throws Exception {
        Watch watch = watch("USA", 1001, "/usa");
        ingestCdm(1001, 1002, Label.publicFrom("TEST"));
        node.watches().evaluate();
        node.watches().deliverDue();
        List<WebhookReceiver.Received> got = eventually(() -> receiver.received("/usa"), l -> !l.isEmpty());
        assertThat(got).hasSize(1);
        WebhookReceiver.Received delivery = got.getFirst();

        PublicKey nodeKey = NodeIdentity.parsePublicKeyPem(JSON.readTree(get(TestNodes.token(node, "USA",
                Role.VIEWER), "/api/v1/node/key").body()).get("publicKeyPem").asText());
        byte[] signature = Base64.getDecoder().decode(delivery.header(Deliveries.SIGNATURE_HEADER));
        assertThat(NodeIdentity.verify(nodeKey, delivery.body(), signature)).as("signed by the node's key").isTrue();
        byte[] tampered = delivery.body().clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(NodeIdentity.verify(nodeKey, tampered, signature)).as("a changed body does not verify").isFalse();
        assertThat(delivery.header(Deliveries.NODE_HEADER)).isEqualTo(node.identity().fingerprint());

        JsonNode payload = JSON.readTree(delivery.body());
        assertThat(payload.get("format").asText()).isEqualTo("concord-notification/1");
        assertThat(payload.at("/watch/id").asLong()).isEqualTo(watch.id());
        assertThat(payload.at("/event/primaryNoradId").asLong()).isEqualTo(1001);
        assertThat(payload.at("/event/notified/missDistanceMeters").asDouble()).isBetween(5.04, 5.06);
        assertThat(payload.at("/event/notified/probability").asDouble()).isPositive();
        assertThat(payload.at("/notification/reason").asText()).isEqualTo("NEW");
        assertThat(payload.at("/cdm/format").asText()).as("the event's CDM attached").isEqualTo("kvn");
        assertThat(payload.at("/cdm/text").asText()).contains("CCSDS_CDM_VERS").contains("MISS_DISTANCE")
                .as("the event came as a CDM: that CDM again").contains("Covariance source: MEASURED");

        Notification n = eventually(() -> notifications("USA").getFirst(),
                x -> x.status() == Notification.Status.DELIVERED);
        assertThat(n.status()).isEqualTo(Notification.Status.DELIVERED);
        assertThat(n.attempts()).singleElement().satisfies(a -> {
            assertThat(a.httpStatus()).contains(200);
            assertThat(a.error()).isEmpty();
        });
        JsonNode listed = JSON.readTree(get(TestNodes.token(node, "USA", Role.VIEWER), "/api/v1/notifications")
                .body());
        assertThat(listed.get("items")).singleElement().satisfies(i -> {
            assertThat(i.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(i.at("/attempts/0/httpStatus").asInt()).isEqualTo(200);
            assertThat(i.at("/event/id").asLong()).isEqualTo(payload.at("/event/id").asLong());
        });

        node.watches().evaluate();
        assertThat(notifications("USA")).as("the same state again is not news").hasSize(1);
        assertThat(get(TestNodes.token(node, "FRA", Role.VIEWER), "/api/v1/notifications").body())
                .as("another party is not shown USA's notifications").contains("\"items\":[]");
        assertThat(get(TestNodes.token(node, "FRA", Role.VIEWER), "/api/v1/watches").body())
                .as("nor its watches").contains("\"items\":[]");
        HttpResponse<String> removedByOther = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/watches/"
                + watch.id())).header("Authorization", "Bearer " + TestNodes.token(node, "FRA", Role.OPERATOR))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(removedByOther.statusCode()).as("another party's watch is answered as missing: "
                + removedByOther.body()).isEqualTo(404);
        assertThat(notifications("USA")).as("and keeps its notifications").hasSize(1);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffAndEveryAttemptIsRecorded() throws Exception {
        receiver.answer("/fails", 503);
        watch("TEST", 1003, "/fails");
        ingestCdm(1003, 1004, Label.publicFrom("TEST"));
        node.watches().evaluate();
        node.watches().deliverDue();
        Supplier<Notification> notification = () -> notifications("TEST").stream()
                .filter(n -> n.primaryNoradId() == 1003).findFirst().orElseThrow();
        Notification first = eventually(notification, n -> n.attempts().size() == 1);
        assertThat(first.attempts()).singleElement().satisfies(a -> {
            assertThat(a.httpStatus()).contains(503);
            assertThat(a.error()).hasValueSatisfying(e -> assertThat(e).contains("503"));
        });
        assertThat(first.status()).isEqualTo(Notification.Status.PENDING);
        Instant failedAt = first.attempts().getFirst().at();
        assertThat(first.nextAttemptAt()).contains(failedAt.plusSeconds(30));

        node.watches().deliverDue();
        assertThat(notification.get().attempts()).as("not before its back-off").hasSize(1);
        CLOCK.advance(Duration.ofSeconds(30));
        node.watches().deliverDue();
        Notification second = notification.get();
        assertThat(second.attempts()).hasSize(2);
        assertThat(second.nextAttemptAt()).as("the wait doubles").contains(CLOCK.instant().plusSeconds(60));
        CLOCK.advance(Duration.ofSeconds(59));
        node.watches().deliverDue();
        assertThat(notification.get().attempts()).hasSize(2);
        CLOCK.advance(Duration.ofSeconds(1));
        node.watches().deliverDue();
        Notification last = notification.get();
        assertThat(last.attempts()).extracting(Notification.DeliveryAttempt::attempt).containsExactly(1, 2, 3);
        assertThat(last.status()).as("three attempts configured, all spent").isEqualTo(Notification.Status.FAILED);
        assertThat(last.nextAttemptAt()).isEmpty();
        CLOCK.advance(Duration.ofDays(1));
        node.watches().deliverDue();
        assertThat(receiver.received("/fails")).hasSize(3);
        assertThat(node.metrics().registry().find("concord.watch.deliveries").tag("outcome", "failed").counter()
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPartyIsNeverToldOfAnEventItMayNotSee() throws Exception {
        SharingService sharing = node.sharing();
        for (String party : List.of("AUS", "NZL")) {
            if (sharing.parties().stream().noneMatch(p -> p.code().equals(party))) {
                sharing.addParty(party, party, org.concord.access.PartyKind.NATION, TestNodes.TEST_ADMIN);
            }
        }
        long agreement = sharing.addAgreement(new SharingService.Terms("TEST", new TreeSet<>(List.of("AUS", "NZL")),
                java.util.Set.of(DataKind.CONJUNCTIONS), false, CLOCK.instant().minus(Duration.ofDays(1)),
                Optional.empty()), TestNodes.TEST_ADMIN).id();
        receiver.answer("/aus", 503);
        Watch ofAus = watch("AUS", 1005, "/aus");
        watch("NZL", 1005, "/nzl");
        // AUS's own warning, released to AUS alone: NZL may not see it, whatever the node releases to it
        ingestCdm(1005, 1006, Label.parse("originator=AUS;rel=REL TO AUS;tlp=AMBER", Label.publicFrom("AUS")));
        node.watches().evaluate();
        node.watches().deliverDue();

        Notification told = eventually(() -> notifications("AUS"), l -> !l.isEmpty() && !l.getFirst().attempts()
                .isEmpty()).getFirst();
        assertThat(told.watchId()).isEqualTo(ofAus.id());
        assertThat(notifications("NZL")).as("NZL may not see the event: no notification").isEmpty();
        assertThat(node.watches().watches("NZL", TestNodes.TEST_ADMIN)).hasSize(1);
        assertThat(receiver.received("/nzl")).isEmpty();
        String nzl = TestNodes.token(node, "NZL", Role.VIEWER);
        assertThat(JSON.readTree(get(nzl, "/api/v1/notifications").body()).get("items")).isEmpty();

        // released no more (the agreement that let the node's derived event reach AUS is revoked) before its retry:
        // the retry is withheld, not sent, and the list no longer shows it
        sharing.revokeAgreement(agreement, TestNodes.TEST_ADMIN);
        CLOCK.advance(Duration.ofSeconds(30));
        node.watches().deliverDue();
        assertThat(receiver.received("/aus")).as("only the first attempt, made while AUS could see it").hasSize(1);
        assertThat(notifications("AUS")).as("not listed once invisible").isEmpty();
        assertThat(node.metrics().registry().find("concord.watch.deliveries").tag("outcome", "withheld").counter()
                .count()).as("the retry was withheld").isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithItsReasonAndStoresNothing() throws Exception {
        String operator = TestNodes.token(node, "GBR", Role.OPERATOR);
        Map<String, String> refused = Map.of(
                "{\"noradId\": 25544, \"miss\": \"1km\"}", "miss",
                "{\"noradId\": 25544}", "miss distance threshold, a probability",
                "{\"noradId\": 25544, \"missDistanceMeters\": 1000, \"webhookUrl\": \"ftp://ops.example.org/x\"}",
                "not an https URL",
                "{\"noradId\": 25544, \"missDistanceMeters\": 1000, \"webhookUrl\": \"https://10.1.2.3/x\"}",
                "not a public address",
                "{\"noradId\": 25544, \"missDistanceMeters\": 1000, \"webhookUrl\": \"https://u:p@127.0.0.1/x\"}",
                "user name or password",
                "{\"noradId\": 25544, \"probability\": 2}", "probability",
                "{\"noradId\": 25544, \"missDistanceMeters\": 1000, \"withinSeconds\": 99999999}", "withinSeconds",
                "{\"noradId\": 0, \"missDistanceMeters\": 1000}", "noradId");
        for (Map.Entry<String, String> input : refused.entrySet()) {
            HttpResponse<String> answer = post(operator, "/api/v1/watches", input.getKey());
            assertThat(answer.statusCode()).as(input.getKey() + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(input.getKey()).contains(input.getValue());
        }
        assertThat(post(TestNodes.token(node, "GBR", Role.VIEWER), "/api/v1/watches",
                "{\"noradId\": 25544, \"missDistanceMeters\": 1000}").statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(get(operator, "/api/v1/watches").body()).get("items")).as("nothing stored").isEmpty();

        Map<List<Optional<String>>, String> typed = Map.of(
                List.of(Optional.of("1"), Optional.empty(), Optional.empty(), Optional.empty()), "has no unit",
                List.of(Optional.of("1km"), Optional.empty(), Optional.of("3"), Optional.empty()), "has no unit",
                List.of(Optional.of("1 furlong"), Optional.empty(), Optional.empty(), Optional.empty()), "unit",
                List.of(Optional.of("1km"), Optional.empty(), Optional.empty(), Optional.of("http://127.0.0.1/x")),
                "only https");
        for (Map.Entry<List<Optional<String>>, String> input : typed.entrySet()) {
            List<Optional<String>> o = input.getKey();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.concord.input.WatchInput.terms("25544",
                    o.get(0), o.get(1), o.get(2), o.get(3), false)).as(input.getKey().toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(input.getValue());
        }
        assertThat(org.concord.input.WatchInput.terms("25544", Optional.of("1km"), Optional.of("1e-4"),
                Optional.of("3d"), Optional.empty(), false)).isEqualTo(new Watch.Terms(25544, Optional.of(1000.0),
                Optional.of(1e-4), Duration.ofDays(3), Optional.empty()));
    }
}
