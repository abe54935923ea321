package org.concord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.concord.access.Party;
import org.concord.access.PartyKind;
import org.concord.catalog.LatestOrbitChoice;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.RecallOutcome;
import org.concord.catalog.RelabelOutcome;
import org.concord.catalog.SpaceObject;
import org.concord.conjunction.Conjunction;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningVolume;
import org.concord.ingest.IngestRequest;
import org.concord.ingest.IngestService;
import org.concord.ingest.LabelRules;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An object's latest orbit by the documented rule (newest epoch, then the originator's source priority, then the most
 * recently stored) and the recall of a record, on every database Concord supports
 * ({@link H2SourcePriorityAndRecallTest}, {@link PostgresSourcePriorityAndRecallTest}).
 */
abstract class SourcePriorityAndRecallContract {

    private static final Instant NOW = Instant.parse("2024-07-20T12:00:00Z");
    private static final Label GBR = Label.publicFrom("GBR");
    private static final Label USA = Label.publicFrom("USA");
    /** Released to GBR alone: a USA caller does not see it. */
    private static final Label AUS_TO_GBR = Label.parse("originator=AUS;rel=REL TO GBR;tlp=AMBER",
            Label.publicFrom("AUS"));

    protected TestDatabases.Handle handle;
    protected Database db;
    protected JooqCatalogStore store;
    protected JooqSharingStore sharing;
    protected IngestService ingest;

    protected abstract TestDatabases.Handle newDatabase();

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    @BeforeEach
    void openDatabase() {
        handle = newDatabase();
        db = handle.open();
        store = new JooqCatalogStore(db);
        sharing = new JooqSharingStore(db);
        ingest = new IngestService(store, new JooqConjunctionStore(db, new org.concord.store.JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS)), new org.concord.reentry.ReentryReports(new org.concord.product.ProductService(new org.concord.store.JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS)), store), org.concord.risk.HardBodyRadii.bundled(),
                new LabelRules(Label.publicFrom("TEST"), List.of()), 64L << 20, Clock.fixed(NOW, ZoneOffset.UTC),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        for (String code : List.of("GBR", "USA", "AUS")) {
            sharing.addParty(new Party(code, "nation " + code, PartyKind.NATION, NOW, 0));
        }
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
        if (handle != null) {
            handle.close();
        }
    }

    private void ingestAs(Label label, byte[] file) {
        ingest.ingest(new IngestRequest(label.originator() + ".tle", file, Optional.of(label), "tester", false,
                Optional.empty()));
    }

    private Map<Long, String> latestOriginators() {
        return store.latestOrbits().stream().collect(Collectors.toMap(OrbitRecord::noradId,
                o -> o.label().originator()));
    }

    private OrbitRecord latest(long noradId, LabelFilter filter) {
        return store.findObject(noradId, filter).orElseThrow().latestOrbit().orElseThrow();
    }

    private OrbitRecord recordOf(long noradId, String originator) {
        return store.orbitHistory(noradId, LabelFilter.UNRESTRICTED).stream()
                .filter(o -> o.label().originator().equals(originator)).findFirst().orElseThrow();
    }

    private static List<Long> noradIds(byte[] file) {
        List<Long> ids = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.US_ASCII).split("\n")) {
            if (line.startsWith("1 ")) {
                ids.add(Long.parseLong(line.substring(2, 7).trim()));
            }
        }
        return ids;
    }

    /** What a caller of USA sees: every label but AUS's release to GBR alone. */
    private LabelFilter usaCaller() {
        Map<Long, String> labels = new HashMap<>();
        db.dsl().fetch("select id, originator, releasability from label")
                .forEach(r -> labels.put(r.get(0, Long.class), r.get(1, String.class) + "|" + r.get(2, String.class)));
        Set<Long> hidden = labels.entrySet().stream().filter(e -> e.getValue().startsWith("AUS|"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<Long> visible = labels.keySet().stream().filter(id -> !hidden.contains(id)).collect(Collectors.toSet());
        long knownUpTo = labels.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        return new LabelFilter(false, knownUpTo, Set.of(), Map.of(DataKind.ORBITS, visible, DataKind.EPHEMERIDES,
                visible), Map.of(DataKind.ORBITS, hidden, DataKind.EPHEMERIDES, hidden));
    }

    // ---------------------------------------------------------------------------------------------- priority

    @Test
    void atEqualEpochTheHigherPriorityWinsAndAPriorityChangeRanksTheTiedObjectsAgain() {
        byte[] file = CatalogSamples.slice(0, 20);
        List<Long> objects = noradIds(file);
        ingestAs(GBR, file);
        ingestAs(USA, file);
        assertThat(latestOriginators().values()).as("equal priorities: the most recently stored").containsOnly("USA");

        assertThat(sharing.setSourcePriority("GBR", 10)).isEqualTo(20);
        assertThat(latestOriginators()).hasSize(20).allSatisfy((norad, originator) ->
                assertThat(originator).isEqualTo("GBR"));
        for (long norad : objects) {
            assertThat(latest(norad, LabelFilter.UNRESTRICTED).label().originator()).isEqualTo("GBR");
            assertThat(store.orbitHistory(norad, LabelFilter.UNRESTRICTED)).extracting(o -> o.label().originator())
                    .containsExactly("GBR", "USA");
            assertThat(store.latestMeanElements(norad, LabelFilter.UNRESTRICTED).orElseThrow().label().originator())
                    .isEqualTo("GBR");
        }
        assertThat(store.findObjects(ObjectQuery.all(100), LabelFilter.UNRESTRICTED).items())
                .extracting(o -> o.latestOrbit().orElseThrow().label().originator()).containsOnly("GBR");
        assertThat(sharing.setSourcePriority("GBR", 10)).as("nothing to change").isZero();
        assertThat(sharing.parties()).filteredOn(p -> p.code().equals("GBR")).extracting(Party::sourcePriority)
                .containsExactly(10);

        assertThat(sharing.setSourcePriority("USA", 20)).isEqualTo(20);
        assertThat(latestOriginators().values()).containsOnly("USA");
        assertThat(sharing.setSourcePriority("USA", -1)).isEqualTo(20);
        assertThat(latestOriginators().values()).containsOnly("GBR");
    }

    @Test
    void anIngestRanksByPriorityButANewerEpochWinsWhateverItsPriority() {
        sharing.setSourcePriority("GBR", 10);
        List<String[]> sets = CatalogSamples.elementSets().subList(0, 10);
        ingestAs(GBR, CatalogSamples.join(sets));
        ingestAs(USA, CatalogSamples.join(sets));
        assertThat(latestOriginators().values()).as("a later, lower-priority record at the same epoch")
                .containsOnly("GBR");

        String[] first = sets.get(0);
        long norad = noradIds(CatalogSamples.join(List.<String[]>of(first))).get(0);
        ingestAs(USA, (first[0] + "\n" + shiftEpoch(first[1], -0.5) + "\n" + first[2] + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        OrbitRecord newest = latest(norad, LabelFilter.UNRESTRICTED);
        assertThat(newest.label().originator()).isEqualTo("USA");
        assertThat(store.latestOrbitChoice(newest, LabelFilter.UNRESTRICTED).rule())
                .isEqualTo(LatestOrbitChoice.Rule.NEWEST_EPOCH);
        assertThat(sharing.setSourcePriority("GBR", 100)).as("GBR ranks first already; the newer USA record stays")
                .isZero();
        assertThat(latest(norad, LabelFilter.UNRESTRICTED).id()).isEqualTo(newest.id());
    }

    @Test
    void aCallerWhoMayNotSeeTheBestRecordGetsTheBestItMaySeeAndAChoiceNamingOnlyThat() {
        byte[] file = CatalogSamples.slice(30, 40);
        ingestAs(USA, file);
        ingestAs(GBR, file);
        ingestAs(AUS_TO_GBR, file);
        sharing.setSourcePriority("AUS", 10);
        sharing.setSourcePriority("USA", 5);
        LabelFilter usa = usaCaller();
        for (long norad : noradIds(file)) {
            OrbitRecord best = latest(norad, LabelFilter.UNRESTRICTED);
            assertThat(best.label().originator()).isEqualTo("AUS");
            LatestOrbitChoice all = store.latestOrbitChoice(best, LabelFilter.UNRESTRICTED);
            assertThat(all.rule()).isEqualTo(LatestOrbitChoice.Rule.SOURCE_PRIORITY);
            assertThat(all.alternatives()).extracting(LatestOrbitChoice.Source::originator)
                    .containsExactly("USA", "GBR");
            assertThat(all.reason()).contains("2 other records at the same epoch")
                    .contains("from USA (priority 5) ranks below AUS (priority 10)")
                    .contains("from GBR (priority 0) ranks below AUS (priority 10)");

            OrbitRecord seen = latest(norad, usa);
            assertThat(seen.label().originator()).as("USA outranks the later GBR record").isEqualTo("USA");
            LatestOrbitChoice choice = store.latestOrbitChoice(seen, usa);
            assertThat(choice.chosen()).isEqualTo(new LatestOrbitChoice.Source(seen.id(), "USA", 5));
            assertThat(choice.alternatives()).extracting(LatestOrbitChoice.Source::originator).containsExactly("GBR");
            assertThat(choice.reason()).doesNotContain("AUS").doesNotContain("record " + best.id() + " ");
            assertThat(store.findObjects(ObjectQuery.all(100), usa).items()).filteredOn(o -> o.noradId() == norad)
                    .extracting(o -> o.latestOrbit().orElseThrow().id()).containsExactly(seen.id());
        }
        // what a screening for USA screens: the same record of each object, none it may not see
        Map<Long, Long> screenedForUsa = store.latestOrbits(usa).stream().collect(Collectors.toMap(
                OrbitRecord::noradId, OrbitRecord::id));
        for (long norad : noradIds(file)) {
            assertThat(screenedForUsa.get(norad)).as("object " + norad).isEqualTo(latest(norad, usa).id());
        }
        assertThat(store.latestOrbits(usa)).noneMatch(o -> o.label().originator().equals("AUS"));

        sharing.setSourcePriority("USA", 0);
        long norad = noradIds(file).get(0);
        OrbitRecord seen = latest(norad, usa);
        assertThat(seen.label().originator()).as("equal priorities: the later stored").isEqualTo("GBR");
        LatestOrbitChoice choice = store.latestOrbitChoice(seen, usa);
        assertThat(choice.rule()).isEqualTo(LatestOrbitChoice.Rule.MOST_RECENTLY_STORED);
        assertThat(choice.reason()).contains("has the same priority and was stored earlier");
        // lists follow at once (they reuse what they computed only while the catalog is unchanged)
        assertThat(store.findObjects(ObjectQuery.all(100), usa).items()).filteredOn(o -> o.noradId() == norad)
                .extracting(o -> o.latestOrbit().orElseThrow().id()).containsExactly(seen.id());
        store.recall(seen.contentSha256(), "GBR");
        assertThat(store.findObjects(ObjectQuery.all(100), usa).items()).filteredOn(o -> o.noradId() == norad)
                .extracting(o -> o.latestOrbit().orElseThrow().label().originator()).containsExactly("USA");
    }

    @Test
    void aNameSearchFindsAnObjectWhoseNewestRecordIsHiddenByTheNameItShowsNeverByTheHiddenName() {
        List<String[]> sets = CatalogSamples.elementSets().subList(30, 40);
        ingestAs(GBR, CatalogSamples.join(sets));
        // a newer record of each object under another name, which a USA caller may not see
        StringBuilder renamed = new StringBuilder();
        for (String[] set : sets) {
            renamed.append("0 ZZ SECRET NAME\n").append(shiftEpoch(set[1], -1)).append('\n').append(set[2])
                    .append('\n');
        }
        ingestAs(AUS_TO_GBR, renamed.toString().getBytes(StandardCharsets.US_ASCII));
        LabelFilter usa = usaCaller();
        long norad = noradIds(CatalogSamples.join(sets)).get(0);
        assertThat(store.findObject(norad, LabelFilter.UNRESTRICTED).orElseThrow().name()).isEqualTo("ZZ SECRET NAME");
        String shown = store.findObject(norad, usa).orElseThrow().name();
        assertThat(shown).isEqualTo(sets.get(0)[0].substring(2).trim());
        List<Long> bearingIt = sets.stream().filter(s -> s[0].substring(2).trim().toLowerCase(java.util.Locale.ROOT)
                .contains(shown.toLowerCase(java.util.Locale.ROOT))).map(s -> noradIds(CatalogSamples.join(
                List.<String[]>of(s))).get(0)).sorted().toList();
        for (ObjectQuery.SortKey key : ObjectQuery.SortKey.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                String what = key + (descending ? " desc" : " asc");
                var secret = store.findObjects(query("secret", key, descending), usa);
                assertThat(secret.items()).as(what).isEmpty();
                assertThat(secret.total()).as(what).isZero();
                var found = store.findObjects(query(shown.toLowerCase(java.util.Locale.ROOT), key, descending), usa);
                assertThat(found.items()).as(what).extracting(SpaceObject::noradId)
                        .containsExactlyInAnyOrderElementsOf(bearingIt);
                assertThat(found.items()).as(what).allSatisfy(o -> {
                    assertThat(o.name()).isNotEqualTo("ZZ SECRET NAME");
                    assertThat(o.latestOrbit().orElseThrow().label().originator()).isEqualTo("GBR");
                });
                assertThat(found.total()).as(what).isEqualTo(bearingIt.size());
                assertThat(store.findObjects(query("secret", key, descending), LabelFilter.UNRESTRICTED).total())
                        .as(what + ", unrestricted").isEqualTo(sets.size());
            }
        }
    }

    private static ObjectQuery query(String name, ObjectQuery.SortKey sort, boolean descending) {
        ObjectQuery all = ObjectQuery.all(100);
        return new ObjectQuery(List.of(), Optional.empty(), Optional.of(name), Optional.empty(), Optional.empty(),
                all.perigeeKm(), all.apogeeKm(), all.inclinationDeg(), all.periodMinutes(), Optional.empty(),
                all.now(), sort, descending, 100, Optional.empty());
    }

    @Test
    void changesByAnotherProcessNeverShowAHiddenRecordAndShowWithinTheRecheckTime() throws Exception {
        String[] set = CatalogSamples.elementSets().get(30);
        long norad = noradIds(CatalogSamples.join(List.<String[]>of(set))).get(0);
        ingestAs(USA, CatalogSamples.join(List.<String[]>of(set)));
        ingestAs(GBR, CatalogSamples.slice(40, 41));
        ingestAs(AUS_TO_GBR, CatalogSamples.slice(41, 42));
        LabelFilter usa = usaCaller();
        OrbitRecord fromUsa = latest(norad, usa);
        assertThat(fromUsa.label().originator()).isEqualTo("USA");

        // another process: its own pool, store and ingest on the same database
        try (Database otherProcess = handle.open()) {
            JooqCatalogStore otherStore = new JooqCatalogStore(otherProcess);
            IngestService otherIngest = new IngestService(otherStore, new JooqConjunctionStore(otherProcess, new org.concord.store.JooqProductStore(otherProcess, org.concord.node.Node.PRODUCT_KINDS)), new org.concord.reentry.ReentryReports(new org.concord.product.ProductService(new org.concord.store.JooqProductStore(otherProcess, org.concord.node.Node.PRODUCT_KINDS)), otherStore),
                    org.concord.risk.HardBodyRadii.bundled(), new LabelRules(Label.publicFrom("TEST"), List.of()),
                    64L << 20, Clock.fixed(NOW, ZoneOffset.UTC), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            java.util.function.BiConsumer<Label, String> otherIngests = (label, line1) -> otherIngest.ingest(
                    new IngestRequest("other.tle", (set[0] + "\n" + line1 + "\n" + set[2] + "\n")
                            .getBytes(StandardCharsets.US_ASCII), Optional.of(label), "other", false,
                            Optional.empty()));

            otherIngests.accept(AUS_TO_GBR, shiftEpoch(set[1], -0.2));
            assertThat(latest(norad, LabelFilter.UNRESTRICTED).label().originator()).isEqualTo("AUS");
            assertThat(latest(norad, usa).id()).as("at once: the newest record is hidden, the USA one shows")
                    .isEqualTo(fromUsa.id());
            Thread.sleep(CatalogVersion.RECHECK_NANOS / 1_000_000 + 50);
            assertThat(latest(norad, usa).id()).isEqualTo(fromUsa.id());

            otherIngests.accept(GBR, shiftEpoch(set[1], -0.1));
            OrbitRecord fromGbr = recordOf(norad, "GBR");
            assertThat(latest(norad, usa).id()).as("at once: the USA record or the newer GBR one, never AUS's")
                    .isIn(fromUsa.id(), fromGbr.id());
            Thread.sleep(CatalogVersion.RECHECK_NANOS / 1_000_000 + 50);
            assertThat(latest(norad, usa).id()).as("within the recheck time").isEqualTo(fromGbr.id());
            assertThat(store.findObjects(ObjectQuery.all(100), usa).items()).filteredOn(o -> o.noradId() == norad)
                    .extracting(o -> o.latestOrbit().orElseThrow().id()).containsExactly(fromGbr.id());

            otherStore.recall(fromGbr.contentSha256(), "GBR");
            assertThat(latest(norad, usa).id()).as("at once: the record shown before is gone, the next one shows")
                    .isEqualTo(fromUsa.id());
        }
    }

    @Test
    void underANegativePriorityTheLaterOfTwoRecordsAtOneEpochIsStillTheLatest() {
        sharing.setSourcePriority("USA", -1);
        String[] set = CatalogSamples.elementSets().get(80);
        long norad = noradIds(CatalogSamples.join(List.<String[]>of(set))).get(0);
        ingestAs(USA, CatalogSamples.join(List.<String[]>of(set)));
        ingestAs(USA, CatalogSamples.join(List.<String[]>of(new String[] {set[0] + " RENAMED", set[1], set[2]})));
        List<OrbitRecord> history = store.orbitHistory(norad, LabelFilter.UNRESTRICTED);
        assertThat(history).hasSize(2);
        long later = Math.max(history.get(0).id(), history.get(1).id());
        assertThat(history.get(0).id()).isEqualTo(later);
        assertThat(latest(norad, LabelFilter.UNRESTRICTED).id()).isEqualTo(later);
        assertThat(latest(norad, usaCaller()).id()).isEqualTo(later);
        assertThat(db.dsl().fetch("select orbit_id from object_label_latest where norad_id = " + norad)
                .getValues(0, Long.class)).containsExactly(later);
    }

    // ---------------------------------------------------------------------------------------------- recall

    private record Setup(List<Long> objects, ScreeningRun run) {
    }

    /** Ten objects from GBR and USA (USA the latest), and conjunctions between neighbours' latest records. */
    private Setup tenObjectsWithConjunctions() {
        byte[] file = CatalogSamples.slice(50, 60);
        ingestAs(GBR, file);
        ingestAs(USA, file);
        List<OrbitRecord> latest = store.latestOrbits();
        JooqProductStore products = new JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS);
        JooqScreeningRunStore runs = new JooqScreeningRunStore(db, products);
        ScreeningRun run = runs.startRun(new ScreeningRun(0, ScreeningRun.Kind.ALL_VS_ALL, Optional.empty(),
                Instant.parse("2024-07-05T00:00:00Z"), java.time.Duration.ofDays(1), new ScreeningVolume.Sphere(5000),
                Optional.empty(), "tester", NOW, ScreeningRun.Status.RUNNING, 0, Optional.empty(), Optional.empty(),
                Optional.empty()));
        List<Conjunction> found = new ArrayList<>();
        for (int i = 0; i + 1 < latest.size(); i++) {
            OrbitRecord a = latest.get(i);
            OrbitRecord b = latest.get(i + 1);
            found.add(new Conjunction(0, a.noradId(), b.noradId(), Optional.of(a.id()), Optional.of(b.id()),
                    Instant.parse("2024-07-05T01:00:00Z").plusSeconds(60L * i), 100 + i, 7000, 10, 20, 30,
                    Optional.empty(), Optional.empty(), Optional.of(run.id()), Optional.empty(),
                    a.label().combine(b.label(), "TEST"), Optional.empty()));
        }
        runs.finishRun(run.id(), found, new ScreeningRun.Figures(10, 0, 9, 9, 0, 0, 0, 0, 0,
                Optional.empty()));
        return new Setup(latest.stream().map(OrbitRecord::noradId).toList(), run);
    }

    private List<Conjunction> conjunctionsOf(ScreeningRun run) {
        return new JooqConjunctionStore(db, new org.concord.store.JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS)).findConjunctions(new org.concord.product.ProductQuery(java.util.Map.of("runId", run.id()), org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().get(0), 100, Optional.empty()), LabelFilter.UNRESTRICTED).items();
    }

    @Test
    void recallRemovesTheRecordAndItsConjunctionsAndRanksTheObjectAgain() {
        Setup s = tenObjectsWithConjunctions();
        long norad = s.objects().get(4);
        OrbitRecord usa = recordOf(norad, "USA");
        assertThat(latest(norad, LabelFilter.UNRESTRICTED).id()).isEqualTo(usa.id());
        long orbitsBefore = store.statistics(LabelFilter.UNRESTRICTED).orbitRecords();

        RecallOutcome outcome = store.recall(usa.contentSha256(), "USA");

        assertThat(outcome).isEqualTo(new RecallOutcome(1, 2, Optional.of(norad)));
        assertThat(store.findOrbit(usa.id(), LabelFilter.UNRESTRICTED)).isEmpty();
        assertThat(store.statistics(LabelFilter.UNRESTRICTED).orbitRecords()).isEqualTo(orbitsBefore - 1);
        OrbitRecord gbr = recordOf(norad, "GBR");
        assertThat(latest(norad, LabelFilter.UNRESTRICTED).id()).isEqualTo(gbr.id());
        assertThat(latestOriginators()).containsEntry(norad, "GBR");
        assertThat(db.dsl().fetchValue("select latest_label_id from space_object where norad_id = " + norad,
                Long.class)).isEqualTo(db.dsl().fetchValue("select label_id from orbit_record where id = " + gbr.id(),
                Long.class));
        assertThat(db.dsl().fetch("select orbit_id from object_label_latest where norad_id = " + norad)
                .getValues(0, Long.class)).containsExactly(gbr.id());
        List<Conjunction> left = conjunctionsOf(s.run());
        assertThat(left).hasSize(7).noneMatch(c -> c.primaryOrbitId().equals(Optional.of(usa.id()))
                || c.secondaryOrbitId().equals(Optional.of(usa.id())));

        assertThat(store.recall(usa.contentSha256(), "USA")).as("idempotent").isEqualTo(RecallOutcome.NOTHING);
        assertThat(store.recall(usa.contentSha256(), "FRA")).isEqualTo(RecallOutcome.NOTHING);
        assertThat(conjunctionsOf(s.run())).hasSize(7);
    }

    /**
     * An issued product (a re-entry notice, docs/products.md) is visible by its own label whatever its input's, is read
     * back without its input, and when the input goes (here with the recalled record it was derived from) is marked
     * withdrawn in its withdrawal column, unlinked and logged restated, so that the feed sends it again; no longer
     * listed.
     */
    @Test
    void anIssuedProductIsVisibleByItsOwnLabelAndIsMarkedWithdrawnAndRestatedWhenItsInputGoes() {
        ingestAs(USA, CatalogSamples.slice(50, 51));
        OrbitRecord record = store.latestOrbits().getFirst();
        org.concord.product.ProductService products = new org.concord.product.ProductService(
                new JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS));
        Instant nominal = Instant.parse("2024-07-21T00:00:00Z");
        org.concord.reentry.ReentryWindow window = new org.concord.reentry.ReentryWindow(
                nominal.minusSeconds(21_600), nominal.plusSeconds(21_600));
        List<org.concord.reentry.Overflight> overAustralia = List.of(new org.concord.reentry.Overflight(
                new org.concord.territory.Territory(Optional.of("AUS"), "Australia"), window.opens(), window.closes()));
        var prediction = products.store(org.concord.reentry.ReentryKind.INSTANCE, List.of(
                org.concord.product.Product.of(new org.concord.reentry.ReentryPrediction(record.noradId(),
                        record.epoch(), 1, org.concord.reentry.ReentryClass.UNCONTROLLED,
                        org.concord.reentry.ReentryOutcome.WINDOW, Optional.empty(), Optional.of(nominal),
                        Optional.of(window), window.closes(), "NRLMSISE-00", "test", "test", NOW,
                        org.concord.reentry.GroundTrack.NONE, overAustralia), Label.parse(
                        "originator=USA;rel=REL TO USA;tlp=AMBER", USA), List.of(new org.concord.product.ProductInput(
                        "set-1", DataKind.ORBITS, record.id())))), "USA").getFirst();
        org.concord.reentry.ReentryNoticeKind kind = org.concord.reentry.ReentryNoticeKind.INSTANCE;
        var notice = products.store(kind, List.of(org.concord.product.Product.of(new org.concord.reentry.ReentryNotice(
                "AUS", record.noradId(), Optional.empty(), window, nominal, overAustralia, NOW, Optional.empty()),
                Label.parse("originator=USA;rel=REL TO AUS;tlp=AMBER", USA), List.of(
                        new org.concord.product.ProductInput(org.concord.reentry.ReentryNoticeKind.PREDICTION,
                                org.concord.reentry.ReentryKind.REENTRIES, prediction.id())))), "USA").getFirst();
        long labels = number("select max(id) from label");
        LabelFilter noticesOnly = new LabelFilter(false, labels, Set.of(kind.dataKind()), Map.of(), Map.of());
        JooqProductStore read = new JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS);
        assertThat(read.find(org.concord.reentry.ReentryKind.INSTANCE, prediction.id(), noticesOnly)).isEmpty();
        assertThat(read.find(kind, notice.id(), noticesOnly)).as("visible by its own label").isPresent()
                .get().satisfies(n -> assertThat(n.inputs()).as("never read back").isEmpty());
        assertThat(number("select count(*) from product_input where product_kind = 'reentry-notices' and"
                + " withdrawal_column = 'withdrawn_at' and input_id = " + prediction.id())).isEqualTo(1);
        long restatedBefore = number("select count(*) from product_restated where product_kind = 'reentry-notices'");

        assertThat(store.recall(record.contentSha256(), "USA").productsRemoved()).isEqualTo(2);

        assertThat(read.find(org.concord.reentry.ReentryKind.INSTANCE, prediction.id(), LabelFilter.UNRESTRICTED))
                .isEmpty();
        assertThat(read.find(kind, notice.id(), LabelFilter.UNRESTRICTED)).as("withdrawn: not found").isEmpty();
        assertThat(read.list(kind, org.concord.product.ProductQuery.all(kind, 10), LabelFilter.UNRESTRICTED)
                .total()).isZero();
        assertThat(number("select count(*) from reentry_notice where withdrawn_at is not null and id = "
                + notice.id())).as("kept, marked, to travel").isEqualTo(1);
        assertThat(number("select count(*) from product_restated where product_kind = 'reentry-notices' and"
                + " product_id = " + notice.id())).isEqualTo(restatedBefore + 1);
        assertThat(number("select count(*) from product_input where product_kind = 'reentry-notices'")).isZero();
    }

    private long number(String sql) {
        return ((Number) db.dsl().fetchValue(sql)).longValue();
    }

    @Test
    void aRelabelledRecordMovesToANewIdUnderItsNewLabelWithItsConjunctionsAndTheObjectFollowing() {
        Setup s = tenObjectsWithConjunctions();
        long norad = s.objects().get(4);
        OrbitRecord usa = recordOf(norad, "USA");
        OrbitRecord gbr = recordOf(norad, "GBR");
        long version = number("select version from catalog_state");
        Label restricted = Label.parse("rel=REL TO USA;tlp=RED", USA);

        RelabelOutcome.Relabelled done = store.relabel(usa.contentSha256(), "USA", restricted).relabelled()
                .orElseThrow();

        assertThat(done.oldId()).isEqualTo(usa.id());
        assertThat(done.newId()).isGreaterThan(gbr.id()).isGreaterThan(usa.id());
        assertThat(done.oldLabel()).isEqualTo(USA);
        assertThat(done.products()).isEqualTo(2);
        assertThat(number("select version from catalog_state")).isGreaterThan(version);
        assertThat(store.findOrbit(usa.id(), LabelFilter.UNRESTRICTED)).isEmpty();
        OrbitRecord moved = store.findOrbit(done.newId(), LabelFilter.UNRESTRICTED).orElseThrow();
        assertThat(moved.label()).isEqualTo(restricted);
        assertThat(moved.content()).isEqualTo(usa.content());
        assertThat(moved.provenance()).isEqualTo(usa.provenance());
        long newLabelId = number("select label_id from orbit_record where id = " + done.newId());
        assertThat(latest(norad, LabelFilter.UNRESTRICTED).id()).as("still the most recently stored at its epoch")
                .isEqualTo(done.newId());
        assertThat(number("select latest_label_id from space_object where norad_id = " + norad)).isEqualTo(newLabelId);
        assertThat(db.dsl().fetch("select orbit_id from object_label_latest where norad_id = " + norad)
                .getValues(0, Long.class)).containsExactlyInAnyOrder(gbr.id(), done.newId());
        List<Conjunction> following = conjunctionsOf(s.run()).stream()
                .filter(c -> c.primaryNoradId() == norad || c.secondaryNoradId() == norad).toList();
        assertThat(following).hasSize(2).allMatch(c -> c.primaryOrbitId().equals(Optional.of(done.newId()))
                || c.secondaryOrbitId().equals(Optional.of(done.newId())));
        assertThat(number("select count(*) from product_input where product_kind = 'conjunctions' and input_id = "
                + done.newId() + " and input_label_id = " + newLabelId)).isEqualTo(2);
        assertThat(store.relabel(usa.contentSha256(), "FRA", Label.publicFrom("FRA")))
                .isEqualTo(RelabelOutcome.NOTHING);
    }

    @Test
    void recallingARecordThatIsNotTheLatestLeavesTheLatestAlone() {
        Setup s = tenObjectsWithConjunctions();
        long norad = s.objects().get(0);
        OrbitRecord usa = recordOf(norad, "USA");
        OrbitRecord gbr = recordOf(norad, "GBR");

        assertThat(store.recall(gbr.contentSha256(), "GBR")).isEqualTo(new RecallOutcome(1, 0, Optional.of(norad)));
        assertThat(latest(norad, LabelFilter.UNRESTRICTED).id()).isEqualTo(usa.id());
        assertThat(store.orbitHistory(norad, LabelFilter.UNRESTRICTED)).extracting(OrbitRecord::id)
                .containsExactly(usa.id());
        assertThat(conjunctionsOf(s.run())).hasSize(9);
    }

    @Test
    void anObjectWhoseLastRecordIsRecalledLeavesTheCatalogOfObjects() {
        Setup s = tenObjectsWithConjunctions();
        long norad = s.objects().get(9);
        long objectsBefore = store.statistics(LabelFilter.UNRESTRICTED).objects();
        store.recall(recordOf(norad, "USA").contentSha256(), "USA");
        RecallOutcome last = store.recall(recordOf(norad, "GBR").contentSha256(), "GBR");

        assertThat(last).isEqualTo(new RecallOutcome(1, 0, Optional.of(norad)));
        assertThat(store.findObject(norad, LabelFilter.UNRESTRICTED)).isEmpty();
        assertThat(store.orbitHistory(norad, LabelFilter.UNRESTRICTED)).isEmpty();
        assertThat(store.statistics(LabelFilter.UNRESTRICTED).objects()).isEqualTo(objectsBefore - 1);
        assertThat(store.findObjects(ObjectQuery.all(100), LabelFilter.UNRESTRICTED).items())
                .extracting(SpaceObject::noradId).hasSize(9).doesNotContain(norad);
        assertThat(store.latestOrbits()).extracting(OrbitRecord::noradId).doesNotContain(norad);
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom(Tables.ObjectLabelLatest.T)
                .where(Tables.ObjectLabelLatest.NORAD_ID.eq(norad)))).isZero();

        ingestAs(GBR, CatalogSamples.slice(59, 60));
        assertThat(latest(norad, LabelFilter.UNRESTRICTED).label().originator())
                .as("a recalled record may be ingested again").isEqualTo("GBR");
    }

    @Test
    void recallRanksTheRemainingRecordsBySourcePriority() {
        byte[] file = CatalogSamples.slice(70, 71);
        long norad = noradIds(file).get(0);
        ingestAs(GBR, file);
        ingestAs(AUS_TO_GBR, file);
        ingestAs(USA, file);
        sharing.setSourcePriority("GBR", 3);
        sharing.setSourcePriority("USA", 7);
        assertThat(latest(norad, LabelFilter.UNRESTRICTED).label().originator()).isEqualTo("USA");

        store.recall(recordOf(norad, "USA").contentSha256(), "USA");

        assertThat(latest(norad, LabelFilter.UNRESTRICTED).label().originator())
                .as("GBR (3) above the later AUS (0)").isEqualTo("GBR");
        assertThat(latest(norad, usaCaller()).label().originator()).isEqualTo("GBR");
        assertThat(db.dsl().fetch("select source_priority from object_label_latest where norad_id = " + norad
                + " order by source_priority").getValues(0, Integer.class)).containsExactly(0, 3);
    }

    @Test
    void recallingTheNewestRecordOfALaneLeavesTheLaneItsPreviousRecord() {
        String[] set = CatalogSamples.elementSets().get(90);
        long norad = noradIds(CatalogSamples.join(List.<String[]>of(set))).get(0);
        byte[] older = CatalogSamples.join(List.<String[]>of(set));
        ingestAs(USA, older);
        ingestAs(USA, (set[0] + "\n" + shiftEpoch(set[1], -0.5) + "\n" + set[2] + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        ingestAs(GBR, older);
        sharing.setSourcePriority("USA", 5);
        List<OrbitRecord> history = store.orbitHistory(norad, LabelFilter.UNRESTRICTED);
        assertThat(history).extracting(o -> o.label().originator()).containsExactly("USA", "USA", "GBR");
        OrbitRecord newest = history.get(0);
        OrbitRecord previous = history.get(1);

        assertThat(store.recall(newest.contentSha256(), "USA")).isEqualTo(new RecallOutcome(1, 0, Optional.of(norad)));

        assertThat(latest(norad, LabelFilter.UNRESTRICTED).id()).as("USA (5) above the later GBR (0)")
                .isEqualTo(previous.id());
        assertThat(latest(norad, usaCaller()).id()).isEqualTo(previous.id());
        assertThat(db.dsl().fetch("select orbit_id, source_priority from object_label_latest where norad_id = "
                + norad + " order by orbit_id").map(r -> r.get(0, Long.class) + "/" + r.get(1, Integer.class)))
                .containsExactly(previous.id() + "/5", history.get(2).id() + "/0");
    }

    /** The same element set at an epoch {@code days} earlier (later when negative), checksum recomputed. */
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
