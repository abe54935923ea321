package org.concord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.concord.digest.Sha256;
import org.concord.label.LabelFilter;
import org.concord.catalog.CatalogFreshness;
import org.concord.catalog.CatalogStatistics;
import org.concord.catalog.IngestBatch;
import org.concord.catalog.IngestOutcome;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.ObjectQuery.Range;
import org.concord.catalog.ObjectQuery.SortKey;
import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Page;
import org.concord.catalog.Provenance;
import org.concord.catalog.SourceFormat;
import org.concord.catalog.SpaceObject;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.formats.ParsedOrbit;
import org.concord.formats.TleReader;
import org.concord.ingest.IngestReport;
import org.concord.ingest.IngestRequest;
import org.concord.ingest.IngestService;
import org.concord.ingest.LabelRules;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.concord.orbit.OrekitSetup;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The storage contract, run against every database Concord supports: each subclass supplies fresh, empty databases
 * ({@link H2CatalogStoreTest}, {@link PostgresCatalogStoreTest}). Every test gets its own database.
 */
abstract class CatalogStoreContract {

    /** The ingest clock: a few days after the newest epoch of the bundled catalog. */
    static final Instant NOW = Instant.parse("2024-07-20T12:00:00Z");
    static final Label DEFAULT_LABEL = Label.publicFrom("USA-18SDS");
    static final Label RICH_LABEL = new Label("GBR-UKSA", Releasability.to("AUS", "CAN", "GBR", "NZL", "USA"),
            Tlp.AMBER_STRICT, new TreeSet<>(List.of("PROPIN", "NOFORN")),
            Optional.of(Instant.parse("2030-01-01T00:00:00Z")));
    static final Label NOBODY_LABEL = new Label("FRA", Releasability.NOBODY, Tlp.RED, new TreeSet<>(),
            Optional.empty());
    static final LabelRules RULES = new LabelRules(DEFAULT_LABEL, List.of(new LabelRules.Rule("gbr-*.txt",
            RICH_LABEL)));

    /** Every 25th object of the full catalog (1,056 objects, from low to Alpha-5 catalog numbers). */
    static final int STEP = 25;

    protected TestDatabases.Handle handle;
    protected Database db;
    protected JooqCatalogStore store;
    protected IngestService ingest;

    /** A new, empty database of the kind under test. */
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
        ingest = new IngestService(store, new JooqConjunctionStore(db, new org.concord.store.JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS)), new org.concord.reentry.ReentryReports(new org.concord.product.ProductService(new org.concord.store.JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS)), store), org.concord.risk.HardBodyRadii.bundled(), RULES,
                64L << 20, Clock.fixed(NOW, ZoneOffset.UTC),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
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

    // ---------------------------------------------------------------------------------------------- schema

    @Test
    void flywayMigrationAppliesAndReopeningIsANoOp() {
        MigrationInfo[] applied = flyway().info().applied();
        assertThat(applied).extracting(m -> m.getVersion().getVersion()).startsWith("1", "2", "3");
        assertThat(applied).allMatch(m -> m.getState().isApplied());
        assertThat(applied[0].getState().isApplied()).isTrue();
        assertThat(counts()).isEqualTo(new Counts(0, 0, 0, 0));
        db.close();
        db = handle.open();
        store = new JooqCatalogStore(db);
        assertThat(flyway().info().applied()).hasSameSizeAs(applied);
        assertThat(store.statistics(LabelFilter.UNRESTRICTED)).isEqualTo(new CatalogStatistics(0, 0, 0, Optional.empty(), Optional.empty()));
    }

    // ---------------------------------------------------------------------------------------------- ingest

    @Test
    void ingestStoresEveryRecordOfATleFile() {
        byte[] file = CatalogSamples.slice(0, 50);
        IngestReport report = ingest.ingest(IngestRequest.of("first50.txt", file, "tester"));

        assertThat(report.format()).isEqualTo(SourceFormat.TLE);
        assertThat(report.stored()).isEqualTo(50);
        assertThat(report.unchanged()).isZero();
        assertThat(report.rejected()).isZero();
        assertThat(report.errors()).isEmpty();
        assertThat(counts()).isEqualTo(new Counts(1, 50, 50, 0));
        List<ParsedOrbit> parsed = parse(file);
        for (ParsedOrbit p : parsed) {
            SpaceObject o = store.findObject(p.noradId(), LabelFilter.UNRESTRICTED).orElseThrow();
            assertThat(o.name()).isEqualTo(p.objectName());
            assertThat(o.internationalDesignator()).isEqualTo(p.internationalDesignator());
            OrbitRecord latest = o.latestOrbit().orElseThrow();
            assertThat(latest.content()).isEqualTo(p.content());
            assertThat(latest.summary()).isEqualTo(p.summary());
            assertThat(latest.kind()).isEqualTo(OrbitKind.MEAN_ELEMENTS);
            assertThat(latest.format()).isEqualTo(SourceFormat.TLE);
            assertThat(latest.coverage()).isEmpty();
            assertThat(latest.hasCovariance()).isFalse();
            assertSameMicros(latest.epoch(), p.epoch());
            assertThat(store.findOrbit(latest.id(), LabelFilter.UNRESTRICTED)).contains(latest);
        }
        assertThat(store.latestOrbits()).extracting(OrbitRecord::noradId)
                .containsExactlyElementsOf(parsed.stream().map(ParsedOrbit::noradId).sorted().toList());
    }

    @Test
    void theObjectsWithSeveralElementSetsAreThoseWithAHistory() {
        ingest.ingest(IngestRequest.of("batch.txt", CatalogSamples.slice(100, 110), "tester"));
        assertThat(store.objectsWithSeveralElementSets()).isEmpty();

        ingest.ingest(IngestRequest.of("spot5.tle", org.concord.TestNodes.resource(
                "/catalog/spot-5_tle_series_orekit.tle"), "tester"));

        assertThat(store.orbitHistory(27421, LabelFilter.UNRESTRICTED)).hasSize(250);
        assertThat(store.objectsWithSeveralElementSets()).containsExactly(27421L);
    }

    @Test
    void ingestingTheSameFileTwiceStoresNothingNew() {
        byte[] file = CatalogSamples.slice(100, 180);
        IngestReport first = ingest.ingest(IngestRequest.of("batch.txt", file, "tester"));
        assertThat(first.stored()).isEqualTo(80);
        Counts afterFirst = counts();
        List<OrbitRecord> latestBefore = store.latestOrbits();

        IngestReport second = ingest.ingest(IngestRequest.of("batch.txt", file, "tester"));
        assertThat(second.stored()).isZero();
        assertThat(second.unchanged()).isEqualTo(80);
        assertThat(second.rejected()).isZero();
        assertThat(second.summary()).contains("already ingested");
        IngestReport renamed = ingest.ingest(IngestRequest.of("copy-of-batch.txt", file, "someone-else"));
        assertThat(renamed.stored()).isZero();
        assertThat(renamed.unchanged()).isEqualTo(80);

        Counts afterAll = counts();
        assertThat(afterAll.orbits()).isEqualTo(afterFirst.orbits());
        assertThat(afterAll.objects()).isEqualTo(afterFirst.objects());
        assertThat(afterAll.sources()).as("every ingest is recorded, even one that stored nothing").isEqualTo(3);
        assertThat(store.latestOrbits()).isEqualTo(latestBefore);
        assertThat(db.dsl().fetch("select records_stored, records_unchanged, records_rejected from ingest_source"
                + " order by id").map(r -> List.of(r.get(0, Integer.class), r.get(1, Integer.class),
                r.get(2, Integer.class)))).containsExactly(List.of(80, 0, 0), List.of(0, 80, 0), List.of(0, 80, 0));
    }

    @Test
    void screeningRunsAndTheirConjunctionsAreStoredWithLabelsAndQueried() {
        ingest.ingest(IngestRequest.of("batch.txt", CatalogSamples.slice(0, 10), "tester"));
        List<OrbitRecord> orbits = store.latestOrbits();
        JooqProductStore products = new JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS);
        JooqConjunctionStore conjunctions = new JooqConjunctionStore(db, products);
        JooqScreeningRunStore runs = new JooqScreeningRunStore(db, products);
        org.concord.screening.ScreeningRun run = runs.startRun(new org.concord.screening.ScreeningRun(0,
                org.concord.screening.ScreeningRun.Kind.EPHEMERIS, Optional.of(25544L),
                Instant.parse("2024-07-05T00:00:00Z"), java.time.Duration.ofDays(7),
                new org.concord.screening.ScreeningVolume.RtnEllipsoid(500, 5000, 1000),
                Optional.of(new org.concord.screening.ScreeningRun.EphemerisSource("plan.oem", "ab".repeat(32))),
                "tester", NOW, org.concord.screening.ScreeningRun.Status.RUNNING, 0, Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(run.id()).isPositive();
        assertThat(run.volume()).isEqualTo(new org.concord.screening.ScreeningVolume.RtnEllipsoid(500, 5000, 1000));
        assertThat(run.ephemeris()).contains(new org.concord.screening.ScreeningRun.EphemerisSource("plan.oem",
                "ab".repeat(32)));
        assertThat(run.status()).isEqualTo(org.concord.screening.ScreeningRun.Status.RUNNING);
        runs.updateProgress(run.id(), 0.5);
        assertThat(runs.findRun(run.id()).orElseThrow().progress()).isEqualTo(0.5);

        Label restricted = Label.parse("originator=GBR;rel=GBR,USA;tlp=AMBER;caveats=X", Label.publicFrom("TEST"));
        List<org.concord.conjunction.Conjunction> found = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < orbits.size(); i++) {
            OrbitRecord a = orbits.get(i);
            OrbitRecord b = orbits.get(i + 1);
            found.add(new org.concord.conjunction.Conjunction(0, a.noradId(), b.noradId(), Optional.of(a.id()),
                    Optional.of(b.id()), Instant.parse("2024-07-06T00:00:00Z").plusSeconds(3600L * i), 100.0 * (i + 1),
                    7000, 10, 20, 30, Optional.of(new org.concord.conjunction.CollisionRisk(1e-4 / (i + 1),
                    "maximum (Alfano)", org.concord.risk.CovarianceSource.MAXIMUM, 15,
                    "maximum over covariance scaling")), Optional.empty(), Optional.empty(), Optional.empty(),
                    a.label().combine(i == 0 ? restricted : b.label(), "TEST"),
                    Optional.of(new org.concord.conjunction.InputAges(java.time.Duration.ZERO,
                            java.time.Duration.ofSeconds(86400L * i + 7), i > 3))));
        }
        var staleness = new org.concord.screening.ScreeningRun.Staleness(10, 4, java.time.Duration.ofSeconds(60),
                java.time.Duration.ofDays(880), Optional.of(java.time.Duration.ZERO), false);
        runs.finishRun(run.id(), found, new org.concord.screening.ScreeningRun.Figures(10, 0, 45,
                found.size(), 1, 2, 3, 4, 5, Optional.of(staleness)));
        var done = runs.findRun(run.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(org.concord.screening.ScreeningRun.Status.DONE);
        assertThat(done.figures().orElseThrow().conjunctions()).isEqualTo(9);
        assertThat(done.figures().orElseThrow().staleness()).contains(staleness);
        assertThat(done.warning()).hasValueSatisfying(w -> assertThat(w).startsWith("4 of 10 element sets are beyond")
                .contains("880.0 days"));
        assertThat(done.finishedAt()).isPresent();

        var byPc = conjunctions.findConjunctions(new org.concord.product.ProductQuery(java.util.Map.of("runId", run.id()), org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().get(1), 100, Optional.empty()), LabelFilter.UNRESTRICTED);
        assertThat(byPc.total()).isEqualTo(9);
        assertThat(byPc.items().get(0).risk().orElseThrow().probability()).isEqualTo(1e-4);
        assertThat(byPc.items().get(0).label().releasability().parties()).containsExactly("GBR", "USA");
        assertThat(byPc.items().get(0).label().tlp()).isEqualTo(org.concord.label.Tlp.AMBER);
        assertThat(byPc.items().get(0).risk().orElseThrow().source())
                .isEqualTo(org.concord.risk.CovarianceSource.MAXIMUM);
        assertThat(byPc.items()).extracting(c -> c.inputAges().orElseThrow()).containsExactlyElementsOf(found.stream()
                .map(c -> c.inputAges().orElseThrow()).toList());
        long second = orbits.get(1).noradId();
        var filtered = conjunctions.findConjunctions(new org.concord.product.ProductQuery(java.util.Map.of("noradId", second, "maxMissMeters", 250.0), org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().get(0), 100, Optional.empty()), LabelFilter.UNRESTRICTED);
        assertThat(filtered.items()).extracting(org.concord.conjunction.Conjunction::missDistanceMeters)
                .containsExactly(100.0, 200.0);
        var byTca = org.concord.product.ProductQuery.all(org.concord.conjunction.ConjunctionKind.INSTANCE, 4);
        var page = conjunctions.findConjunctions(byTca, LabelFilter.UNRESTRICTED);
        assertThat(page.items()).hasSize(4);
        // a keyset cursor: the next page starts right after the last conjunction shown, by TCA
        var next = conjunctions.findConjunctions(byTca.after(page.nextCursor().orElseThrow()), LabelFilter.UNRESTRICTED);
        assertThat(next.items()).extracting(org.concord.conjunction.Conjunction::tca)
                .containsExactlyElementsOf(found.stream().map(org.concord.conjunction.Conjunction::tca).sorted()
                        .skip(4).limit(4).toList());

        runs.failRun(runs.startRun(run).id(), "test failure");
        assertThat(runs.runs(10)).extracting(org.concord.screening.ScreeningRun::status)
                .containsExactly(org.concord.screening.ScreeningRun.Status.FAILED,
                        org.concord.screening.ScreeningRun.Status.DONE);
    }

    @Test
    void aCdmIsStoredOncePerOriginator() {
        byte[] cdm = org.concord.TestNodes.resource("/ccsds/cdm/CDMExample1.txt");
        IngestReport first = ingest.ingest(IngestRequest.of("a.cdm", cdm, "tester"));
        IngestReport second = ingest.ingest(IngestRequest.of("b.cdm", cdm, "tester"));
        assertThat(first.stored()).isEqualTo(1);
        assertThat(second.stored()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
        IngestReport otherOriginator = ingest.ingest(new IngestRequest("c.cdm", cdm,
                Optional.of(Label.publicFrom("GBR")), "tester", false, Optional.empty()));
        assertThat(otherOriginator.stored()).isEqualTo(1);
        assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("conjunction"))).isEqualTo(2);
    }

    @Test
    void twoConcurrentIngestsOfTheSameFileStoreEachRecordOnce() throws Exception {
        byte[] file = CatalogSamples.slice(200, 1200);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<IngestReport>> reports = new java.util.ArrayList<>();
            for (String who : List.of("first", "second")) {
                reports.add(pool.submit(() -> {
                    go.await();
                    return ingest.ingest(IngestRequest.of(who + ".txt", file, who));
                }));
            }
            go.countDown();
            IngestReport a = reports.get(0).get();
            IngestReport b = reports.get(1).get();
            assertThat(a.stored() + b.stored()).isEqualTo(1000);
            assertThat(a.stored() + a.unchanged()).isEqualTo(1000);
            assertThat(b.stored() + b.unchanged()).isEqualTo(1000);
            assertThat(counts().orbits()).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameRecordsFromAnotherOriginatorAreStoredAgain() {
        byte[] file = CatalogSamples.slice(0, 20);
        ingest.ingest(IngestRequest.of("a.txt", file, "tester"));
        IngestReport other = ingest.ingest(new IngestRequest("a.txt", file, Optional.of(RICH_LABEL), "tester",
                false, Optional.empty()));
        assertThat(other.stored()).isEqualTo(20);
        assertThat(counts()).isEqualTo(new Counts(2, 40, 20, 0));
        for (ParsedOrbit p : parse(file)) {
            assertThat(store.orbitHistory(p.noradId(), LabelFilter.UNRESTRICTED)).extracting(r -> r.label().originator())
                    .containsExactlyInAnyOrder("USA-18SDS", "GBR-UKSA");
        }
    }

    @Test
    void aFileWithOneBadRecordIsRejectedWholeAndTheStoreIsUnchanged() {
        ingest.ingest(IngestRequest.of("before.txt", CatalogSamples.slice(0, 10), "tester"));
        Counts before = counts();
        List<OrbitRecord> latestBefore = store.latestOrbits();
        byte[] bad = withBadInclination(CatalogSamples.slice(10, 40), 17);

        assertThatThrownBy(() -> ingest.ingest(IngestRequest.of("one-bad.txt", bad, "tester")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> assertBadInclination(error, "one-bad.txt", 17)));
        assertThat(counts()).isEqualTo(before);
        assertThat(store.latestOrbits()).isEqualTo(latestBefore);
    }

    @Test
    void skipInvalidStoresTheGoodRecordsAndReportsTheBadOneWithFileLineAndField() {
        byte[] bad = withBadInclination(CatalogSamples.slice(10, 40), 17);
        IngestReport report = ingest.ingest(new IngestRequest("one-bad.txt", bad, Optional.empty(), "tester", true,
                Optional.empty()));

        assertThat(report.stored()).isEqualTo(29);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(e -> assertBadInclination(e, "one-bad.txt", 17));
        assertThat(counts()).isEqualTo(new Counts(1, 29, 29, 0));
        String badNorad = CatalogSamples.elementSets().get(10 + 17)[1].substring(2, 7).trim();
        assertThat(store.findObject(Long.parseLong(badNorad), LabelFilter.UNRESTRICTED)).isEmpty();
        assertThat(db.dsl().fetchValue("select records_rejected from ingest_source", Integer.class)).isEqualTo(1);
    }

    @Test
    void aFailureInsideTheStoreTransactionLeavesNothingBehind() {
        ingest.ingest(IngestRequest.of("before.txt", CatalogSamples.slice(0, 10), "tester"));
        Counts before = counts();
        List<OrbitRecord> records = new ArrayList<>(records(parse(CatalogSamples.slice(10, 310)), DEFAULT_LABEL));
        // the last record cannot be stored: its caveats are longer than the column
        OrbitRecord last = records.remove(records.size() - 1);
        TreeSet<String> tooMany = new TreeSet<>();
        IntStream.range(0, 300).forEach(i -> tooMany.add("CAVEAT-" + i));
        records.add(withLabel(last, new Label("USA", Releasability.PUBLIC, Tlp.CLEAR, tooMany, Optional.empty())));

        assertThatThrownBy(() -> store.store(new IngestBatch(provenance("too-long.txt"), SourceFormat.TLE, records,
                List.of(), 0))).isInstanceOf(RuntimeException.class);
        assertThat(counts()).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------- labels

    @Test
    void labelsArePersistedAndReadBackOnEveryRow() {
        byte[] rich = CatalogSamples.slice(0, 120);
        byte[] nobody = CatalogSamples.slice(120, 200);
        IngestReport r1 = ingest.ingest(new IngestRequest("rich.txt", rich, Optional.of(RICH_LABEL), "tester",
                false, Optional.empty()));
        IngestReport r2 = ingest.ingest(new IngestRequest("nobody.txt", nobody, Optional.of(NOBODY_LABEL), "tester",
                false, Optional.empty()));
        assertThat(r1.label()).isEqualTo(RICH_LABEL);
        assertThat(r2.label()).isEqualTo(NOBODY_LABEL);

        Set<Long> richIds = ids(parse(rich));
        Set<Long> nobodyIds = ids(parse(nobody));
        List<OrbitRecord> latest = store.latestOrbits();
        assertThat(latest).hasSize(200);
        for (OrbitRecord o : latest) {
            assertThat(o.label()).isEqualTo(richIds.contains(o.noradId()) ? RICH_LABEL : NOBODY_LABEL);
            assertThat(store.orbitHistory(o.noradId(), LabelFilter.UNRESTRICTED)).extracting(OrbitRecord::label).containsOnly(o.label());
        }
        for (SpaceObject o : walk(new Q().limit(37))) {
            assertThat(o.latestOrbit().orElseThrow().label())
                    .isEqualTo(nobodyIds.contains(o.noradId()) ? NOBODY_LABEL : RICH_LABEL);
        }
        assertThat(RICH_LABEL.caveats()).containsExactly("NOFORN", "PROPIN");
        assertThat(RICH_LABEL.expiry()).contains(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void theLabelRulesAndTheDefaultLabelApplyWhenTheIngestNamesNoLabel() {
        IngestReport ruled = ingest.ingest(IngestRequest.of("feeds/gbr-2024-07.txt", CatalogSamples.slice(0, 5),
                "tester"));
        IngestReport plain = ingest.ingest(IngestRequest.of("feeds/other.txt", CatalogSamples.slice(5, 10),
                "tester"));
        assertThat(ruled.label()).isEqualTo(RICH_LABEL);
        assertThat(plain.label()).isEqualTo(DEFAULT_LABEL);
        assertThat(store.latestOrbits()).extracting(OrbitRecord::label)
                .containsExactly(RICH_LABEL, RICH_LABEL, RICH_LABEL, RICH_LABEL, RICH_LABEL,
                        DEFAULT_LABEL, DEFAULT_LABEL, DEFAULT_LABEL, DEFAULT_LABEL, DEFAULT_LABEL);
    }

    // ---------------------------------------------------------------------------------------------- provenance

    @Test
    void provenanceIsPersistedOnEveryRow() {
        byte[] file = CatalogSamples.slice(300, 400);
        String name = "feeds/2024-07-20/catalog.txt";
        IngestReport report = ingest.ingest(IngestRequest.of(name, file, "alice@ops"));
        String sha = Sha256.hex(file);
        assertThat(report.sourceSha256()).isEqualTo(sha);

        List<String[]> sets = CatalogSamples.elementSets().subList(300, 400);
        Map<Long, Integer> index = IntStream.range(0, sets.size()).boxed()
                .collect(Collectors.toMap(k -> noradOf(sets.get(k)), k -> k));
        List<OrbitRecord> latest = store.latestOrbits();
        assertThat(latest).hasSize(100);
        for (OrbitRecord o : latest) {
            assertThat(o.provenance()).isEqualTo(new Provenance(name, sha, NOW, "alice@ops"));
            int k = index.get(o.noradId());
            assertThat(o.sourceLine()).isEqualTo(3 * k + 1);
            assertThat(o.content()).isEqualTo(String.join("\n", sets.get(k)));
            assertThat(o.contentSha256()).isEqualTo(Sha256.hex(o.content().getBytes(StandardCharsets.UTF_8)));
        }
        // a later copy of the same records does not overwrite where they first came from
        ingest.ingest(IngestRequest.of("copy.txt", file, "bob"));
        assertThat(store.latestOrbits()).extracting(OrbitRecord::provenance).containsOnly(
                new Provenance(name, sha, NOW, "alice@ops"));
    }

    // ---------------------------------------------------------------------------------------------- queries

    @Test
    void findObjectsFiltersMatchTheRecords() {
        byte[] file = everyNth(0);
        ingest.ingest(IngestRequest.of("sample.txt", file, "tester"));
        List<ParsedOrbit> all = parse(file);
        assertThat(all).hasSize(1056);

        expectFilter(new Q(), all, p -> true);
        expectFilter(new Q().name("cosmos"), all, p -> p.objectName().toLowerCase().contains("cosmos"));
        expectFilter(new Q().name("R/B"), all, p -> p.objectName().contains("R/B"));
        expectFilter(new Q().name("no such object"), all, p -> false);
        String someDesignator = all.get(500).internationalDesignator().orElseThrow();
        expectFilter(new Q().designator(someDesignator.toLowerCase()), all,
                p -> p.internationalDesignator().equals(Optional.of(someDesignator)));
        expectFilter(new Q().designator("2019-*"), all,
                p -> p.internationalDesignator().map(d -> d.startsWith("2019-")).orElse(false));
        expectFilter(new Q().ids(List.of(all.get(3).noradId(), all.get(700).noradId(), 123_456_789L)), all,
                p -> p.noradId() == all.get(3).noradId() || p.noradId() == all.get(700).noradId());
        expectFilter(new Q().perigee(400.0, 600.0), all,
                p -> p.summary().perigeeAltitudeKm() >= 400 && p.summary().perigeeAltitudeKm() <= 600);
        expectFilter(new Q().perigee(null, 300.0), all, p -> p.summary().perigeeAltitudeKm() <= 300);
        expectFilter(new Q().apogee(20_000.0, null), all, p -> p.summary().apogeeAltitudeKm() >= 20_000);
        expectFilter(new Q().inclination(97.0, 99.0), all,
                p -> p.summary().inclinationDeg() >= 97 && p.summary().inclinationDeg() <= 99);
        expectFilter(new Q().period(90.0, 100.0).inclination(50.0, null), all,
                p -> p.summary().periodMinutes() >= 90 && p.summary().periodMinutes() <= 100
                        && p.summary().inclinationDeg() >= 50);
        // inclusive ends: a range that is exactly one record's value finds it
        double exact = all.get(42).summary().perigeeAltitudeKm();
        expectFilter(new Q().perigee(exact, exact), all, p -> p.summary().perigeeAltitudeKm() == exact);
        Instant now = Instant.parse("2024-07-18T00:00:00Z");
        expectFilter(new Q().now(now).maxAge(Duration.ofDays(3)), all,
                p -> !p.epoch().isBefore(now.minus(Duration.ofDays(3))));
        expectFilter(new Q().now(now).maxAge(Duration.ofDays(10)).perigee(null, 1000.0), all,
                p -> !p.epoch().isBefore(now.minus(Duration.ofDays(10))) && p.summary().perigeeAltitudeKm() <= 1000);
    }

    @Test
    void everySortKeyInBothDirectionsPagesWithoutGapsOrDuplicates() {
        byte[] file = everyNth(0);
        ingest.ingest(IngestRequest.of("sample.txt", file, "tester"));
        List<ParsedOrbit> all = parse(file);
        for (SortKey key : SortKey.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                String what = key + (descending ? " desc" : " asc");
                Page<SpaceObject> one = store.findObjects(new Q().sort(key, descending).limit(10_000).build(), LabelFilter.UNRESTRICTED);
                assertThat(one.total()).as(what).isEqualTo(all.size());
                assertThat(one.nextCursor()).as(what).isEmpty();
                List<Long> expected = all.stream().sorted(order(key, descending)).map(ParsedOrbit::noradId).toList();
                assertThat(noradIds(one.items())).as(what).containsExactlyElementsOf(expected);

                List<SpaceObject> paged = walk(new Q().sort(key, descending).limit(100));
                assertThat(noradIds(paged)).as(what).containsExactlyElementsOf(expected);
                // a filtered walk too
                Q filtered = new Q().sort(key, descending).limit(100).inclination(60.0, null);
                assertThat(noradIds(walk(filtered))).as(what + " filtered")
                        .containsExactlyElementsOf(noradIds(store.findObjects(filtered.limit(10_000).build(), LabelFilter.UNRESTRICTED)
                                .items()));
            }
        }
    }

    @Test
    void aNameSearchPagesInEveryOrderWithoutGapsOrDuplicates() {
        // many matches and small pages: each page takes several batches of the name index's candidates
        byte[] file = everyNth(0);
        ingest.ingest(IngestRequest.of("sample.txt", file, "tester"));
        List<ParsedOrbit> matching = parse(file).stream()
                .filter(p -> p.objectName().toLowerCase().contains("deb")).toList();
        assertThat(matching).hasSizeGreaterThan(100);
        for (SortKey key : SortKey.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                String what = key + (descending ? " desc" : " asc");
                List<Long> expected = matching.stream().sorted(order(key, descending)).map(ParsedOrbit::noradId)
                        .toList();
                Q q = new Q().name("DeB").sort(key, descending).limit(7);
                assertThat(store.findObjects(q.build(), LabelFilter.UNRESTRICTED).total()).as(what)
                        .isEqualTo(matching.size());
                assertThat(noradIds(walk(q))).as(what).containsExactlyElementsOf(expected);
                Q filtered = new Q().name("deb").sort(key, descending).limit(5).inclination(80.0, null);
                assertThat(noradIds(walk(filtered))).as(what + " filtered").containsExactlyElementsOf(
                        matching.stream().filter(p -> p.summary().inclinationDeg() >= 80.0)
                                .sorted(order(key, descending)).map(ParsedOrbit::noradId).toList());
            }
        }
    }

    @Test
    void aNameSearchFollowsANewNameAtOnce() {
        ingest.ingest(IngestRequest.of("sample.txt", CatalogSamples.slice(0, 30), "tester"));
        assertThat(store.findObjects(new Q().name("zz renamed").sort(SortKey.EPOCH, true).build(),
                LabelFilter.UNRESTRICTED).items()).isEmpty();
        ParsedOrbit first = parse(CatalogSamples.slice(0, 1)).get(0);
        String renamed = new String(CatalogSamples.slice(0, 1), StandardCharsets.US_ASCII)
                .replaceFirst(java.util.regex.Pattern.quote(first.objectName()), "ZZ RENAMED");
        String[] lines = renamed.split("\\R");
        // a newer element set (epoch day + 1) under the new name
        String line1 = lines[1].substring(0, 20) + String.format("%012.8f",
                Double.parseDouble(lines[1].substring(20, 32)) + 1) + lines[1].substring(32, 68);
        int sum = 0;
        for (char c : line1.toCharArray()) {
            sum += Character.isDigit(c) ? c - '0' : c == '-' ? 1 : 0;
        }
        String newer = lines[0] + "\n" + line1 + sum % 10 + "\n" + lines[2] + "\n";
        assertThat(ingest.ingest(IngestRequest.of("renamed.txt", newer.getBytes(StandardCharsets.US_ASCII),
                "tester")).stored()).isEqualTo(1);
        assertThat(noradIds(store.findObjects(new Q().name("zz renamed").sort(SortKey.EPOCH, true).build(),
                LabelFilter.UNRESTRICTED).items())).containsExactly(first.noradId());
    }

    @Test
    void aNameSearchOnPostgresqlReadsTheTrigramIndex() {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.dialect() == org.jooq.SQLDialect.POSTGRES);
        assertThat(db.dsl().fetchValue("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_object_name_trgm'",
                Long.class)).isEqualTo(1L);
        ingest.ingest(IngestRequest.of("sample.txt", CatalogSamples.slice(0, 300), "tester"));
        String plan = db.dsl().transactionResult(c -> {
            c.dsl().execute("SET LOCAL enable_seqscan = off");
            return c.dsl().fetch("EXPLAIN SELECT count(*) FROM space_object WHERE lower(name) LIKE '%deb%'")
                    .getValues(0, String.class).toString();
        });
        assertThat(plan).contains("ix_object_name_trgm");
    }

    @Test
    void aListsTotalFollowsEveryStoreThoughTheSameListWasCountedBefore() {
        // restricted, sees every known label's orbits: the path that counts two parts
        LabelFilter orbits = new LabelFilter(false, Long.MAX_VALUE, java.util.Set.of(DataKind.ORBITS), Map.of(), Map.of());
        Set<Long> objects = new HashSet<>(ids(parse(everyNth(0))));
        ingest.ingest(IngestRequest.of("first.txt", everyNth(0), "tester"));
        for (LabelFilter filter : List.of(LabelFilter.UNRESTRICTED, orbits)) {
            assertThat(store.findObjects(new Q().limit(1).build(), filter).total()).isEqualTo(objects.size());
        }
        objects.addAll(ids(parse(everyNth(1))));
        ingest.ingest(IngestRequest.of("second.txt", everyNth(1), "tester"));
        for (LabelFilter filter : List.of(LabelFilter.UNRESTRICTED, orbits)) {
            assertThat(store.findObjects(new Q().limit(1).build(), filter).total()).isEqualTo(objects.size());
        }
    }

    @ParameterizedTest
    @CsvSource({"NORAD_ID,false", "NAME,false", "NAME,true", "PERIGEE,true", "EPOCH,false", "INCLINATION,false"})
    void theCursorContinuesCorrectlyWhenObjectsArriveBetweenPages(SortKey key, boolean descending) {
        ingest.ingest(IngestRequest.of("sample.txt", everyNth(0), "tester"));
        Q query = new Q().sort(key, descending).limit(100);
        Page<SpaceObject> p1 = store.findObjects(query.build(), LabelFilter.UNRESTRICTED);
        Page<SpaceObject> p2 = store.findObjects(query.cursor(p1.nextCursor().orElseThrow()).build(), LabelFilter.UNRESTRICTED);
        List<Long> seen = new ArrayList<>(noradIds(p1.items()));
        seen.addAll(noradIds(p2.items()));

        byte[] arrivals = CatalogSamples.join(everyNthSets(12).subList(0, 300));
        assertThat(ingest.ingest(IngestRequest.of("arrivals.txt", arrivals, "tester")).stored()).isEqualTo(300);

        List<Long> now = noradIds(store.findObjects(new Q().sort(key, descending).limit(10_000).build(), LabelFilter.UNRESTRICTED).items());
        int at = now.indexOf(seen.get(seen.size() - 1));
        List<Long> expectedRest = now.subList(at + 1, now.size());
        List<Long> rest = noradIds(walkFrom(query.cursor(p2.nextCursor().orElseThrow())));
        assertThat(rest).containsExactlyElementsOf(expectedRest);
        assertThat(rest).doesNotContainAnyElementsOf(seen);
        Set<Long> arrived = ids(parse(arrivals));
        assertThat(rest).as("objects that arrived after the cursor position").containsAnyElementsOf(arrived);
        assertThat(new HashSet<>(seen).size() + rest.size() + (int) now.subList(0, at + 1).stream()
                .filter(arrived::contains).count()).isEqualTo(now.size());
    }

    @Test
    void aCursorOfAnotherSortOrderIsRefused() {
        ingest.ingest(IngestRequest.of("sample.txt", CatalogSamples.slice(0, 30), "tester"));
        String cursor = store.findObjects(new Q().limit(10).build(), LabelFilter.UNRESTRICTED).nextCursor().orElseThrow();
        assertThatThrownBy(() -> store.findObjects(new Q().sort(SortKey.NAME, false).cursor(cursor).build(), LabelFilter.UNRESTRICTED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.findObjects(new Q().cursor("not a cursor!").build(), LabelFilter.UNRESTRICTED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orbitHistoryIsNewestFirstAndTheLatestOrbitIsTheNewestEpochWhateverTheIngestOrder() {
        byte[] series = CatalogSamples.resource("/catalog/spot-5_tle_series_orekit.tle");
        List<ParsedOrbit> parsed = parse(series);
        assertThat(parsed).hasSize(250);
        List<String> lines = List.of(new String(series, StandardCharsets.US_ASCII).split("\r?\n"));
        byte[] older = String.join("\n", lines.subList(0, 250)).getBytes(StandardCharsets.US_ASCII);
        byte[] newer = String.join("\n", lines.subList(250, 500)).getBytes(StandardCharsets.US_ASCII);
        ingest.ingest(IngestRequest.of("spot5-newer.tle", newer, "tester"));
        ingest.ingest(IngestRequest.of("spot5-older.tle", older, "tester"));

        List<OrbitRecord> history = store.orbitHistory(27421, LabelFilter.UNRESTRICTED);
        assertThat(history).hasSize(250);
        assertThat(history).extracting(OrbitRecord::epoch)
                .isSortedAccordingTo(Comparator.<Instant>naturalOrder().reversed());
        Instant newest = parsed.stream().map(ParsedOrbit::epoch).max(Comparator.naturalOrder()).orElseThrow();
        assertSameMicros(history.get(0).epoch(), newest);
        assertThat(store.findObject(27421, LabelFilter.UNRESTRICTED).orElseThrow().latestOrbit()).contains(history.get(0));
        assertThat(store.orbitHistory(99_999, LabelFilter.UNRESTRICTED)).isEmpty();
        assertThat(store.statistics(LabelFilter.UNRESTRICTED).orbitRecords()).isEqualTo(250);
    }

    @Test
    void theNameAndDesignatorFollowTheNewestOrbit() {
        String[] iss = CatalogSamples.elementSets().stream().filter(s -> s[0].equals("0 ISS (ZARYA)")).findFirst()
                .orElseThrow();
        byte[] first = tle("0 ISS (ZARYA)", iss[1], iss[2]);
        byte[] later = tle("0 ISS", withEpochDay(iss[1], "24190.60274059"), iss[2]);
        byte[] earlier = tle("0 ZARYA", withEpochDay(iss[1], "24180.60274059"), iss[2]);
        ingest.ingest(IngestRequest.of("iss1.txt", first, "tester"));
        assertThat(store.findObject(25544, LabelFilter.UNRESTRICTED).orElseThrow().name()).isEqualTo("ISS (ZARYA)");
        ingest.ingest(IngestRequest.of("iss2.txt", later, "tester"));
        assertThat(store.findObject(25544, LabelFilter.UNRESTRICTED).orElseThrow().name()).isEqualTo("ISS");
        ingest.ingest(IngestRequest.of("iss3.txt", earlier, "tester"));
        SpaceObject o = store.findObject(25544, LabelFilter.UNRESTRICTED).orElseThrow();
        assertThat(o.name()).isEqualTo("ISS");
        assertThat(o.internationalDesignator()).contains("1998-067A");
        assertThat(store.orbitHistory(25544, LabelFilter.UNRESTRICTED)).extracting(OrbitRecord::objectName)
                .containsExactly("ISS", "ISS (ZARYA)", "ZARYA");
        assertThat(store.noradIdOf("1998-067a")).contains(25544L);
        assertThat(store.noradIdOf("1998-067ZZ")).isEmpty();
    }

    @Test
    void statisticsGiveTheNewestAndTheMedianLatestEpoch() {
        byte[] file = everyNth(3);
        ingest.ingest(IngestRequest.of("sample.txt", file, "tester"));
        List<ParsedOrbit> all = parse(file);
        List<Instant> epochs = all.stream().map(ParsedOrbit::epoch).sorted().toList();
        CatalogStatistics stats = store.statistics(LabelFilter.UNRESTRICTED);
        assertThat(stats.objects()).isEqualTo(all.size());
        assertThat(stats.orbitRecords()).isEqualTo(all.size());
        assertThat(stats.satcatEntries()).isZero();
        assertSameMicros(stats.newestEpoch().orElseThrow(), epochs.get(epochs.size() - 1));
        assertSameMicros(stats.medianEpoch().orElseThrow(), epochs.get(epochs.size() / 2));
    }

    @Test
    void freshnessCountsTheObjectsWhoseElementSetsAreOlderThan3_7And30DaysAtTheTimeAsked() {
        byte[] file = everyNth(3);
        ingest.ingest(IngestRequest.of("sample.txt", file, "tester"));
        Instant at = Instant.parse("2024-07-08T00:00:00Z");
        List<Instant> epochs = parse(file).stream().map(ParsedOrbit::epoch).toList();
        long[] older = CatalogFreshness.AGES.stream()
                .mapToLong(age -> epochs.stream().filter(e -> e.isBefore(at.minus(age))).count()).toArray();
        // the 2024-07 snapshot holds element sets of every age: each count says something at this time
        assertThat(older[0]).isGreaterThan(older[1]);
        assertThat(older[1]).isGreaterThan(older[2]);
        assertThat(older[2]).isPositive();

        assertThat(store.freshness(LabelFilter.UNRESTRICTED, at))
                .isEqualTo(new CatalogFreshness(at, epochs.size(), older[0], older[1], older[2]));
        Instant longAfter = Instant.parse("2026-12-03T00:00:00Z");
        assertThat(store.freshness(LabelFilter.UNRESTRICTED, longAfter))
                .isEqualTo(new CatalogFreshness(longAfter, epochs.size(), epochs.size(), epochs.size(),
                        epochs.size()));
        // counted over what the caller sees
        LabelFilter nothing = new LabelFilter(false, Long.MAX_VALUE, new java.util.TreeSet<DataKind>(), Map.of(),
                Map.of());
        assertThat(store.freshness(nothing, at)).isEqualTo(new CatalogFreshness(at, 0, 0, 0, 0));
    }

    @Test
    void catalogNumbersUpTo999999999AreStored() {
        ParsedOrbit template = parse(CatalogSamples.slice(0, 1)).get(0);
        List<OrbitRecord> records = new ArrayList<>();
        long[] numbers = {IngestService.MAX_CATALOG_NUMBER, 100_000_000L, 999_999_998L, 339_999L, 1L};
        for (long n : numbers) {
            String content = "synthetic record of object " + n;
            records.add(new OrbitRecord(0, n, "OBJECT " + n, Optional.of("2099-001A"), template.epoch(),
                    OrbitKind.MEAN_ELEMENTS, SourceFormat.OMM_KVN, template.summary(), Optional.empty(), false,
                    content, Sha256.hex(content.getBytes(StandardCharsets.UTF_8)), DEFAULT_LABEL,
                    provenance("big.txt"), 1));
        }
        IngestOutcome outcome = store.store(new IngestBatch(provenance("big.txt"), SourceFormat.OMM_KVN, records,
                List.of(), 0));
        assertThat(outcome.stored()).isEqualTo(numbers.length);

        SpaceObject big = store.findObject(999_999_999L, LabelFilter.UNRESTRICTED).orElseThrow();
        assertThat(big.name()).isEqualTo("OBJECT 999999999");
        assertThat(big.latestOrbit().orElseThrow().noradId()).isEqualTo(999_999_999L);
        assertThat(store.orbitHistory(999_999_999L, LabelFilter.UNRESTRICTED)).hasSize(1);
        assertThat(noradIds(store.findObjects(new Q().sort(SortKey.NORAD_ID, true).limit(2).build(), LabelFilter.UNRESTRICTED).items()))
                .containsExactly(999_999_999L, 999_999_998L);
        List<SpaceObject> paged = walk(new Q().limit(2));
        assertThat(noradIds(paged)).containsExactly(1L, 339_999L, 100_000_000L, 999_999_998L, 999_999_999L);
        assertThat(noradIds(store.findObjects(new Q().ids(List.of(999_999_999L)).build(), LabelFilter.UNRESTRICTED).items()))
                .containsExactly(999_999_999L);
    }

    @Test
    void aConfirmedReentryFillsInTheDecayDayOnlyOfAnEntryWithoutOneThatItsLabelCovers() {
        List<ParsedOrbit> orbits = parse(CatalogSamples.slice(0, 10));
        ingest.ingest(IngestRequest.of("tle.txt", CatalogSamples.slice(0, 10), "tester"));
        long a = orbits.get(0).noradId();
        long b = orbits.get(1).noradId();
        Provenance first = provenance("satcat-1.csv");
        store.store(new IngestBatch(first, SourceFormat.SATCAT_CSV, List.of(), List.of(
                satcat(a, "PAYLOAD", "US", "2099-900A", 2, first),
                satcat(b, "ROCKET BODY", "CIS", "2099-901A", 3, first)), 0));
        java.time.LocalDate day = java.time.LocalDate.of(2024, 7, 5);
        Label narrower = new Label("GBR", org.concord.label.Releasability.to("GBR"), org.concord.label.Tlp.AMBER,
                java.util.Collections.emptySortedSet(), Optional.empty());

        assertThat(store.fillDecayDate(b, day, narrower, "TIP narrow.csv")).isFalse();
        assertThat(store.fillDecayDate(a, day, Label.publicFrom("USA"), "TIP tip.csv")).isTrue();
        assertThat(store.fillDecayDate(a, day.plusDays(1), Label.publicFrom("USA"), "TIP later.csv")).isFalse();
        assertThat(store.fillDecayDate(orbits.get(2).noradId(), day, Label.publicFrom("USA"), "TIP x.csv"))
                .as("no SATCAT entry").isFalse();

        SpaceObject.SatcatEntry filled = store.findObject(a, LabelFilter.UNRESTRICTED).orElseThrow().satcat()
                .orElseThrow();
        assertThat(filled.decayDate()).contains(day);
        assertThat(filled.fieldSources()).containsEntry("decayDate", "TIP tip.csv").containsEntry("owner",
                "test-owners");
        assertThat(store.findObject(b, LabelFilter.UNRESTRICTED).orElseThrow().satcat().orElseThrow().decayDate())
                .isEmpty();
    }

    @Test
    void satcatEntriesAreStoredReplacedAndJoinedToTheirObjects() {
        List<ParsedOrbit> orbits = parse(CatalogSamples.slice(0, 10));
        ingest.ingest(IngestRequest.of("tle.txt", CatalogSamples.slice(0, 10), "tester"));
        long a = orbits.get(0).noradId();
        long b = orbits.get(1).noradId();
        long c = orbits.get(2).noradId();
        Provenance first = provenance("satcat-1.csv");
        List<IngestBatch.SatcatRow> rows = List.of(
                satcat(a, "PAYLOAD", "US", "2099-900A", 2, first),
                satcat(b, "ROCKET BODY", "CIS", "2099-901A", 3, first),
                satcat(c, "DEBRIS", "US", "2099-902A", 4, first));
        IngestOutcome stored = store.store(new IngestBatch(first, SourceFormat.SATCAT_CSV, List.of(), rows, 0));
        assertThat(stored.stored()).isEqualTo(3);
        IngestOutcome again = store.store(new IngestBatch(provenance("satcat-2.csv"), SourceFormat.SATCAT_CSV,
                List.of(), rows, 0));
        assertThat(again.stored()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        Provenance third = provenance("satcat-3.csv");
        IngestOutcome changed = store.store(new IngestBatch(third, SourceFormat.SATCAT_CSV, List.of(),
                List.of(rows.get(0), rows.get(1), satcat(c, "DEBRIS", "PRC", "2099-902A", 4, third)), 0));
        assertThat(changed.stored()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(2);
        assertThat(counts().satcat()).isEqualTo(3);
        assertThat(store.statistics(LabelFilter.UNRESTRICTED).satcatEntries()).isEqualTo(3);

        SpaceObject.SatcatEntry entry = store.findObject(a, LabelFilter.UNRESTRICTED).orElseThrow().satcat().orElseThrow();
        assertThat(entry.objectType()).isEqualTo("PAYLOAD");
        assertThat(entry.owner()).contains("US");
        assertThat(entry.ownerParty()).contains("USA");
        assertThat(entry.fieldSources()).isEqualTo(Map.of("owner", "test-owners", "objectType", "test-types"));
        assertThat(entry.sourceOf("launchDate")).isEqualTo("satcat-1.csv");
        assertThat(entry.launchDate()).contains(java.time.LocalDate.of(1999, 12, 31));
        assertThat(entry.launchSite()).contains("AFETR");
        assertThat(entry.decayDate()).isEmpty();
        assertThat(entry.rcsSize()).contains("LARGE");
        assertThat(entry.label()).isEqualTo(RICH_LABEL);
        assertThat(entry.provenance()).isEqualTo(first);
        assertThat(store.findObject(c, LabelFilter.UNRESTRICTED).orElseThrow().satcat().orElseThrow().owner()).contains("PRC");
        assertThat(store.findObject(c, LabelFilter.UNRESTRICTED).orElseThrow().satcat().orElseThrow().provenance()).isEqualTo(third);
        assertThat(store.findObject(orbits.get(3).noradId(), LabelFilter.UNRESTRICTED).orElseThrow().satcat()).isEmpty();

        Q payloads = new Q();
        payloads.objectType = Optional.of("payload");
        assertThat(noradIds(store.findObjects(payloads.build(), LabelFilter.UNRESTRICTED).items())).containsExactly(a);
        // an owner filter takes a party code, or a SATCAT code as the party it stands for
        for (Map.Entry<String, Long> owned : Map.of("us", a, "USA", a, "CHN", c, "PRC", c).entrySet()) {
            Q owner = new Q();
            owner.owner = Optional.of(owned.getKey());
            assertThat(noradIds(store.findObjects(owner.build(), LabelFilter.UNRESTRICTED).items())).as(owned.getKey())
                    .containsExactly(owned.getValue());
        }

        long d = orbits.get(4).noradId();
        store.store(new IngestBatch(provenance("satcat-4.csv"), SourceFormat.SATCAT_CSV, List.of(),
                List.of(satcat(d, "UNKNOWN", "", "2099-903A", 2, provenance("satcat-4.csv"))), 0));
        SpaceObject.SatcatEntry unknown = store.findObject(d, LabelFilter.UNRESTRICTED).orElseThrow().satcat()
                .orElseThrow();
        assertThat(unknown.owner()).isEmpty();
        assertThat(unknown.unknownFields()).containsExactly("objectType", "owner");
        assertThat(store.noradIdOf("2099-901A")).contains(b);
    }

    static IngestBatch.SatcatRow satcat(long norad, String type, String owner, String designator, int line,
                                        Provenance provenance) {
        SpaceObject.SatcatEntry entry = new SpaceObject.SatcatEntry(type, Optional.of(owner).filter(o -> !o.isEmpty()),
                Optional.of(java.time.LocalDate.of(1999, 12, 31)), Optional.of("AFETR"), Optional.empty(),
                Optional.of("LARGE"), Map.of("owner", "test-owners", "objectType", "test-types"), RICH_LABEL,
                provenance);
        String content = designator + "," + norad + "," + type + "," + owner;
        return new IngestBatch.SatcatRow(norad, "SATCAT NAME " + norad, Optional.of(designator), entry,
                Sha256.hex(content.getBytes(StandardCharsets.UTF_8)), line);
    }

    @Test
    void likeWildcardsInANameSearchAreLiteral() {
        ingest.ingest(IngestRequest.of("sample.txt", CatalogSamples.slice(0, 50), "tester"));
        assertThat(store.findObjects(new Q().name("%").build(), LabelFilter.UNRESTRICTED).total()).isZero();
        assertThat(store.findObjects(new Q().name("_").build(), LabelFilter.UNRESTRICTED).total()).isZero();
    }

    // ---------------------------------------------------------------------------------------------- full catalog

    @Test
    void theFullBundledCatalogIsIngestedAndReadBack() {
        byte[] file = CatalogSamples.fullCatalog();
        long t0 = System.nanoTime();
        IngestReport report = ingest.ingest(IngestRequest.of("full_catalog_3le_2024-07_26389obj.txt", file,
                "tester"));
        long t1 = System.nanoTime();
        System.out.printf("%s: full catalog ingested in %.2f s%n", getClass().getSimpleName(), (t1 - t0) / 1e9);
        assertThat(report.errors()).isEmpty();
        assertThat(report.stored()).isEqualTo(CatalogSamples.FULL_CATALOG_OBJECTS);
        assertThat(counts()).isEqualTo(new Counts(1, 26_389, 26_389, 0));
        assertThat(store.findObjects(new Q().limit(1).build(), LabelFilter.UNRESTRICTED).total()).isEqualTo(26_389);
        assertThat(store.latestOrbits()).hasSize(26_389);

        List<String[]> sets = CatalogSamples.elementSets();
        assertThat(sets).hasSize(26_389);
        for (int k : new int[] {0, 1, 1000, 13_194, indexOf(sets, "0 ISS (ZARYA)"), indexOf(sets, "0 HST"),
            sets.size() - 1}) {
            spotCheck(sets.get(k), 3 * k + 1);
        }
        CatalogStatistics stats = store.statistics(LabelFilter.UNRESTRICTED);
        List<Instant> epochs = sets.stream().map(CatalogStoreContract::epochOf).sorted().toList();
        assertSameMicros(stats.newestEpoch().orElseThrow(), epochs.get(epochs.size() - 1));
        assertSameMicros(stats.medianEpoch().orElseThrow(), epochs.get(epochs.size() / 2));

        IngestReport again = ingest.ingest(IngestRequest.of("full_catalog_3le_2024-07_26389obj.txt", file, "tester"));
        System.out.printf("%s: full catalog again in %.2f s%n", getClass().getSimpleName(),
                (System.nanoTime() - t1) / 1e9);
        assertThat(again.stored()).isZero();
        assertThat(again.unchanged()).isEqualTo(26_389);
        assertThat(counts()).isEqualTo(new Counts(2, 26_389, 26_389, 0));
    }

    /** Checks a stored object against its element set, read from the file text by column. */
    private void spotCheck(String[] set, int line) {
        long norad = noradOf(set);
        SpaceObject o = store.findObject(norad, LabelFilter.UNRESTRICTED).orElseThrow(() -> new AssertionError("no object " + norad));
        String name = set[0].startsWith("0 ") ? set[0].substring(2).trim() : set[0].trim();
        assertThat(o.name()).isEqualTo(name);
        String designator = set[1].substring(9, 17).trim();
        int year = Integer.parseInt(designator.substring(0, 2));
        assertThat(o.internationalDesignator()).contains((year < 57 ? 2000 + year : 1900 + year) + "-"
                + designator.substring(2, 5) + designator.substring(5));
        OrbitRecord orbit = o.latestOrbit().orElseThrow();
        assertThat(orbit.content()).isEqualTo(String.join("\n", set));
        assertThat(orbit.sourceLine()).isEqualTo(line);
        assertSameMicros(orbit.epoch(), epochOf(set));
        assertThat(orbit.summary().inclinationDeg()).isCloseTo(Double.parseDouble(set[2].substring(8, 16)),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(orbit.summary().eccentricity()).isCloseTo(Double.parseDouble("0." + set[2].substring(26, 33)),
                org.assertj.core.data.Offset.offset(1e-12));
        double meanMotion = Double.parseDouble(set[2].substring(52, 63));
        assertThat(orbit.summary().periodMinutes()).isCloseTo(1440.0 / meanMotion,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(orbit.summary().perigeeAltitudeKm()).isLessThanOrEqualTo(orbit.summary().apogeeAltitudeKm());
        assertThat(orbit.label()).isEqualTo(DEFAULT_LABEL);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Flyway flyway() {
        return Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration")
                .placeholders(Map.of("text", db.dialect() == org.jooq.SQLDialect.POSTGRES ? "TEXT" : "CLOB"))
                .load();
    }

    record Counts(long sources, long orbits, long objects, long satcat) {
    }

    Counts counts() {
        return new Counts(count("ingest_source"), count("orbit_record"), count("space_object"),
                count("satcat_entry"));
    }

    private long count(String tableName) {
        return db.dsl().fetchCount(table(tableName));
    }

    static List<ParsedOrbit> parse(byte[] file) {
        var result = TleReader.read("test", new String(file, StandardCharsets.US_ASCII));
        assertThat(result.errors()).isEmpty();
        return result.items();
    }

    static byte[] everyNth(int offset) {
        return CatalogSamples.join(everyNthSets(offset));
    }

    static List<String[]> everyNthSets(int offset) {
        List<String[]> all = CatalogSamples.elementSets();
        return IntStream.iterate(offset, i -> i < all.size(), i -> i + STEP).mapToObj(all::get).toList();
    }

    static Set<Long> ids(List<ParsedOrbit> orbits) {
        return orbits.stream().map(ParsedOrbit::noradId).collect(Collectors.toSet());
    }

    static List<Long> noradIds(List<SpaceObject> objects) {
        return objects.stream().map(SpaceObject::noradId).toList();
    }

    static long noradOf(String[] set) {
        return parse(CatalogSamples.join(List.<String[]>of(set))).get(0).noradId();
    }

    static int indexOf(List<String[]> sets, String nameLine) {
        for (int k = 0; k < sets.size(); k++) {
            if (sets.get(k)[0].equals(nameLine)) {
                return k;
            }
        }
        throw new AssertionError("no " + nameLine + " in the catalog");
    }

    /** The epoch of an element set from columns 19-32 of line 1 (UTC; no leap second in the catalog's span). */
    static Instant epochOf(String[] set) {
        int yy = Integer.parseInt(set[1].substring(18, 20));
        BigDecimal day = new BigDecimal(set[1].substring(20, 32).trim());
        BigDecimal nanos = day.subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(86_400_000_000_000L));
        return Instant.parse((yy < 57 ? 2000 + yy : 1900 + yy) + "-01-01T00:00:00Z")
                .plusNanos(nanos.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
    }

    /** Databases keep microseconds; the parsed epochs have nanoseconds. */
    static void assertSameMicros(Instant actual, Instant expected) {
        assertThat(Duration.between(actual, expected).abs()).as(actual + " vs " + expected)
                .isLessThanOrEqualTo(Duration.ofNanos(2_000));
    }

    static Comparator<ParsedOrbit> order(SortKey key, boolean descending) {
        Function<ParsedOrbit, Comparable<?>> value = switch (key) {
            case NORAD_ID -> ParsedOrbit::noradId;
            case NAME -> ParsedOrbit::objectName;
            case EPOCH -> ParsedOrbit::epoch;
            case PERIGEE -> p -> p.summary().perigeeAltitudeKm();
            case APOGEE -> p -> p.summary().apogeeAltitudeKm();
            case INCLINATION -> p -> p.summary().inclinationDeg();
            case PERIOD -> p -> p.summary().periodMinutes();
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<ParsedOrbit> byValue = Comparator.comparing(p -> (Comparable) value.apply(p));
        Comparator<ParsedOrbit> c = byValue.thenComparingLong(ParsedOrbit::noradId);
        return descending ? c.reversed() : c;
    }

    void expectFilter(Q q, List<ParsedOrbit> all, Predicate<ParsedOrbit> matches) {
        List<Long> expected = all.stream().filter(matches).map(ParsedOrbit::noradId).sorted().toList();
        Page<SpaceObject> page = store.findObjects(q.limit(10_000).build(), LabelFilter.UNRESTRICTED);
        assertThat(page.total()).isEqualTo(expected.size());
        assertThat(noradIds(page.items())).containsExactlyElementsOf(expected);
        if (expected.size() > 3) {
            assertThat(noradIds(walk(q.limit(Math.max(1, expected.size() / 3))))).containsExactlyElementsOf(expected);
        }
    }

    /** Every page of a query, checking that the pages neither repeat nor skip an object. */
    List<SpaceObject> walk(Q q) {
        return walkFrom(q.copy().cursor(null));
    }

    List<SpaceObject> walkFrom(Q start) {
        Q q = start.copy();
        List<SpaceObject> all = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (int pages = 0; ; pages++) {
            assertThat(pages).as("too many pages").isLessThan(100_000);
            Page<SpaceObject> page = store.findObjects(q.build(), LabelFilter.UNRESTRICTED);
            assertThat(page.items().size()).isLessThanOrEqualTo(q.limit);
            for (SpaceObject o : page.items()) {
                assertThat(seen.add(o.noradId())).as("object " + o.noradId() + " on two pages").isTrue();
                all.add(o);
            }
            if (page.nextCursor().isEmpty()) {
                return all;
            }
            assertThat(page.items()).hasSize(q.limit);
            q.cursor(page.nextCursor().get());
        }
    }

    static List<OrbitRecord> records(List<ParsedOrbit> parsed, Label label) {
        Provenance provenance = provenance("direct.txt");
        return parsed.stream().map(p -> new OrbitRecord(0, p.noradId(), p.objectName(), p.internationalDesignator(),
                p.epoch(), OrbitKind.MEAN_ELEMENTS, SourceFormat.TLE, p.summary(), Optional.empty(), false,
                p.content(), Sha256.hex(p.content().getBytes(StandardCharsets.UTF_8)), label, provenance, p.line()))
                .toList();
    }

    static OrbitRecord withLabel(OrbitRecord o, Label label) {
        return new OrbitRecord(o.id(), o.noradId(), o.objectName(), o.internationalDesignator(), o.epoch(), o.kind(),
                o.format(), o.summary(), o.coverage(), o.hasCovariance(), o.content(), o.contentSha256(), label,
                o.provenance(), o.sourceLine());
    }

    static Provenance provenance(String name) {
        return new Provenance(name, Sha256.hex(name.getBytes(StandardCharsets.UTF_8)), NOW, "tester");
    }

    /**
     * The file with an inclination of 200 degrees (out of range, checksum kept valid) in line 2 of element set
     * {@code k}, which is line 3k+3 of the file.
     */
    static byte[] withBadInclination(byte[] file, int k) {
        String[] lines = new String(file, StandardCharsets.US_ASCII).split("\n");
        String line2 = lines[3 * k + 2];
        lines[3 * k + 2] = withChecksum(line2.substring(0, 8) + "200.0000" + line2.substring(16));
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    static void assertBadInclination(InputError error, String file, int k) {
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line()).contains(3 * k + 3);
        assertThat(error.field()).isEqualTo("INCLINATION");
        assertThat(error.reason()).contains("200.0000");
    }

    static String withEpochDay(String line1, String epoch) {
        return withChecksum(line1.substring(0, 18) + epoch + line1.substring(32));
    }

    static String withChecksum(String line) {
        String body = line.substring(0, 68);
        return body + TleReader.checksumOf(body + "0");
    }

    static byte[] tle(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A mutable {@link ObjectQuery} builder. */
    static final class Q {
        List<Long> ids = List.of();
        Optional<String> designator = Optional.empty();
        Optional<String> name = Optional.empty();
        Optional<String> objectType = Optional.empty();
        Optional<String> owner = Optional.empty();
        Range perigee = Range.ANY;
        Range apogee = Range.ANY;
        Range inclination = Range.ANY;
        Range period = Range.ANY;
        Optional<Duration> maxAge = Optional.empty();
        Instant now = NOW;
        SortKey sort = SortKey.NORAD_ID;
        boolean descending;
        int limit = 10_000;
        Optional<String> cursor = Optional.empty();

        Q ids(List<Long> v) {
            ids = v;
            return this;
        }

        Q designator(String v) {
            designator = Optional.of(v);
            return this;
        }

        Q name(String v) {
            name = Optional.of(v);
            return this;
        }

        Q perigee(Double min, Double max) {
            perigee = range(min, max);
            return this;
        }

        Q apogee(Double min, Double max) {
            apogee = range(min, max);
            return this;
        }

        Q inclination(Double min, Double max) {
            inclination = range(min, max);
            return this;
        }

        Q period(Double min, Double max) {
            period = range(min, max);
            return this;
        }

        Q maxAge(Duration v) {
            maxAge = Optional.of(v);
            return this;
        }

        Q now(Instant v) {
            now = v;
            return this;
        }

        Q sort(SortKey key, boolean desc) {
            sort = key;
            descending = desc;
            return this;
        }

        Q limit(int v) {
            limit = v;
            return this;
        }

        Q cursor(String v) {
            cursor = Optional.ofNullable(v);
            return this;
        }

        Q copy() {
            Q q = new Q();
            q.ids = ids;
            q.designator = designator;
            q.name = name;
            q.objectType = objectType;
            q.owner = owner;
            q.perigee = perigee;
            q.apogee = apogee;
            q.inclination = inclination;
            q.period = period;
            q.maxAge = maxAge;
            q.now = now;
            q.sort = sort;
            q.descending = descending;
            q.limit = limit;
            q.cursor = cursor;
            return q;
        }

        private static Range range(Double min, Double max) {
            return new Range(Optional.ofNullable(min), Optional.ofNullable(max));
        }

        ObjectQuery build() {
            return new ObjectQuery(ids, designator, name, objectType, owner, perigee, apogee,
                    inclination, period, maxAge, now, sort, descending, limit, cursor);
        }
    }
}
