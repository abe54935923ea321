package org.concord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.OrbitRecord;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.InputAges;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventKind;
import org.concord.event.EventService;
import org.concord.event.EventStore;
import org.concord.event.EventSummary;
import org.concord.event.EventUpdate;
import org.concord.ingest.IngestRequest;
import org.concord.ingest.IngestService;
import org.concord.ingest.LabelRules;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.orbit.OrekitSetup;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.product.ProductService;
import org.concord.reentry.ReentryReports;
import org.concord.risk.CovarianceSource;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningVolume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Building events on every database Concord supports ({@link H2EventStoreTest}, {@link PostgresEventStoreTest}): the
 * conjunctions of a run stored in bulk, the events they start, and a later run's updates appended to them; the stored
 * columns of an extended event are what its whole history gives, its label combines every input's.
 */
abstract class EventStoreContract {

    private static final Instant TCA = Instant.parse("2024-07-05T06:00:00Z");
    private static final Label RESTRICTED = Label.parse("originator=GBR;rel=GBR,USA;tlp=AMBER;caveats=X",
            Label.publicFrom("TEST"));

    private TestDatabases.Handle handle;
    private Database db;
    private JooqProductStore products;
    private JooqCatalogStore catalog;
    private JooqScreeningRunStore runs;
    private JooqEventStore store;
    private EventService events;

    protected abstract TestDatabases.Handle newDatabase();

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    @BeforeEach
    void open() {
        handle = newDatabase();
        db = handle.open();
        products = new JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS);
        catalog = new JooqCatalogStore(db);
        runs = new JooqScreeningRunStore(db, products);
        store = new JooqEventStore(db, products);
        events = new EventService(store, new ProductService(products), "TEST", Clock.fixed(TCA, ZoneOffset.UTC),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        events.close();
        db.close();
        handle.close();
    }

    /** Element sets {@code from} to {@code to} (exclusive) of the bundled catalog stored under this label. */
    private List<OrbitRecord> ingest(String name, int from, int to, Label label) {
        IngestService ingest = new IngestService(catalog, new JooqConjunctionStore(db, products),
                new ReentryReports(new ProductService(products), catalog), org.concord.risk.HardBodyRadii.bundled(), new LabelRules(Label.publicFrom("TEST"), List.of()),
                64L << 20, Clock.fixed(TCA, ZoneOffset.UTC),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        ingest.ingest(new IngestRequest(name, CatalogSamples.slice(from, to), Optional.of(label), "tester", false,
                Optional.empty()));
        List<OrbitRecord> stored = new ArrayList<>();
        for (String[] set : CatalogSamples.elementSets().subList(from, to)) {
            long norad = Long.parseLong(set[1].substring(2, 7).trim());
            stored.add(catalog.orbitHistory(norad, LabelFilter.UNRESTRICTED).stream()
                    .filter(o -> o.label().equals(label)).findFirst().orElseThrow());
        }
        return stored;
    }

    private static Conjunction approach(OrbitRecord a, OrbitRecord b, Instant tca, double missMeters, double pc) {
        return new Conjunction(0, a.noradId(), b.noradId(), Optional.of(a.id()), Optional.of(b.id()), tca,
                missMeters, 7_000, missMeters / 2, missMeters / 2, missMeters / 3,
                Optional.of(new CollisionRisk(pc, "test", CovarianceSource.MAXIMUM, 10, "test")), Optional.empty(),
                Optional.empty(), Optional.empty(), a.label().combine(b.label(), "TEST"),
                Optional.of(new InputAges(Duration.ofHours(5), Duration.ofHours(7), false)));
    }

    private long screened(Instant startedAt, List<Conjunction> found) {
        ScreeningRun run = runs.startRun(new ScreeningRun(0, ScreeningRun.Kind.ALL_VS_ALL, Optional.empty(), TCA,
                Duration.ofDays(1), new ScreeningVolume.Sphere(5000), Optional.empty(), "tester", startedAt,
                ScreeningRun.Status.RUNNING, 0, Optional.empty(), Optional.empty(), Optional.empty()));
        runs.finishRun(run.id(), found, new ScreeningRun.Figures(3, 0, 3, found.size(), 0, 0, 0, 0, 0,
                Optional.empty()));
        return run.id();
    }

    private List<Product<ConjunctionEvent>> stored() {
        return products.list(EventKind.INSTANCE, ProductQuery.all(EventKind.INSTANCE, 100), LabelFilter.UNRESTRICTED)
                .items();
    }

    @Test
    void aLaterRunsUpdatesJoinTheStoredEventsWithTheirColumnsAndLabelsAsTheWholeHistoryGivesThem() {
        List<OrbitRecord> open = ingest("public.txt", 0, 3, Label.publicFrom("TEST"));
        OrbitRecord cRestricted = ingest("gbr.txt", 2, 3, RESTRICTED).getFirst();
        OrbitRecord a = open.get(0);
        OrbitRecord b = open.get(1);
        OrbitRecord c = open.get(2);
        Instant first = Instant.parse("2024-07-04T12:00:00Z");
        screened(first, List.of(approach(a, b, TCA, 900, 1e-4), approach(a, b, TCA.plus(Duration.ofMinutes(50)),
                1_500, 2e-5), approach(a, c, TCA, 3_000, 1e-6)));
        assertThat(events.update()).isEqualTo(3);
        assertThat(stored()).hasSize(3).allMatch(e -> e.value().updates().size() == 1);

        // a run started later (its updates are the latest), and one started earlier but placed after it
        screened(first.plus(Duration.ofHours(6)), List.of(approach(a, b, TCA.plusSeconds(8), 400, 3e-4),
                approach(a, c, TCA.minusSeconds(5), 2_000, 1e-5)));
        assertThat(events.update()).isEqualTo(2);
        screened(first.minus(Duration.ofHours(6)), List.of(approach(a, b, TCA.plusSeconds(20), 200, 5e-3),
                approach(a, cRestricted, TCA.plusSeconds(3), 2_500, 2e-6)));
        assertThat(events.update()).isEqualTo(2);
        assertThat(events.update()).as("nothing left to place").isZero();

        List<Product<ConjunctionEvent>> all = stored();
        assertThat(all).hasSize(3);
        Product<ConjunctionEvent> abEvent = all.stream().filter(e -> e.value().updates().getFirst().tca().equals(TCA)
                && e.value().secondaryNoradId() == Math.max(a.noradId(), b.noradId())).findFirst().orElseThrow();
        ConjunctionEvent ab = abEvent.value();
        assertThat(ab.updates()).extracting(EventUpdate::missDistanceMeters).containsExactly(900.0, 400.0, 200.0);
        assertThat(ab.updates()).extracting(EventUpdate::number).containsExactly(1, 2, 3);
        assertThat(ab.latest().missDistanceMeters()).as("the update computed last").isEqualTo(400.0);
        Map<Long, EventStore.Stored> columns = new java.util.HashMap<>();
        store.eventsWithTcaWithin(TCA.minus(Duration.ofDays(1)), TCA.plus(Duration.ofDays(1)))
                .forEach(s -> columns.put(s.id(), s));
        for (Product<ConjunctionEvent> e : all) {
            EventSummary summary = columns.get(e.id()).summary();
            ConjunctionEvent whole = e.value();
            assertThat(summary).as("event %d's columns", e.id()).isEqualTo(EventSummary.of(whole));
            assertThat(summary.latest().tca()).isEqualTo(whole.latest().tca());
            assertThat(summary.latest().missDistanceMeters()).isEqualTo(whole.latest().missDistanceMeters());
            assertThat(summary.latest().computedAt()).isEqualTo(whole.latest().computedAt());
            assertThat(summary.minimumMissMeters()).isEqualTo(whole.minimumMissMeters());
            assertThat(summary.maximumPc()).isEqualTo(whole.maximumPc());
            assertThat(summary.updateCount()).isEqualTo(whole.updates().size());
            assertThat(summary.firstComputedAt()).isEqualTo(whole.updates().stream().map(EventUpdate::computedAt)
                    .min(Instant::compareTo).orElseThrow());
            assertThat(e.inputs()).hasSize(3 * e.value().updates().size());
        }
        assertThat(columns.get(abEvent.id()).summary().maximumPc()).contains(5e-3);
        assertThat(abEvent.label()).isEqualTo(Label.publicFrom("TEST"));

        Product<ConjunctionEvent> ac = all.stream().filter(e -> e.value().secondaryNoradId()
                == Math.max(a.noradId(), c.noradId()) && e.value().primaryNoradId() == Math.min(a.noradId(),
                c.noradId())).findFirst().orElseThrow();
        assertThat(ac.value().updates()).hasSize(3);
        assertThat(ac.label().releasability()).as("a restricted record behind the third update restricts the event")
                .isEqualTo(RESTRICTED.releasability());
        assertThat(ac.label().caveats()).isEqualTo(RESTRICTED.caveats());
    }
}
