package org.concord.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.reentry.ReentryKind;
import org.concord.reentry.ReentryReportKind;
import org.concord.product.TestKinds;
import org.concord.catalog.OrbitRecord;
import org.concord.conjunction.Conjunction;
import org.concord.screening.ScreeningRun;
import org.concord.http.ApiServer;
import org.concord.ingest.IngestRequest;
import org.concord.spaceweather.SpaceWeatherService;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.concord.node.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The property-based leak test: many generated worlds (group memberships, agreements, a caller of some party and
 * role) over one node holding orbit records and conjunctions under many labels, against every GET route the router
 * serves. Each answer is checked against an oracle written plainly here from the rules in docs/sharing.md: nothing
 * the caller may not see is returned, totals and statistics count exactly what it may see, and a forbidden item
 * answers exactly like a missing one. A route the test does not know fails it, so a new endpoint cannot go unchecked.
 */
@Execution(ExecutionMode.CONCURRENT)
class SharingLeakTest {

    private static final String NODE_PARTY = "GBR";
    private static final List<String> NATIONS = List.of("GBR", "USA", "AUS", "FRA");
    private static final List<String> GROUPS = List.of("CSPO", "FVEY");
    private static final List<String> ORIGINATORS = List.of("GBR", "USA", "AUS");
    /**
     * Source priorities: GBR's set before the ingest, AUS's after it (USA keeps 0). Each object's records are stored
     * GBR, USA, AUS, so at equal epochs GBR outranks later records.
     */
    private static final Map<String, Integer> PRIORITIES = Map.of("GBR", 10, "AUS", 5);
    private static final int WORLDS = Integer.getInteger("concord.leak.worlds", 1000);
    private static final long MISSING_ID = 987_654_321L;
    private static final long MISSING_NORAD = 99_990L;

    @TempDir
    static Path dataDirectory;

    private static Node node;
    private static ApiServer server;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the node holds, as the test stored it. */
    private record Orbit(long id, long noradId, Label label, Instant epoch) {
    }

    /**
     * A stored product of any kind as the oracle knows it: its label and its inputs' kinds and labels. The oracle's rule
     * is the same for every kind (docs/products.md), so a kind is covered the day it is registered; a kind of which
     * the test holds no product fails the test, so that its rule is never left unchecked.
     */
    private record Prod(DataKind code, DataKind kind, long id, Label label, List<Input> inputs) {
    }

    private record Input(DataKind kind, Label label) {
    }

    private static final List<Orbit> ORBITS = new ArrayList<>();
    /** Line 1 of each orbit record's TLE: what the bulk export of its object must carry when it is the newest. */
    private static final Map<Long, String> LINE1_BY_ORBIT = new HashMap<>();
    private static final List<Prod> PRODUCTS = new ArrayList<>();
    private static long runId;
    /** When the labels that expire during the test expire. */
    private static Instant labelExpiry;
    private static long reentryJob;
    /** Callers: anonymous (no token) and one user of every party and role. */
    private static final Map<String, Principal> CALLERS = new LinkedHashMap<>();

    @BeforeAll
    static void build() throws Exception {
        // the node serves the test product kinds too: the oracle covers every registered kind alike
        node = TestNodes.openWithTestKinds(dataDirectory, Map.of("CONCORD_NODE_PARTY", NODE_PARTY,
                "CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "1000000", "CONCORD_HTTP_ANONYMOUS_BURST", "1000000",
                // a TAXII collection every nation reads and writes: what each sees of it is the labels' business
                "CONCORD_TAXII_COLLECTION_1_ID", CyberLeaks.COLLECTION, "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "PUBLIC",
                "CONCORD_TAXII_COLLECTION_1_READ", String.join(",", NATIONS),
                "CONCORD_TAXII_COLLECTION_1_WRITE", String.join(",", NATIONS)));
        SharingService sharing = node.sharing();
        for (String nation : NATIONS) {
            if (!nation.equals(NODE_PARTY)) { // the node's own party is registered when the node opens
                sharing.addParty(nation, "nation " + nation, PartyKind.NATION, TestNodes.TEST_ADMIN);
            }
        }
        for (String group : GROUPS) {
            sharing.addParty(group, "group " + group, PartyKind.GROUP, TestNodes.TEST_ADMIN);
        }
        CALLERS.put("", Principal.anonymous());
        for (String nation : NATIONS) {
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase() + "-" + nation.toLowerCase();
                sharing.addUser(name, nation, role, TestNodes.TEST_ADMIN);
                String token = sharing.createToken(name, "leak test", Duration.ofDays(1), TestNodes.TEST_ADMIN).secret();
                CALLERS.put(token, sharing.authenticate(token).orElseThrow());
            }
        }
        sharing.setSourcePriority("GBR", PRIORITIES.get("GBR"), TestNodes.TEST_ADMIN);
        Random random = new Random(20261123L);
        // labels that expire once the setup is done (the test waits for it): long enough for a slow, loaded machine
        // to store everything before (8 s was not, at a load of 15), short enough not to slow the suite much
        Instant soon = Instant.now().plusSeconds(20);
        labelExpiry = soon;
        List<String[]> tles = tles("/catalog/subset_301obj_3le_2024-07.txt");
        for (int i = 0; i < 40; i++) {
            String[] tle = tles.get(i * 7);
            for (String originator : ORIGINATORS) {
                if (random.nextInt(3) == 0 && !originator.equals(ORIGINATORS.get(i % 3))) {
                    continue; // not every originator has every object; each object has at least one
                }
                Label label = randomLabel(random, originator, soon);
                String text = tle[0] + "\n" + shiftEpoch(tle[1], random.nextInt(5) * 0.1) + "\n" + tle[2] + "\n";
                node.ingest().ingest(new IngestRequest("leak-" + i + "-" + originator + ".tle",
                        text.getBytes(StandardCharsets.US_ASCII), Optional.of(label), "test", false,
                        Optional.empty()));
            }
        }
        sharing.setSourcePriority("AUS", PRIORITIES.get("AUS"), TestNodes.TEST_ADMIN);
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        uploadWithoutLabels(tles);
        for (long norad : node.catalog().findObjects(org.concord.catalog.ObjectQuery.all(1000),
                LabelFilter.UNRESTRICTED).items().stream().map(o -> o.noradId()).toList()) {
            for (OrbitRecord o : node.catalog().orbitHistory(norad, LabelFilter.UNRESTRICTED)) {
                ORBITS.add(new Orbit(o.id(), o.noradId(), o.label(), o.epoch()));
                LINE1_BY_ORBIT.put(o.id(), o.content().lines().filter(l -> l.startsWith("1 ")).findFirst()
                        .orElseThrow());
            }
        }
        assertThat(ORBITS.stream().filter(o -> ORBITS.stream().anyMatch(other -> other.noradId() == o.noradId()
                && other.epoch().equals(o.epoch()) && other.id() > o.id() && priority(other) < priority(o))).count())
                .as("records that outrank a later one at the same epoch by source priority").isGreaterThan(5);
        ScreeningRun run = node.screeningRuns().startRun(new ScreeningRun(0, ScreeningRun.Kind.ALL_VS_ALL,
                Optional.empty(), Instant.parse("2024-07-05T00:00:00Z"), Duration.ofDays(1),
                new org.concord.screening.ScreeningVolume.Sphere(5000), Optional.empty(), "test",
                Instant.now(), ScreeningRun.Status.RUNNING, 0, Optional.empty(), Optional.empty(), Optional.empty()));
        runId = run.id();
        List<Conjunction> found = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Orbit a = ORBITS.get(random.nextInt(ORBITS.size()));
            Orbit b = ORBITS.get(random.nextInt(ORBITS.size()));
            boolean fromCdm = i % 8 == 0;
            Label label = fromCdm ? randomLabel(random, ORIGINATORS.get(random.nextInt(3)), soon)
                    : a.label().combine(b.label(), NODE_PARTY);
            found.add(new Conjunction(0, a.noradId(), b.noradId(), fromCdm ? Optional.empty() : Optional.of(a.id()),
                    fromCdm ? Optional.empty() : Optional.of(b.id()), Instant.parse("2024-07-05T01:00:00Z")
                    .plusSeconds(i * 60L), 100 + i, 7000, 10, 20, 30, Optional.empty(), Optional.empty(),
                    Optional.of(runId), Optional.empty(), label, Optional.empty()));
        }
        node.screeningRuns().finishRun(runId, found, new ScreeningRun.Figures(ORBITS.size(), 0, 40, 40, 0, 0, 0, 0, 0,
                Optional.empty()));
        // a second report of some encounters under other labels (as partners' CDMs would be): the events built from
        // them have several updates and combine their labels
        for (int i = 0; i < 12; i++) {
            Conjunction c = found.get(i * 3);
            node.conjunctions().storeFromCdm(new Conjunction(0, c.secondaryNoradId(), c.primaryNoradId(),
                    Optional.empty(), Optional.empty(), c.tca().plusSeconds(30), c.missDistanceMeters() + 5, 7000, 1,
                    2, 3, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    randomLabel(random, ORIGINATORS.get(random.nextInt(ORIGINATORS.size())), soon),
                    Optional.empty()), org.concord.digest.Sha256.hex(("again " + i).getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(node.events().update()).as("conjunctions placed in events").isGreaterThan(40);
        screenAsPartners();
        for (int i = 0; i < 12; i++) {
            Orbit a = ORBITS.get(random.nextInt(ORBITS.size()));
            Orbit b = ORBITS.get(random.nextInt(ORBITS.size()));
            node.productService().store(org.concord.event.ProximityKind.INSTANCE, List.of(
                    org.concord.product.Product.of(new org.concord.event.Proximity(a.noradId(), b.noradId(),
                            Instant.parse("2024-07-05T00:00:00Z"), Instant.parse("2024-07-06T00:00:00Z"), 100 + i,
                            3000 + i, Duration.ofHours(20), 5000, Optional.of(runId)),
                            randomLabel(random, NODE_PARTY, soon), List.of(
                            new org.concord.product.ProductInput(org.concord.event.ProximityKind.PRIMARY,
                                    DataKind.ORBITS, a.id()),
                            new org.concord.product.ProductInput(org.concord.event.ProximityKind.SECONDARY,
                                    DataKind.ORBITS, b.id())))), NODE_PARTY);
        }
        for (int i = 0; i < 30; i++) {
            String originator = ORIGINATORS.get(random.nextInt(ORIGINATORS.size()));
            node.productService().store(TestKinds.NOTES, List.of(org.concord.product.Product.of(new TestKinds.Note(
                    "note " + i, Instant.parse("2024-07-05T00:00:00Z").plusSeconds(60L * i), i % 10),
                    randomLabel(random, originator, soon), List.of())), originator);
            node.productService().store(TestKinds.FLAGS, List.of(org.concord.product.Product.of(new TestKinds.Flag(
                    "flag " + i), randomLabel(random, originator, soon), List.of())), originator);
            Orbit input = ORBITS.get(random.nextInt(ORBITS.size()));
            node.productService().store(TestKinds.DERIVED, List.of(org.concord.product.Product.of(
                    new TestKinds.Remark(input.noradId(), "remark " + i), randomLabel(random, NODE_PARTY, soon),
                    List.of(new org.concord.product.ProductInput(TestKinds.ORBIT_ROLE, DataKind.ORBITS,
                            input.id())))), NODE_PARTY);
        }
        storeSpaceWeather(random, soon);
        CyberLeaks.store(node, random, ORBITS.stream().map(Orbit::noradId).distinct().toList(),
                originator -> randomLabel(random, originator, soon));
        CyberLeaks.postAs(base, TestNodes.token(node, "USA", Role.OPERATOR));
        for (int i = 0; i < 12; i++) {
            // re-entry predictions derived from every record of an object (several originators and labels)
            node.reentries().predict(ORBITS.get(random.nextInt(ORBITS.size())).noradId());
        }
        // re-entry notices, issued by the node's party under random labels and naming a random prediction: the
        // oracle's rule is the generic one, their inputs never being read back (an issued kind, docs/products.md)
        List<? extends org.concord.product.Product<?>> predictions = node.products().list(ReentryKind.INSTANCE,
                org.concord.product.ProductQuery.all(ReentryKind.INSTANCE, 10_000), LabelFilter.UNRESTRICTED).items();
        for (int i = 0; i < 12; i++) {
            org.concord.product.Product<?> prediction = predictions.get(random.nextInt(predictions.size()));
            Instant nominal = Instant.parse("2024-07-10T00:00:00Z").plus(Duration.ofHours(i));
            node.productService().store(org.concord.reentry.ReentryNoticeKind.INSTANCE, List.of(
                    org.concord.product.Product.of(new org.concord.reentry.ReentryNotice(
                            NATIONS.get(random.nextInt(NATIONS.size())), 25544 + i, Optional.of("notice " + i),
                            new org.concord.reentry.ReentryWindow(nominal.minus(Duration.ofHours(6)),
                                    nominal.plus(Duration.ofHours(9))), nominal, List.of(),
                            Instant.parse("2024-07-05T00:00:00Z").plusSeconds(i), Optional.empty()),
                            randomLabel(random, NODE_PARTY, soon), List.of(new org.concord.product.ProductInput(
                            org.concord.reentry.ReentryNoticeKind.PREDICTION, ReentryKind.REENTRIES,
                            prediction.id())))), NODE_PARTY);
        }
        // a re-entry job of the node's party (its progress, its failures: the node party's only)
        reentryJob = node.reentryJobs().start(300_000, NODE_PARTY,
                org.concord.ingest.LabelRules.privateTo(NODE_PARTY, NODE_PARTY)).id();
        // re-entry reports (Space-Track TIP messages), five or six rows at a time under a random label
        List<String> tipRows = new String(TestNodes.resource("/reentry/tip/spacetrack_tip_sample_2005-2019.csv"),
                StandardCharsets.UTF_8).lines().toList();
        for (int from = 1; from < tipRows.size(); from += 6) {
            String originator = ORIGINATORS.get(random.nextInt(ORIGINATORS.size()));
            node.reentryReports().ingest("leak-tip.csv", tipRows.getFirst() + "\n" + String.join("\n",
                    tipRows.subList(from, Math.min(from + 6, tipRows.size()))),
                    org.concord.catalog.SourceFormat.TIP_CSV, randomLabel(random, originator, soon), false);
        }
        for (org.concord.product.ProductKind<?> kind : node.productKinds().all()) {
            List<? extends org.concord.product.Product<?>> stored = node.products().list(kind,
                    org.concord.product.ProductQuery.all(kind, 10_000), LabelFilter.UNRESTRICTED).items();
            assertThat(stored).as("the leak test holds products of kind " + kind.dataKind()
                    + ": give it some, so that the oracle checks the kind's rule").isNotEmpty();
            for (org.concord.product.Product<?> p : stored) {
                Map<org.concord.product.ProductInput, Label> inputs = node.products().labelsOf(p.inputs());
                PRODUCTS.add(new Prod(kind.code(), kind.dataKind(), p.id(), p.label(), p.inputs().stream()
                        .map(i -> new Input(node.productKinds().of(i.kind())
                                .<DataKind>map(org.concord.product.ProductKind::dataKind).orElse(i.kind()),
                                inputs.get(i))).toList()));
            }
        }
        CyberLeaks.known(node);
        storeWatchesAndNotifications(random);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), soon).toMillis() + 100));
    }

    /** Each party's watches (id to party), and their notifications of random events, visible or not. */
    private static final Map<Long, String> WATCHES = new HashMap<>();
    private record Told(long id, String party, long eventId) {
    }
    private static final List<Told> NOTIFICATIONS = new ArrayList<>();

    /**
     * Two watches of every nation, and notifications of random events stored beside them (as an evaluation made in
     * another world would have): a party is shown its own watches, and only the notifications of events it may see
     * in the world of the moment.
     */
    private static void storeWatchesAndNotifications(Random random) {
        List<Prod> events = PRODUCTS.stream().filter(p -> p.code().equals(org.concord.event.EventKind.CODE))
                .toList();
        try (org.concord.store.Database db = org.concord.node.NodeDatabases.open(node.config())) {
            org.concord.store.JooqWatchStore store = new org.concord.store.JooqWatchStore(db);
            for (String nation : NATIONS) {
                for (int i = 0; i < 2; i++) {
                    org.concord.watch.Watch watch = node.watches().add(nation, new org.concord.watch.Watch.Terms(
                            ORBITS.get(random.nextInt(ORBITS.size())).noradId(), Optional.of(5000.0),
                            Optional.empty(), Duration.ofDays(7), Optional.empty()), TestNodes.TEST_ADMIN);
                    WATCHES.put(watch.id(), nation);
                    for (int k = 1; k <= 6; k++) {
                        Prod event = events.get(random.nextInt(events.size()));
                        Instant now = Instant.now();
                        store.addNotification(new org.concord.watch.Notification(0, watch.id(), nation, event.id(),
                                k, org.concord.watch.Notification.Reason.NEW, now, 1, 2, now, 100, Optional.empty(),
                                org.concord.watch.Notification.Status.LISTED, Optional.empty(), List.of()))
                                .ifPresent(n -> NOTIFICATIONS.add(new Told(n.id(), nation, event.id())));
                    }
                }
            }
        }
        assertThat(NOTIFICATIONS).hasSize(NATIONS.size() * 2 * 6);
    }

    /** Space weather index products by id: the start of each 3-hour interval they give a Kp for. */
    private static final Map<Long, List<Instant>> SW_INTERVALS = new HashMap<>();
    /** Space weather alerts (in force now) by product id: their serial numbers. */
    private static final Map<Long, Long> SW_SERIALS = new HashMap<>();

    /**
     * A day of indices for each of the last 30 days and an open SWPC alert issued an hour ago, each under a random
     * label of a random originator: the merged reads (the Kp series, the conditions now) must take only the visible.
     */
    private static void storeSpaceWeather(Random random, Instant soon) {
        Instant now = Instant.now();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        org.concord.catalog.Provenance provenance = new org.concord.catalog.Provenance("leak.csv", "0".repeat(64),
                now, "test");
        for (int i = 0; i < 30; i++) {
            String originator = ORIGINATORS.get(random.nextInt(ORIGINATORS.size()));
            double kp = i % 10;
            org.concord.spaceweather.DailyIndices day = new org.concord.spaceweather.DailyIndices(
                    today.minusDays(29 - i), org.concord.spaceweather.IndexStatus.OBSERVED, "celestrak-csv",
                    provenance, java.util.Collections.nCopies(8, java.util.OptionalDouble.of(kp)),
                    org.concord.spaceweather.DailyIndices.noAp(), java.util.OptionalLong.empty(),
                    org.concord.spaceweather.SolarFlux.observed(100 + i));
            long id = node.productService().store(org.concord.spaceweather.IndicesKind.INSTANCE, List.of(
                    org.concord.product.Product.of(day, randomLabel(random, originator, soon), List.of())
                            .withKey(org.concord.spaceweather.IndicesKind.keyOf(day))), originator).getFirst().id();
            List<Instant> starts = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                starts.add(day.intervalStart(k));
            }
            SW_INTERVALS.put(id, starts);
            org.concord.spaceweather.SpaceWeatherAlert alert = new org.concord.spaceweather.SpaceWeatherAlert(
                    "swpc", "ALTK05", java.util.OptionalLong.of(100 + i), now.minusSeconds(3600),
                    "ALERT: Geomagnetic K-index of 5", Optional.of("G1"), Optional.empty(), Optional.empty(),
                    org.concord.spaceweather.SpaceWeatherAlert.Change.ISSUE, java.util.OptionalLong.empty(),
                    "message " + i, provenance);
            long alertId = node.productService().store(org.concord.spaceweather.AlertsKind.INSTANCE, List.of(
                    org.concord.product.Product.of(alert, randomLabel(random, originator, soon), List.of())
                            .withKey(org.concord.spaceweather.AlertsKind.keyOf(alert))), originator).getFirst().id();
            SW_SERIALS.put(alertId, 100L + i);
        }
    }

    /** Orbit records and a CDM uploaded over HTTP without a label: the default must keep them private. */
    private static final Map<Long, String> UPLOADED_ORBITS = new LinkedHashMap<>();
    private static final List<Long> UPLOADED_CONJUNCTIONS = new ArrayList<>();

    /**
     * Operators of USA and AUS, an operator of the node's party and an administrator of it upload a TLE each with no
     * label and no rule; an AUS operator uploads a CDM the same way. Stored like any record, they enter the oracle.
     */
    private static void uploadWithoutLabels(List<String[]> tles) throws Exception {
        List<String> uploaders = List.of(TestNodes.token(node, "USA", Role.OPERATOR),
                TestNodes.token(node, "AUS", Role.OPERATOR), TestNodes.token(node, NODE_PARTY, Role.OPERATOR),
                TestNodes.adminToken(node));
        List<String> parties = List.of("USA", "AUS", NODE_PARTY, NODE_PARTY);
        for (int i = 0; i < uploaders.size(); i++) {
            String[] tle = tles.get(i * 7 + 1);
            JsonNode report = post(uploaders.get(i), "/api/v1/orbits?name=plan-" + i + ".tle",
                    (tle[0] + "\n" + tle[1] + "\n" + tle[2] + "\n").getBytes(StandardCharsets.US_ASCII));
            long norad = Long.parseLong(tle[2].substring(2, 7).trim());
            OrbitRecord stored = node.catalog().orbitHistory(norad, LabelFilter.UNRESTRICTED).getFirst();
            assertThat(report.at("/label/releasability").asText()).isEqualTo(stored.label().releasability().toString());
            UPLOADED_ORBITS.put(stored.id(), parties.get(i));
        }
        JsonNode alerts = post(TestNodes.token(node, "USA", Role.OPERATOR), "/api/v1/space-weather?name=alerts.json",
                TestNodes.resource("/spaceweather/swpc-alerts.json"));
        assertThat(alerts.at("/label/releasability").asText()).isEqualTo("REL TO " + NODE_PARTY + ",USA");
        assertThat(alerts.at("/label/tlp").asText()).isEqualTo("AMBER");
        assertThat(alerts.get("messagesStored").asInt()).isEqualTo(9);
        JsonNode cdm = post(TestNodes.token(node, "AUS", Role.OPERATOR), "/api/v1/orbits?name=warning.cdm",
                TestNodes.resource("/ccsds/cdm/AlfanoTestCase01.cdm"));
        assertThat(cdm.get("stored").asInt()).isEqualTo(1);
        node.conjunctions().findConjunctions(new org.concord.product.ProductQuery(java.util.Map.of(), org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().get(0), 1000, Optional.empty()), LabelFilter.UNRESTRICTED)
                .items().forEach(c -> UPLOADED_CONJUNCTIONS.add(c.id()));
        assertThat(UPLOADED_CONJUNCTIONS).hasSize(1);
    }

    /** Screening runs for partner parties, by id: the party each was run for. */
    private static final Map<Long, String> PARTNER_RUNS = new LinkedHashMap<>();

    /**
     * An operator of USA and an analyst of AUS each screen, one-vs-all, an object of their own party against what
     * their party may read (docs/screening.md): the conjunctions and proximities stored enter the oracle like any
     * product, and their runs are seen by their own party and the node's only.
     */
    private static void screenAsPartners() throws Exception {
        int found = 0;
        for (Map.Entry<String, Role> partner : Map.of("USA", Role.OPERATOR, "AUS", Role.ANALYST).entrySet()) {
            String token = TestNodes.token(node, partner.getKey(), partner.getValue());
            LabelFilter readable = node.sharing().filterFor(node.sharing().authenticate(token).orElseThrow());
            long primary = node.catalog().latestOrbits(readable).stream()
                    .filter(o -> o.label().originator().equals(partner.getKey())).findFirst().orElseThrow().noradId();
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/screenings")).header("Authorization", "Bearer " + token).POST(
                    HttpRequest.BodyPublishers.ofString("{\"start\":\"2024-07-05T00:00:00Z\",\"windowSeconds\":86400,"
                            + "\"thresholdMeters\":1000000,\"primaryNoradId\":" + primary + ",\"wait\":true}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body());
            PARTNER_RUNS.put(answer.at("/run/id").asLong(), partner.getKey());
            found += answer.get("conjunctions").size();
        }
        assertThat(found).as("conjunctions found by partners' screenings").isPositive();
    }

    private static JsonNode post(String token, String path, byte[] body) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static int priority(Orbit o) {
        return PRIORITIES.getOrDefault(o.label().originator(), 0);
    }

    private static Label orbitLabel(long orbitId) {
        return ORBITS.stream().filter(o -> o.id() == orbitId).findFirst().orElseThrow().label();
    }

    private static Label randomLabel(Random random, String originator, Instant soon) {
        List<Releasability> rels = List.of(Releasability.PUBLIC, Releasability.NOBODY, Releasability.to("GBR"),
                Releasability.to("GBR", "USA"), Releasability.to("USA", "AUS"), Releasability.to("CSPO"),
                Releasability.to("FVEY", "FRA"), Releasability.to(originator));
        Tlp tlp = Tlp.values()[random.nextInt(Tlp.values().length)];
        int e = random.nextInt(6);
        Optional<Instant> expiry = e == 0 ? Optional.of(soon) : e == 1 ? Optional.of(Instant.parse("2099-01-01T00:00:00Z"))
                : Optional.empty();
        return new Label(originator, rels.get(random.nextInt(rels.size())), tlp, new TreeSet<>(), expiry);
    }

    // ---------------------------------------------------------------------------------------------- the oracle

    /** One world: group memberships and agreements, as the node holds them now. */
    private record World(Map<String, Set<String>> members, List<Agreement> agreements) {

        Set<String> expand(Set<String> codes) {
            Set<String> out = new HashSet<>();
            ArrayDeque<String> todo = new ArrayDeque<>(codes);
            while (!todo.isEmpty()) {
                String c = todo.pop();
                if (out.add(c)) {
                    todo.addAll(members.getOrDefault(c, Set.of()));
                }
            }
            return out;
        }

        boolean releases(String grantor, String to, DataKind kind, boolean thirdParty, Instant now) {
            return agreements.stream().anyMatch(a -> a.grantor().equals(grantor) && a.kinds().contains(kind)
                    && (!thirdParty || a.includesThirdParty()) && a.revokedAt().isEmpty()
                    && !now.isBefore(a.validFrom()) && a.validTo().map(now::isBefore).orElse(true)
                    && expand(a.recipients()).contains(to));
        }

        /** docs/sharing.md, rule by rule. */
        boolean sees(Principal caller, Label l, DataKind kind, Instant now) {
            if (l.expiry().isPresent() && !l.expiry().get().isAfter(now)) {
                return false;
            }
            boolean open = l.releasability().isPublic() && l.tlp() == Tlp.CLEAR;
            if (caller.party().isEmpty()) {
                return open;
            }
            String p = caller.party().get();
            if (p.equals(l.originator()) || open) {
                return true;
            }
            if (!l.releasability().isPublic() && !expand(l.releasability().parties()).contains(p)) {
                return false;
            }
            boolean foreign = !l.originator().equals(NODE_PARTY);
            if (l.tlp() == Tlp.RED && !l.releasability().parties().contains(p)) {
                return false;
            }
            if ((l.tlp() == Tlp.RED || l.tlp() == Tlp.AMBER_STRICT) && foreign && !p.equals(NODE_PARTY)) {
                return false;
            }
            if (p.equals(NODE_PARTY)) {
                return true;
            }
            return releases(l.originator(), p, kind, false, now)
                    && (!foreign || releases(NODE_PARTY, p, kind, true, now));
        }

        /** A product: its own label admits the caller for its kind, and every input's for the input's kind. */
        boolean sees(Principal caller, Prod p, Instant now) {
            return sees(caller, p.label(), p.kind(), now)
                    && p.inputs().stream().allMatch(i -> sees(caller, i.label(), i.kind(), now));
        }

        Set<Long> visibleProducts(Principal caller, DataKind code, Instant now) {
            Set<Long> ids = new HashSet<>();
            PRODUCTS.stream().filter(p -> p.code().equals(code) && sees(caller, p, now)).forEach(p -> ids.add(p.id()));
            return ids;
        }

        List<Orbit> visibleOrbits(Principal caller, Instant now) {
            return ORBITS.stream().filter(o -> sees(caller, o.label(), DataKind.ORBITS, now)).toList();
        }

        /** Each visible object's latest visible orbit: newest epoch, then higher source priority, then higher id. */
        Map<Long, Orbit> newestVisible(Principal caller, Instant now) {
            Map<Long, Orbit> newest = new HashMap<>();
            for (Orbit o : visibleOrbits(caller, now)) {
                newest.merge(o.noradId(), o, (x, y) -> x.epoch().compareTo(y.epoch()) != 0
                        ? (x.epoch().isAfter(y.epoch()) ? x : y)
                        : priority(x) != priority(y) ? (priority(x) > priority(y) ? x : y)
                        : (x.id() > y.id() ? x : y));
            }
            return newest;
        }
    }

    /**
     * What one caller may see in one world at one time, each set computed once for all the world's routes (the oracle
     * is read by several client threads at once).
     */
    private record View(World world, Principal caller, Instant now, Map<Long, Orbit> newest,
                        Set<Long> visibleOrbitIds, Map<DataKind, Set<Long>> products) {

        View(World world, Principal caller, Instant now) {
            this(world, caller, now, world.newestVisible(caller, now), new HashSet<>(), new ConcurrentHashMap<>());
            world.visibleOrbits(caller, now).forEach(o -> visibleOrbitIds.add(o.id()));
        }

        Set<Long> visibleProducts(DataKind code) {
            return products.computeIfAbsent(code, c -> world.visibleProducts(caller, c, now));
        }
    }

    /**
     * A world's oracle takes its time once, when the world starts: a world must not straddle the moment some labels
     * expire, or the node and the oracle would judge them at different sides of it.
     */
    private static void waitOutTheLabelExpiry() throws InterruptedException {
        Duration untilExpiry = Duration.between(Instant.now(), labelExpiry);
        if (untilExpiry.compareTo(Duration.ofSeconds(10)) < 0 && !untilExpiry.isNegative()) {
            Thread.sleep(untilExpiry.plusSeconds(1).toMillis());
        }
    }

    private static World randomWorld(Random random) {
        SharingService sharing = node.sharing();
        for (String group : GROUPS) {
            for (String nation : NATIONS) {
                boolean member = sharing.groupMembers().getOrDefault(group, Set.of()).contains(nation);
                if (member != (random.nextInt(2) == 0)) {
                    if (member) {
                        sharing.removeMember(group, nation, TestNodes.TEST_ADMIN);
                    } else {
                        sharing.addMember(group, nation, TestNodes.TEST_ADMIN);
                    }
                }
            }
        }
        for (Agreement a : sharing.agreements()) {
            if (a.revokedAt().isEmpty()) {
                sharing.revokeAgreement(a.id(), TestNodes.TEST_ADMIN);
            }
        }
        int count = random.nextInt(6);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            SortedSet<String> to = new TreeSet<>();
            List<String> recipients = new ArrayList<>(NATIONS);
            recipients.addAll(GROUPS);
            for (String r : recipients) {
                if (random.nextInt(3) == 0) {
                    to.add(r);
                }
            }
            if (to.isEmpty()) {
                to.add(recipients.get(random.nextInt(recipients.size())));
            }
            Set<DataKind> kinds = new java.util.TreeSet<DataKind>();
            kinds.add(random.nextBoolean() ? DataKind.ORBITS : DataKind.CONJUNCTIONS);
            if (random.nextBoolean()) {
                List<DataKind> served = List.copyOf(node.sharing().kinds().all());
                kinds.add(served.get(random.nextInt(served.size())));
            }
            int timing = random.nextInt(5);
            Instant from = timing == 0 ? now.plus(Duration.ofDays(3)) : now.minus(Duration.ofDays(10));
            Optional<Instant> until = timing == 1 ? Optional.of(now.minus(Duration.ofDays(1)))
                    : timing == 2 ? Optional.of(now.plus(Duration.ofDays(30))) : Optional.empty();
            sharing.addAgreement(new SharingService.Terms(ORIGINATORS.get(random.nextInt(ORIGINATORS.size())), to,
                    kinds, random.nextBoolean(), from, until), TestNodes.TEST_ADMIN);
        }
        return new World(sharing.groupMembers(), sharing.agreements());
    }

    // ---------------------------------------------------------------------------------------------- the test

    private record Reply(int status, String body, JsonNode json, HttpResponse<String> response) {
    }

    private static Reply get(String token, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            json = JSON.readTree(response.body());
        }
        return new Reply(response.statusCode(), response.body(), json, response);
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    /**
     * The default label of an upload without one: releasable to the uploading party and the node's own party only,
     * TLP:AMBER. Anonymous callers and other parties (whatever their agreements) get exactly the missing answer.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anUploadWithoutALabelReachesOnlyTheUploaderAndTheNodesParty() throws Exception {
        for (Map.Entry<Long, String> upload : UPLOADED_ORBITS.entrySet()) {
            Label label = node.catalog().findOrbit(upload.getKey(), LabelFilter.UNRESTRICTED).orElseThrow().label();
            assertThat(label).isEqualTo(new Label(upload.getValue(), Releasability.to(upload.getValue(), NODE_PARTY),
                    Tlp.AMBER, new TreeSet<>(), Optional.empty()));
        }
        Label cdmLabel = node.conjunctions().findConjunction(UPLOADED_CONJUNCTIONS.getFirst(),
                LabelFilter.UNRESTRICTED).orElseThrow().label();
        assertThat(cdmLabel.releasability()).isEqualTo(Releasability.to("AUS", NODE_PARTY));
        assertThat(cdmLabel.tlp()).isEqualTo(Tlp.AMBER);
        for (Map.Entry<String, Principal> caller : CALLERS.entrySet()) {
            Optional<String> party = caller.getValue().party();
            for (Map.Entry<Long, String> upload : UPLOADED_ORBITS.entrySet()) {
                boolean mayRead = party.map(p -> p.equals(upload.getValue()) || p.equals(NODE_PARTY)).orElse(false);
                assertThat(get(caller.getKey(), "/api/v1/orbits/" + upload.getKey()).status())
                        .as(caller.getValue().name() + " reading the upload of " + upload.getValue())
                        .isEqualTo(mayRead ? 200 : 404);
            }
            boolean mayReadCdm = party.map(p -> p.equals("AUS") || p.equals(NODE_PARTY)).orElse(false);
            assertThat(get(caller.getKey(), "/api/v1/conjunctions/" + UPLOADED_CONJUNCTIONS.getFirst()).status())
                    .as(caller.getValue().name() + " reading the uploaded CDM").isEqualTo(mayReadCdm ? 200 : 404);
        }
    }

    /**
     * A partner party's screening results are labelled to it and the node's party, never wider (nor PUBLIC): every
     * other caller, whatever agreements are in force, finds none of them.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aPartnersScreeningResultsReachOnlyThatPartyAndTheNodesParty() throws Exception {
        randomWorld(new Random(11L));
        for (Map.Entry<Long, String> run : PARTNER_RUNS.entrySet()) {
            String party = run.getValue();
            List<Conjunction> found = node.screening().conjunctionsOf(node.screening().findRun(run.getKey())
                    .orElseThrow(), LabelFilter.UNRESTRICTED);
            assertThat(found).allSatisfy(c -> {
                assertThat(c.label().originator()).isEqualTo(party);
                assertThat(c.label().releasability().isPublic()).isFalse();
                assertThat(Set.of(party, NODE_PARTY)).containsAll(c.label().releasability().parties());
            });
            for (Map.Entry<String, Principal> caller : CALLERS.entrySet()) {
                if (caller.getValue().party().map(p -> p.equals(party) || p.equals(NODE_PARTY)).orElse(false)) {
                    continue;
                }
                assertThat(get(caller.getKey(), "/api/v1/conjunctions?runId=" + run.getKey()).json().get("total")
                        .asLong()).as(caller.getValue().name() + " reading " + party + "'s run").isZero();
                assertThat(get(caller.getKey(), "/api/v1/proximities?runId=" + run.getKey()).json().get("total")
                        .asLong()).as(caller.getValue().name() + " reading " + party + "'s run").isZero();
                assertThat(get(caller.getKey(), "/api/v1/screenings/" + run.getKey()).status())
                        .as(caller.getValue().name()).isEqualTo(404);
            }
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void noWorldLetsAnyCallerSeeOrInferWhatItMayNot() throws Exception {
        List<String> getRoutes = server.routes().stream().filter(r -> r.startsWith("GET ")).map(r -> r.substring(4))
                .toList();
        assertThat(getRoutes).contains("/api/v1/objects", "/api/v1/conjunctions/{id}");
        Random random = new Random(7L);
        List<String> tokens = new ArrayList<>(CALLERS.keySet());
        int checkedForbidden = 0;
        // The routes of one world are checked by a few client threads at once (the node serves them on both cores);
        // each route draws from its own generator, seeded in order from the world's, so a run is reproducible.
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            for (int w = 0; w < WORLDS; w++) {
                waitOutTheLabelExpiry();
                World world = randomWorld(random);
                String token = tokens.get(random.nextInt(tokens.size()));
                Principal caller = CALLERS.get(token);
                String context = "world " + w + ", caller " + caller.name() + ", agreements "
                        + world.agreements().stream().filter(a -> a.revokedAt().isEmpty()).map(AgreementsText::of)
                        .toList() + ", groups " + world.members();
                View view = new View(world, caller, Instant.now());
                List<Future<Integer>> checks = new ArrayList<>();
                for (String route : getRoutes) {
                    Random ofRoute = new Random(random.nextLong());
                    checks.add(clients.submit(() -> checkRoute(route, token, caller, view, ofRoute, context)));
                }
                for (Future<Integer> check : checks) {
                    try {
                        checkedForbidden += check.get();
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof Error error) {
                            throw error;
                        }
                        throw (Exception) e.getCause();
                    }
                }
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(checkedForbidden).as("forbidden items compared with missing ones").isGreaterThan(WORLDS);
    }

    /** A compact text of an agreement for failure messages. */
    private static final class AgreementsText {
        static String of(Agreement a) {
            return a.grantor() + "->" + a.recipients() + a.kinds() + (a.includesThirdParty() ? "+3rd" : "")
                    + "[" + a.validFrom() + "," + a.validTo().map(Instant::toString).orElse("") + ")";
        }
    }

    /** Checks one route for one caller in one world; returns how many forbidden-versus-missing comparisons it made. */
    /** A page that holds the whole world: callers without a token get at most 100 items a page. */
    private static String wholePage(Principal caller) {
        return "?limit=" + (caller.isAnonymous() ? 100 : 1000);
    }

    private static int checkRoute(String route, String token, Principal caller, View view, Random random,
                                  String context) throws Exception {
        World world = view.world();
        Instant now = view.now();
        Map<Long, Orbit> newest = view.newest();
        Set<Long> visibleOrbitIds = view.visibleOrbitIds();
        boolean nodeParty = caller.party().map(NODE_PARTY::equals).orElse(false);
        String what = context + ", GET " + route;
        for (org.concord.product.ProductKind<?> kind : node.productKinds().all()) {
            Set<Long> visible = view.visibleProducts(kind.code());
            if (route.equals("/api/v1/" + kind.path())) {
                Reply r = get(token, route + wholePage(caller));
                assertThat(r.json().get("total").asLong()).as(what).isEqualTo(visible.size());
                Set<Long> shown = new HashSet<>();
                r.json().get("items").forEach(i -> shown.add(i.get("id").asLong()));
                assertThat(shown).as(what).isEqualTo(visible);
                return 0;
            }
            if (route.startsWith("/api/v1/" + kind.path() + "/{id}")) {
                List<Prod> ofKind = PRODUCTS.stream().filter(p -> p.code().equals(kind.code())).toList();
                Prod any = ofKind.get(random.nextInt(ofKind.size()));
                return checkItem(route, "id", any.id(), visible.contains(any.id()), token, what, Map.of(), Set.of());
            }
        }
        switch (route) {
            case CyberLeaks.DISCOVERY, CyberLeaks.API_ROOT, CyberLeaks.COLLECTIONS, CyberLeaks.COLLECTION_PATH,
                 CyberLeaks.OBJECTS, CyberLeaks.MANIFEST, CyberLeaks.OBJECT, CyberLeaks.VERSIONS, CyberLeaks.STATUS -> {
                Set<Long> visible = view.visibleProducts(org.concord.cyber.CyberKind.CYBER);
                return CyberLeaks.checkTaxii(route, caller, visible, random, what,
                        path -> get(token, path).response());
            }
            case CyberLeaks.LINKED -> {
                long norad = CyberLeaks.linkedNorad(random);
                if (!newest.containsKey(norad)) {
                    return checkItem(route, "noradId", norad, false, token, what, newest, visibleOrbitIds);
                }
                Set<Long> visible = view.visibleProducts(org.concord.cyber.CyberKind.CYBER);
                CyberLeaks.checkLinked(norad, visible, get(token, route.replace("{noradId}", Long.toString(norad)))
                        .response(), what);
                return 0;
            }
            case CyberLeaks.GROUND_STATION -> {
                String station = CyberLeaks.linkedStation(random);
                Set<Long> visible = view.visibleProducts(org.concord.cyber.CyberKind.CYBER);
                CyberLeaks.checkGroundStation(station, visible, get(token, route.replace("{stationId}", station))
                        .response(), what);
                return 0;
            }
            case "/api/v1/status" -> {
                Reply r = get(token, route);
                assertThat(r.json().at("/catalog/objects").asLong()).as(what).isEqualTo(newest.size());
                assertThat(r.json().at("/catalog/orbitRecords").asLong()).as(what).isEqualTo(visibleOrbitIds.size());
                return 0;
            }
            case "/api/v1/objects" -> {
                Reply r = get(token, route + wholePage(caller));
                assertThat(r.json().get("total").asLong()).as(what).isEqualTo(newest.size());
                Map<Long, Long> shown = new HashMap<>();
                r.json().get("items").forEach(i -> shown.put(i.get("noradId").asLong(),
                        i.at("/latestOrbit/id").asLong()));
                Map<Long, Long> expected = new HashMap<>();
                newest.forEach((norad, o) -> expected.put(norad, o.id()));
                assertThat(shown).as(what).isEqualTo(expected);
                if (random.nextInt(10) == 0) {
                    // small pages, a few sort keys: the pages together are exactly the visible objects, each once
                    String sort = List.of("-epoch", "perigee", "noradId", "-noradId").get(random.nextInt(4));
                    List<Long> paged = new ArrayList<>();
                    String cursor = "";
                    do {
                        JsonNode page = get(token, route + "?limit=7&sort=" + sort + cursor).json();
                        page.get("items").forEach(i -> paged.add(i.get("noradId").asLong()));
                        cursor = page.get("nextCursor").isNull() ? ""
                                : "&cursor=" + page.get("nextCursor").asText();
                    } while (!cursor.isEmpty());
                    assertThat(paged).as(what + " paged by " + sort).doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(expected.keySet());
                }
                return 0;
            }
            case "/api/v1/screenings" -> {
                Reply r = get(token, route);
                Set<Long> shown = new HashSet<>();
                r.json().get("items").forEach(i -> shown.add(i.get("id").asLong()));
                Set<Long> partners = new HashSet<>();
                PARTNER_RUNS.forEach((id, party) -> {
                    if (caller.party().equals(Optional.of(party))) {
                        partners.add(id);
                    }
                });
                if (nodeParty) {
                    assertThat(shown).as(what).contains(runId).containsAll(PARTNER_RUNS.keySet());
                } else {
                    assertThat(shown).as(what + ": a partner party sees the runs run for it").isEqualTo(partners);
                }
                return 0;
            }
            case "/api/v1/agreements" -> {
                Reply r = get(token, route);
                if (caller.isAnonymous()) {
                    assertThat(r.status()).as(what).isEqualTo(401);
                    return 0;
                }
                for (JsonNode a : r.json().get("items")) {
                    boolean concerns = a.get("grantor").asText().equals(caller.party().get())
                            || a.get("recipients").toString().contains("\"" + caller.party().get() + "\"");
                    assertThat(nodeParty || concerns).as(what + ": " + a).isTrue();
                }
                return 0;
            }
            case "/api/v1/parties" -> {
                assertThat(get(token, route).status()).as(what).isEqualTo(caller.isAnonymous() ? 401 : 200);
                return 0;
            }
            case "/api/v1/federation/bundles" -> {
                // partner nodes only, by node signature: a token, whatever its role, gets nothing
                Reply r = get(token, route + "?after=0");
                assertThat(r.status()).as(what).isEqualTo(401);
                assertThat(r.body()).as(what)
                        .doesNotContain("orbits");
                return 0;
            }
            case "/api/v1/statistics" -> {
                JsonNode b = get(token, route).json();
                assertThat(b.get("objects").asLong()).as(what).isEqualTo(newest.size());
                assertThat(b.get("withoutOrbit").asLong()).as(what).isZero();
                return 0;
            }
            case "/api/v1/elements" -> {
                List<String> expected = new ArrayList<>();
                new java.util.TreeMap<>(newest).values().forEach(o -> expected.add(LINE1_BY_ORBIT.get(o.id())));
                assertThat(get(token, route + "?format=tle").body().lines().filter(l -> l.startsWith("1 ")))
                        .as(what).containsExactlyElementsOf(expected);
                return 0;
            }
            case "/basicspacedata/query/<query>" -> {
                List<String> expected = new ArrayList<>();
                new java.util.TreeMap<>(newest).values().forEach(o -> expected.add(LINE1_BY_ORBIT.get(o.id())));
                assertThat(get(token, "/basicspacedata/query/class/gp/format/tle").body().lines()
                        .filter(l -> l.startsWith("1 "))).as(what).containsExactlyElementsOf(expected);
                Orbit any = ORBITS.get(random.nextInt(ORBITS.size()));
                List<String> history = new ArrayList<>();
                ORBITS.stream().filter(o -> o.noradId() == any.noradId() && visibleOrbitIds.contains(o.id()))
                        .forEach(o -> history.add(LINE1_BY_ORBIT.get(o.id())));
                assertThat(get(token, "/basicspacedata/query/class/gp_history/NORAD_CAT_ID/" + any.noradId()
                        + "/format/tle").body().lines().filter(l -> l.startsWith("1 "))).as(what)
                        .containsExactlyInAnyOrderElementsOf(history);
                return 0;
            }
            case "/NORAD/elements/gp.php" -> {
                Orbit any = ORBITS.get(random.nextInt(ORBITS.size()));
                String body = get(token, route + "?CATNR=" + any.noradId() + "&FORMAT=2le").body();
                if (newest.containsKey(any.noradId())) {
                    assertThat(body.lines().findFirst()).as(what)
                            .contains(LINE1_BY_ORBIT.get(newest.get(any.noradId()).id()));
                } else {
                    assertThat(body).as(what).isEqualTo(org.concord.input.CelestrakQuery.NO_DATA);
                }
                return 0;
            }
            case "/api/v1/users", "/api/v1/tokens", "/api/v1/federation/peers", "/api/v1/federation/metrics",
                 "/metrics", "/api/v1/connectors" -> {
                int expected = caller.isAnonymous() ? 401 : nodeParty && caller.mayAdminister() ? 200 : 403;
                assertThat(get(token, route).status()).as(what).isEqualTo(expected);
                return 0;
            }
            case "/api/v1/watches", "/api/v1/notifications" -> {
                Reply r = get(token, route + (route.endsWith("notifications") ? "?limit=1000" : ""));
                if (caller.isAnonymous()) {
                    assertThat(r.status()).as(what).isEqualTo(401);
                    return 0;
                }
                Set<Long> shown = new HashSet<>();
                r.json().get("items").forEach(i -> shown.add(i.get("id").asLong()));
                String party = caller.party().orElseThrow();
                Set<Long> expected = new HashSet<>();
                if (route.endsWith("watches")) {
                    WATCHES.forEach((id, of) -> {
                        if (of.equals(party)) {
                            expected.add(id);
                        }
                    });
                } else {
                    Set<Long> events = view.visibleProducts(org.concord.event.EventKind.CODE);
                    NOTIFICATIONS.stream().filter(n -> n.party().equals(party) && events.contains(n.eventId()))
                            .forEach(n -> expected.add(n.id()));
                }
                assertThat(shown).as(what).isEqualTo(expected);
                return 0;
            }
            case "/api/v1/node/key" -> {
                assertThat(get(token, route).status()).as(what).isIn(200, 404);
                return 0;
            }
            case "/api/v1/audit/checkpoints/latest" -> {
                if (caller.isAnonymous()) {
                    assertThat(get(token, route).status()).as(what + ": the log's size is for callers with a token")
                            .isEqualTo(401);
                    return 0;
                }
                assertThat(get(token, route).status()).as(what).isIn(200, 404);
                return 0;
            }
            case "/api/v1/audit/entries" -> {
                Reply r = get(token, route + "?limit=1000");
                if (caller.isAnonymous()) {
                    assertThat(r.status()).as(what).isEqualTo(401);
                    return 0;
                }
                assertThat(r.status()).as(what).isEqualTo(200);
                for (JsonNode e : r.json().get("items")) {
                    String party = caller.party().get();
                    boolean concerns = e.get("originators").toString().contains("\"" + party + "\"")
                            || party.equals(e.get("actorParty").asText());
                    assertThat(nodeParty || concerns).as(what + ": " + e).isTrue();
                    if (!nodeParty && !party.equals(e.get("actorParty").asText())) {
                        // what another party's actor was served is named only as far as it is the caller's own
                        assertThat(e.get("originators")).as(what + ": " + e).allMatch(o -> o.asText().equals(party));
                        if (!e.get("whole").asBoolean()) {
                            assertThat(e.get("entry").isNull() && e.get("leafHash").isNull()).as(what + ": " + e)
                                    .isTrue();
                        }
                    }
                }
                return 0;
            }
            case "/api/v1/audit/proofs/consistency" -> {
                node.audit().flush();
                long size = node.audit().size();
                Reply r = get(token, route + "?from=1&to=" + size);
                assertThat(r.status()).as(what).isEqualTo(caller.isAnonymous() ? 401 : 200);
                return 0;
            }
            case "/api/v1/audit/proofs/inclusion" -> {
                node.audit().flush();
                long size = node.audit().size();
                long index = random.nextLong(size);
                Reply r = get(token, route + "?index=" + index + "&treeSize=" + size);
                if (caller.isAnonymous()) {
                    assertThat(r.status()).as(what).isEqualTo(401);
                    return 0;
                }
                org.concord.audit.AuditEvent event = node.audit().entry(index).orElseThrow().event();
                String party = caller.party().get();
                boolean whole = event.actorParty().map(party::equals).orElse(false)
                        || event.originators().equals(new java.util.TreeSet<>(Set.of(party)));
                if (nodeParty || whole) {
                    assertThat(r.status()).as(what + " index " + index).isEqualTo(200);
                    return 0;
                }
                // Every index below the tree size exists (the size is public in checkpoints): what must not show is
                // the entry, nor anything about it.
                assertThat(r.status()).as(what + " index " + index).isEqualTo(404);
                assertThat(r.body()).as(what).isEqualTo("{\"error\":{\"status\":404,\"message\":\"no audit entry "
                        + index + " that concerns " + party + " and that it may see whole\",\"errors\":[]}}");
                return 0;
            }
            case "/api/v1/space-weather/kp" -> {
                Set<Long> visible = view.visibleProducts(org.concord.spaceweather.IndicesKind.INSTANCE.code());
                List<Instant> expected = new ArrayList<>();
                SW_INTERVALS.forEach((id, starts) -> {
                    if (visible.contains(id)) {
                        expected.addAll(starts);
                    }
                });
                JsonNode r = get(token, route + "?from=" + now.minus(Duration.ofDays(40)) + "&to="
                        + now.plus(Duration.ofDays(2))).json();
                List<Instant> shown = new ArrayList<>();
                r.get("start").forEach(t -> shown.add(Instant.parse(t.asText())));
                assertThat(shown).as(what).containsExactlyInAnyOrderElementsOf(expected);
                return 0;
            }
            case "/api/v1/space-weather/now" -> {
                Set<Long> alerts = view.visibleProducts(org.concord.spaceweather.AlertsKind.INSTANCE.code());
                Set<Long> indices = view.visibleProducts(org.concord.spaceweather.IndicesKind.INSTANCE.code());
                JsonNode r = get(token, route).json();
                Set<Long> shown = new HashSet<>();
                r.get("alertsInForce").forEach(a -> shown.add(a.get("serialNumber").asLong()));
                Set<Long> expected = new HashSet<>();
                SW_SERIALS.forEach((id, serial) -> {
                    if (alerts.contains(id)) {
                        expected.add(serial);
                    }
                });
                assertThat(shown).as(what).isEqualTo(expected);
                Optional<Instant> latest = SW_INTERVALS.entrySet().stream().filter(e -> indices.contains(e.getKey()))
                        .flatMap(e -> e.getValue().stream()).filter(t -> !t.isAfter(Instant.now())
                                && t.isAfter(Instant.now().minus(SpaceWeatherService.LATEST_KP_LOOKBACK)))
                        .max(Instant::compareTo);
                assertThat(r.get("kp").isNull() ? Optional.empty()
                        : Optional.of(Instant.parse(r.at("/kp/start").asText()))).as(what).isEqualTo(latest);
                return 0;
            }
            case "/api/v1/objects/{noradId}/reentries" -> {
                // the node's predictions and the reports of others of one object, each as its own label admits
                List<Prod> ofObject = PRODUCTS.stream().filter(p -> p.code().equals(ReentryKind.INSTANCE.code())
                        || p.code().equals(ReentryReportKind.INSTANCE.code())).toList();
                long norad = noradIdOf(ofObject.get(random.nextInt(ofObject.size())));
                Set<Long> expected = new HashSet<>();
                for (org.concord.label.DataKind code : List.of(ReentryKind.INSTANCE.code(),
                        ReentryReportKind.INSTANCE.code())) {
                    Set<Long> visible = view.visibleProducts(code);
                    ofObject.stream().filter(p -> p.code().equals(code) && visible.contains(p.id())
                            && noradIdOf(p) == norad).forEach(p -> expected.add(p.id()));
                }
                JsonNode r = get(token, route.replace("{noradId}", Long.toString(norad))).json();
                Set<Long> shown = new HashSet<>();
                r.get("predictions").forEach(i -> shown.add(i.get("id").asLong()));
                r.get("reports").forEach(i -> shown.add(i.get("id").asLong()));
                assertThat(shown).as(what).isEqualTo(expected);
                return 0;
            }
            case "/api/v1/whoami", "/api/v1/openapi.yaml", "/api/v1/openapi.json" -> {
                assertThat(get(token, route).status()).as(what).isEqualTo(200);
                return 0;
            }
            case "/", "/console/{file}", "/console/{folder}/{file}", "/console/cesium/<path>" -> {
                // the console's page and modules carry no data: the same bytes for every caller
                String file = route.replace("<path>", "Widgets/CesiumWidget/CesiumWidget.css")
                        .replace("{folder}", "views").replace("{file}", route.contains("{folder}")
                        ? "conjunctions.js" : "app.js");
                Reply r = get(token, file);
                assertThat(r.status()).as(what).isEqualTo(200);
                assertThat(r.body()).as(what).isEqualTo(get("", file).body());
                return 0;
            }
            default -> {
                return checkItemRoute(route, token, caller, world, random, what, newest, visibleOrbitIds, nodeParty);
            }
        }
    }

    private static int checkItemRoute(String route, String token, Principal caller, World world, Random random,
                                      String what, Map<Long, Orbit> newest, Set<Long> visibleOrbitIds,
                                      boolean nodeParty) throws Exception {
        Matcher m = PARAM.matcher(route);
        List<String> params = new ArrayList<>();
        while (m.find()) {
            params.add(m.group(1));
        }
        if (params.size() != 1) {
            fail("the leak test does not know the route GET " + route + ": teach it the route's oracle");
        }
        String param = params.get(0);
        long id;
        boolean visible;
        switch (param) {
            case "noradId" -> {
                Orbit any = ORBITS.get(random.nextInt(ORBITS.size()));
                id = any.noradId();
                visible = newest.containsKey(id);
            }
            case "orbitId" -> {
                Orbit any = ORBITS.get(random.nextInt(ORBITS.size()));
                id = any.id();
                visible = visibleOrbitIds.contains(id);
            }
            case "runId" -> {
                List<Long> runs = new ArrayList<>(PARTNER_RUNS.keySet());
                runs.add(runId);
                id = runs.get(random.nextInt(runs.size()));
                visible = nodeParty || PARTNER_RUNS.containsKey(id)
                        && caller.party().equals(Optional.of(PARTNER_RUNS.get(id)));
            }
            case "jobId" -> {
                // a re-entry job is its party's (the node's): every other caller finds it missing
                id = reentryJob;
                visible = nodeParty;
            }
            case "agreementId" -> {
                List<Agreement> all = world.agreements();
                Optional<Agreement> a = all.isEmpty() ? Optional.empty()
                        : Optional.of(all.get(random.nextInt(all.size())));
                id = a.map(Agreement::id).orElse(MISSING_ID - 1);
                visible = !caller.isAnonymous() && a.isPresent() && (nodeParty
                        || a.get().grantor().equals(caller.party().get())
                        || a.get().recipients().contains(caller.party().get()));
                if (caller.isAnonymous()) {
                    assertThat(get(token, route.replace("{agreementId}", Long.toString(id))).status()).as(what)
                            .isEqualTo(401);
                    return 0;
                }
            }
            default -> {
                fail("the leak test does not know the path parameter {" + param + "} of GET " + route);
                return 0;
            }
        }
        return checkItem(route, param, id, visible, token, what, newest, visibleOrbitIds);
    }

    /**
     * One item route for one id: a visible item answers as the oracle says; a forbidden one answers exactly as a
     * missing one does (returns 1 for that comparison).
     */
    private static int checkItem(String route, String param, long id, boolean visible, String token, String what,
                                 Map<Long, Orbit> newest, Set<Long> visibleOrbitIds) throws Exception {
        long missing = param.equals("noradId") ? MISSING_NORAD : MISSING_ID;
        String query = route.endsWith("/ephemeris") ? "?from=2024-07-05T00:00:00Z&to=2024-07-05T00:10:00Z&step=60s"
                : "";
        Reply reply = get(token, route.replace("{" + param + "}", Long.toString(id)) + query);
        String subject = what + " id " + id;
        if (visible) {
            assertThat(reply.status()).as(subject + " -> " + reply.body()).isIn(200, 409, 422);
            checkVisibleItem(route, reply, id, newest, visibleOrbitIds, subject);
            return 0;
        }
        Reply absent = get(token, route.replace("{" + param + "}", Long.toString(missing)) + query);
        assertThat(reply.status()).as(subject + " -> " + reply.body()).isEqualTo(absent.status());
        assertThat(normalized(reply, id)).as(subject).isEqualTo(normalized(absent, missing));
        return 1;
    }

    /** The object of a re-entry prediction or report. */
    private static long noradIdOf(Prod p) {
        return p.code().equals(ReentryKind.INSTANCE.code())
                ? node.products().find(ReentryKind.INSTANCE, p.id(), LabelFilter.UNRESTRICTED).orElseThrow().value()
                        .noradId()
                : node.products().find(ReentryReportKind.INSTANCE, p.id(), LabelFilter.UNRESTRICTED).orElseThrow()
                        .value().noradId();
    }

    /** An answer with the id it was asked about replaced, so that answers about two ids compare. */
    private static String normalized(Reply reply, long id) {
        String idPattern = "(?<!\\d)" + id + "(?!\\d)";
        if (reply.json() == null || !reply.json().has("error")) {
            return reply.status() + " " + reply.body().replaceAll(idPattern, "ID");
        }
        JsonNode error = reply.json().get("error");
        return reply.status() + " " + error.get("status").asInt() + " "
                + error.get("message").asText().replaceAll(idPattern, "ID") + " " + error.get("errors");
    }

    /** A visible item shows what the oracle says: the newest visible orbit, only visible history. */
    private static void checkVisibleItem(String route, Reply reply, long id, Map<Long, Orbit> newest,
                                         Set<Long> visibleOrbitIds, String subject) {
        switch (route) {
            case "/api/v1/objects/{noradId}" -> {
                Orbit latest = newest.get(id);
                assertThat(reply.json().at("/latestOrbit/id").asLong()).as(subject).isEqualTo(latest.id());
                assertThat(reply.json().at("/latestOrbitChoice/orbitId").asLong()).as(subject).isEqualTo(latest.id());
                assertThat(reply.json().at("/latestOrbitChoice/alternatives").asLong()).as(subject)
                        .isEqualTo(ORBITS.stream().filter(o -> o.noradId() == id && o.id() != latest.id()
                                && o.epoch().equals(latest.epoch()) && visibleOrbitIds.contains(o.id())).count());
                String reason = reply.json().at("/latestOrbitChoice/reason").asText();
                ORBITS.stream().filter(o -> o.noradId() == id && !visibleOrbitIds.contains(o.id()))
                        .forEach(o -> assertThat(reason).as(subject + ": names no hidden record")
                                .doesNotContain("record " + o.id() + " "));
            }
            case "/api/v1/objects/{noradId}/orbits" -> {
                Set<Long> shown = new HashSet<>();
                reply.json().get("items").forEach(i -> shown.add(i.get("id").asLong()));
                Set<Long> expected = new HashSet<>();
                ORBITS.stream().filter(o -> o.noradId() == id && visibleOrbitIds.contains(o.id()))
                        .forEach(o -> expected.add(o.id()));
                assertThat(shown).as(subject).isEqualTo(expected);
            }
            case "/api/v1/objects/{noradId}/cyber/stix" -> {
                Orbit latest = newest.get(id);
                assertThat(reply.json().get("orbitId").asLong()).as(subject).isEqualTo(latest.id());
                assertThat(reply.json().at("/label/tlp").asText()).as(subject).isEqualTo(latest.label().tlp().code());
                assertThat(reply.json().at("/object/object_marking_refs/0").asText()).as(subject)
                        .isEqualTo(org.concord.cyber.SpaceObjectStix.markingOf(latest.label().tlp()));
            }
            case "/api/v1/objects/{noradId}/elements", "/api/v1/objects/{noradId}/ephemeris" ->
                    assertThat(reply.response().headers().firstValue("X-Concord-Orbit-Id").orElse(""))
                            .as(subject).isEqualTo(Long.toString(newest.get(id).id()));
            default -> {
                // orbits/{id}, conjunctions/{id}[/cdm], screenings/{id}, agreements/{id}: visible means found
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- data

    private static List<String[]> tles(String resource) {
        String[] lines = new String(TestNodes.resource(resource), StandardCharsets.US_ASCII).split("\\R");
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            out.add(new String[] {lines[i], lines[i + 1], lines[i + 2]});
        }
        return out;
    }

    /** The same element set at an epoch {@code days} earlier, with its checksum recomputed. */
    private static String shiftEpoch(String line1, double days) {
        double epoch = Double.parseDouble(line1.substring(18, 32).trim()) - days;
        String shifted = line1.substring(0, 18) + String.format(java.util.Locale.ROOT, "%014.8f", epoch)
                + line1.substring(32, 68);
        int sum = 0;
        for (char c : shifted.toCharArray()) {
            sum += Character.isDigit(c) ? c - '0' : c == '-' ? 1 : 0;
        }
        return shifted + (sum % 10);
    }
}
