package org.concord.store;

import static org.concord.store.OrbitRows.DATA_KIND_OF_ORBIT;
import static org.concord.store.PostgresCopy.copyIn;
import static org.concord.store.SqlValues.chunks;
import static org.concord.store.SqlValues.isPostgres;
import static org.concord.store.SqlValues.isUniqueViolation;
import static org.concord.store.SqlValues.odt;
import static org.concord.store.SqlValues.truncate;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.IngestBatch;
import org.concord.catalog.IngestOutcome;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Provenance;
import org.concord.catalog.SourceFormat;
import org.concord.label.Label;
import org.concord.store.Tables.IngestSource;
import org.concord.store.Tables.ObjectLabelLatest;
import org.concord.store.Tables.Orbit;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * An ingest batch into the catalog, in one transaction that raises the catalog version: its source, the records not
 * yet held, and the objects and lanes whose newest orbit they now are.
 */
final class CatalogWriter {

    private static final Table<?> OBJ = Tables.SpaceObject.T;

    private final Database database;
    private final DSLContext dsl;
    private final LabelIds labelIds;

    CatalogWriter(Database database, LabelIds labelIds) {
        this.database = database;
        this.dsl = database.dsl();
        this.labelIds = labelIds;
    }

    /** A store of at least this many rows refreshes PostgreSQL's planner statistics afterwards. */
    private static final int ANALYZE_AFTER_ROWS = 1000;

    IngestOutcome store(IngestBatch batch) {
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

    private IngestOutcome storeInTransaction(IngestBatch batch) {
        Map<Label, Long> labels = labelIds.resolve(batch.format() == SourceFormat.SATCAT_CSV
                ? batch.satcatRows().stream().map(r -> r.entry().label()).collect(java.util.stream.Collectors.toSet())
                : batch.orbits().stream().map(OrbitRecord::label).collect(java.util.stream.Collectors.toSet()));
        return dsl.transactionResult(() -> {
            DSLContext tx = dsl;
            CatalogVersion.raise(tx);
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
                stored = SatcatRows.storeSatcat(tx, sourceId, batch.satcatRows(), labels, otherLabel);
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
            OrbitRows.copyOrbits(tx, sourceId, toStore, labels);
        } else {
            OrbitRows.insertOrbits(tx, sourceId, toStore, labels);
        }
        Map<String, Integer> priorities = LatestOrbits.priorities(tx);
        upsertObjects(tx, sourceId, priorities);
        upsertLabelLatest(tx, sourceId, priorities);
        return toStore.size();
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
                    .where(SqlValues.idIn(Tables.SpaceObject.NORAD_ID, chunk))
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
                    .where(SqlValues.idIn(ObjectLabelLatest.NORAD_ID, chunk))
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
}
