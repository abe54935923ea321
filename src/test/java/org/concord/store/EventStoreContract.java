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
import org.concord.conjunction.StoredConjunctions;
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

    /** One database with the stores and the events service over it. */
    private static final class Stores {
        final TestDatabases.Handle handle;
        final Database db;
        final JooqProductStore products;
        final JooqCatalogStore catalog;
        final JooqScreeningRunStore runs;
        final CountingEventStore store;
        final EventService events;

        Stores(TestDatabases.Handle handle) {
            this.handle = handle;
            this.db = handle.open();
            this.products = new JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS);
            this.catalog = new JooqCatalogStore(db);
            this.runs = new JooqScreeningRunStore(db, products);
            this.store = new CountingEventStore(new JooqEventStore(db, products));
            this.events = new EventService(store, new ProductService(products), "TEST",
                    Clock.fixed(TCA, ZoneOffset.UTC), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }

        void close() {
            events.close();
            db.close();
            handle.close();
        }
    }

    /** The event store, counting the conjunctions its passes read back. */
    private static final class CountingEventStore implements EventStore {
        final EventStore store;
        int read;

        CountingEventStore(EventStore store) {
            this.store = store;
        }

        @Override
        public List<Pending> pending(long afterId, long beforeId, int limit) {
            List<Pending> pending = store.pending(afterId, beforeId, limit);
            read += pending.size();
            return pending;
        }

        @Override
        public List<Stored> eventsWithTcaWithin(Instant from, Instant to) {
            return store.eventsWithTcaWithin(from, to);
        }

        @Override
        public void write(List<Product<ConjunctionEvent>> fresh, List<Extension> extended,
                          Map<org.concord.product.ProductInput, Label> inputLabels) {
            store.write(fresh, extended, inputLabels);
        }
    }

    private final List<Stores> opened = new ArrayList<>();
    private Stores s;

    protected abstract TestDatabases.Handle newDatabase();

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    @BeforeEach
    void open() {
        s = open(newDatabase());
    }

    private Stores open(TestDatabases.Handle handle) {
        Stores stores = new Stores(handle);
        opened.add(stores);
        return stores;
    }

    @AfterEach
    void close() {
        opened.forEach(Stores::close);
    }

    /** Element sets {@code from} to {@code to} (exclusive) of the bundled catalog stored under this label. */
    private static List<OrbitRecord> ingest(Stores s, String name, int from, int to, Label label) {
        IngestService ingest = new IngestService(s.catalog, new JooqConjunctionStore(s.db, s.products),
                new ReentryReports(new ProductService(s.products), s.catalog), org.concord.risk.HardBodyRadii.bundled(), new LabelRules(Label.publicFrom("TEST"), List.of()),
                64L << 20, Clock.fixed(TCA, ZoneOffset.UTC),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        ingest.ingest(new IngestRequest(name, CatalogSamples.slice(from, to), Optional.of(label), "tester", false,
                Optional.empty()));
        List<OrbitRecord> stored = new ArrayList<>();
        for (String[] set : CatalogSamples.elementSets().subList(from, to)) {
            long norad = Long.parseLong(set[1].substring(2, 7).trim());
            stored.add(s.catalog.orbitHistory(norad, LabelFilter.UNRESTRICTED).stream()
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

    private static StoredConjunctions screened(Stores s, Instant startedAt, List<Conjunction> found) {
        ScreeningRun run = s.runs.startRun(new ScreeningRun(0, ScreeningRun.Kind.ALL_VS_ALL, Optional.empty(), TCA,
                Duration.ofDays(1), new ScreeningVolume.Sphere(5000), Optional.empty(), "tester", startedAt,
                ScreeningRun.Status.RUNNING, 0, Optional.empty(), Optional.empty(), Optional.empty()));
        return s.runs.finishRun(run.id(), found, new ScreeningRun.Figures(3, 0, 3, found.size(), 0, 0, 0, 0, 0,
                Optional.empty()));
    }

    private static List<Product<ConjunctionEvent>> stored(Stores s) {
        return s.products.list(EventKind.INSTANCE, ProductQuery.all(EventKind.INSTANCE, 100),
                LabelFilter.UNRESTRICTED).items();
    }

    @Test
    void aLaterRunsUpdatesJoinTheStoredEventsWithTheirColumnsAndLabelsAsTheWholeHistoryGivesThem() {
        scenario(s, false);
    }

    @Test
    void aRunsConjunctionsHandedOverMakeTheEventsAReadOfThemMakesAndNothingIsReadBack() {
        List<Product<ConjunctionEvent>> handed = scenario(s, true);
        assertThat(s.store.read).as("conjunctions read back by the passes handed them").isZero();
        Stores other = open(newDatabase());
        List<Product<ConjunctionEvent>> read = scenario(other, false);
        assertThat(other.store.read).as("the same conjunctions read back instead").isEqualTo(7);
        assertThat(handed).as("events, ids, labels, inputs and every update").isEqualTo(read);
    }

    @Test
    void aRunsConjunctionsAsStoredAreWhatAReadOfThemGivesBack() {
        List<OrbitRecord> open = ingest(s, "public.txt", 0, 2, Label.publicFrom("TEST"));
        OrbitRecord restricted = ingest(s, "gbr.txt", 1, 2, RESTRICTED).getFirst();
        // an instant and ages finer than the columns keep (microseconds, seconds), and a label with an expiry
        Label expiring = new Label(RESTRICTED.originator(), RESTRICTED.releasability(), RESTRICTED.tlp(),
                RESTRICTED.caveats(), Optional.of(Instant.parse("2031-01-01T00:00:00.123456789Z")));
        Conjunction fine = new Conjunction(0, open.get(0).noradId(), restricted.noradId(),
                Optional.of(open.get(0).id()), Optional.of(restricted.id()), TCA.plusNanos(123_456_789), 812.25,
                7_123.5, 400.125, -600.5, 100.0625,
                Optional.of(new CollisionRisk(2.5e-4, "test", CovarianceSource.ESTIMATED, 12.5, "estimated")),
                Optional.empty(), Optional.empty(), Optional.empty(), expiring,
                Optional.of(new InputAges(Duration.ofMillis(18_000_999), Duration.ofMillis(25_200_500), true)));
        StoredConjunctions stored = screened(s, Instant.parse("2024-07-04T12:00:00.987654321Z"),
                List.of(approach(open.get(0), open.get(1), TCA, 900, 1e-4), fine));

        List<EventStore.Pending> read = s.store.pending(0, Long.MAX_VALUE, 10);
        assertThat(stored.conjunctions()).isEqualTo(read.stream().map(EventStore.Pending::conjunction).toList());
        assertThat(stored.conjunctions().get(1).value().tca()).isEqualTo(TCA.plusNanos(123_457_000));
        assertThat(stored.computedAt()).isEqualTo(read.getFirst().computedAt())
                .contains(Instant.parse("2024-07-04T12:00:00.987654Z"));
        Map<org.concord.product.ProductInput, Label> readLabels = new java.util.HashMap<>();
        read.forEach(p -> readLabels.putAll(p.inputLabels()));
        assertThat(stored.inputLabels()).isEqualTo(readLabels).hasSize(3).containsValue(RESTRICTED);
    }

    @Test
    void aPassHandedARunPlacesTheConjunctionsStoredBeforeAndAfterItOnceEach() {
        List<OrbitRecord> open = ingest(s, "public.txt", 0, 3, Label.publicFrom("TEST"));
        OrbitRecord a = open.get(0);
        OrbitRecord b = open.get(1);
        OrbitRecord c = open.get(2);
        Instant first = Instant.parse("2024-07-04T12:00:00Z");
        screened(s, first, List.of(approach(a, b, TCA, 900, 1e-4)));
        StoredConjunctions second = screened(s, first.plus(Duration.ofHours(6)), List.of(
                approach(a, b, TCA.plusSeconds(8), 400, 3e-4), approach(a, a, TCA, 0, 1e-3),
                approach(a, c, TCA, 3_000, 1e-6)));
        screened(s, first.plus(Duration.ofHours(7)), List.of(approach(b, c, TCA, 1_200, 1e-5)));

        assertThat(s.events.place(second)).as("the first run's, the second's but the object with itself, the third's")
                .isEqualTo(4);
        assertThat(s.store.read).as("the runs before and after, read").isEqualTo(2);
        assertThat(s.events.place(second)).as("handed again: placed already").isZero();
        assertThat(s.events.update()).as("nothing left to place").isZero();
        List<Product<ConjunctionEvent>> all = stored(s);
        assertThat(all).hasSize(3);
        assertThat(all.stream().mapToInt(e -> e.value().updates().size()).sum()).isEqualTo(4);
        assertThat(all).noneMatch(e -> e.value().primaryNoradId() == e.value().secondaryNoradId());
    }

    /**
     * Three runs of three pairs, each run's conjunctions placed by a pass that reads them ({@code handed} false) or
     * that is handed them as the run stored them; returns the events.
     */
    private static List<Product<ConjunctionEvent>> scenario(Stores s, boolean handed) {
        java.util.function.ToIntFunction<StoredConjunctions> place = handed ? s.events::place
                : run -> s.events.update();
        List<OrbitRecord> open = ingest(s, "public.txt", 0, 3, Label.publicFrom("TEST"));
        OrbitRecord cRestricted = ingest(s, "gbr.txt", 2, 3, RESTRICTED).getFirst();
        OrbitRecord a = open.get(0);
        OrbitRecord b = open.get(1);
        OrbitRecord c = open.get(2);
        Instant first = Instant.parse("2024-07-04T12:00:00Z");
        assertThat(place.applyAsInt(screened(s, first, List.of(approach(a, b, TCA, 900, 1e-4),
                approach(a, b, TCA.plus(Duration.ofMinutes(50)), 1_500, 2e-5), approach(a, c, TCA, 3_000, 1e-6)))))
                .isEqualTo(3);
        assertThat(stored(s)).hasSize(3).allMatch(e -> e.value().updates().size() == 1);

        // a run started later (its updates are the latest), and one started earlier but placed after it
        assertThat(place.applyAsInt(screened(s, first.plus(Duration.ofHours(6)), List.of(
                approach(a, b, TCA.plusSeconds(8), 400, 3e-4), approach(a, c, TCA.minusSeconds(5), 2_000, 1e-5)))))
                .isEqualTo(2);
        assertThat(place.applyAsInt(screened(s, first.minus(Duration.ofHours(6)), List.of(
                approach(a, b, TCA.plusSeconds(20), 200, 5e-3), approach(a, cRestricted, TCA.plusSeconds(3), 2_500,
                        2e-6))))).isEqualTo(2);
        assertThat(s.events.update()).as("nothing left to place").isZero();

        List<Product<ConjunctionEvent>> all = stored(s);
        assertThat(all).hasSize(3);
        Product<ConjunctionEvent> abEvent = all.stream().filter(e -> e.value().updates().getFirst().tca().equals(TCA)
                && e.value().secondaryNoradId() == Math.max(a.noradId(), b.noradId())).findFirst().orElseThrow();
        ConjunctionEvent ab = abEvent.value();
        assertThat(ab.updates()).extracting(EventUpdate::missDistanceMeters).containsExactly(900.0, 400.0, 200.0);
        assertThat(ab.updates()).extracting(EventUpdate::number).containsExactly(1, 2, 3);
        assertThat(ab.latest().missDistanceMeters()).as("the update computed last").isEqualTo(400.0);
        Map<Long, EventStore.Stored> columns = new java.util.HashMap<>();
        s.store.eventsWithTcaWithin(TCA.minus(Duration.ofDays(1)), TCA.plus(Duration.ofDays(1)))
                .forEach(e -> columns.put(e.id(), e));
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
        return all;
    }
}
