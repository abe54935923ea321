package org.concord.store;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.val;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.concord.catalog.CatalogFreshness;
import org.concord.catalog.CatalogStatistics;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.IngestBatch;
import org.concord.catalog.IngestOutcome;
import org.concord.catalog.LatestOrbitChoice;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.ObjectQuery.Range;
import org.concord.catalog.ObjectQuery.SortKey;
import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.OrbitSummary;
import org.concord.catalog.Page;
import org.concord.catalog.Provenance;
import org.concord.catalog.RecallOutcome;
import org.concord.catalog.RelabelOutcome;
import org.concord.catalog.SourceFormat;
import org.concord.catalog.SpaceObject;
import org.concord.catalog.OwnerCodes;
import org.concord.catalog.SpaceObject.SatcatEntry;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.concord.store.Tables.IngestSource;
import org.concord.store.Tables.ObjectLabelLatest;
import org.concord.store.Tables.Orbit;
import org.concord.store.Tables.PartyRow;
import org.concord.store.Tables.Satcat;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** The catalog in PostgreSQL or H2, through jOOQ. */
public final class JooqCatalogStore implements CatalogStore {

    private static final int CHUNK = 1000;
    private static final Table<?> OBJ = Tables.SpaceObject.T;

    private final Database database;
    private final DSLContext dsl;
    private final LabelIds labelIds;
    private final RenderedQueries rendered;

    public JooqCatalogStore(Database database) {
        this(database, new LabelIds(database));
    }

    JooqCatalogStore(Database database, LabelIds labelIds) {
        this.database = database;
        this.dsl = database.dsl();
        this.labelIds = labelIds;
        this.rendered = new RenderedQueries(dsl);
    }

    /** A store of at least this many rows refreshes PostgreSQL's planner statistics afterwards. */
    private static final int ANALYZE_AFTER_ROWS = 1000;

    @Override
    public IngestOutcome store(IngestBatch batch) {
        IngestOutcome outcome;
        try {
            outcome = storeInTransaction(batch);
        } catch (org.jooq.exception.DataAccessException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // another ingest stored some of the same records between our look-up and our insert: once again, those
            // records are now found and counted as unchanged
            outcome = storeInTransaction(batch);
        } finally {
            database.catalogChangedHere();
        }
        if (outcome.stored() >= ANALYZE_AFTER_ROWS && isPostgres(dsl)) {
            // without it, the next ingest's look-ups plan against an empty table (sequential scans, seconds per
            // look-up) until autovacuum catches up, and so do enforced object lists: object_label_latest estimated
            // at 2 rows instead of 32,000 drove nested loops over the whole table (100 ms per list page)
            dsl.execute(batch.format() == SourceFormat.SATCAT_CSV ? "ANALYZE satcat_entry"
                    : "ANALYZE orbit_record, space_object, object_label_latest");
        }
        return outcome;
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private IngestOutcome storeInTransaction(IngestBatch batch) {
        Map<Label, Long> labels = labelIds.resolve(batch.format() == SourceFormat.SATCAT_CSV
                ? batch.satcatRows().stream().map(r -> r.entry().label()).collect(java.util.stream.Collectors.toSet())
                : batch.orbits().stream().map(OrbitRecord::label).collect(java.util.stream.Collectors.toSet()));
        return dsl.transactionResult(() -> {
            DSLContext tx = dsl;
            raiseCatalogVersion(tx);
            Provenance p = batch.provenance();
            long sourceId = tx.insertInto(IngestSource.T)
                    .set(IngestSource.SOURCE_NAME, truncate(p.sourceName(), 1024))
                    .set(IngestSource.SOURCE_SHA256, p.sourceSha256())
                    .set(IngestSource.SOURCE_FORMAT, batch.format().name())
                    .set(IngestSource.INGESTED_AT, odt(p.ingestedAt()))
                    .set(IngestSource.INGESTED_BY, p.ingestedBy())
                    .set(IngestSource.RECORDS_STORED, 0)
                    .set(IngestSource.RECORDS_UNCHANGED, 0)
                    .set(IngestSource.RECORDS_REJECTED, batch.rejected())
                    .returningResult(IngestSource.ID)
                    .fetchOne()
                    .value1();
            int[] otherLabel = new int[1];
            int stored;
            int unchanged;
            if (batch.format() == SourceFormat.SATCAT_CSV) {
                stored = storeSatcat(tx, sourceId, batch.satcatRows(), labels, otherLabel);
                unchanged = batch.satcatRows().size() - stored;
            } else {
                stored = storeOrbits(tx, sourceId, batch.orbits(), labels, otherLabel);
                unchanged = batch.orbits().size() - stored;
            }
            tx.update(IngestSource.T)
                    .set(IngestSource.RECORDS_STORED, stored)
                    .set(IngestSource.RECORDS_UNCHANGED, unchanged)
                    .where(IngestSource.ID.eq(sourceId))
                    .execute();
            return new IngestOutcome(sourceId, stored, unchanged, batch.rejected(), otherLabel[0]);
        });
    }

    private static final String ORBIT_COLUMNS = "norad_id, object_name, intl_designator, epoch, orbit_kind,"
            + " source_format, perigee_km, apogee_km, inclination_deg, period_min, eccentricity, coverage_start,"
            + " coverage_stop, has_covariance, content, content_sha256, label_originator, label_releasability,"
            + " label_tlp, label_caveats, label_expiry, source_id, source_line, label_id";

    /**
     * Stores the orbits not yet held (same content and originator); counts in {@code otherLabel[0]} those held under
     * another label than the batch gives them.
     */
    private int storeOrbits(DSLContext tx, long sourceId, List<OrbitRecord> orbits, Map<Label, Long> labels,
                            int[] otherLabel) {
        Map<String, Long> existing = new HashMap<>();
        List<String> hashes = orbits.stream().map(OrbitRecord::contentSha256).distinct().toList();
        for (List<String> chunk : chunks(hashes)) {
            tx.select(Orbit.CONTENT_SHA256, Orbit.LABEL_ORIGINATOR, Orbit.LABEL_ID).from(Orbit.T)
                    .where(Orbit.CONTENT_SHA256.in(chunk))
                    .forEach(r -> existing.put(r.value1() + "|" + r.value2(), r.value3()));
        }
        List<OrbitRecord> toStore = new ArrayList<>();
        for (OrbitRecord o : orbits) {
            Long held = existing.putIfAbsent(o.contentSha256() + "|" + o.label().originator(), labels.get(o.label()));
            if (held == null) {
                toStore.add(o);
            } else if (!held.equals(labels.get(o.label()))) {
                otherLabel[0]++;
            }
        }
        if (toStore.isEmpty()) {
            return 0;
        }
        if (isPostgres(tx)) {
            copyOrbits(tx, sourceId, toStore, labels);
        } else {
            insertOrbits(tx, sourceId, toStore, labels);
        }
        Map<String, Integer> priorities = LatestOrbits.priorities(tx);
        upsertObjects(tx, sourceId, priorities);
        upsertLabelLatest(tx, sourceId, priorities);
        return toStore.size();
    }

    private static boolean isPostgres(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.POSTGRES;
    }

    static void insertOrbits(DSLContext tx, long sourceId, List<OrbitRecord> orbits,
                                     Map<Label, Long> labels) {
        BatchBindStep insert = tx.batch(tx.insertInto(Orbit.T, Orbit.NORAD_ID, Orbit.OBJECT_NAME,
                Orbit.INTL_DESIGNATOR, Orbit.EPOCH, Orbit.ORBIT_KIND, Orbit.SOURCE_FORMAT, Orbit.PERIGEE_KM,
                Orbit.APOGEE_KM, Orbit.INCLINATION_DEG, Orbit.PERIOD_MIN, Orbit.ECCENTRICITY, Orbit.COVERAGE_START,
                Orbit.COVERAGE_STOP, Orbit.HAS_COVARIANCE, Orbit.CONTENT, Orbit.CONTENT_SHA256,
                Orbit.LABEL_ORIGINATOR, Orbit.LABEL_RELEASABILITY, Orbit.LABEL_TLP, Orbit.LABEL_CAVEATS,
                Orbit.LABEL_EXPIRY, Orbit.SOURCE_ID, Orbit.SOURCE_LINE, Orbit.LABEL_ID)
                .values((Long) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null));
        for (OrbitRecord o : orbits) {
            OrbitSummary s = o.summary();
            Label l = o.label();
            insert = insert.bind(o.noradId(), truncate(o.objectName(), 256), o.internationalDesignator().orElse(null),
                    odt(o.epoch()), o.kind().name(), o.format().name(), s.perigeeAltitudeKm(), s.apogeeAltitudeKm(),
                    s.inclinationDeg(), s.periodMinutes(), s.eccentricity(),
                    o.coverage().map(c -> odt(c.start())).orElse(null),
                    o.coverage().map(c -> odt(c.stop())).orElse(null), o.hasCovariance(), o.content(),
                    o.contentSha256(), l.originator(), l.releasability().toString(), l.tlp().code(),
                    String.join(",", l.caveats()), l.expiry().map(JooqCatalogStore::odt).orElse(null), sourceId,
                    o.sourceLine(), labels.get(l));
        }
        insert.execute();
    }

    /**
     * PostgreSQL: the orbits through COPY, in the transaction's connection (faster than batched
     * INSERTs for a whole catalog). Values are written exactly as the batch path binds them.
     */
    private static void copyOrbits(DSLContext tx, long sourceId, List<OrbitRecord> orbits, Map<Label, Long> labels) {
        copyIn(tx, "COPY orbit_record (" + ORBIT_COLUMNS + ") FROM STDIN", row -> {
            for (OrbitRecord o : orbits) {
                OrbitSummary s = o.summary();
                Label l = o.label();
                row.value(o.noradId()).text(truncate(o.objectName(), 256))
                        .text(o.internationalDesignator().orElse(null)).time(o.epoch()).text(o.kind().name())
                        .text(o.format().name()).value(s.perigeeAltitudeKm()).value(s.apogeeAltitudeKm())
                        .value(s.inclinationDeg()).value(s.periodMinutes()).value(s.eccentricity())
                        .time(o.coverage().map(OrbitRecord.TimeSpan::start).orElse(null))
                        .time(o.coverage().map(OrbitRecord.TimeSpan::stop).orElse(null))
                        .text(o.hasCovariance() ? "t" : "f").text(o.content()).text(o.contentSha256())
                        .text(l.originator()).text(l.releasability().toString()).text(l.tlp().code())
                        .text(String.join(",", l.caveats())).time(l.expiry().orElse(null)).value(sourceId)
                        .value(o.sourceLine()).value(labels.get(l)).end();
            }
        });
    }

    /** Rows written by {@code rows}, through COPY ... FROM STDIN on the transaction's connection. */
    private static void copyIn(DSLContext tx, String copySql, CopyWriter rows) {
        tx.connection(connection -> {
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, copySql, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16)) {
                rows.write(new CopyRow(out));
            }
        });
    }

    @FunctionalInterface
    private interface CopyWriter {
        void write(CopyRow row) throws IOException;
    }

    private static final DateTimeFormatter COPY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    /** One row of COPY's text format: tab-separated, {@code \N} for NULL, backslash escapes. */
    private static final class CopyRow {
        private final Writer out;
        private boolean first = true;

        CopyRow(Writer out) {
            this.out = out;
        }

        private void separator() throws IOException {
            if (!first) {
                out.write('\t');
            }
            first = false;
        }

        CopyRow value(Object number) throws IOException {
            separator();
            out.write(String.valueOf(number));
            return this;
        }

        CopyRow time(Instant instant) throws IOException {
            return text(instant == null ? null : COPY_TIME.format(odt(instant)));
        }

        CopyRow text(String s) throws IOException {
            separator();
            if (s == null) {
                out.write("\\N");
                return this;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    case '\t' -> out.write("\\t");
                    default -> out.write(c);
                }
            }
            return this;
        }

        void end() throws IOException {
            out.write('\n');
            first = true;
        }
    }

    /** An object's latest orbit, as ranked by {@link LatestOrbits#ranksAbove}. */
    private record Latest(long orbitId, OffsetDateTime epoch, int priority, String name, String designator) {

        boolean isNewerThan(Latest other) {
            return LatestOrbits.ranksAbove(epoch, priority, orbitId, other.epoch, other.priority, other.orbitId);
        }

        static Latest newer(Latest a, Latest b) {
            return b.isNewerThan(a) ? b : a;
        }
    }

    /**
     * Creates the objects this source's orbits are of, and points every object whose newest orbit now comes from
     * this source at it (its name and designator follow, when that orbit has them). The newest orbit is found in
     * memory: a correlated sub-query per object made H2 quadratic (minutes for the full catalog).
     */
    private void upsertObjects(DSLContext tx, long sourceId, Map<String, Integer> priorities) {
        Map<Long, Latest> fromSource = new HashMap<>();
        Map<Long, LaneOf> lanes = new HashMap<>();
        tx.select(Orbit.ID, Orbit.NORAD_ID, Orbit.EPOCH, Orbit.OBJECT_NAME, Orbit.INTL_DESIGNATOR, Orbit.LABEL_ID,
                        DATA_KIND_OF_ORBIT, Orbit.LABEL_ORIGINATOR).from(Orbit.T)
                .where(Orbit.SOURCE_ID.eq(sourceId))
                .forEach(r -> {
                    lanes.put(r.value1(), new LaneOf(r.value6(), r.value7()));
                    fromSource.merge(r.value2(), new Latest(r.value1(), r.value3(),
                            priorities.getOrDefault(r.value8(), 0), r.value4(), r.value5()), Latest::newer);
                });
        Map<Long, Optional<Latest>> current = new HashMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(fromSource.keySet()))) {
            tx.select(Tables.SpaceObject.NORAD_ID, Orbit.ID, Orbit.EPOCH, Orbit.LABEL_ORIGINATOR).from(OBJ)
                    .leftJoin(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                    .where(Tables.SpaceObject.NORAD_ID.in(chunk))
                    .forEach(r -> current.put(r.value1(), r.value2() == null ? Optional.empty()
                            : Optional.of(new Latest(r.value2(), r.value3(), priorities.getOrDefault(r.value4(), 0),
                            null, null))));
        }
        BatchBindStep updateObjects = tx.batch(tx.update(OBJ)
                .set(Tables.SpaceObject.LATEST_ORBIT_ID, (Long) null)
                .set(Tables.SpaceObject.NAME, coalesce(val(null, Tables.SpaceObject.NAME), Tables.SpaceObject.NAME))
                .set(Tables.SpaceObject.INTL_DESIGNATOR,
                        coalesce(val(null, Tables.SpaceObject.INTL_DESIGNATOR), Tables.SpaceObject.INTL_DESIGNATOR))
                .set(Tables.SpaceObject.LATEST_LABEL_ID, (Long) null)
                .set(Tables.SpaceObject.LATEST_DATA_KIND, (String) null)
                .where(Tables.SpaceObject.NORAD_ID.eq((Long) null)));
        List<Long> newObjects = new ArrayList<>();
        int updates = 0;
        List<Long> ids = new ArrayList<>(fromSource.keySet());
        ids.sort(null);
        for (long noradId : ids) {
            Latest newest = fromSource.get(noradId);
            Optional<Latest> now = current.get(noradId);
            if (now == null) {
                newObjects.add(noradId);
            } else if (now.isEmpty() || newest.isNewerThan(now.get())) {
                LaneOf lane = lanes.get(newest.orbitId());
                updateObjects = updateObjects.bind(newest.orbitId(), newest.name().isBlank() ? null : newest.name(),
                        newest.designator(), lane.labelId(), lane.dataKind(), noradId);
                updates++;
            }
        }
        if (!newObjects.isEmpty()) {
            if (isPostgres(tx)) {
                copyIn(tx, "COPY space_object (norad_id, name, intl_designator, latest_orbit_id, latest_label_id,"
                        + " latest_data_kind) FROM STDIN", row -> {
                    for (long noradId : newObjects) {
                        Latest newest = fromSource.get(noradId);
                        LaneOf lane = lanes.get(newest.orbitId());
                        row.value(noradId).text(newest.name()).text(newest.designator()).value(newest.orbitId())
                                .value(lane.labelId()).text(lane.dataKind()).end();
                    }
                });
            } else {
                BatchBindStep insertObjects = tx.batch(tx.insertInto(OBJ, Tables.SpaceObject.NORAD_ID,
                        Tables.SpaceObject.NAME, Tables.SpaceObject.INTL_DESIGNATOR,
                        Tables.SpaceObject.LATEST_ORBIT_ID, Tables.SpaceObject.LATEST_LABEL_ID,
                        Tables.SpaceObject.LATEST_DATA_KIND).values((Long) null, null, null, null, null, null));
                for (long noradId : newObjects) {
                    Latest newest = fromSource.get(noradId);
                    LaneOf lane = lanes.get(newest.orbitId());
                    insertObjects = insertObjects.bind(noradId, newest.name(), newest.designator(),
                            newest.orbitId(), lane.labelId(), lane.dataKind());
                }
                insertObjects.execute();
            }
        }
        if (updates > 0) {
            updateObjects.execute();
        }
    }

    static final Field<String> DATA_KIND_OF_ORBIT = DSL.when(Orbit.ORBIT_KIND.eq(OrbitKind.EPHEMERIS.name()),
            DSL.inline(DataKind.EPHEMERIDES.name())).otherwise(DSL.inline(DataKind.ORBITS.name()));

    private record LaneKey(long noradId, long labelId, String dataKind) {
    }

    /** The label and data kind of one orbit record. */
    private record LaneOf(long labelId, String dataKind) {
    }

    /**
     * Keeps {@code object_label_latest} (the newest orbit of each object under each label and data kind) up to date
     * with this source's orbits, found in memory as {@link #upsertObjects} does.
     */
    private void upsertLabelLatest(DSLContext tx, long sourceId, Map<String, Integer> priorities) {
        Map<LaneKey, Latest> fromSource = new HashMap<>();
        tx.select(Orbit.ID, Orbit.NORAD_ID, Orbit.EPOCH, Orbit.LABEL_ID, DATA_KIND_OF_ORBIT, Orbit.LABEL_ORIGINATOR)
                .from(Orbit.T)
                .where(Orbit.SOURCE_ID.eq(sourceId))
                .forEach(r -> fromSource.merge(new LaneKey(r.value2(), r.value4(), r.value5()),
                        new Latest(r.value1(), r.value3(), priorities.getOrDefault(r.value6(), 0), null, null),
                        Latest::newer));
        Map<LaneKey, Latest> current = new HashMap<>();
        List<Long> objects = fromSource.keySet().stream().map(LaneKey::noradId).distinct().toList();
        for (List<Long> chunk : chunks(objects)) {
            tx.select(ObjectLabelLatest.NORAD_ID, ObjectLabelLatest.LABEL_ID, ObjectLabelLatest.DATA_KIND,
                            ObjectLabelLatest.ORBIT_ID, ObjectLabelLatest.EPOCH, ObjectLabelLatest.SOURCE_PRIORITY)
                    .from(ObjectLabelLatest.T)
                    .where(ObjectLabelLatest.NORAD_ID.in(chunk))
                    .forEach(r -> current.put(new LaneKey(r.value1(), r.value2(), r.value3()),
                            new Latest(r.value4(), r.value5(), r.value6(), null, null)));
        }
        List<Map.Entry<LaneKey, Latest>> inserts = new ArrayList<>();
        BatchBindStep updates = tx.batch(tx.update(ObjectLabelLatest.T)
                .set(ObjectLabelLatest.ORBIT_ID, (Long) null).set(ObjectLabelLatest.EPOCH, (OffsetDateTime) null)
                .where(ObjectLabelLatest.NORAD_ID.eq((Long) null)).and(ObjectLabelLatest.LABEL_ID.eq((Long) null))
                .and(ObjectLabelLatest.DATA_KIND.eq((String) null)));
        int updateCount = 0;
        for (Map.Entry<LaneKey, Latest> e : fromSource.entrySet()) {
            Latest now = current.get(e.getKey());
            if (now == null) {
                inserts.add(e);
            } else if (e.getValue().isNewerThan(now)) {
                LaneKey k = e.getKey();
                updates = updates.bind(e.getValue().orbitId(), e.getValue().epoch(), k.noradId(), k.labelId(),
                        k.dataKind());
                updateCount++;
            }
        }
        if (updateCount > 0) {
            updates.execute();
        }
        if (inserts.isEmpty()) {
            return;
        }
        if (isPostgres(tx)) {
            copyIn(tx, "COPY object_label_latest (norad_id, label_id, data_kind, orbit_id, epoch, source_priority)"
                    + " FROM STDIN", row -> {
                for (Map.Entry<LaneKey, Latest> e : inserts) {
                    LaneKey k = e.getKey();
                    row.value(k.noradId()).value(k.labelId()).text(k.dataKind()).value(e.getValue().orbitId())
                            .time(e.getValue().epoch().toInstant()).value(e.getValue().priority()).end();
                }
            });
        } else {
            BatchBindStep insert = tx.batch(tx.insertInto(ObjectLabelLatest.T, ObjectLabelLatest.NORAD_ID,
                    ObjectLabelLatest.LABEL_ID, ObjectLabelLatest.DATA_KIND, ObjectLabelLatest.ORBIT_ID,
                    ObjectLabelLatest.EPOCH, ObjectLabelLatest.SOURCE_PRIORITY)
                    .values((Long) null, null, null, null, null, null));
            for (Map.Entry<LaneKey, Latest> e : inserts) {
                LaneKey k = e.getKey();
                insert = insert.bind(k.noradId(), k.labelId(), k.dataKind(), e.getValue().orbitId(),
                        e.getValue().epoch(), e.getValue().priority());
            }
            insert.execute();
        }
    }

    private int storeSatcat(DSLContext tx, long sourceId, List<IngestBatch.SatcatRow> rows, Map<Label, Long> labels,
                            int[] otherLabel) {
        Map<Long, String> existing = new HashMap<>();
        Map<Long, Long> existingLabels = new HashMap<>();
        for (List<Long> chunk : chunks(rows.stream().map(IngestBatch.SatcatRow::noradId).toList())) {
            tx.select(Satcat.NORAD_ID, Satcat.CONTENT_SHA256, Satcat.LABEL_ID).from(Satcat.T)
                    .where(Satcat.NORAD_ID.in(chunk))
                    .forEach(r -> {
                        existing.put(r.value1(), r.value2());
                        existingLabels.put(r.value1(), r.value3());
                    });
        }
        List<Long> replaced = new ArrayList<>();
        List<IngestBatch.SatcatRow> toInsert = new ArrayList<>();
        for (IngestBatch.SatcatRow row : rows) {
            String hash = existing.get(row.noradId());
            if (hash != null && hash.equals(row.contentSha256())) {
                if (!labels.get(row.entry().label()).equals(existingLabels.get(row.noradId()))) {
                    otherLabel[0]++;
                }
                continue;
            }
            if (hash != null) {
                replaced.add(row.noradId());
            }
            existing.put(row.noradId(), row.contentSha256());
            toInsert.add(row);
        }
        for (List<Long> chunk : chunks(replaced)) {
            tx.deleteFrom(Satcat.T).where(Satcat.NORAD_ID.in(chunk)).execute();
        }
        if (toInsert.isEmpty()) {
            return 0;
        }
        BatchBindStep insert = tx.batch(tx.insertInto(Satcat.T, Satcat.NORAD_ID, Satcat.INTL_DESIGNATOR, Satcat.NAME,
                Satcat.OBJECT_TYPE, Satcat.OWNER, Satcat.LAUNCH_DATE, Satcat.LAUNCH_SITE, Satcat.DECAY_DATE,
                Satcat.RCS_SIZE, Satcat.FIELD_SOURCES, Satcat.CONTENT_SHA256, Satcat.LABEL_ORIGINATOR,
                Satcat.LABEL_RELEASABILITY, Satcat.LABEL_TLP, Satcat.LABEL_CAVEATS, Satcat.LABEL_EXPIRY,
                Satcat.SOURCE_ID, Satcat.SOURCE_LINE, Satcat.LABEL_ID)
                .values((Long) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null));
        for (IngestBatch.SatcatRow row : toInsert) {
            SatcatEntry e = row.entry();
            Label l = e.label();
            insert = insert.bind(row.noradId(), row.internationalDesignator().orElse(null), truncate(row.name(), 256),
                    e.objectType(), e.owner().orElse(null), e.launchDate().orElse(null), e.launchSite().orElse(null),
                    e.decayDate().orElse(null), e.rcsSize().orElse(null), fieldSources(e.fieldSources()),
                    row.contentSha256(), l.originator(),
                    l.releasability().toString(), l.tlp().code(), String.join(",", l.caveats()),
                    l.expiry().map(JooqCatalogStore::odt).orElse(null), sourceId, row.line(), labels.get(l));
        }
        insert.execute();
        return toInsert.size();
    }

    /**
     * One statement as a rule. Unrestricted, or when the caller may see the object's newest orbit, the object as
     * stored; when this catalog view knows the newest is hidden from the caller, the object with its newest visible
     * orbit (known from the view) instead. Otherwise (a forbidden or missing object, or a change by another process
     * the view does not show yet) a second statement ranks the object's visible lanes.
     */
    @Override
    public Optional<SpaceObject> findObject(long noradId, LabelFilter filter) {
        Map<String, Object> object = Map.of("noradId", noradId);
        if (filter.unrestricted()) {
            return first(rendered.fetch("object", filter, object,
                    () -> objectSelect(OBJ, filter).where(Tables.SpaceObject.NORAD_ID.eq(noradIdParam()))));
        }
        Optional<Hidden> hidden = Optional.ofNullable(hiddenNewest(currentView(), filter).byObject().get(noradId));
        Optional<SpaceObject> found = hidden.isPresent()
                ? first(rendered.fetch("object by its newest visible orbit", filter,
                        Map.of("noradId", noradId, "orbitId", hidden.get().orbitId()),
                        () -> objectSelect(visibleOrbitAsObject(filter), filter)
                                .where(Tables.SpaceObject.NORAD_ID.eq(noradIdParam()))))
                : first(rendered.fetch("object showing its newest orbit", filter, object,
                        () -> objectSelect(OBJ, filter).where(Tables.SpaceObject.NORAD_ID.eq(noradIdParam()))
                                .and(newestVisible(filter))));
        return found.isPresent() ? found : newestVisibleLane(noradId, filter);
    }

    private static Field<Long> noradIdParam() {
        return DSL.param("noradId", Long.class);
    }

    private Optional<SpaceObject> first(org.jooq.Result<Record> rows) {
        return rows.stream().findFirst().map(this::toObject);
    }

    /** The orbit of parameter {@code orbitId}, if the filter admits it, as its object in the shape of space_object. */
    private static Table<?> visibleOrbitAsObject(LabelFilter filter) {
        return DSL.select(Orbit.NORAD_ID.as("norad_id"), Orbit.OBJECT_NAME.as("name"),
                        Orbit.INTL_DESIGNATOR.as("intl_designator"), Orbit.ID.as("latest_orbit_id"))
                .from(Orbit.T).where(Orbit.ID.eq(DSL.param("orbitId", Long.class))).and(orbitVisible(filter))
                .asTable("space_object");
    }

    /**
     * The object with the newest orbit the filter admits, found by ranking its lanes (its newest orbit under each
     * label and kind, a few rows found by primary key) as the newest orbit is ranked. Its stored name and designator
     * belong to its newest orbit; another orbit brings its own.
     */
    private Optional<SpaceObject> newestVisibleLane(long noradId, LabelFilter filter) {
        return first(rendered.fetch("object with its newest visible lane", filter, Map.of("noradId", noradId),
                () -> newestVisibleLaneQuery(filter)));
    }

    private org.jooq.Select<Record> newestVisibleLaneQuery(LabelFilter filter) {
        Condition newestItself = ObjectLabelLatest.ORBIT_ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID);
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(Tables.SpaceObject.NORAD_ID);
        fields.add(DSL.when(newestItself, Tables.SpaceObject.NAME).otherwise(Orbit.OBJECT_NAME).as("name"));
        fields.add(DSL.when(newestItself, Tables.SpaceObject.INTL_DESIGNATOR).otherwise(Orbit.INTL_DESIGNATOR)
                .as("intl_designator"));
        fields.addAll(Arrays.asList(orbitFields()));
        fields.addAll(Arrays.asList(satcatFields()));
        return dsl.select(fields).from(OBJ)
                .join(ObjectLabelLatest.T).on(ObjectLabelLatest.NORAD_ID.eq(Tables.SpaceObject.NORAD_ID))
                .join(Orbit.T).on(Orbit.ID.eq(ObjectLabelLatest.ORBIT_ID))
                .join(IngestSource.T).on(IngestSource.ID.eq(Orbit.SOURCE_ID))
                .leftJoin(Satcat.T).on(satcatJoin(filter))
                .where(Tables.SpaceObject.NORAD_ID.eq(noradIdParam()))
                .and(ObjectLabelLatest.NORAD_ID.eq(noradIdParam()))
                .and(lane(ObjectLabelLatest.LABEL_ID, ObjectLabelLatest.DATA_KIND, filter))
                .orderBy(ObjectLabelLatest.EPOCH.desc(), ObjectLabelLatest.SOURCE_PRIORITY.desc(),
                        ObjectLabelLatest.ORBIT_ID.desc())
                .limit(1);
    }

    /**
     * Unrestricted, one query. Restricted, two: the objects whose newest orbit the caller may see, straight from
     * {@code space_object} (as fast as the unrestricted query), and the objects whose newest orbit is hidden from it
     * with their newest visible orbit instead (usually few); each sorted and cut to the page, then merged. Sorted by
     * name, where the database's collation decides the order, the two are merged in SQL instead.
     */
    @Override
    public Page<SpaceObject> findObjects(ObjectQuery q, LabelFilter filter) {
        Condition where = filters(q);
        Optional<List<Long>> only = q.noradIds().isEmpty() ? Optional.empty() : Optional.of(List.copyOf(q.noradIds()));
        Field<?> sortField = sortField(q.sort());
        Optional<Cursor> cursor = q.cursor().map(c -> Cursor.parse(c, q));
        Condition after = cursor.map(c -> beyond(sortField, c.value(), c.noradId(), q.descending()))
                .orElse(noCondition());
        List<SortField<?>> order = List.of(q.descending() ? sortField.desc() : sortField.asc(),
                q.descending() ? Tables.SpaceObject.NORAD_ID.desc() : Tables.SpaceObject.NORAD_ID.asc());
        CatalogView view = currentView();
        long total;
        List<SpaceObject> items;
        if (filter.unrestricted() || q.sort() == SortKey.NAME) {
            Table<?> source = filter.unrestricted() ? OBJ
                    : objects(filter, only, fallbackObjects(view, filter, only, h -> mayMatch(h, q)));
            total = countObjects(view, filter.unrestricted() ? "all" : "visible", () -> Optional.of(source), filter,
                    where);
            items = objectSelect(source, filter).where(where).and(after).orderBy(order).limit(q.limit() + 1)
                    .fetch().map(this::toObject);
        } else {
            Condition plain = newestVisible(filter);
            total = countObjects(view, "newest visible", () -> Optional.of(OBJ), filter, where.and(plain))
                    + countObjects(view, "newest hidden",
                    () -> fallbackObjects(view, filter, only, h -> mayMatch(h, q)), filter, where);
            List<SpaceObject> merged = new ArrayList<>(objectSelect(OBJ, filter).where(where).and(plain).and(after)
                    .orderBy(order).limit(q.limit() + 1).fetch().map(this::toObject));
            // a full first part leaves room on the page only for the objects that sort before its last one; that and
            // the cursor bound the objects whose newest orbit is hidden to look up
            Condition before = noCondition();
            Optional<Object> lastValue = Optional.empty();
            if (merged.size() > q.limit()) {
                SpaceObject last = merged.get(q.limit());
                lastValue = Optional.of(sortValue(last, q.sort()));
                before = beyond(sortField, lastValue.get(), last.noradId(), !q.descending());
            }
            Optional<Object> low = q.descending() ? lastValue : cursor.map(Cursor::value);
            Optional<Object> high = q.descending() ? cursor.map(Cursor::value) : lastValue;
            Optional<Table<?>> fallback = fallbackObjects(view, filter, only, h -> mayMatch(h, q) && switch (q.sort()) {
                case NORAD_ID -> within(h.noradId(), low, high);
                case EPOCH -> within(h.epoch(), low.map(JooqCatalogStore::instant),
                        high.map(JooqCatalogStore::instant));
                case PERIGEE -> within(h.perigeeKm(), low, high);
                case APOGEE -> within(h.apogeeKm(), low, high);
                case INCLINATION -> within(h.inclinationDeg(), low, high);
                case PERIOD -> within(h.periodMinutes(), low, high);
                case NAME -> true;
            });
            if (fallback.isPresent()) {
                merged.addAll(objectSelect(fallback.get(), filter).where(where).and(after).and(before)
                        .orderBy(order).limit(q.limit() + 1).fetch().map(this::toObject));
            }
            merged.sort(pageOrder(q));
            items = merged.size() > q.limit() + 1 ? merged.subList(0, q.limit() + 1) : merged;
        }
        Optional<String> next = Optional.empty();
        if (items.size() > q.limit()) {
            items = items.subList(0, q.limit());
            next = Optional.of(cursorAfter(items.get(items.size() - 1), q.sort()));
        }
        return new Page<>(items, total, next);
    }

    /** The objects of {@code source} (none when empty; built only when the total is not known yet) matching. */
    private long countObjects(CatalogView view, String part, java.util.function.Supplier<Optional<Table<?>>> source,
                              LabelFilter filter, Condition where) {
        return cached(view.totals(), new CountKey(part, filter, dsl.renderInlined(where)),
                () -> source.get().map(table -> dsl.select(count()).from(table)
                        .join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                        .leftJoin(Satcat.T).on(satcatJoin(filter))
                        .where(where).fetchOne().value1().longValue()).orElse(0L));
    }

    /**
     * Whether an object whose newest orbit is hidden can match the query's conditions on orbits, as far as the values
     * kept for it tell (SQL checks every condition again): those that cannot are not looked up.
     */
    private static boolean mayMatch(Hidden h, ObjectQuery q) {
        return within(h.perigeeKm(), q.perigeeKm()) && within(h.apogeeKm(), q.apogeeKm())
                && within(h.inclinationDeg(), q.inclinationDeg()) && within(h.periodMinutes(), q.periodMinutes())
                && q.maxEpochAge().map(age -> !h.epoch().isBefore(q.now().minus(age))).orElse(true);
    }

    private static boolean within(double value, ObjectQuery.Range range) {
        return range.min().map(min -> value >= min).orElse(true) && range.max().map(max -> value <= max).orElse(true);
    }

    /** A total: of which part of the objects, seen through which filter, matching which conditions. */
    private record CountKey(String part, LabelFilter filter, String where) {
    }

    /**
     * An object whose newest orbit a filter hides, with the newest orbit the filter admits and the values lists sort
     * that orbit by.
     */
    private record Hidden(long noradId, long orbitId, Instant epoch, double perigeeKm, double apogeeKm,
                          double inclinationDeg, double periodMinutes) {
    }

    /**
     * What object reads reuse while the catalog does not change: list totals (each a pass over every object it
     * counts) by their SQL, and for each filter the newest orbit it admits of every object whose newest orbit it
     * hides (found by an anti-join over all of them). {@code changesSeen} and {@code checkedAtNanos}: this process's
     * catalog changes when the version was last read, and when.
     */
    private record CatalogView(long catalogVersion, long changesSeen, long checkedAtNanos,
                               Map<CountKey, Long> totals, Map<LabelFilter, HiddenNewest> fallbacks) {

        CatalogView(long catalogVersion, long changesSeen, long checkedAtNanos) {
            this(catalogVersion, changesSeen, checkedAtNanos, new java.util.concurrent.ConcurrentHashMap<>(),
                    new java.util.concurrent.ConcurrentHashMap<>());
        }

        CatalogView checked(long changes, long nanos) {
            return new CatalogView(catalogVersion, changes, nanos, totals, fallbacks);
        }
    }

    /** Entries kept at most per map, for keys that are never asked again (queries relative to the current time). */
    private static final int MAX_CACHED = 1000;

    /** The cached value, computed once however many requests ask for it at the same time. */
    static <K, V> V cached(Map<K, V> cache, K key, java.util.function.Supplier<V> compute) {
        V value = cache.get(key);
        if (value != null) {
            return value;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        return cache.computeIfAbsent(key, k -> compute.get());
    }

    private volatile CatalogView view = new CatalogView(-1, -1, 0);

    private static final Table<?> CATALOG_STATE = DSL.table(DSL.unquotedName("catalog_state"));
    private static final Field<Long> CATALOG_VERSION = DSL.field(DSL.unquotedName("version"), Long.class);

    /**
     * Waits for, and holds to the commit, the writers' turn without changing the catalog version: for writers of
     * rows that federation feeds follow by id (conjunctions, recalls) but that object lists do not show.
     */
    static void takeWritersTurn(DSLContext tx) {
        tx.select(CATALOG_VERSION).from(CATALOG_STATE).where(DSL.field(DSL.unquotedName("id"), Integer.class).eq(1))
                .forUpdate().fetch();
    }

    /**
     * Raises the catalog version in this transaction (the caller tells its {@link Database} after the commit). Its
     * row lock, held to the commit, also makes writers take turns, so that orbit records become visible in id order
     * (federation feeds keep their place by id).
     */
    static void raiseCatalogVersion(DSLContext tx) {
        tx.update(CATALOG_STATE).set(CATALOG_VERSION, CATALOG_VERSION.plus(1L))
                .where(DSL.field(DSL.unquotedName("id"), Integer.class).eq(1)).execute();
    }

    /**
     * How long a catalog view is trusted without reading the catalog version: a change made through this process
     * counts from the next read; one made by another process on the same database (the command line beside a
     * running server), within this time. The sharing view follows the same rule.
     */
    static final long RECHECK_NANOS = 250_000_000L;

    /**
     * The view valid for the catalog as it is now: every change of what object reads show, by this process or
     * another, raises {@code catalog_state.version} in its transaction.
     */
    private CatalogView currentView() {
        CatalogView v = view;
        long now = System.nanoTime();
        long changes = database.catalogChangesHere();
        if (v.changesSeen() == changes && now - v.checkedAtNanos() < RECHECK_NANOS) {
            return v;
        }
        long version = dsl.select(CATALOG_VERSION).from(CATALOG_STATE).fetchOne(CATALOG_VERSION);
        v = v.catalogVersion() == version ? v.checked(changes, now) : new CatalogView(version, changes, now);
        view = v;
        return v;
    }

    /** The order of a page as SQL sorts it, for every sort key but the name (numbers and instants only). */
    private static java.util.Comparator<SpaceObject> pageOrder(ObjectQuery q) {
        java.util.Comparator<SpaceObject> byKey = switch (q.sort()) {
            case NORAD_ID -> java.util.Comparator.comparingLong(SpaceObject::noradId);
            case EPOCH -> java.util.Comparator.comparing(o -> o.latestOrbit().orElseThrow().epoch());
            case PERIGEE -> java.util.Comparator.comparingDouble(o -> o.latestOrbit().orElseThrow().summary()
                    .perigeeAltitudeKm());
            case APOGEE -> java.util.Comparator.comparingDouble(o -> o.latestOrbit().orElseThrow().summary()
                    .apogeeAltitudeKm());
            case INCLINATION -> java.util.Comparator.comparingDouble(o -> o.latestOrbit().orElseThrow().summary()
                    .inclinationDeg());
            case PERIOD -> java.util.Comparator.comparingDouble(o -> o.latestOrbit().orElseThrow().summary()
                    .periodMinutes());
            case NAME -> throw new IllegalStateException("names are merged in SQL");
        };
        java.util.Comparator<SpaceObject> order = byKey.thenComparingLong(SpaceObject::noradId);
        return q.descending() ? order.reversed() : order;
    }

    /** The rows whose label (in {@code field}) the filter admits for this kind of data. */
    static Condition admitted(Field<Long> field, LabelFilter filter, DataKind kind) {
        if (filter.unrestricted()) {
            return noCondition();
        }
        if (filter.seesAllKnown(kind)) {
            return field.le(filter.knownUpTo());
        }
        Set<Long> ids = filter.idsFor(kind);
        return ids.isEmpty() ? DSL.falseCondition() : field.in(ids);
    }

    /**
     * The rows whose label the filter hides for this kind: the known labels it does not admit, and any label stored
     * after the decision (which it does not admit either).
     */
    static Condition hidden(Field<Long> field, LabelFilter filter, DataKind kind) {
        if (filter.unrestricted()) {
            return DSL.falseCondition();
        }
        Condition newer = field.gt(filter.knownUpTo());
        if (filter.seesAllKnown(kind)) {
            return newer;
        }
        Set<Long> ids = filter.hiddenIdsFor(kind);
        return ids.isEmpty() ? newer : field.in(ids).or(newer);
    }

    /** The orbit records the filter admits: an OEM by its label's release as an ephemeris, the rest as orbits. */
    static Condition orbitVisible(LabelFilter filter) {
        if (filter.unrestricted()) {
            return noCondition();
        }
        if (sameForBothKinds(filter)) {
            return admitted(Orbit.LABEL_ID, filter, DataKind.ORBITS);
        }
        return Orbit.ORBIT_KIND.ne(OrbitKind.EPHEMERIS.name()).and(admitted(Orbit.LABEL_ID, filter, DataKind.ORBITS))
                .or(Orbit.ORBIT_KIND.eq(OrbitKind.EPHEMERIS.name())
                        .and(admitted(Orbit.LABEL_ID, filter, DataKind.EPHEMERIDES)));
    }

    /**
     * Whether the filter admits the same labels for orbits as for ephemerides: then the conditions on an orbit's kind
     * drop out (evaluated on every row of a list they cost more than the label test itself).
     */
    private static boolean sameForBothKinds(LabelFilter filter) {
        return filter.seesAllKnown(DataKind.ORBITS) == filter.seesAllKnown(DataKind.EPHEMERIDES)
                && filter.idsFor(DataKind.ORBITS).equals(filter.idsFor(DataKind.EPHEMERIDES));
    }

    private Condition satcatJoin(LabelFilter filter) {
        Condition join = Satcat.NORAD_ID.eq(Tables.SpaceObject.NORAD_ID);
        return filter.unrestricted() ? join : join.and(filterSql(filter).satcatAdmitted());
    }

    /**
     * A filter's conditions on every object read, rendered to SQL once: rendering their label lists on every request
     * was a good part of what the label check cost a list.
     */
    private record FilterSql(Condition newestVisible, Condition satcatAdmitted) {
    }

    private final Map<LabelFilter, FilterSql> filterSql = new java.util.concurrent.ConcurrentHashMap<>();

    private FilterSql filterSql(LabelFilter filter) {
        return cached(filterSql, filter, () -> new FilterSql(
                DSL.condition(dsl.renderInlined(newestVisibleCondition(filter))),
                DSL.condition(dsl.renderInlined(admitted(Satcat.LABEL_ID, filter, DataKind.ORBITS)))));
    }


    /**
     * The objects whose newest orbit the filter admits. The label is tested on each row rather than looked up in
     * {@code ix_object_latest_label} on H2, which otherwise walks that index for nearly every object and sorts them
     * all instead of reading them in the order a page asks for (lists 1.4-1.7x slower). PostgreSQL chooses by cost.
     */
    private Condition newestVisible(LabelFilter filter) {
        return filter.unrestricted() ? noCondition() : filterSql(filter).newestVisible();
    }

    private Condition newestVisibleCondition(LabelFilter filter) {
        Field<Long> label = isPostgres(dsl) ? Tables.SpaceObject.LATEST_LABEL_ID
                : Tables.SpaceObject.LATEST_LABEL_ID.plus(DSL.inline(0L));
        if (sameForBothKinds(filter)) {
            return admitted(label, filter, DataKind.ORBITS);
        }
        return Tables.SpaceObject.LATEST_DATA_KIND.eq(DataKind.ORBITS.name())
                .and(admitted(label, filter, DataKind.ORBITS))
                .or(Tables.SpaceObject.LATEST_DATA_KIND.eq(DataKind.EPHEMERIDES.name())
                        .and(admitted(label, filter, DataKind.EPHEMERIDES)));
    }

    /**
     * The objects a restricted caller sees, in the shape of {@code space_object}: those whose newest orbit it may see
     * as stored, and the others with their newest visible orbit (and that orbit's name and designator).
     */
    private Table<?> objects(LabelFilter filter, Optional<List<Long>> only, Optional<Table<?>> fallback) {
        Condition objects = only.map(ids -> Tables.SpaceObject.NORAD_ID.in(ids)).orElse(noCondition());
        var plain = DSL.select(new SelectField<?>[] {Tables.SpaceObject.NORAD_ID, Tables.SpaceObject.NAME,
                Tables.SpaceObject.INTL_DESIGNATOR, Tables.SpaceObject.LATEST_ORBIT_ID}).from(OBJ)
                .where(newestVisible(filter)).and(objects);
        return fallback.map(f -> plain.unionAll(DSL.select(DSL.asterisk()).from(f))).orElse(plain)
                .asTable("space_object");
    }

    /** The objects whose newest orbit a filter hides, each with the newest orbit it admits; by catalog number too. */
    private record HiddenNewest(List<Hidden> objects, Map<Long, Hidden> byObject) {
    }

    /** {@link #allFallbackObjects} in this catalog view, found once per filter. */
    private HiddenNewest hiddenNewest(CatalogView view, LabelFilter filter) {
        Field<Long> noradId = DSL.field(DSL.unquotedName("space_object", "norad_id"), Long.class);
        Field<Long> orbitId = DSL.field(DSL.unquotedName("space_object", "latest_orbit_id"), Long.class);
        return cached(view.fallbacks(), filter, () -> {
            List<Hidden> objects = dsl.select(noradId, orbitId, Orbit.EPOCH, Orbit.PERIGEE_KM, Orbit.APOGEE_KM,
                            Orbit.INCLINATION_DEG, Orbit.PERIOD_MIN)
                    .from(allFallbackObjects(filter)).join(Orbit.T).on(Orbit.ID.eq(orbitId))
                    .fetch(r -> new Hidden(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5(),
                            r.value6(), r.value7()));
            return new HiddenNewest(objects, objects.stream()
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(Hidden::noradId, h -> h)));
        });
    }

    /**
     * The objects {@code only} names (all when empty) whose newest orbit the filter hides in this catalog view and
     * that {@code wanted} accepts, with their newest visible orbit; none when there are no such objects.
     */
    private Optional<Table<?>> fallbackObjects(CatalogView view, LabelFilter filter, Optional<List<Long>> only,
                                               java.util.function.Predicate<Hidden> wanted) {
        List<Hidden> objects = hiddenNewest(view, filter).objects().stream().filter(wanted)
                .filter(h -> only.map(ids -> ids.contains(h.noradId())).orElse(true)).toList();
        return objects.isEmpty() ? Optional.empty() : Optional.of(fallbackObjects(filter, objects));
    }

    /**
     * These objects, each with the orbit found for it, in the shape of {@code space_object}: looked up by orbit id,
     * and each orbit checked against the filter once more.
     */
    private static Table<?> fallbackObjects(LabelFilter filter, List<Hidden> objects) {
        return DSL.select(Orbit.NORAD_ID.as("norad_id"), Orbit.OBJECT_NAME.as("name"),
                        Orbit.INTL_DESIGNATOR.as("intl_designator"), Orbit.ID.as("latest_orbit_id"))
                .from(Orbit.T).where(Orbit.ID.in(objects.stream().map(Hidden::orbitId).toList()))
                .and(orbitVisible(filter))
                .asTable("space_object");
    }

    /**
     * The objects whose newest orbit the filter hides but another orbit it admits, each with its newest admitted
     * orbit (and that orbit's name and designator), in the shape of {@code space_object}: an anti-join over every
     * object.
     */
    private static Table<?> allFallbackObjects(LabelFilter filter) {
        Condition newestHidden = Tables.SpaceObject.LATEST_DATA_KIND.eq(DataKind.ORBITS.name())
                .and(hidden(Tables.SpaceObject.LATEST_LABEL_ID, filter, DataKind.ORBITS))
                .or(Tables.SpaceObject.LATEST_DATA_KIND.eq(DataKind.EPHEMERIDES.name())
                        .and(hidden(Tables.SpaceObject.LATEST_LABEL_ID, filter, DataKind.EPHEMERIDES)));
        Table<?> newer = DSL.table(DSL.unquotedName("object_label_latest")).as("newer");
        Field<Long> newerNorad = DSL.field(DSL.unquotedName("newer", "norad_id"), Long.class);
        Field<Long> newerLabel = DSL.field(DSL.unquotedName("newer", "label_id"), Long.class);
        Field<String> newerKind = DSL.field(DSL.unquotedName("newer", "data_kind"), String.class);
        Field<Long> newerOrbit = DSL.field(DSL.unquotedName("newer", "orbit_id"), Long.class);
        Field<OffsetDateTime> newerEpoch = DSL.field(DSL.unquotedName("newer", "epoch"), OffsetDateTime.class);
        Field<Integer> newerPriority = DSL.field(DSL.unquotedName("newer", "source_priority"), Integer.class);
        // The best admitted lane of each such object: one with no admitted lane ranking above it (newer epoch, or
        // equal epoch and higher source priority, or both equal and stored later); cheaper than ranking.
        return DSL.select(Tables.SpaceObject.NORAD_ID.as("norad_id"), Orbit.OBJECT_NAME.as("name"),
                        Orbit.INTL_DESIGNATOR.as("intl_designator"), Orbit.ID.as("latest_orbit_id"))
                .from(OBJ)
                .join(ObjectLabelLatest.T).on(ObjectLabelLatest.NORAD_ID.eq(Tables.SpaceObject.NORAD_ID))
                .join(Orbit.T).on(Orbit.ID.eq(ObjectLabelLatest.ORBIT_ID))
                .where(newestHidden)
                .and(lane(ObjectLabelLatest.LABEL_ID, ObjectLabelLatest.DATA_KIND, filter))
                .andNotExists(DSL.selectOne().from(newer).where(newerNorad.eq(ObjectLabelLatest.NORAD_ID))
                        .and(lane(newerLabel, newerKind, filter))
                        .and(newerEpoch.gt(ObjectLabelLatest.EPOCH).or(newerEpoch.eq(ObjectLabelLatest.EPOCH)
                                .and(newerPriority.gt(ObjectLabelLatest.SOURCE_PRIORITY)
                                        .or(newerPriority.eq(ObjectLabelLatest.SOURCE_PRIORITY)
                                                .and(newerOrbit.gt(ObjectLabelLatest.ORBIT_ID)))))))
                .asTable("space_object");
    }

    /** An object's orbit lane (its newest orbit under one label and kind) that the filter admits. */
    private static Condition lane(Field<Long> labelId, Field<String> dataKind, LabelFilter filter) {
        if (sameForBothKinds(filter)) {
            return admitted(labelId, filter, DataKind.ORBITS);
        }
        return dataKind.eq(DataKind.ORBITS.name()).and(admitted(labelId, filter, DataKind.ORBITS))
                .or(dataKind.eq(DataKind.EPHEMERIDES.name()).and(admitted(labelId, filter, DataKind.EPHEMERIDES)));
    }

    private static Condition filters(ObjectQuery q) {
        Condition c = noCondition();
        if (!q.noradIds().isEmpty()) {
            c = c.and(Tables.SpaceObject.NORAD_ID.in(q.noradIds()));
        }
        if (q.internationalDesignator().isPresent()) {
            String d = q.internationalDesignator().get().toUpperCase();
            c = c.and(d.endsWith("*") ? Tables.SpaceObject.INTL_DESIGNATOR.startsWith(d.substring(0, d.length() - 1))
                    : Tables.SpaceObject.INTL_DESIGNATOR.eq(d));
        }
        if (q.nameContains().isPresent()) {
            c = c.and(lower(Tables.SpaceObject.NAME).contains(q.nameContains().get().toLowerCase()));
        }
        if (q.objectType().isPresent()) {
            c = c.and(Satcat.OBJECT_TYPE.equalIgnoreCase(q.objectType().get()));
        }
        if (q.owner().isPresent()) {
            c = c.and(Satcat.OWNER.in(OwnerCodes.ownerCodesOf(q.owner().get())));
        }
        c = c.and(range(Orbit.PERIGEE_KM, q.perigeeKm())).and(range(Orbit.APOGEE_KM, q.apogeeKm()))
                .and(range(Orbit.INCLINATION_DEG, q.inclinationDeg())).and(range(Orbit.PERIOD_MIN, q.periodMinutes()));
        if (q.maxEpochAge().isPresent()) {
            c = c.and(Orbit.EPOCH.ge(odt(q.now().minus(q.maxEpochAge().get()))));
        }
        return c;
    }

    private static Condition range(Field<Double> field, Range range) {
        Condition c = noCondition();
        if (range.min().isPresent()) {
            c = c.and(field.ge(range.min().get()));
        }
        if (range.max().isPresent()) {
            c = c.and(field.le(range.max().get()));
        }
        return c;
    }

    private static Field<?> sortField(SortKey key) {
        return switch (key) {
            case NORAD_ID -> Tables.SpaceObject.NORAD_ID;
            case NAME -> Tables.SpaceObject.NAME;
            case EPOCH -> Orbit.EPOCH;
            case PERIGEE -> Orbit.PERIGEE_KM;
            case APOGEE -> Orbit.APOGEE_KM;
            case INCLINATION -> Orbit.INCLINATION_DEG;
            case PERIOD -> Orbit.PERIOD_MIN;
        };
    }

    private static String cursorAfter(SpaceObject last, SortKey key) {
        String value = switch (key) {
            case NAME -> last.name();
            case EPOCH -> last.latestOrbit().orElseThrow().epoch().toString();
            default -> sortValue(last, key).toString();
        };
        String raw = key.name() + "\n" + last.noradId() + "\n" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Where a cursor continues from: the last object's sort value and NORAD id. */
    private record Cursor(Object value, long noradId) {

        static Cursor parse(String cursor, ObjectQuery q) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cursor is not one this node issued");
            }
            if (parts.length != 3 || !parts[0].equals(q.sort().name())) {
                throw new IllegalArgumentException("cursor does not belong to a query sorted by "
                        + q.sort().parameter());
            }
            long norad;
            Object value;
            try {
                norad = Long.parseLong(parts[1]);
                value = switch (q.sort()) {
                    case NORAD_ID -> Long.parseLong(parts[2]);
                    case NAME -> parts[2];
                    case EPOCH -> odt(Instant.parse(parts[2]));
                    default -> Double.parseDouble(parts[2]);
                };
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cursor is not one this node issued");
            }
            return new Cursor(value, norad);
        }
    }

    private static Object instant(Object epoch) {
        return ((OffsetDateTime) epoch).toInstant();
    }

    /** Whether {@code value} is within the bounds present, inclusive. */
    @SuppressWarnings("unchecked")
    private static <T extends Comparable<? super T>> boolean within(T value, Optional<Object> low,
                                                                    Optional<Object> high) {
        return low.map(l -> value.compareTo((T) l) >= 0).orElse(true)
                && high.map(h -> value.compareTo((T) h) <= 0).orElse(true);
    }

    /** The value an object is sorted by, as SQL compares it; not for the name (the database's collation orders it). */
    private static Object sortValue(SpaceObject object, SortKey key) {
        OrbitRecord o = object.latestOrbit().orElseThrow();
        return switch (key) {
            case NORAD_ID -> object.noradId();
            case EPOCH -> odt(o.epoch());
            case PERIGEE -> o.summary().perigeeAltitudeKm();
            case APOGEE -> o.summary().apogeeAltitudeKm();
            case INCLINATION -> o.summary().inclinationDeg();
            case PERIOD -> o.summary().periodMinutes();
            case NAME -> throw new IllegalStateException("names are compared in SQL");
        };
    }

    /** The rows after the one sorted at ({@code value}, {@code norad}), in ascending or descending order. */
    @SuppressWarnings("unchecked")
    private static Condition beyond(Field<?> sortField, Object value, long norad, boolean descending) {
        Field<Object> f = (Field<Object>) sortField;
        if (descending) {
            return f.lt(value).or(f.eq(value).and(Tables.SpaceObject.NORAD_ID.lt(norad)));
        }
        return f.gt(value).or(f.eq(value).and(Tables.SpaceObject.NORAD_ID.gt(norad)));
    }

    private org.jooq.SelectOnConditionStep<Record> objectSelect(Table<?> source, LabelFilter filter) {
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(Tables.SpaceObject.NORAD_ID);
        fields.add(Tables.SpaceObject.NAME);
        fields.add(Tables.SpaceObject.INTL_DESIGNATOR);
        fields.addAll(Arrays.asList(orbitFields()));
        fields.addAll(Arrays.asList(satcatFields()));
        return dsl.select(fields).from(source)
                .join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                .join(IngestSource.T).on(IngestSource.ID.eq(Orbit.SOURCE_ID))
                .leftJoin(Satcat.T).on(satcatJoin(filter));
    }

    private static final Field<String> SATCAT_SOURCE_NAME = IngestSource.SOURCE_NAME.as("satcat_source_name");

    static SelectField<?>[] orbitFields() {
        return new SelectField<?>[] {Orbit.ID, Orbit.NORAD_ID, Orbit.OBJECT_NAME, Orbit.INTL_DESIGNATOR, Orbit.EPOCH,
            Orbit.ORBIT_KIND, Orbit.SOURCE_FORMAT, Orbit.PERIGEE_KM, Orbit.APOGEE_KM, Orbit.INCLINATION_DEG,
            Orbit.PERIOD_MIN, Orbit.ECCENTRICITY, Orbit.COVERAGE_START, Orbit.COVERAGE_STOP, Orbit.HAS_COVARIANCE,
            Orbit.CONTENT, Orbit.CONTENT_SHA256, Orbit.LABEL_ORIGINATOR, Orbit.LABEL_RELEASABILITY, Orbit.LABEL_TLP,
            Orbit.LABEL_CAVEATS, Orbit.LABEL_EXPIRY, IngestSource.SOURCE_NAME, IngestSource.SOURCE_SHA256,
            IngestSource.INGESTED_AT, IngestSource.INGESTED_BY, Orbit.SOURCE_LINE};
    }

    private static SelectField<?>[] satcatFields() {
        return new SelectField<?>[] {Satcat.NORAD_ID.as("satcat_norad_id"), Satcat.OBJECT_TYPE, Satcat.OWNER,
            Satcat.LAUNCH_DATE, Satcat.LAUNCH_SITE, Satcat.DECAY_DATE, Satcat.RCS_SIZE, Satcat.FIELD_SOURCES,
            Satcat.LABEL_ORIGINATOR.as("s_label_originator"), Satcat.LABEL_RELEASABILITY.as("s_label_rel"),
            Satcat.LABEL_TLP.as("s_label_tlp"), Satcat.LABEL_CAVEATS.as("s_label_caveats"),
            Satcat.LABEL_EXPIRY.as("s_label_expiry"), Satcat.SOURCE_ID.as("s_source_id")};
    }

    private SpaceObject toObject(Record r) {
        OrbitRecord latest = toOrbit(r);
        Optional<SatcatEntry> satcat = Optional.empty();
        if (r.get("satcat_norad_id") != null) {
            Label label = label(r.get("s_label_originator", String.class), r.get("s_label_rel", String.class),
                    r.get("s_label_tlp", String.class), r.get("s_label_caveats", String.class),
                    r.get("s_label_expiry", OffsetDateTime.class));
            Provenance provenance = satcatProvenance(r.get("s_source_id", Long.class));
            satcat = Optional.of(new SatcatEntry(r.get(Satcat.OBJECT_TYPE), Optional.ofNullable(r.get(Satcat.OWNER)),
                    Optional.ofNullable(r.get(Satcat.LAUNCH_DATE)), Optional.ofNullable(r.get(Satcat.LAUNCH_SITE)),
                    Optional.ofNullable(r.get(Satcat.DECAY_DATE)), Optional.ofNullable(r.get(Satcat.RCS_SIZE)),
                    fieldSources(r.get(Satcat.FIELD_SOURCES)), label, provenance));
        }
        return new SpaceObject(r.get(Tables.SpaceObject.NORAD_ID), r.get(Tables.SpaceObject.NAME),
                Optional.ofNullable(r.get(Tables.SpaceObject.INTL_DESIGNATOR)), satcat, Optional.of(latest));
    }

    /** A SATCAT entry's field sources as stored: {@code field=source;...} in the order of the entry's fields. */
    private static String fieldSources(Map<String, String> sources) {
        return sources.isEmpty() ? null : SatcatEntry.FIELDS.stream().filter(sources::containsKey)
                .map(f -> f + "=" + sources.get(f)).collect(java.util.stream.Collectors.joining(";"));
    }

    private static Map<String, String> fieldSources(String stored) {
        Map<String, String> sources = new HashMap<>();
        if (stored != null) {
            for (String part : stored.split(";")) {
                int eq = part.indexOf('=');
                sources.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return sources;
    }

    private final Map<Long, Provenance> satcatProvenanceCache = new java.util.concurrent.ConcurrentHashMap<>();

    private Provenance satcatProvenance(long sourceId) {
        return satcatProvenanceCache.computeIfAbsent(sourceId, id -> dsl.select(IngestSource.SOURCE_NAME,
                        IngestSource.SOURCE_SHA256, IngestSource.INGESTED_AT, IngestSource.INGESTED_BY)
                .from(IngestSource.T).where(IngestSource.ID.eq(id)).fetchOne(s -> new Provenance(s.value1(),
                        s.value2(), s.value3().toInstant(), s.value4())));
    }

    /** The source priority of an orbit record's originator: 0 when it is not a registered party. */
    static final Field<Integer> SOURCE_PRIORITY = coalesce(PartyRow.SOURCE_PRIORITY, 0);

    @Override
    public List<OrbitRecord> orbitHistory(long noradId, LabelFilter filter) {
        return rendered.fetch("orbit history", filter, Map.of("noradId", noradId),
                () -> orbitSelect().leftJoin(PartyRow.T).on(PartyRow.CODE.eq(Orbit.LABEL_ORIGINATOR))
                        .where(Orbit.NORAD_ID.eq(noradIdParam())).and(orbitVisible(filter))
                        .orderBy(Orbit.EPOCH.desc(), SOURCE_PRIORITY.desc(), Orbit.ID.desc()))
                .map(JooqCatalogStore::toOrbit);
    }

    @Override
    public LatestOrbitChoice latestOrbitChoice(OrbitRecord latest, LabelFilter filter) {
        List<LatestOrbitChoice.Source> atEpoch = rendered.fetch("sources at an epoch", filter,
                        Map.of("noradId", latest.noradId(), "epoch", odt(latest.epoch())),
                        () -> dsl.select(Orbit.ID, Orbit.LABEL_ORIGINATOR, SOURCE_PRIORITY)
                                .from(Orbit.T).leftJoin(PartyRow.T).on(PartyRow.CODE.eq(Orbit.LABEL_ORIGINATOR))
                                .where(Orbit.NORAD_ID.eq(noradIdParam()))
                                .and(Orbit.EPOCH.eq(DSL.param("epoch", OffsetDateTime.class)))
                                .and(orbitVisible(filter))
                                .orderBy(SOURCE_PRIORITY.desc(), Orbit.ID.desc()))
                .map(r -> new LatestOrbitChoice.Source(r.get(Orbit.ID), r.get(Orbit.LABEL_ORIGINATOR),
                        r.get(SOURCE_PRIORITY)));
        LatestOrbitChoice.Source chosen = new LatestOrbitChoice.Source(latest.id(), latest.label().originator(),
                atEpoch.stream().filter(a -> a.orbitId() == latest.id()).findFirst()
                        .map(LatestOrbitChoice.Source::priority).orElse(0));
        return new LatestOrbitChoice(chosen, latest.epoch(),
                atEpoch.stream().filter(a -> a.orbitId() != latest.id()).toList());
    }

    @Override
    public RecallOutcome recall(String contentSha256, String originator) {
        try {
            return dsl.transactionResult(() -> RecordWithdrawals.recall(dsl, contentSha256, originator));
        } finally {
            database.catalogChangedHere();
        }
    }

    @Override
    public RelabelOutcome relabel(String contentSha256, String originator, Label label) {
        long newLabelId = labelIds.idOf(label);
        try {
            return dsl.transactionResult(() -> RecordWithdrawals.relabel(dsl, contentSha256, originator, label,
                    newLabelId));
        } finally {
            database.catalogChangedHere();
        }
    }

    @Override
    public Optional<OrbitRecord> findOrbit(long orbitId, LabelFilter filter) {
        return orbitSelect().where(Orbit.ID.eq(orbitId)).and(orbitVisible(filter)).fetchOptional()
                .map(JooqCatalogStore::toOrbit);
    }

    @Override
    public List<OrbitRecord> latestOrbits() {
        return orbitSelect().join(OBJ).on(Tables.SpaceObject.LATEST_ORBIT_ID.eq(Orbit.ID))
                .orderBy(Orbit.NORAD_ID).fetch().map(JooqCatalogStore::toOrbit);
    }

    private org.jooq.SelectOnConditionStep<Record> orbitSelect() {
        return dsl.select(orbitFields()).from(Orbit.T).join(IngestSource.T).on(IngestSource.ID.eq(Orbit.SOURCE_ID));
    }

    static OrbitRecord toOrbit(Record r) {
        OffsetDateTime start = r.get(Orbit.COVERAGE_START);
        OffsetDateTime stop = r.get(Orbit.COVERAGE_STOP);
        return new OrbitRecord(r.get(Orbit.ID), r.get(Orbit.NORAD_ID), r.get(Orbit.OBJECT_NAME),
                Optional.ofNullable(r.get(Orbit.INTL_DESIGNATOR)), r.get(Orbit.EPOCH).toInstant(),
                OrbitKind.valueOf(r.get(Orbit.ORBIT_KIND)), SourceFormat.valueOf(r.get(Orbit.SOURCE_FORMAT)),
                new OrbitSummary(r.get(Orbit.PERIGEE_KM), r.get(Orbit.APOGEE_KM), r.get(Orbit.INCLINATION_DEG),
                        r.get(Orbit.PERIOD_MIN), r.get(Orbit.ECCENTRICITY)),
                start == null ? Optional.empty()
                        : Optional.of(new OrbitRecord.TimeSpan(start.toInstant(), stop.toInstant())),
                r.get(Orbit.HAS_COVARIANCE), r.get(Orbit.CONTENT), r.get(Orbit.CONTENT_SHA256),
                label(r.get(Orbit.LABEL_ORIGINATOR), r.get(Orbit.LABEL_RELEASABILITY), r.get(Orbit.LABEL_TLP),
                        r.get(Orbit.LABEL_CAVEATS), r.get(Orbit.LABEL_EXPIRY)),
                new Provenance(r.get(IngestSource.SOURCE_NAME), r.get(IngestSource.SOURCE_SHA256),
                        r.get(IngestSource.INGESTED_AT).toInstant(), r.get(IngestSource.INGESTED_BY)),
                r.get(Orbit.SOURCE_LINE));
    }

    static Label label(String originator, String releasability, String tlp, String caveats,
                               OffsetDateTime expiry) {
        TreeSet<String> caveatSet = new TreeSet<>();
        if (!caveats.isBlank()) {
            caveatSet.addAll(Arrays.asList(caveats.split(",")));
        }
        return new Label(originator, Releasability.parse(releasability), Tlp.parse(tlp), caveatSet,
                Optional.ofNullable(expiry).map(OffsetDateTime::toInstant));
    }

    @Override
    public Optional<Long> noradIdOf(String internationalDesignator) {
        String d = internationalDesignator.trim().toUpperCase();
        Optional<Long> fromObjects = dsl.select(Tables.SpaceObject.NORAD_ID).from(OBJ)
                .where(Tables.SpaceObject.INTL_DESIGNATOR.eq(d)).limit(1).fetchOptional(Tables.SpaceObject.NORAD_ID);
        if (fromObjects.isPresent()) {
            return fromObjects;
        }
        return dsl.select(Satcat.NORAD_ID).from(Satcat.T).where(Satcat.INTL_DESIGNATOR.eq(d)).limit(1)
                .fetchOptional(Satcat.NORAD_ID);
    }

    @Override
    public CatalogStatistics statistics(LabelFilter filter) {
        Table<?> visible = visibleObjects(filter);
        long objects = dsl.fetchCount(visible);
        long orbits = dsl.fetchCount(Orbit.T, orbitVisible(filter));
        long satcat = dsl.fetchCount(Satcat.T, admitted(Satcat.LABEL_ID, filter, DataKind.ORBITS));
        Optional<Instant> newest = dsl.select(Orbit.EPOCH).from(visible).join(Orbit.T)
                .on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID)).orderBy(Orbit.EPOCH.desc()).limit(1)
                .fetchOptional(Orbit.EPOCH).map(OffsetDateTime::toInstant);
        Optional<Instant> median = objects == 0 ? Optional.empty()
                : dsl.select(Orbit.EPOCH).from(visible).join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                .orderBy(Orbit.EPOCH).limit(1).offset(objects / 2).fetchOptional(Orbit.EPOCH)
                .map(OffsetDateTime::toInstant);
        return new CatalogStatistics(objects, orbits, satcat, newest, median);
    }

    @Override
    public CatalogFreshness freshness(LabelFilter filter, Instant now) {
        Table<?> visible = visibleObjects(filter);
        Field<OffsetDateTime> newestState = coalesce(Orbit.COVERAGE_STOP, Orbit.EPOCH);
        List<Field<Integer>> counts = new ArrayList<>();
        counts.add(count());
        CatalogFreshness.AGES.forEach(age -> counts.add(count().filterWhere(newestState.lt(odt(now.minus(age))))));
        Record r = dsl.select(counts).from(visible).join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                .fetchOne();
        return new CatalogFreshness(now, r.get(counts.get(0)), r.get(counts.get(1)), r.get(counts.get(2)),
                r.get(counts.get(3)));
    }

    /** The objects the filter admits, each with the newest orbit it admits as its latest. */
    Table<?> visibleObjects(LabelFilter filter) {
        // the objects whose newest orbit is hidden come from this catalog view's look-up (found once per filter)
        return filter.unrestricted() ? OBJ : objects(filter, Optional.empty(),
                fallbackObjects(currentView(), filter, Optional.empty(), h -> true));
    }

    /**
     * An instant as stored: at UTC, rounded (half up) to the microsecond both databases keep, so that PostgreSQL
     * (batched or COPY) and H2 hold the same value for the same record.
     */
    static OffsetDateTime odt(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return chunks;
    }
}
