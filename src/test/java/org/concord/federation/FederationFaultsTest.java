package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.concord.TestClock;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.digest.Sha256;
import org.concord.identity.NodeIdentity;
import org.concord.ingest.IngestService;
import org.concord.label.Label;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong between nodes: tampered, misaddressed, replayed and out-of-order bundles, unknown keys, skewed
 * clocks, a receiver killed part-way through a sync, and a partner offline for an hour of simulated time.
 */
class FederationFaultsTest extends PartnersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Partners start(List<String> parties, Clock clock, Map<String, String> env) {
        return start(parties, Set.of(), clock, env);
    }

    /** Asks {@code from}'s feed, as the node with {@code identity}, for the bundle after {@code after}. */
    private static HttpResponse<byte[]> ask(Partners.Member from, NodeIdentity identity, long after, Instant time)
            throws Exception {
        String path = PeerClient.FEED_PATH + "?after=" + after;
        NodeRequest request = new NodeRequest("GET", path, identity.fingerprint(), from.node.identity().fingerprint(),
                time);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + from.port + path))
                .header(NodeRequest.NODE_HEADER, identity.fingerprint())
                .header(NodeRequest.TIME_HEADER, time.toString())
                .header(NodeRequest.SIGNATURE_HEADER, request.sign(identity)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static SignedBundle fetch(Partners.Member from, Partners.Member as, long after) throws Exception {
        HttpResponse<byte[]> response = ask(from, as.node.identity(), after, Instant.now());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return new SignedBundle(response.body(), Base64.getDecoder().decode(
                response.headers().firstValue(NodeRequest.BUNDLE_SIGNATURE_HEADER).orElseThrow()));
    }

    private static List<AuditEntry> audited(Partners.Member m, AuditAction action) {
        m.node.audit().flush();
        return m.node.audit().entries(0, Integer.MAX_VALUE).stream().filter(e -> e.event().action() == action)
                .toList();
    }

    @Test
    void tamperedReplayedOutOfOrderAndMisaddressedBundlesAreRejectedAndAudited() throws Exception {
        start(List.of("GBR", "USA", "AUS"), Clock.systemUTC(), Map.of("CONCORD_FEDERATION_BUNDLE_RECORDS", "2"));
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Partners.Member aus = partners.get("AUS");
        Set<String> sent = gbr.ingest("open.tle", Partners.tles().subList(0, 6), Label.publicFrom("GBR"));
        Peer gbrAtUsa = usa.peer("GBR");
        FederationService federation = usa.node.federation();

        SignedBundle first = fetch(gbr, usa, 0);
        SignedBundle second = fetch(gbr, usa, 1);
        SignedBundle third = fetch(gbr, usa, 2);

        byte[] tampered = first.payload();
        String text = new String(tampered, StandardCharsets.UTF_8);
        int digit = text.indexOf("\"content\":\"") + 40;
        tampered[digit] = (byte) (tampered[digit] == '1' ? '2' : '1');
        assertThatThrownBy(() -> federation.receive(gbrAtUsa, new SignedBundle(tampered, first.signature())))
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining("signature does not verify");
        assertThatThrownBy(() -> federation.receive(gbrAtUsa, second))
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining("out of order");
        assertThat(usa.hashes()).as("nothing of a rejected bundle is kept").isEmpty();

        assertThat(federation.receive(gbrAtUsa, first).stored()).isEqualTo(2);
        assertThatThrownBy(() -> federation.receive(gbrAtUsa, first))
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining("replay");
        assertThatThrownBy(() -> federation.receive(gbrAtUsa, third))
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining("out of order");
        assertThat(federation.receive(gbrAtUsa, second).stored()).isEqualTo(2);
        assertThat(federation.receive(gbrAtUsa, third).stored()).isEqualTo(2);
        assertThat(usa.hashes()).isEqualTo(sent);

        // A bundle GBR made for AUS is worthless to USA, even though GBR signed it.
        SignedBundle forAus = fetch(gbr, aus, 0);
        assertThatThrownBy(() -> federation.receive(gbrAtUsa, forAus))
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining("addressed to AUS");
        // A bundle that claims to be GBR's but is signed by another key.
        NodeIdentity impostor = NodeIdentity.generateEphemeral();
        Bundle forged = new Bundle("GBR", gbr.node.identity().fingerprint(), "USA", usa.node.identity().fingerprint(),
                4, Instant.now(), List.of(), List.of(), List.of());
        byte[] forgedPayload = BundleCodec.encode(forged);
        assertThatThrownBy(() -> federation.receive(gbrAtUsa,
                new SignedBundle(forgedPayload, impostor.sign(forgedPayload))))
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining("signature does not verify");

        List<AuditEntry> rejections = audited(usa, AuditAction.FEDERATION_REJECT);
        assertThat(rejections).hasSize(6);
        assertThat(rejections).allSatisfy(e -> assertThat(e.event().originators()).contains("GBR"));
        PeerState state = usa.node.federation().status().stream().filter(s -> s.peer().party().equals("GBR"))
                .findFirst().orElseThrow().state();
        assertThat(state.receivedSequence()).isEqualTo(3);
        assertThat(state.errors()).isEqualTo(6);
        assertThat(state.lastError().orElseThrow()).contains("signature does not verify");
    }

    @Test
    void aRecordWhoseLabelDoesNotReleaseItToThisNodeIsNotKeptEvenFromItsOriginator() {
        start(List.of("GBR", "USA"), Clock.systemUTC(), Map.of());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        List<String> tles = Partners.tles();
        // a faulty sender: its bundle 1 carries a GBR-only record beside a PUBLIC one, properly signed
        Bundle faulty = new Bundle("GBR", gbr.node.identity().fingerprint(), "USA", usa.node.identity().fingerprint(),
                1, Instant.now(), List.of(item(tles.get(0), new Label("GBR", org.concord.label.Releasability.parse(
                        "REL TO GBR"), org.concord.label.Tlp.AMBER, new java.util.TreeSet<>(),
                        java.util.Optional.empty())), item(tles.get(1), Label.publicFrom("GBR"))), List.of(),
                List.of());
        byte[] payload = BundleCodec.encode(faulty);
        InboundFeed.Receipt receipt = usa.node.federation().receive(usa.peer("GBR"),
                new SignedBundle(payload, gbr.node.identity().sign(payload)));
        assertThat(receipt.stored()).isEqualTo(1);
        assertThat(receipt.rejected()).isEqualTo(1);
        assertThat(usa.orbits()).extracting(o -> o.label().originator() + " " + o.label().releasability())
                .containsExactly("GBR PUBLIC");
        assertThat(audited(usa, AuditAction.FEDERATION_RECEIVE)).singleElement()
                .satisfies(e -> assertThat(e.event().detail()).contains("1 rejected")
                        .contains("does not release it to USA"));
    }

    private static Bundle.Item item(String tle, Label label) {
        return new Bundle.Item(Long.parseLong(tle.split("\n")[1].substring(2, 7).trim()),
                org.concord.catalog.SourceFormat.TLE, tle, Sha256.hex(tle.getBytes(StandardCharsets.UTF_8)),
                label);
    }

    @Test
    void requestsFromUnknownKeysOrWithSkewedClocksAreRefusedAndAudited() throws Exception {
        start(List.of("GBR", "USA"), Clock.systemUTC(), Map.of());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        gbr.ingest("open.tle", Partners.tles().subList(0, 3), Label.publicFrom("GBR"));

        HttpResponse<byte[]> stranger = ask(gbr, NodeIdentity.generateEphemeral(), 0, Instant.now());
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(new String(stranger.body(), StandardCharsets.UTF_8)).contains("unknown node key")
                .doesNotContain("content");
        HttpResponse<byte[]> skewed = ask(gbr, usa.node.identity(), 0, Instant.now().minus(Duration.ofMinutes(6)));
        assertThat(skewed.statusCode()).isEqualTo(401);
        HttpResponse<byte[]> unsigned = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gbr.port
                + PeerClient.FEED_PATH + "?after=0")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<byte[]> ahead = ask(gbr, usa.node.identity(), 7, Instant.now());
        assertThat(ahead.statusCode()).as("asking after a bundle never served").isEqualTo(409);

        List<AuditEntry> refusals = audited(gbr, AuditAction.FEDERATION_REJECT);
        assertThat(refusals).hasSize(2);
        assertThat(refusals.get(0).event().detail()).contains("unknown node key");
        assertThat(refusals.get(1).event().detail()).contains("minutes from this node's clock");
        // The refusals sent nothing, and a proper request still works.
        assertThat(audited(gbr, AuditAction.FEDERATION_SEND)).isEmpty();
        assertThat(usa.pullFrom("GBR").stored()).isEqualTo(3);
    }

    @Test
    void refusedNodeRequestsAreAuditedOnceAKindWithACountInBoundedTextAndLimited() throws Exception {
        int burst = 30;
        start(List.of("GBR", "USA"), Clock.systemUTC(), Map.of("CONCORD_HTTP_ANONYMOUS_BURST",
                Integer.toString(burst), "CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "1"));
        Partners.Member gbr = partners.get("GBR");
        NodeIdentity stranger = NodeIdentity.generateEphemeral();
        String junk = "x".repeat(2000);
        int refused = 0;
        HttpResponse<byte[]> limited = null;
        for (int i = 0; i < burst + 5 && limited == null; i++) {
            // an unknown parameter is refused (400) before the signature is checked, and costs a token all the same
            String path = PeerClient.FEED_PATH + (i % 2 == 0 ? "?after=0" : "?after=0&junk=" + junk);
            NodeRequest request = new NodeRequest("GET", path, stranger.fingerprint(),
                    gbr.node.identity().fingerprint(), Instant.now());
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gbr.port
                    + path)).header(NodeRequest.NODE_HEADER, stranger.fingerprint() + junk)
                    .header(NodeRequest.TIME_HEADER, Instant.now().toString())
                    .header(NodeRequest.SIGNATURE_HEADER, request.sign(stranger)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 401 || r.statusCode() == 400) {
                refused++;
            } else {
                limited = r;
            }
        }
        assertThat(refused).as("each refusal costs its address a token").isEqualTo(burst);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();

        List<AuditEntry> first = audited(gbr, AuditAction.FEDERATION_REJECT);
        assertThat(first).singleElement().satisfies(e -> assertThat(e.event().detail())
                .contains("unknown node key"));
        gbr.stop();
        gbr.start();
        List<AuditEntry> all = audited(gbr, AuditAction.FEDERATION_REJECT);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).event().detail()).startsWith((burst / 2 - 1) + " more refused (unknown key) from");
        assertThat(all).allSatisfy(e -> assertThat(e.entry().length()).as(e.entry()).isLessThan(1000));
    }

    @Test
    void aReceiverKilledMidSyncResumesWithNothingLostAndNothingDuplicated() throws Exception {
        start(List.of("GBR", "USA"), Clock.systemUTC(), Map.of("CONCORD_FEDERATION_BUNDLE_RECORDS", "4"));
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Set<String> sent = gbr.ingest("open.tle", Partners.tles().subList(0, 22), Label.publicFrom("GBR"));

        FeedPuller.SyncReport partial = usa.node.federation().pull(usa.peer("GBR"), 2);
        assertThat(partial.bundles()).isEqualTo(2);
        usa.stop();
        usa.start();
        // Killed after storing the records of bundle 3 but before recording that it was accepted.
        Bundle third = BundleCodec.decode(fetch(gbr, usa, 2).payload());
        usa.node.ingest().storeReceived("bundle 3 (interrupted)", "0".repeat(64), usa.peer("GBR").ingester(),
                third.orbits().stream().map(i -> new IngestService.ReceivedOrbit(i.noradId(), i.format(),
                        i.content(), i.label())).toList());
        // And the sender restarts too.
        gbr.stop();
        FeedPuller.SyncReport whileDown = usa.node.federation().pull(usa.peer("GBR"), Integer.MAX_VALUE);
        assertThat(whileDown.error()).isPresent();
        gbr.start();

        FeedPuller.SyncReport rest = usa.pullFrom("GBR");
        assertThat(rest.bundles()).isEqualTo(4);
        assertThat(rest.stored()).isEqualTo(22 - 8 - 4);
        assertThat(rest.unchanged()).isEqualTo(4);
        assertThat(usa.hashes()).isEqualTo(sent);
        assertThat(usa.orbits()).as("each record once").hasSize(22);
        PeerState state = usa.node.federation().status().getFirst().state();
        assertThat(state.receivedSequence()).isEqualTo(6);
        assertThat(state.errors()).isEqualTo(1);
        assertThat(state.lastError().orElseThrow()).contains("cannot pull from " + gbr.endpoint());
    }

    @Test
    void aPartnerOfflineForAnHourCatchesUp() {
        TestClock clock = new TestClock();
        start(List.of("GBR", "USA"), clock, Map.of("CONCORD_FEDERATION_BUNDLE_RECORDS", "5"));
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        List<String> tles = Partners.tles();
        gbr.ingest("before.tle", tles.subList(0, 3), Label.publicFrom("GBR"));
        usa.pullFrom("GBR");
        Instant lastSeen = clock.instant();

        usa.stop();
        java.util.Set<String> meanwhile = new java.util.HashSet<>();
        for (int step = 0; step < 6; step++) {
            clock.advance(Duration.ofMinutes(10));
            meanwhile.addAll(gbr.ingest("step-" + step + ".tle", tles.subList(10 + 4 * step, 14 + 4 * step),
                    Label.publicFrom("GBR")));
            assertThat(gbr.node.federation().pull(gbr.peer("USA"), 10).error()).as("USA is offline").isPresent();
        }
        Peers.PeerStatus usaAtGbr = gbr.node.federation().status().getFirst();
        assertThat(usaAtGbr.pendingRecords()).isEqualTo(24);
        assertThat(usaAtGbr.state().errors()).isEqualTo(6);
        assertThat(usaAtGbr.state().lastErrorAt().orElseThrow()).isEqualTo(clock.instant());

        usa.start();
        FeedPuller.SyncReport caughtUp = usa.pullFrom("GBR");
        assertThat(caughtUp.stored()).isEqualTo(24);
        assertThat(caughtUp.bundles()).isEqualTo(5);
        assertThat(usa.hashes()).containsAll(meanwhile).hasSize(27);
        PeerState atUsa = usa.node.federation().status().getFirst().state();
        assertThat(Duration.between(lastSeen, atUsa.lastReceivedAt().orElseThrow())).isEqualTo(Duration.ofHours(1));
        assertThat(gbr.node.federation().status().getFirst().pendingRecords()).isZero();
    }

    @Test
    void aNotificationMakesThePartnerPullAtOnce() throws Exception {
        start(List.of("GBR", "USA"), Clock.systemUTC(), Map.of("CONCORD_FEDERATION_NOTIFY_PEERS", "true"));
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Set<String> sent = gbr.ingest("open.tle", Partners.tles().subList(0, 5), Label.publicFrom("GBR"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!usa.hashes().containsAll(sent) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(usa.hashes()).as("USA pulled when GBR notified it (its schedule is off)").isEqualTo(sent);
    }
}
