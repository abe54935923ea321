package org.concord.ingest;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.concord.label.LabelFilter;
import org.concord.catalog.CatalogStatistics;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.orbit.OrekitSetup;
import org.concord.store.Database;
import org.concord.store.JooqCatalogStore;

/**
 * A real catalog (and re-entry reports) for the malformed-input tests: an H2 file database with the Flyway schema, the jOOQ store and an
 * ingest service with the default limit of 64 MiB, public label "TEST" and a clock fixed at 2025-06-01.
 */
final class CorpusStore implements AutoCloseable {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    static final String DIR = "malformed/";

    /** Everything a failed ingest could have touched: the statistics and the row count of every table. */
    record Snapshot(CatalogStatistics statistics, int sources, int orbits, int objects, int satcat,
                    int reentryReports) {
    }

    private final Database database;
    private final JooqCatalogStore store;
    private final IngestService service;

    private CorpusStore(Database database) {
        this.database = database;
        this.store = new JooqCatalogStore(database);
        this.service = new IngestService(store, new org.concord.store.JooqConjunctionStore(database, new org.concord.store.JooqProductStore(database, org.concord.node.Node.PRODUCT_KINDS)), new org.concord.reentry.ReentryReports(new org.concord.product.ProductService(new org.concord.store.JooqProductStore(database, org.concord.node.Node.PRODUCT_KINDS)), store),
                org.concord.risk.HardBodyRadii.bundled(), new LabelRules(Label.publicFrom("TEST"), List.of()), MAX_BYTES,
                Clock.fixed(NOW, ZoneOffset.UTC), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    static CorpusStore open(Path dir) {
        OrekitSetup.initialize(Optional.empty());
        return new CorpusStore(Database.open("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0", "sa", ""));
    }

    /**
     * Fills the catalog with real records none of the corpus files repeats: the SATCAT rows of the objects the CCSDS
     * messages name by international designator (VANGUARD 1, HST, GOES 9, ISS, EUTELSAT W4), from the Space-Track
     * SATCAT of 2021-01-19, and the element sets of TRANSIT 2A and COURIER 1B from the bundled catalog.
     */
    CorpusStore populate() {
        List<String> satcat = lines("/satcat/spacetrack_satcat_2021-01-19.csv.gz", true);
        StringBuilder rows = new StringBuilder(satcat.get(0)).append('\n');
        for (String id : List.of("5", "20580", "23581", "25544", "26369")) {
            rows.append(satcat.stream().skip(1).filter(l -> l.split("\",\"")[1].equals(id)).findFirst().orElseThrow())
                    .append('\n');
        }
        List<String> catalog = lines(Node.SAMPLE_CATALOG, false);
        StringBuilder tles = new StringBuilder();
        for (String name : List.of("0 TRANSIT 2A", "0 COURIER 1B")) {
            int i = catalog.indexOf(name);
            tles.append(String.join("\n", catalog.subList(i, i + 3))).append('\n');
        }
        ingest("base-satcat.csv", rows.toString().getBytes(StandardCharsets.UTF_8), false);
        ingest("base-catalog.tle", tles.toString().getBytes(StandardCharsets.UTF_8), false);
        return this;
    }

    private static List<String> lines(String resource, boolean gzipped) {
        try (InputStream raw = Node.class.getResourceAsStream(resource)) {
            InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JooqCatalogStore store() {
        return store;
    }

    IngestService service() {
        return service;
    }

    Snapshot snapshot() {
        var dsl = database.dsl();
        return new Snapshot(store.statistics(LabelFilter.UNRESTRICTED), dsl.fetchCount(table("ingest_source")),
                dsl.fetchCount(table("orbit_record")), dsl.fetchCount(table("space_object")),
                dsl.fetchCount(table("satcat_entry")), dsl.fetchCount(table("reentry_report")));
    }

    /** Whether the SATCAT entry of the object is stored (a SATCAT-only object is not a catalog object). */
    boolean hasSatcatEntry(long noradId) {
        return database.dsl().fetchExists(table("satcat_entry"), field("norad_id").eq(noradId));
    }

    IngestReport ingest(String file, boolean skipInvalid) {
        return ingest(file, bytes(file), skipInvalid);
    }

    IngestReport ingest(String name, byte[] content, boolean skipInvalid) {
        return service.ingest(new IngestRequest(name, content, Optional.empty(), "test:malformed", skipInvalid,
                Optional.empty()));
    }

    static byte[] bytes(String file) {
        try (InputStream in = CorpusStore.class.getResourceAsStream("/" + DIR + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + DIR + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
