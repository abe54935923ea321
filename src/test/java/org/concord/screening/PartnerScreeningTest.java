package org.concord.screening;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.catalog.OrbitRecord;
import org.concord.formats.OmmReader;
import org.concord.http.ApiServer;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * A partner party screens its own plan: an operator of ACME uploads an OEM of the ISS (its planned trajectory) to a
 * node of GBR whose catalog holds 301 objects and the seven vehicles docked to the ISS, all public but the objects the
 * ISS comes within 100 km of that day, which GBR keeps to itself. ACME's screening meets only what ACME may read, its
 * results are labelled to ACME and GBR, and nobody else (another party, whatever ACME's agreements; an anonymous
 * caller) sees them, their run, their proximities or an event built from them.
 */
class PartnerScreeningTest {

    private static final Instant START = Instant.parse("2024-07-05T00:00:00Z");
    private static final long ISS = 25544;
    private static final double THRESHOLD = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    static Node node;
    static ApiServer server;
    static String base;
    /** The objects the ISS comes within 100 km of on 2024-07-05, which only GBR may read. */
    static Set<Long> hidden;
    static String acme;
    static String usa;
    static String gbr;
    static byte[] issOem;

    @BeforeAll
    static void node() throws Exception {
        node = TestNodes.open(dir, Map.of("CONCORD_NODE_PARTY", "GBR", "CONCORD_SCREENING_PARTNER_MAX_WINDOW", "P2D"));
        String[] lines = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                StandardCharsets.US_ASCII).split("\r?\n");
        List<ScreeningObject> objects = new ArrayList<>();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            TLE tle = new TLE(lines[i + 1], lines[i + 2]);
            objects.add(new ScreeningObject(tle.getSatelliteNumber(), i + 1, tle));
        }
        hidden = new TreeSet<>();
        new Screener(OrekitSetup.get().timeScales()).screen(objects, ScreeningParameters.oneVsAll(START,
                Duration.ofDays(1), THRESHOLD, Set.of(ISS))).closeApproaches()
                .forEach(a -> hidden.add(a.primaryNoradId() == ISS ? a.secondaryNoradId() : a.primaryNoradId()));
        assertThat(hidden).as("objects the ISS meets within 100 km").hasSizeGreaterThanOrEqualTo(2);
        StringBuilder open = new StringBuilder();
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            long number = new TLE(lines[i + 1], lines[i + 2]).getSatelliteNumber();
            (hidden.contains(number) ? kept : open).append(lines[i]).append('\n').append(lines[i + 1]).append('\n')
                    .append(lines[i + 2]).append('\n');
        }
        node.ingest().ingest(new IngestRequest("public.tle", open.toString().getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.publicFrom("GBR")), "test", false, Optional.empty()));
        node.ingest().ingest(new IngestRequest("docked.tle", BundledCatalog.dockedToIss(),
                Optional.of(Label.publicFrom("GBR")), "test", false, Optional.empty()));
        node.ingest().ingest(new IngestRequest("kept.tle", kept.toString().getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.parse("originator=GBR;rel=REL TO GBR;tlp=AMBER", Label.publicFrom("GBR"))),
                "test", false, Optional.empty()));
        acme = TestNodes.token(node, "ACME", Role.OPERATOR);
        usa = TestNodes.token(node, "USA", Role.ADMIN);
        gbr = TestNodes.token(node, "GBR", Role.ANALYST);
        // ACME releases everything it may to USA: still nothing labelled to ACME and GBR only reaches USA
        node.sharing().addAgreement(new SharingService.Terms("ACME", new TreeSet<>(Set.of("USA")),
                Set.copyOf(node.sharing().kinds().all()), true, Instant.now().minus(Duration.ofDays(1)),
                Optional.empty()), TestNodes.TEST_ADMIN);
        OrbitRecord iss = node.catalog().latestMeanElements(ISS, LabelFilter.UNRESTRICTED).orElseThrow();
        issOem = TestOems.oem("25544", "ISS (ZARYA)", List.of(TestOems.sgp4States(OmmReader.toTle(iss.format(),
                iss.content()), START, START.plus(Duration.ofDays(1)), Duration.ofSeconds(30))))
                .getBytes(StandardCharsets.UTF_8);
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void close() {
        server.close();
        node.close();
    }

    private record Reply(int status, JsonNode json) {
    }

    private static Reply send(String token, HttpRequest.Builder request) throws Exception {
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private static Reply get(String token, String path) throws Exception {
        return send(token, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private static Reply post(String token, String path, byte[] body) throws Exception {
        return send(token, HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static Reply screenOem(String token, String name) throws Exception {
        // wider than the kept objects' approaches: the partner's screening still finds the others
        return post(token, "/api/v1/screenings/ephemeris?name=" + name + "&thresholdMeters=" + 2 * THRESHOLD, issOem);
    }

    private static Set<Long> secondaries(JsonNode conjunctions) {
        Set<Long> numbers = new HashSet<>();
        conjunctions.forEach(c -> numbers.add(c.get("secondaryNoradId").asLong()));
        return numbers;
    }

    @Test
    void aPartnersOemMeetsOnlyWhatItMayReadAndItsResultsReachOnlyItAndTheNodesParty() throws Exception {
        Reply own = screenOem(gbr, "gbr-plan.oem");
        assertThat(own.status()).as(own.json().toString()).isEqualTo(200);
        assertThat(secondaries(own.json().get("conjunctions"))).as("the node's own screening meets the kept objects")
                .containsAll(hidden);

        Reply partner = screenOem(acme, "acme-plan.oem");
        assertThat(partner.status()).as(partner.json().toString()).isEqualTo(200);
        long runId = partner.json().at("/run/id").asLong();
        JsonNode conjunctions = partner.json().get("conjunctions");
        assertThat(conjunctions).isNotEmpty();
        assertThat(secondaries(conjunctions)).as("what ACME may not read is not screened").doesNotContainAnyElementsOf(
                hidden);
        assertThat(partner.json().at("/run/figures/objectsScreened").asInt()).as("the run counts only what ACME reads")
                .isEqualTo(own.json().at("/run/figures/objectsScreened").asInt() - hidden.size());
        ScreeningRun run = node.screening().findRun(runId).orElseThrow();
        assertThat(run.forParty()).contains("ACME");
        List<org.concord.conjunction.Conjunction> stored = node.screening().conjunctionsOf(run,
                LabelFilter.UNRESTRICTED);
        assertThat(stored).hasSameSizeAs(conjunctions).allSatisfy(c -> {
            assertThat(c.label().originator()).isEqualTo("ACME");
            assertThat(c.label().releasability().isPublic()).isFalse();
            assertThat(c.label().releasability().parties()).containsExactlyInAnyOrder("ACME", "GBR");
        });
        node.events().update();

        for (String token : List.of(acme, gbr)) {
            assertThat(get(token, "/api/v1/screenings/" + runId).status()).isEqualTo(200);
            assertThat(get(token, "/api/v1/conjunctions?runId=" + runId).json().get("total").asLong())
                    .isEqualTo(stored.size());
        }
        JsonNode acmeRuns = get(acme, "/api/v1/screenings").json().get("items");
        assertThat(acmeRuns).extracting(i -> i.get("id").asLong()).contains(runId);
        assertThat(acmeRuns).extracting(i -> i.get("forParty").asText()).containsOnly("ACME");
        for (String token : List.of(usa, "")) {
            String who = token.isEmpty() ? "anonymous" : "USA";
            assertThat(get(token, "/api/v1/screenings/" + runId).status()).as(who).isEqualTo(404);
            assertThat(get(token, "/api/v1/screenings").json().get("items")).as(who).isEmpty();
            assertThat(get(token, "/api/v1/conjunctions?runId=" + runId).json().get("total").asLong()).as(who)
                    .isZero();
            assertThat(get(token, "/api/v1/conjunctions/" + stored.getFirst().id()).status()).as(who)
                    .isEqualTo(404);
            assertThat(get(token, "/api/v1/proximities?runId=" + runId).json().get("total").asLong()).as(who)
                    .isZero();
            Set<Long> fromRun = new HashSet<>();
            stored.forEach(c -> fromRun.add(c.id()));
            for (JsonNode event : get(token, "/api/v1/events?noradId=25544&limit=100").json().get("items")) {
                event.get("updates").forEach(u -> assertThat(fromRun).as(who).doesNotContain(
                        u.get("conjunctionId").asLong()));
            }
        }
    }

    @Test
    void aPartnersScreeningOfTheIssGivesItsDockedVehiclesAsProximitiesLabelledToIt() throws Exception {
        Reply partner = post(acme, "/api/v1/screenings", ("{\"start\":\"" + START + "\",\"windowSeconds\":86400,"
                + "\"thresholdMeters\":5000,\"primaryNoradId\":25544,\"wait\":true}").getBytes(StandardCharsets.UTF_8));
        assertThat(partner.status()).as(partner.json().toString()).isEqualTo(200);
        long runId = partner.json().at("/run/id").asLong();
        assertThat(secondaries(partner.json().get("conjunctions"))).doesNotContainAnyElementsOf(hidden)
                .doesNotContainAnyElementsOf(BundledCatalog.DOCKED_TO_ISS);
        JsonNode proximities = get(acme, "/api/v1/proximities?runId=" + runId).json();
        assertThat(proximities.get("total").asLong()).isEqualTo(BundledCatalog.DOCKED_TO_ISS.size());
        node.products().list(org.concord.event.ProximityKind.INSTANCE, new org.concord.product.ProductQuery(
                Map.of("runId", runId), org.concord.event.ProximityKind.INSTANCE.sorts().getFirst(), 100,
                Optional.empty()), LabelFilter.UNRESTRICTED).items().forEach(p -> assertThat(
                p.label().releasability().parties()).containsExactlyInAnyOrder("ACME", "GBR"));
        assertThat(get(usa, "/api/v1/proximities?runId=" + runId).json().get("total").asLong()).isZero();
        assertThat(get("", "/api/v1/proximities?runId=" + runId).json().get("total").asLong()).isZero();
        node.events().update();
        assertThat(node.products().list(org.concord.event.EventKind.INSTANCE, org.concord.product.ProductQuery.all(
                org.concord.event.EventKind.INSTANCE, 1000), LabelFilter.UNRESTRICTED).items())
                .as("a partner's run is its own: no event is built from it")
                .allSatisfy(e -> assertThat(e.value().updates()).noneMatch(u -> u.originator().equals("ACME")));
    }

    @Test
    void aPartnerCannotTellAnObjectItMayNotReadFromOneThatDoesNotExist() throws Exception {
        long kept = hidden.iterator().next();
        String body = "{\"start\":\"" + START + "\",\"windowSeconds\":3600,\"thresholdMeters\":5000,"
                + "\"primaryNoradId\":%d,\"wait\":true}";
        Reply hiddenPrimary = post(acme, "/api/v1/screenings", body.formatted(kept).getBytes(StandardCharsets.UTF_8));
        Reply missing = post(acme, "/api/v1/screenings", body.formatted(99_999).getBytes(StandardCharsets.UTF_8));
        assertThat(hiddenPrimary.status()).isEqualTo(missing.status()).isEqualTo(400);
        assertThat(hiddenPrimary.json().toString().replace(Long.toString(kept), "N"))
                .isEqualTo(missing.json().toString().replace("99999", "N"));

        OrbitRecord keptOrbit = node.catalog().latestMeanElements(kept, LabelFilter.UNRESTRICTED).orElseThrow();
        String designator = keptOrbit.internationalDesignator().orElseThrow();
        byte[] byDesignator = new String(issOem, StandardCharsets.UTF_8).replaceFirst("OBJECT_ID\\s*=\\s*25544",
                "OBJECT_ID = " + designator).getBytes(StandardCharsets.UTF_8);
        byte[] byUnknown = new String(issOem, StandardCharsets.UTF_8).replaceFirst("OBJECT_ID\\s*=\\s*25544",
                "OBJECT_ID = 2099-999Z").getBytes(StandardCharsets.UTF_8);
        assertThat(byDesignator).isNotEqualTo(issOem);
        Reply hiddenOem = post(acme, "/api/v1/screenings/ephemeris?name=plan.oem", byDesignator);
        Reply unknownOem = post(acme, "/api/v1/screenings/ephemeris?name=plan.oem", byUnknown);
        assertThat(hiddenOem.status()).isEqualTo(unknownOem.status()).isEqualTo(422);
        assertThat(hiddenOem.json().toString().replace(designator, "D"))
                .isEqualTo(unknownOem.json().toString().replace("2099-999Z", "D"));
        assertThat(post(gbr, "/api/v1/screenings/ephemeris?name=plan.oem&windowSeconds=3600", byDesignator)
                .status()).as("the node's own party knows the designator").isEqualTo(200);
    }

    @Test
    void aPartnersLimitsAreNamedWhenItGoesBeyondThem() throws Exception {
        Reply all = post(acme, "/api/v1/screenings", ("{\"start\":\"" + START + "\",\"windowSeconds\":3600,"
                + "\"thresholdMeters\":5000}").getBytes(StandardCharsets.UTF_8));
        assertThat(all.status()).isEqualTo(400);
        assertThat(all.json().at("/error/message").asText()).contains("primaryNoradId");
        Reply long_ = post(acme, "/api/v1/screenings", ("{\"start\":\"" + START + "\",\"windowSeconds\":259200,"
                + "\"thresholdMeters\":5000,\"primaryNoradId\":25544}").getBytes(StandardCharsets.UTF_8));
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.json().at("/error/message").asText())
                .contains("3.0 days", "2.0 days", "screening.partner.max-window").doesNotContain("PT");

        ScreeningRun busy = node.screeningRuns().startRun(new ScreeningRun(0, ScreeningRun.Kind.ONE_VS_ALL,
                Optional.of(ISS), START, Duration.ofHours(1), new ScreeningVolume.Sphere(5000), Optional.empty(),
                "elsewhere", Instant.now(), ScreeningRun.Status.RUNNING, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("ACME")));
        try {
            Reply refused = post(acme, "/api/v1/screenings", ("{\"start\":\"" + START + "\",\"windowSeconds\":3600,"
                    + "\"thresholdMeters\":5000,\"primaryNoradId\":25544}").getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().at("/error/message").asText()).contains("ACME", "screening.partner.concurrent-runs");
            assertThat(post(gbr, "/api/v1/screenings", ("{\"start\":\"" + START + "\",\"windowSeconds\":3600,"
                    + "\"thresholdMeters\":5000,\"primaryNoradId\":25544,\"wait\":true}")
                    .getBytes(StandardCharsets.UTF_8)).status()).as("the node's own party has no such limit")
                    .isEqualTo(200);
        } finally {
            node.screeningRuns().failRun(busy.id(), "test over");
        }
    }

    @Test
    void theCatalogAPartnerScreensIsTheNewestRecordItMayReadOfEachObject() {
        LabelFilter acmeReads = node.sharing().filterFor(node.sharing().authenticate(acme).orElseThrow());
        List<OrbitRecord> seen = node.catalog().latestOrbits(acmeReads);
        assertThat(seen).extracting(OrbitRecord::noradId).doesNotContainAnyElementsOf(hidden);
        assertThat(seen).hasSize(node.catalog().latestOrbits().size() - hidden.size());
        assertThat(seen).allSatisfy(o -> assertThat(o.label().releasability().isPublic()).isTrue());
    }
}
