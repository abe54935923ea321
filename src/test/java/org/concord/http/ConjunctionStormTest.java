package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningService;
import org.concord.spaceweather.SpaceWeatherFiles;
import org.concord.spaceweather.Storm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stale-after-storm flag of each conjunction, with the real indices of May 2024 (CelesTrak's SW-All file: the G5
 * storm of 10–11 May, and a G3 one on 12 May) and the ISS screened against 301 objects whose element sets are given an epoch before the storm
 * (2024-05-09T00:00Z) or after it (2024-05-13T00:00Z): a conjunction is flagged with the storm exactly when its TCA is
 * at or after the storm's start and its inputs' epochs before the storm's end.
 */
class ConjunctionStormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Node node;
    static ApiServer server;
    static String base;
    static Storm storm;

    @BeforeAll
    static void node() {
        node = TestNodes.open(dir, Map.of());
        StringBuilder may = new StringBuilder();
        for (String line : SpaceWeatherFiles.text(SpaceWeatherFiles.SW_ALL).split("\r?\n")) {
            if (line.startsWith("DATE") || line.startsWith("2024-04") || line.startsWith("2024-05")) {
                may.append(line).append('\n');
            }
        }
        node.spaceWeather().ingest("sw-2024-05.csv", may.toString().getBytes(StandardCharsets.US_ASCII),
                Label.publicFrom("TEST"), "test");
        List<Storm> storms = node.spaceWeather().storms(Instant.parse("2024-05-09T00:00:00Z"),
                Instant.parse("2024-05-14T00:00:00Z"), LabelFilter.UNRESTRICTED).storms();
        // G5 from 10 May 15:00 to 12 May 00:00, then G3 from 03:00 to 06:00 on 12 May
        assertThat(storms).as("the storms of May 2024").hasSize(2);
        storm = storms.getFirst();
        assertThat(storm.gScale()).isEqualTo(5);
        assertThat(storm.start()).isAfter(Instant.parse("2024-05-10T00:00:00Z"));
        assertThat(storm.end()).isBefore(Instant.parse("2024-05-13T00:00:00Z"));
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void close() {
        server.close();
        node.close();
    }

    /** The subset's element sets, each with its epoch set to {@code epochDayOf2024} (day 1 is 1 January). */
    static byte[] catalogWithEpoch(double epochDayOf2024) {
        String[] lines = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                StandardCharsets.US_ASCII).split("\r?\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            String line1 = lines[i + 1].substring(0, 18) + String.format(Locale.ROOT, "24%012.8f", epochDayOf2024)
                    + lines[i + 1].substring(32, 68);
            int sum = 0;
            for (char c : line1.toCharArray()) {
                sum += Character.isDigit(c) ? c - '0' : c == '-' ? 1 : 0;
            }
            out.append(lines[i]).append('\n').append(line1).append(sum % 10).append('\n').append(lines[i + 2])
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static JsonNode conjunctionsOfTheIss(String name, double epochDayOf2024, Instant start) throws Exception {
        node.ingest().ingest(new IngestRequest(name, catalogWithEpoch(epochDayOf2024),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        ScreeningRun run = node.screening().run(new ScreeningService.Request(start, Duration.ofDays(1), 300_000,
                Optional.of(25544L)), "tester", f -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/conjunctions?limit=1000&runId=" + run.id())).header("Authorization", "Bearer "
                + TestNodes.adminToken(node)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        assertThat(OpenApiValidator.served().validate("/api/v1/conjunctions", "GET", 200, page)).isEmpty();
        assertThat(page.get("nextCursor").isNull()).as("one page holds them all").isTrue();
        return page.get("items");
    }

    @Test
    void aConjunctionIsFlaggedFromTheStormsStartWhenItsInputsPredateTheStormsEnd() throws Exception {
        JsonNode items = conjunctionsOfTheIss("before-storm.tle", 130.0, Instant.parse("2024-05-10T00:00:00Z"));
        List<JsonNode> before = new ArrayList<>();
        List<JsonNode> during = new ArrayList<>();
        items.forEach(c -> (Instant.parse(c.get("tca").asText()).isBefore(storm.start()) ? before : during).add(c));
        assertThat(before).as("encounters before the storm").isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("staleAfterStorm").isNull()).as(c.toString()).isTrue());
        assertThat(during).as("encounters once the storm began").isNotEmpty().allSatisfy(c -> {
            assertThat(c.at("/staleAfterStorm/start").asText()).isEqualTo(storm.start().toString());
            assertThat(c.at("/staleAfterStorm/end").asText()).isEqualTo(storm.end().toString());
            assertThat(c.at("/staleAfterStorm/gScale").asText()).isEqualTo("G5");
        });

        // the same objects with element sets of after the storm (stored after, so the newest): none has missed it
        JsonNode seen = conjunctionsOfTheIss("after-storm.tle", 134.0, Instant.parse("2024-05-13T00:00:00Z"));
        assertThat(seen).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("staleAfterStorm").isNull()).as(c.toString()).isTrue());
    }
}
