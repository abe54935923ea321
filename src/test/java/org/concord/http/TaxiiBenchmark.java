package org.concord.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.node.Node;

/**
 * The TAXII server's figures (docs/benchmarks.md): a POST of an envelope of 10,000 indicators, validated and stored,
 * timed whole over HTTP on loopback; then GET objects pages of 1,000, one request at a time, their median and 99th
 * percentile. Run by {@code scripts/bench-taxii [--runs N] [--gets N]} on an embedded H2 node.
 */
public final class TaxiiBenchmark {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String COLLECTION = "be0c4000-0000-4000-8000-000000000001";

    private TaxiiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int gets = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--gets" -> gets = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --runs N, --gets N)");
            }
        }
        Path dir = Files.createTempDirectory("concord-taxii-bench");
        try (Node node = TestNodes.open(dir, Map.of("CONCORD_NODE_PARTY", "GBR",
                "CONCORD_TAXII_COLLECTION_1_ID", COLLECTION, "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "REL TO GBR,USA",
                "CONCORD_TAXII_COLLECTION_1_READ", "GBR,USA", "CONCORD_TAXII_COLLECTION_1_WRITE", "GBR"));
             ApiServer server = new ApiServer(node)) {
            String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/taxii2/concord/collections/"
                    + COLLECTION + "/objects/";
            String token = TestNodes.token(node, "GBR", Role.OPERATOR);
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            for (int run = 0; run < runs; run++) {
                String envelope = envelope(run, 10_000);
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base))
                        .header("Authorization", "Bearer " + token).header("Accept", TAXII)
                        .header("Content-Type", TAXII).POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                        HttpResponse.BodyHandlers.ofString());
                double seconds = (System.nanoTime() - start) / 1e9;
                JsonNode status = json.readTree(r.body());
                System.out.printf(Locale.ROOT, "POST 10,000 objects, run %d: %d, %d stored, %d refused, %.2f s (%,d"
                        + " bytes)%n", run + 1, r.statusCode(), status.path("success_count").asInt(),
                        status.path("failure_count").asInt(), seconds, envelope.length());
            }
            for (String query : List.of("?limit=1000&match%5Bversion%5D=all", "?limit=1000")) {
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < gets + 20; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + query))
                            .header("Authorization", "Bearer " + token).header("Accept", TAXII).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                    if (i >= 20) { // the first 20 warm up
                        millis.add((System.nanoTime() - start) / 1e6);
                    }
                }
                Collections.sort(millis);
                System.out.printf(Locale.ROOT, "GET objects%s (%d objects held): %d requests, median %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n", query, runs * 10_000, millis.size(),
                        millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
                        millis.getLast());
            }
        }
    }

    /** An envelope of {@code count} indicators with ids of this run, each marked TLP:GREEN. */
    private static String envelope(int run, int count) {
        StringBuilder b = new StringBuilder("{\"objects\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(String.format(Locale.ROOT, "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":"
                    + "\"indicator--%08d-0000-4000-8000-%012d\",\"created\":\"2024-03-01T10:00:00.000Z\","
                    + "\"modified\":\"2024-03-01T10:00:00.000Z\",\"name\":\"Spoofed telecommand source %d\","
                    + "\"pattern\":\"[ipv4-addr:value = '198.51.100.%d']\",\"pattern_type\":\"stix\","
                    + "\"valid_from\":\"2024-03-01T10:00:00Z\",\"object_marking_refs\":"
                    + "[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\"]}", run, i, i, i % 256));
        }
        return b.append("]}").toString();
    }
}
