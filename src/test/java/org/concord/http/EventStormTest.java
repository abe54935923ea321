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
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
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
 * The stale-after-storm flag of conjunction events, their latest state and each update, with the real indices of May
 * 2024 (CelesTrak's SW-All file: the G5 storm from 10 May 15:00 to 12 May 00:00) as {@link ConjunctionStormTest} has
 * them, released to the node's party only: the ISS screened against 301 objects whose element sets are given an epoch
 * of 2024-05-09T00:00Z (twice, over windows that overlap by half a day, so the events of the overlap have two
 * updates), then of 2024-05-13T00:00Z. An event is flagged with the storm exactly when its TCA is at or after the
 * storm's start and its inputs' epochs before the storm's end, and only for a caller who may see the indices.
 */
class EventStormTest {

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
                Label.parse("rel=REL TO TEST", Label.publicFrom("TEST")), "test");
        storm = node.spaceWeather().storms(Instant.parse("2024-05-09T00:00:00Z"),
                Instant.parse("2024-05-14T00:00:00Z"), LabelFilter.UNRESTRICTED).storms().getFirst();
        assertThat(storm.gScale()).as("the G5 storm of May 2024").isEqualTo(5);
        assertThat(storm.start()).isEqualTo(Instant.parse("2024-05-10T15:00:00Z"));

        screen("before-storm.tle", 130.0, Instant.parse("2024-05-10T00:00:00Z"));
        screen(null, 0, Instant.parse("2024-05-10T12:00:00Z"));
        screen("after-storm.tle", 134.0, Instant.parse("2024-05-13T00:00:00Z"));
        node.events().update();
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void close() {
        server.close();
        node.close();
    }

    /** Ingests the subset with this epoch (unless {@code name} is null) and screens the ISS for a day. */
    private static void screen(String name, double epochDayOf2024, Instant start) {
        if (name != null) {
            node.ingest().ingest(new IngestRequest(name, ConjunctionStormTest.catalogWithEpoch(epochDayOf2024),
                    Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        }
        ScreeningRun run = node.screening().run(new ScreeningService.Request(start, Duration.ofDays(1), 300_000,
                Optional.of(25544L)), "tester", f -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
    }

    private static JsonNode get(String token, String template, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + path)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(OpenApiValidator.served().validate(template, "GET", 200, json)).as(response.body()).isEmpty();
        return json;
    }

    /** The events whose latest TCA lies in [from, to], all on one page. */
    private static JsonNode events(String token, String from, String to) throws Exception {
        JsonNode page = get(token, "/api/v1/events", "/api/v1/events?noradId=25544&limit=10000&from=" + from
                + "&to=" + to);
        assertThat(page.get("nextCursor").isNull()).as("one page holds them all").isTrue();
        return page.get("items");
    }

    /**
     * Flagged with the G5 storm: its start and level; its end is where the answer's read of the indices found it
     * (they are read up to a day after the latest TCA of the answer, docs/space-weather.md), so one event read alone
     * (TCA on 10 May) sees the storm under way until 11 May, a page reaching later sees its end on 12 May.
     */
    private static void assertFlaggedWithTheStorm(JsonNode flag) {
        assertThat(flag.isNull()).as("flagged").isFalse();
        assertThat(flag.get("start").asText()).isEqualTo(storm.start().toString());
        assertThat(flag.get("gScale").asText()).isEqualTo("G5");
        assertThat(Instant.parse(flag.get("end").asText())).isAfter(Instant.parse("2024-05-11T00:00:00Z"))
                .isBeforeOrEqualTo(storm.end());
    }

    /** Whether a TCA lies at or after the storm's start. */
    private static boolean inStorm(JsonNode withTca) {
        return !Instant.parse(withTca.get("tca").asText()).isBefore(storm.start());
    }

    @Test
    void anEventFromElementSetsBeforeTheStormIsFlaggedFromTheStormsStartItsStateAndEachUpdate() throws Exception {
        String admin = TestNodes.adminToken(node);
        JsonNode items = events(admin, "2024-05-10T00:00:00Z", "2024-05-11T12:00:00Z");
        List<JsonNode> before = new ArrayList<>();
        List<JsonNode> during = new ArrayList<>();
        items.forEach(e -> (inStorm(e) ? during : before).add(e));
        assertThat(before).as("events before the storm").isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("staleAfterStorm").isNull()).as(e.toString()).isTrue();
            e.get("updates").forEach(u -> assertThat(u.get("staleAfterStorm").isNull()).as(u.toString()).isTrue());
        });
        assertThat(during).as("events once the storm began").isNotEmpty().allSatisfy(e -> {
            assertFlaggedWithTheStorm(e.get("staleAfterStorm"));
            e.get("updates").forEach(u -> {
                if (inStorm(u)) {
                    assertFlaggedWithTheStorm(u.get("staleAfterStorm"));
                } else {
                    assertThat(u.get("staleAfterStorm").isNull()).as(u.toString()).isTrue();
                }
            });
        });
        JsonNode twice = during.stream().filter(e -> e.get("updateCount").asInt() == 2).findFirst()
                .orElseThrow(() -> new AssertionError("no event of the storm with two updates: " + during));
        JsonNode one = get(admin, "/api/v1/events/{id}", "/api/v1/events/" + twice.get("id").asLong());
        assertFlaggedWithTheStorm(one.get("staleAfterStorm"));
        assertThat(one.get("updates")).hasSize(2)
                .allSatisfy(u -> assertFlaggedWithTheStorm(u.get("staleAfterStorm")));
    }

    @Test
    void anEventFromElementSetsAfterTheStormIsNotFlagged() throws Exception {
        JsonNode items = events(TestNodes.adminToken(node), "2024-05-13T00:00:00Z", "2024-05-14T12:00:00Z");
        assertThat(items).as("events of the element sets of 13 May").isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("staleAfterStorm").isNull()).as(e.toString()).isTrue();
            e.get("updates").forEach(u -> assertThat(u.get("staleAfterStorm").isNull()).as(u.toString()).isTrue());
        });
    }

    @Test
    void aCallerWhoMayNotSeeTheIndicesGetsNoFlagFromThem() throws Exception {
        String admin = TestNodes.adminToken(node);
        String other = TestNodes.token(node, "OTHER", Role.VIEWER);
        JsonNode seenByUs = events(admin, "2024-05-10T00:00:00Z", "2024-05-11T12:00:00Z");
        JsonNode seenByThem = events(other, "2024-05-10T00:00:00Z", "2024-05-11T12:00:00Z");
        assertThat(seenByThem).as("the events are public").hasSameSizeAs(seenByUs);
        assertThat(seenByUs).anySatisfy(e -> assertThat(e.get("staleAfterStorm").isNull()).isFalse());
        assertThat(seenByThem).allSatisfy(e -> {
            assertThat(e.get("staleAfterStorm").isNull()).as(e.toString()).isTrue();
            e.get("updates").forEach(u -> assertThat(u.get("staleAfterStorm").isNull()).as(u.toString()).isTrue());
        });
        JsonNode flagged = seenByUs.get(0);
        for (JsonNode e : seenByUs) {
            if (!e.get("staleAfterStorm").isNull()) {
                flagged = e;
            }
        }
        JsonNode one = get(other, "/api/v1/events/{id}", "/api/v1/events/" + flagged.get("id").asLong());
        assertThat(one.get("staleAfterStorm").isNull()).isTrue();
    }
}
