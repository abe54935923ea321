package org.concord.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.catalog.SpaceObject;
import org.concord.http.ApiServer;
import org.concord.conjunction.Conjunction;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events across screenings and CDMs on a node holding 301 objects of the bundled catalog: the same encounter screened
 * twice and reported by a CDM is one event with three updates; the same pair's encounter an orbit later is another.
 */
class EventServiceTest {

    private static final Instant START = Instant.parse("2024-07-05T00:00:00Z");

    @TempDir
    static Path dir;

    static Node node;

    @BeforeAll
    static void catalog() throws Exception {
        node = TestNodes.open(dir, Map.of());
        try (java.io.InputStream satcat = new java.util.zip.GZIPInputStream(EventServiceTest.class
                .getResourceAsStream("/satcat/spacetrack_satcat_2021-01-19.csv.gz"))) {
            node.ingest().ingest(new IngestRequest("satcat.csv", satcat.readAllBytes(),
                    Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        }
        node.ingest().ingest(new IngestRequest("public.tle", TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
    }

    @AfterAll
    static void close() {
        node.close();
    }

    private static ScreeningRun screen() {
        ScreeningRun run = node.screening().run(new ScreeningService.Request(START, Duration.ofDays(1), 30_000,
                Optional.empty()), "tester", fraction -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        node.events().awaitPassesAskedFor(); // the pass the run asked for, handed its conjunctions as stored
        assertThat(node.events().update()).as("the pass the run asked for placed every conjunction").isZero();
        return run;
    }

    private static List<Product<ConjunctionEvent>> events(long noradId) {
        return node.products().list(EventKind.INSTANCE, new ProductQuery(Map.of("noradId", noradId),
                EventKind.INSTANCE.sorts().getFirst(), 1000, Optional.empty()), LabelFilter.UNRESTRICTED).items();
    }

    @Test
    void twoScreeningsAndACdmOfOneEncounterAreOneEventWithThreeUpdatesAndTheNextEncounterIsAnother() throws Exception {
        ScreeningRun first = screen();
        List<Conjunction> found = node.screening().conjunctionsOf(first, LabelFilter.UNRESTRICTED);
        // a pair with two encounters in the day, more than an orbit's quarter apart
        Map<String, List<Conjunction>> byPair = found.stream().collect(Collectors.groupingBy(
                c -> c.primaryNoradId() + "|" + c.secondaryNoradId()));
        List<Conjunction> pair = byPair.values().stream().filter(l -> l.size() >= 2)
                .map(l -> l.stream().sorted(Comparator.comparing(Conjunction::tca)).toList())
                .filter(l -> Duration.between(l.get(0).tca(), l.get(1).tca()).toMinutes() > 40)
                .findFirst().orElseThrow();
        Conjunction encounter = pair.get(0);
        Conjunction later = pair.get(1);
        long a = encounter.primaryNoradId();
        long b = encounter.secondaryNoradId();
        assertThat(events(a).stream().filter(e -> e.value().secondaryNoradId() == b || e.value().primaryNoradId() == b))
                .as("after one screening, one event per encounter of the pair").hasSize(byPair.get(a + "|" + b).size());

        screen();
        Instant cdmTca = encounter.tca().plusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String cdm = new String(TestNodes.resource("/ccsds/cdm/AlfanoTestCase01.cdm"), StandardCharsets.US_ASCII)
                .replaceFirst("TCA( +)= \\S+", "TCA$1= " + cdmTca.toString().replace("Z", ""))
                .replaceFirst("OBJECT_DESIGNATOR( +)= 1001", "OBJECT_DESIGNATOR$1= " + b)
                .replaceFirst("OBJECT_DESIGNATOR( +)= 1002", "OBJECT_DESIGNATOR$1= " + a);
        assertThat(node.ingestAudited(new IngestRequest("warning.cdm", cdm.getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.publicFrom("AUS")), "test", false, Optional.empty()), "test", Optional.empty())
                .stored()).isEqualTo(1);
        node.events().update();

        List<Product<ConjunctionEvent>> ofPair = events(a).stream()
                .filter(e -> e.value().primaryNoradId() == Math.min(a, b) && e.value().secondaryNoradId() == Math.max(a, b))
                .toList();
        assertThat(ofPair).as("screened twice, the pair's encounters are still one event each")
                .hasSize(byPair.get(a + "|" + b).size());
        ConjunctionEvent event = ofPair.stream().filter(e -> e.value().updates().getFirst().tca()
                .equals(encounter.tca())).findFirst().orElseThrow().value();
        assertThat(event.updates()).extracting(EventUpdate::source).containsExactly(EventUpdate.Source.SCREENING,
                EventUpdate.Source.SCREENING, EventUpdate.Source.CDM);
        EventUpdate fromCdm = event.latest();
        assertThat(fromCdm.source()).isEqualTo(EventUpdate.Source.CDM);
        assertThat(fromCdm.tca()).isEqualTo(cdmTca);
        assertThat(fromCdm.originator()).isEqualTo("AUS");
        assertThat(fromCdm.frameNoradId()).as("the CDM names the pair the other way round").isEqualTo(b);
        assertThat(fromCdm.missDistanceMeters()).isCloseTo(5.049717, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(fromCdm.risk().orElseThrow().probability()).isPositive();

        ConjunctionEvent next = ofPair.stream().filter(e -> e.value().updates().getFirst().tca()
                .equals(later.tca())).findFirst().orElseThrow().value();
        assertThat(next.updates()).hasSize(2).allMatch(u -> u.source() == EventUpdate.Source.SCREENING);

        long eventId = ofPair.stream().filter(e -> e.value().updates().size() == 3).findFirst().orElseThrow().id();
        ApiServer server = new ApiServer(node);
        try {
            String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/events/" + eventId)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            JsonNode json = new ObjectMapper().readTree(reply.body());
            for (String role : List.of("primary", "secondary")) {
                JsonNode object = json.get(role);
                SpaceObject known = node.catalog().findObject(object.get("noradId").asLong(),
                        LabelFilter.UNRESTRICTED).orElseThrow();
                assertThat(object.get("name").asText()).isEqualTo(known.name()).isNotBlank();
                assertThat(object.get("owner").asText()).isEqualTo(known.satcat().orElseThrow().owner().orElseThrow());
                assertThat(object.get("objectType").asText()).isEqualTo(known.satcat().orElseThrow().objectType());
            }
            assertThat(json.get("updateCount").asInt()).isEqualTo(3);
            assertThat(json.at("/trend/missDistanceMeters")).hasSize(3);
            assertThat(json.at("/trend/missDistanceMeters/2").asDouble()).isEqualTo(fromCdm.missDistanceMeters());
            assertThat(json.at("/trend/probability")).hasSize(3);
            assertThat(json.at("/updates/2/source").asText()).isEqualTo("CDM");
            assertThat(json.at("/updates/0/conjunctionId").asLong()).isEqualTo(encounter.id());
            assertThat(json.at("/primary/elementAgeSeconds").isNull()).as("a CDM gives no element-set ages").isTrue();
        } finally {
            server.close();
        }

        assertThat(node.events().update()).as("every conjunction is in an event: nothing left to place").isZero();
        long conjunctions = node.conjunctions().findConjunctions(new ProductQuery(Map.of(),
                org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().getFirst(), 1, Optional.empty()),
                LabelFilter.UNRESTRICTED).total();
        long updates = node.products().list(EventKind.INSTANCE, ProductQuery.all(EventKind.INSTANCE, 10_000),
                LabelFilter.UNRESTRICTED).items().stream().mapToLong(e -> e.value().updates().size()).sum();
        assertThat(updates).as("each conjunction is one update of one event").isEqualTo(conjunctions);
    }
}
