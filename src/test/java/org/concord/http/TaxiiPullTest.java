package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestClock;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.cyber.CyberKind;
import org.concord.cyber.TaxiiPuller;
import org.concord.cyber.TaxiiSource;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.ProductQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TAXII client against a second node's TAXII server on loopback: GBR's node pulls USA's collection, page by page,
 * then only what was added since, also after a restart; and a post's status resource read after a restart.
 */
class TaxiiPullTest {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String SOURCE = "0b1ec7ed-0000-4000-8000-000000000001";
    static final String HERE = "0b1ec7ed-0000-4000-8000-000000000002";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String indicators(int from, int count, String modified) {
        StringBuilder b = new StringBuilder("{\"objects\":[");
        for (int i = from; i < from + count; i++) {
            b.append(i > from ? "," : "").append(String.format("{\"type\":\"indicator\",\"spec_version\":\"2.1\","
                    + "\"id\":\"indicator--%08d-0000-4000-8000-000000000000\",\"created\":\"2024-03-01T10:00:00.000Z\","
                    + "\"modified\":\"%s\",\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\",\"pattern_type\":"
                    + "\"stix\",\"valid_from\":\"2024-03-01T10:00:00Z\"}", i, modified));
        }
        return b.append("]}").toString();
    }

    @Test
    void aNodePullsAnotherNodesCollectionAndThenOnlyWhatWasAddedSince() throws Exception {
        Node usa = TestNodes.open(dir.resolve("usa"), Map.of("CONCORD_NODE_PARTY", "USA",
                "CONCORD_TAXII_COLLECTION_1_ID", SOURCE, "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "REL TO USA,GBR",
                "CONCORD_TAXII_COLLECTION_1_READ", "USA,GBR", "CONCORD_TAXII_COLLECTION_1_WRITE", "USA"));
        try (usa; ApiServer usaServer = new ApiServer(usa)) {
            String objects = "http://127.0.0.1:" + usaServer.start("127.0.0.1", 0) + "/taxii2/concord/collections/"
                    + SOURCE + "/objects/";
            String poster = TestNodes.token(usa, "USA", Role.OPERATOR);
            String reader = TestNodes.token(usa, "GBR", Role.VIEWER);
            usa.sharing().addAgreement(new org.concord.access.SharingService.Terms("USA",
                    org.concord.access.SharingService.parseParties("GBR"), java.util.Set.of(CyberKind.CYBER), false,
                    java.time.Instant.now().minusSeconds(60), java.util.Optional.empty()), TestNodes.TEST_ADMIN);
            post(objects, poster, indicators(0, 2500, "2024-03-01T10:00:00.000Z"));
            Map<String, String> env = new HashMap<>(Map.of("CONCORD_NODE_PARTY", "GBR",
                    "CONCORD_TAXII_COLLECTION_1_ID", HERE, "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "REL TO GBR",
                    "CONCORD_TAXII_COLLECTION_1_READ", "GBR", "CONCORD_TAXII_COLLECTION_1_WRITE", "GBR"));
            env.putAll(Map.of("CONCORD_TAXII_PULL_1_URL", objects,
                    "CONCORD_TAXII_PULL_1_TOKEN", reader,
                    "CONCORD_TAXII_PULL_1_COLLECTION", HERE, "CONCORD_TAXII_PULL_1_ORIGINATOR", "USA"));
            try (Node gbr = TestNodes.open(dir.resolve("gbr"), env)) {
                TaxiiPuller puller = gbr.taxiiPuller();
                assertThat(puller.pullAll()).singleElement().satisfies(r -> {
                    assertThat(r.error()).isEmpty();
                    assertThat(r.fetched()).as("three pages of 1,000").isEqualTo(2500);
                    assertThat(r.stored()).isEqualTo(2500);
                });
                var held = gbr.products().list(CyberKind.INSTANCE, ProductQuery.all(CyberKind.INSTANCE, 10_000),
                        LabelFilter.UNRESTRICTED).items();
                assertThat(held).hasSize(2500).allSatisfy(p -> {
                    assertThat(p.label().originator()).isEqualTo("USA");
                    assertThat(p.label().releasability().parties()).containsExactly("GBR");
                    assertThat(p.value().collectionId()).isEqualTo(HERE);
                });
                assertThat(puller.pullAll().getFirst().fetched()).as("nothing new").isZero();
                post(objects, poster, indicators(0, 1, "2024-03-05T10:00:00.000Z"));
                assertThat(puller.pullAll()).singleElement().satisfies(r -> {
                    assertThat(r.fetched()).isEqualTo(1);
                    assertThat(r.stored()).isEqualTo(1);
                });
            }
            try (Node gbr = TestNodes.open(dir.resolve("gbr"), env)) {
                assertThat(gbr.taxiiPuller().pullAll()).as("after a restart, where it stood").singleElement()
                        .satisfies(r -> {
                            assertThat(r.error()).isEmpty();
                            assertThat(r.fetched()).isZero();
                        });
                Map<String, String> moved = new HashMap<>(env);
                moved.put("CONCORD_TAXII_PULL_1_URL", objects + "?moved=1");
                try (Node gbrElsewhere = TestNodes.open(dir.resolve("gbr-moved"), moved)) {
                    assertThat(gbrElsewhere.cyber().pullPosition(gbrElsewhere.taxiiPuller().sources().getFirst()))
                            .as("another URL starts from the beginning").isEmpty();
                }
                usaServer.close();
                assertThat(gbr.taxiiPuller().pullAll().getFirst().error()).as("a source that does not answer")
                        .hasValueSatisfying(e -> assertThat(e).contains("taxii.pull.1").doesNotContain("Bearer"));
            }
        }
    }

    @Test
    void aStatusResourceOutlivesARestartForThePartyThatPosted() throws Exception {
        Map<String, String> env = Map.of("CONCORD_NODE_PARTY", "USA", "CONCORD_TAXII_COLLECTION_1_ID", SOURCE,
                "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "REL TO USA,GBR", "CONCORD_TAXII_COLLECTION_1_READ", "USA,GBR",
                "CONCORD_TAXII_COLLECTION_1_WRITE", "USA,GBR");
        String statusId;
        String poster;
        String other;
        try (Node usa = TestNodes.open(dir.resolve("usa"), env); ApiServer server = new ApiServer(usa)) {
            String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
            poster = TestNodes.token(usa, "USA", Role.OPERATOR);
            other = TestNodes.token(usa, "GBR", Role.OPERATOR);
            String envelope = indicators(0, 2, "2024-03-01T10:00:00.000Z").replace("]}",
                    ",{\"type\":\"indicator\",\"id\":\"indicator--bad\"}]}");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                            + "/taxii2/concord/collections/" + SOURCE + "/objects/"))
                    .header("Authorization", "Bearer " + poster).header("Accept", TAXII).header("Content-Type", TAXII)
                    .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            statusId = JSON.readTree(r.body()).path("id").asText();
        }
        try (Node usa = TestNodes.open(dir.resolve("usa"), env); ApiServer server = new ApiServer(usa)) {
            String status = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/taxii2/concord/status/" + statusId
                    + "/";
            HttpResponse<String> r = get(status, poster);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            var json = JSON.readTree(r.body());
            assertThat(json.path("success_count").asInt()).isEqualTo(2);
            assertThat(json.path("failure_count").asInt()).isEqualTo(1);
            assertThat(json.path("failures").get(0).path("id").asText()).isEqualTo("indicator--bad");
            assertThat(json.path("failures").get(0).path("message").asText()).contains("id");
            assertThat(json.path("successes").get(0).path("version").asText()).isEqualTo("2024-03-01T10:00:00.000Z");
            assertThat(get(status, other).statusCode()).as("another party's post").isEqualTo(404);
        }
    }

    @Test
    void aStatusResourceIsKeptThirtyDays() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("CONCORD_NODE_PARTY", "USA", "CONCORD_SAMPLE_LOAD", "false",
                "CONCORD_TAXII_COLLECTION_1_ID", SOURCE, "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "REL TO USA",
                "CONCORD_TAXII_COLLECTION_1_READ", "USA", "CONCORD_TAXII_COLLECTION_1_WRITE", "USA"));
        TestClock clock = new TestClock();
        try (Node usa = Node.open(org.concord.node.NodeConfig.load(dir.resolve("usa"), java.util.Optional.empty(),
                env), clock)) {
            var collection = usa.cyber().collections().getFirst();
            var actor = new org.concord.cyber.CyberService.Actor("poster", "USA");
            String first = usa.cyber().add(collection, List.of(JSON.readTree(indicators(0, 1,
                    "2024-03-01T10:00:00.000Z")).path("objects").get(0)), actor, LabelFilter.UNRESTRICTED).id();
            clock.advance(java.time.Duration.ofDays(30));
            assertThat(usa.cyber().status(first, "USA")).as("30 days after the post").isPresent();
            clock.advance(java.time.Duration.ofSeconds(1));
            assertThat(usa.cyber().status(first, "USA")).as("longer after the post").isEmpty();
            String second = usa.cyber().add(collection, List.of(JSON.readTree(indicators(1, 1,
                    "2024-03-01T10:00:00.000Z")).path("objects").get(0)), actor, LabelFilter.UNRESTRICTED).id();
            assertThat(usa.cyber().status(second, "USA")).isPresent();
        }
    }

    @Test
    void aStatusResourceIsKeptAsLongAsTheNodeIsConfiguredTo() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("CONCORD_NODE_PARTY", "USA", "CONCORD_SAMPLE_LOAD", "false",
                "CONCORD_TAXII_COLLECTION_1_ID", SOURCE, "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "REL TO USA",
                "CONCORD_TAXII_COLLECTION_1_READ", "USA", "CONCORD_TAXII_COLLECTION_1_WRITE", "USA",
                "CONCORD_TAXII_STATUS_RETENTION", "PT12H"));
        TestClock clock = new TestClock();
        try (Node usa = Node.open(org.concord.node.NodeConfig.load(dir.resolve("usa"), java.util.Optional.empty(),
                env), clock)) {
            var collection = usa.cyber().collections().getFirst();
            var actor = new org.concord.cyber.CyberService.Actor("poster", "USA");
            String first = usa.cyber().add(collection, List.of(JSON.readTree(indicators(0, 1,
                    "2024-03-01T10:00:00.000Z")).path("objects").get(0)), actor, LabelFilter.UNRESTRICTED).id();
            clock.advance(java.time.Duration.ofHours(12));
            assertThat(usa.cyber().status(first, "USA")).as("12 hours after the post").isPresent();
            clock.advance(java.time.Duration.ofSeconds(1));
            assertThat(usa.cyber().status(first, "USA")).as("longer after the post").isEmpty();
        }
        env.put("CONCORD_TAXII_STATUS_RETENTION", "12h");
        assertThatThrownBy(() -> org.concord.node.NodeConfig.load(dir.resolve("usa"), java.util.Optional.empty(),
                env)).hasMessageContaining("CONCORD_TAXII_STATUS_RETENTION")
                .hasMessageContaining("taxii.status-retention = '12h'")
                .hasMessageContaining("an ISO-8601 duration with its unit");
    }

    @Test
    void aScheduledPullThatThrowsDoesNotStopLaterPulls() throws Exception {
        Node usa = TestNodes.open(dir.resolve("usa"), Map.of("CONCORD_NODE_PARTY", "USA",
                "CONCORD_TAXII_COLLECTION_1_ID", SOURCE, "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "REL TO USA,GBR",
                "CONCORD_TAXII_COLLECTION_1_READ", "USA,GBR", "CONCORD_TAXII_COLLECTION_1_WRITE", "USA"));
        try (usa; ApiServer usaServer = new ApiServer(usa)) {
            String objects = "http://127.0.0.1:" + usaServer.start("127.0.0.1", 0) + "/taxii2/concord/collections/"
                    + SOURCE + "/objects/";
            String reader = TestNodes.token(usa, "GBR", Role.VIEWER);
            usa.sharing().addAgreement(new org.concord.access.SharingService.Terms("USA",
                    org.concord.access.SharingService.parseParties("GBR"), java.util.Set.of(CyberKind.CYBER), false,
                    java.time.Instant.now().minusSeconds(60), java.util.Optional.empty()), TestNodes.TEST_ADMIN);
            post(objects, TestNodes.token(usa, "USA", Role.OPERATOR), indicators(0, 3, "2024-03-01T10:00:00.000Z"));
            Map<String, String> env = new HashMap<>(Map.of("CONCORD_NODE_PARTY", "GBR",
                    "CONCORD_TAXII_COLLECTION_1_ID", HERE, "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "REL TO GBR",
                    "CONCORD_TAXII_COLLECTION_1_READ", "GBR", "CONCORD_TAXII_COLLECTION_1_WRITE", "GBR"));
            try (Node gbr = TestNodes.open(dir.resolve("gbr"), env)) {
                TaxiiSource source = new TaxiiSource("taxii.pull.1", URI.create(objects), reader, HERE, "USA");
                AtomicInteger sent = new AtomicInteger();
                // the first request fails as an HTTP stack can, unchecked; the later ones go through
                HttpClient failingOnce = new DelegatingClient(HttpClient.newHttpClient(), () -> {
                    if (sent.getAndIncrement() == 0) {
                        throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
                    }
                });
                try (TaxiiPuller puller = new TaxiiPuller(gbr.cyber(), List.of(source), failingOnce)) {
                    puller.startPulling(java.time.Duration.ofMillis(100));
                    long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
                    while (gbr.products().list(CyberKind.INSTANCE, ProductQuery.all(CyberKind.INSTANCE, 10),
                            LabelFilter.UNRESTRICTED).total() < 3 && System.nanoTime() < until) {
                        Thread.sleep(50);
                    }
                }
                assertThat(sent.get()).as("requests after the failing one").isGreaterThan(1);
                assertThat(gbr.products().list(CyberKind.INSTANCE, ProductQuery.all(CyberKind.INSTANCE, 10),
                        LabelFilter.UNRESTRICTED).total()).as("pulled by a later turn").isEqualTo(3);
            }
        }
    }

    /** An HTTP client that runs {@code before} ahead of each request it passes on. */
    private static final class DelegatingClient extends HttpClient {
        private final HttpClient client;
        private final Runnable before;

        DelegatingClient(HttpClient client, Runnable before) {
            this.client = client;
            this.before = before;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws java.io.IOException, InterruptedException {
            before.run();
            return client.send(request, handler);
        }

        @Override
        public <T> java.util.concurrent.CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            before.run();
            return client.sendAsync(request, handler);
        }

        @Override
        public <T> java.util.concurrent.CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
            before.run();
            return client.sendAsync(request, handler, push);
        }

        @Override
        public java.util.Optional<java.net.CookieHandler> cookieHandler() {
            return client.cookieHandler();
        }

        @Override
        public java.util.Optional<java.time.Duration> connectTimeout() {
            return client.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return client.followRedirects();
        }

        @Override
        public java.util.Optional<java.net.ProxySelector> proxy() {
            return client.proxy();
        }

        @Override
        public javax.net.ssl.SSLContext sslContext() {
            return client.sslContext();
        }

        @Override
        public javax.net.ssl.SSLParameters sslParameters() {
            return client.sslParameters();
        }

        @Override
        public java.util.Optional<java.net.Authenticator> authenticator() {
            return client.authenticator();
        }

        @Override
        public Version version() {
            return client.version();
        }

        @Override
        public java.util.Optional<java.util.concurrent.Executor> executor() {
            return client.executor();
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", TAXII).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void post(String url, String token, String envelope) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", TAXII).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(JSON.readTree(r.body()).path("failure_count").asInt()).as(r.body()).isZero();
    }
}
