package org.concord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.concord.catalog.ObjectFacts;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SpaceObject;
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
 * The whole-catalog reads ({@link JooqCatalogScan}) against every database Concord supports, each checked against the
 * reads of one object that the catalog store answers for the same filter: a caller that sees everything, and one that
 * sees the public records only, for whom some objects have a newer hidden record and some are hidden altogether.
 */
abstract class CatalogScanContract {

    static final Instant NOW = Instant.parse("2024-07-20T12:00:00Z");
    static final Label PUBLIC = Label.publicFrom("USA-18SDS");
    static final Label RESTRICTED = Label.parse("originator=GBR;rel=REL TO GBR;tlp=AMBER", Label.publicFrom("GBR"));
    static final String SATCAT = "OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OWNER\n";

    private TestDatabases.Handle handle;
    private Database db;
    private JooqCatalogStore store;
    private JooqCatalogScan scan;
    private IngestService ingest;

    protected abstract TestDatabases.Handle newDatabase();

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    @BeforeEach
    void fill() {
        handle = newDatabase();
        db = handle.open();
        store = new JooqCatalogStore(db);
        scan = new JooqCatalogScan(db, store);
        ingest = new IngestService(store, new JooqConjunctionStore(db, new JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS)), new org.concord.reentry.ReentryReports(new org.concord.product.ProductService(new JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS)), store),
                org.concord.risk.HardBodyRadii.bundled(),
                new LabelRules(PUBLIC, List.of()), 64L << 20, Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry());
        store(CatalogSamples.slice(0, 50), PUBLIC);
        store(CatalogSamples.slice(50, 60), RESTRICTED);
        // SPOT 5's element sets: the older half public, the newer half restricted
        String[] spot5 = new String(CatalogSamples.resource("/catalog/spot-5_tle_series_orekit.tle"),
                StandardCharsets.US_ASCII).split("\r?\n");
        store(String.join("\n", List.of(spot5).subList(0, 250)).getBytes(StandardCharsets.US_ASCII), PUBLIC);
        store(String.join("\n", List.of(spot5).subList(250, 500)).getBytes(StandardCharsets.US_ASCII), RESTRICTED);
        store((SATCAT + "KNOWN BY SATCAT,2030-001A,99001,PAYLOAD,US\n").getBytes(StandardCharsets.US_ASCII), PUBLIC);
        store((SATCAT + "HIDDEN,2030-002A,99002,DEBRIS,PRC\n").getBytes(StandardCharsets.US_ASCII), RESTRICTED);
    }

    private void store(byte[] content, Label label) {
        ingest.ingest(new IngestRequest("input", content, Optional.of(label), "tester", false, Optional.empty()));
    }

    @AfterEach
    void close() {
        db.close();
        handle.close();
    }

    /** A caller that sees the public label only. */
    private LabelFilter publicOnly() {
        LabelIds ids = new LabelIds(db);
        Set<Long> seen = Set.of(ids.idOf(PUBLIC));
        Set<Long> hidden = Set.of(ids.idOf(RESTRICTED));
        return new LabelFilter(false, Long.MAX_VALUE, Set.of(),
                Map.of(DataKind.ORBITS, seen, DataKind.EPHEMERIDES, seen),
                Map.of(DataKind.ORBITS, hidden, DataKind.EPHEMERIDES, hidden));
    }

    private List<SpaceObject> objects(LabelFilter filter) {
        return store.findObjects(ObjectQuery.all(ObjectQuery.MAX_LIMIT), filter).items();
    }

    @Test
    void theBulkExportHoldsEachVisibleObjectsLatestMeanElementsAsTheOneObjectReadFindsThem() {
        for (LabelFilter filter : List.of(LabelFilter.UNRESTRICTED, publicOnly())) {
            List<Long> expected = new ArrayList<>();
            for (SpaceObject object : objects(filter)) {
                expected.add(store.latestMeanElements(object.noradId(), filter).orElseThrow().id());
            }
            List<Long> scanned = new ArrayList<>();
            scan.eachLatestMeanElements(filter, record -> scanned.add(record.id()));
            assertThat(scanned).containsExactlyElementsOf(expected);
        }
        assertThat(objects(LabelFilter.UNRESTRICTED)).hasSize(61);
        assertThat(objects(publicOnly())).hasSize(51);
        // SPOT 5: its newest record is hidden from the public caller, who gets its newest public one
        long spot5 = 27421;
        List<OrbitRecord> unrestricted = new ArrayList<>();
        scan.eachLatestMeanElements(LabelFilter.UNRESTRICTED, r -> unrestricted.add(r));
        List<OrbitRecord> visible = new ArrayList<>();
        scan.eachLatestMeanElements(publicOnly(), r -> visible.add(r));
        OrbitRecord newest = unrestricted.stream().filter(r -> r.noradId() == spot5).findFirst().orElseThrow();
        OrbitRecord newestPublic = visible.stream().filter(r -> r.noradId() == spot5).findFirst().orElseThrow();
        assertThat(newest.label()).isEqualTo(RESTRICTED);
        assertThat(newestPublic.label()).isEqualTo(PUBLIC);
        assertThat(newestPublic.epoch()).isBefore(newest.epoch());
    }

    @Test
    void theBoxscoreFactsAreTheVisibleObjectsAndTheVisibleSatcatOnlyEntries() {
        for (LabelFilter filter : List.of(LabelFilter.UNRESTRICTED, publicOnly())) {
            List<ObjectFacts> facts = new ArrayList<>();
            scan.eachObject(filter, facts::add);
            List<SpaceObject> objects = objects(filter);
            assertThat(facts.stream().filter(f -> f.orbit().isPresent()).map(ObjectFacts::noradId))
                    .containsExactlyInAnyOrderElementsOf(objects.stream().map(SpaceObject::noradId).toList());
            for (SpaceObject object : objects) {
                ObjectFacts fact = facts.stream().filter(f -> f.noradId() == object.noradId()).findFirst()
                        .orElseThrow();
                assertThat(fact.orbit().orElseThrow().newestState()).isEqualTo(object.latestOrbit().orElseThrow()
                        .epoch());
                assertThat(fact.orbit().orElseThrow().summary()).isEqualTo(object.latestOrbit().orElseThrow()
                        .summary());
            }
            assertThat(facts.stream().filter(f -> f.orbit().isEmpty()).map(ObjectFacts::noradId).toList())
                    .containsExactlyElementsOf(filter.unrestricted() ? List.of(99001L, 99002L) : List.of(99001L));
        }
    }
}
