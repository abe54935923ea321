package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.federation.BundleRejectedException;
import org.concord.federation.Peer;
import org.concord.federation.SignedBundle;
import org.concord.formats.InputRejectedException;
import org.concord.identity.NodeIdentity;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.screening.ScreeningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} over a real node: who may read it, what it counts after real ingests, requests, a screening and
 * federation exchanges, that no meter carries a label that could name labelled data, and that the real
 * {@code promtool check metrics} (Debian package {@code prometheus}, installed by {@code .ci/run}) finds nothing
 * wrong with the exposition.
 */
class MetricsTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(node -> node.ingest().ingest(
            new IngestRequest("subset.tle", TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                    Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty())));

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** A sample line: name, labels (if any), value. */
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");
    /** The label names Concord's own meters and the HTTP timer may carry: none can name a label or an object. */
    private static final Set<String> NODE_WIDE_LABELS = Set.of("method", "route", "status", "outcome", "source", "kind",
            "peer", "le");

    @Test
    void onlyTheNodesAdministratorsReadTheMetrics() throws Exception {
        Node node = SERVED.node();
        assertThat(get("/metrics", Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", Optional.of(TestNodes.token(node, "TEST", Role.OPERATOR))).statusCode())
                .isEqualTo(403);
        assertThat(get("/metrics", Optional.of(TestNodes.token(node, "GBR", Role.ADMIN))).statusCode())
                .isEqualTo(403);
        HttpResponse<String> admin = get("/metrics", Optional.of(SERVED.adminToken()));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain")
                .contains("version=0.0.4");
    }

    @Test
    void theNodeCountsWhatItDidUnderNodeWideLabelsOnly() throws Exception {
        Node node = SERVED.node();
        long vanguard = 5;
        assertThat(get("/api/v1/objects/" + vanguard, Optional.empty()).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/objects/987654", Optional.empty()).statusCode()).isEqualTo(404);
        assertThat(get("/nowhere/12345", Optional.empty()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/objects/" + vanguard, Optional.of("concord_not-a-token")).statusCode())
                .isEqualTo(401);
        assertThatThrownBy(() -> node.ingest().ingest(IngestRequest.of("broken.tle",
                "1 00005U this is not a TLE\n".getBytes(StandardCharsets.US_ASCII), "test")))
                .isInstanceOf(InputRejectedException.class);
        node.screening().run(new ScreeningService.Request(Instant.parse("2024-07-06T00:00:00Z"),
                Duration.ofMinutes(10), 5_000, Optional.of(vanguard)), "test", progress -> { });
        Peer peer = node.federation().addPeer("USA", NodeIdentity.generateEphemeral().publicKeyPem(),
                URI.create("http://127.0.0.1:1"), TestNodes.TEST_ADMIN);
        assertThat(node.federation().serve(peer, 0)).isPresent();
        assertThatThrownBy(() -> node.federation().receive(peer, new SignedBundle(new byte[] {1, 2, 3},
                new byte[] {4, 5, 6}))).isInstanceOf(BundleRejectedException.class);

        String text = get("/metrics", Optional.of(SERVED.adminToken())).body();

        assertThat(text).contains("concord_ingest_records_total{outcome=\"stored\",source=\"upload\"} 301.0\n")
                .contains("concord_ingest_inputs_total{outcome=\"accepted\"} 1.0\n")
                .contains("concord_ingest_inputs_total{outcome=\"rejected\"} 1.0\n")
                .contains("concord_screening_duration_seconds_count{kind=\"ONE_VS_ALL\",outcome=\"completed\"} 1\n")
                .contains("concord_federation_bundles_total{outcome=\"sent\",peer=\"USA\"} 1.0\n")
                .contains("concord_federation_bundles_total{outcome=\"refused\",peer=\"USA\"} 1.0\n")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/objects/{noradId}\","
                        + "status=\"200\"} 1\n")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/objects/{noradId}\","
                        + "status=\"404\"} 1\n")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/objects/{noradId}\","
                        + "status=\"401\"} 1\n")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"" + HttpMetrics.UNMATCHED
                        + "\",status=\"404\"} 1\n")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/objects/{noradId}\","
                        + "status=\"200\",le=\"+Inf\"} 1\n")
                .contains("jvm_memory_used_bytes{").contains("jvm_gc_").contains("jvm_threads_live_threads ");
        // the paths callers typed, with their numbers, are no label values
        assertThat(text).doesNotContain("987654").doesNotContain("/nowhere").doesNotContain("/api/v1/objects/5\"");
        List<String> labelsOfNodeMeters = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches() && sample.group(2) != null
                    && (sample.group(1).startsWith("concord_") || sample.group(1).startsWith("http_"))) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labelsOfNodeMeters.add(label.group(1));
                }
            }
        }
        assertThat(new TreeSet<>(labelsOfNodeMeters)).isNotEmpty().isSubsetOf(NODE_WIDE_LABELS);
        assertThat(promtool(text)).isEqualTo("promtool check metrics: exit 0, nothing to report");
    }

    /** What {@code promtool check metrics} says of the exposition. */
    private static String promtool(String exposition) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("promtool is not installed: apt-get install prometheus (.ci/run does)", e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (InputStream out = process.getInputStream()) {
            out.transferTo(said);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = said.toString(StandardCharsets.UTF_8).strip();
        return "promtool check metrics: exit " + process.exitValue()
                + (output.isEmpty() ? ", nothing to report" : ": " + output);
    }

    private static HttpResponse<String> get(String path, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVED.base() + path));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
