package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers without a token pay for what they ask: by the records an answer carries, a page of at most
 * {@value ApiServer#ANONYMOUS_MAX_LIMIT}, and a bounded number at once, so that partners with tokens stay served.
 * Real servers on loopback; counts and status codes asserted, never timings.
 */
class AnonymousRateLimitTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private record Server(Node node, ApiServer api, String base) implements AutoCloseable {
        @Override
        public void close() {
            api.close();
            node.close();
        }
    }

    private Server start(String name, int burst, int concurrency) {
        Node node = TestNodes.open(root.resolve(name), Map.of("CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "1",
                "CONCORD_HTTP_ANONYMOUS_BURST", Integer.toString(burst),
                "CONCORD_HTTP_ANONYMOUS_CONCURRENCY", Integer.toString(concurrency)));
        node.ingest().ingest(new IngestRequest("subset.tle",
                TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                Optional.of(Label.publicFrom(node.config().party())), "test", false, Optional.empty()));
        ApiServer api = new ApiServer(node);
        return new Server(node, api, "http://127.0.0.1:" + api.start("127.0.0.1", 0));
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnonymousPageIsCappedAndSaysSo() throws Exception {
        try (Server s = start("cap", 1000, 4)) {
            HttpResponse<String> big = get(s.base() + "/api/v1/objects?limit=10000&sort=-epoch", null);
            assertThat(big.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(big.body()).at("/error/message").asText())
                    .contains("at most " + ApiServer.ANONYMOUS_MAX_LIMIT + " items a page");
            assertThat(get(s.base() + "/api/v1/conjunctions?limit=101", null).statusCode()).isEqualTo(400);
            assertThat(get(s.base() + "/api/v1/objects?limit=100", null).statusCode()).isEqualTo(200);
            HttpResponse<String> partner = get(s.base() + "/api/v1/objects?limit=10000&sort=-epoch",
                    TestNodes.adminToken(s.node()));
            assertThat(partner.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(partner.body()).get("items").size()).isEqualTo(301);
        }
    }

    @Test
    void bigAnswersEmptyTheBucketSoonerThanSmallOnes() throws Exception {
        int burst = 10;
        try (Server s = start("cost", burst, 4)) {
            int answered = 0;
            HttpResponse<String> refused = null;
            for (int i = 0; i < burst && refused == null; i++) {
                HttpResponse<String> r = get(s.base() + "/api/v1/objects?limit=100", null);
                if (r.statusCode() == 200) {
                    answered++;
                } else {
                    refused = r;
                }
            }
            // each page of 100 records costs its token and one more
            assertThat(answered).isEqualTo(burst / 2);
            assertThat(refused).isNotNull();
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(OpenApiValidator.served().validate("/api/v1/objects", "GET", 429, JSON.readTree(refused.body())))
                    .as("the refusal is the documented one").isEmpty();
            assertThat(get(s.base() + "/api/v1/status", null).statusCode()).as("the same address, a cheap request")
                    .isEqualTo(429);
            assertThat(get(s.base() + "/api/v1/objects?limit=100", TestNodes.adminToken(s.node())).statusCode())
                    .as("a caller with a token").isEqualTo(200);
        }
    }

    @Test
    void aCompatibleWholeCatalogReadIsChargedByTheElementSetsItCarries() throws Exception {
        try (Server s = start("compatible", 5, 4)) {
            for (int i = 0; i < 3; i++) {
                assertThat(get(s.base() + "/api/v1/status", null).statusCode()).as("a light request costs one")
                        .isEqualTo(200);
            }
        }
        try (Server s = start("compatible-catalog", 5, 4)) {
            HttpResponse<String> catalog = get(s.base() + "/basicspacedata/query/class/gp/format/tle", null);
            assertThat(catalog.statusCode()).isEqualTo(200);
            assertThat(catalog.body().lines().filter(l -> l.startsWith("1 "))).hasSize(301);
            assertThat(get(s.base() + "/api/v1/status", null).statusCode())
                    .as("after the whole catalog, 301 element sets cost three more").isEqualTo(429);
        }
    }

    @Test
    void anonymousRequestsBeyondTheGateAreRefusedWhilePartnersAreServed() throws Exception {
        try (Server s = start("gate", 100_000, 1)) {
            String token = TestNodes.adminToken(s.node());
            // every way a request ends lets the next one through the gate
            for (String path : List.of("/api/v1/status", "/api/v1/objects/1", "/api/v1/objects?limit=x",
                    "/api/v1/nowhere", "/api/v1/users", "/api/v1/objects?limit=10")) {
                get(s.base() + path, null);
            }
            assertThat(get(s.base() + "/api/v1/status", null).statusCode()).as("the gate is open again")
                    .isEqualTo(200);

            int refused = 0;
            for (int round = 0; round < 5 && refused == 0; round++) {
                List<CompletableFuture<HttpResponse<String>>> storm = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    storm.add(CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(s.base()
                            + "/api/v1/objects?limit=100&sort=-epoch")).build(), HttpResponse.BodyHandlers.ofString()));
                }
                assertThat(get(s.base() + "/api/v1/objects?limit=1000&sort=-epoch", token).statusCode())
                        .as("a partner during the storm").isEqualTo(200);
                for (CompletableFuture<HttpResponse<String>> f : storm) {
                    HttpResponse<String> r = f.join();
                    assertThat(r.statusCode()).as(r.body()).isIn(200, 429);
                    if (r.statusCode() == 429) {
                        refused++;
                        assertThat(r.headers().firstValue("Retry-After")).isPresent();
                    }
                }
            }
            assertThat(refused).as("anonymous requests beyond the one the gate lets in").isPositive();
        }
    }
}
