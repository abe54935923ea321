package org.concord.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.concord.store.Tables.LabelRow;
import org.concord.store.Tables.ObjectLabelLatest;
import org.concord.store.Tables.Orbit;
import org.concord.store.Tables.PartyRow;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Which orbit record is an object's latest: the newest epoch; at equal epoch, the record whose originator has the
 * higher source priority (an originator that is not a registered party ranks 0); then the most recently stored
 * (higher id). The re-ranking that priority changes and recalls need, each run inside the caller's transaction.
 */
final class LatestOrbits {

    private static final int CHUNK = 1000;

    private LatestOrbits() {
    }

    /** True when the first record ranks above the second as an object's latest. */
    static boolean ranksAbove(OffsetDateTime epoch, int priority, long orbitId,
                              OffsetDateTime otherEpoch, int otherPriority, long otherOrbitId) {
        int c = epoch.toInstant().compareTo(otherEpoch.toInstant());
        if (c != 0) {
            return c > 0;
        }
        return priority != otherPriority ? priority > otherPriority : orbitId > otherOrbitId;
    }

    /** The source priority of every party that has one other than 0. */
    static Map<String, Integer> priorities(DSLContext tx) {
        Map<String, Integer> priorities = new HashMap<>();
        tx.select(PartyRow.CODE, PartyRow.SOURCE_PRIORITY).from(PartyRow.T).where(PartyRow.SOURCE_PRIORITY.ne(0))
                .forEach(r -> priorities.put(r.value1(), r.value2()));
        return priorities;
    }

    /**
     * Sets a party's source priority, on its lanes too, and re-ranks the objects whose latest it may change: those
     * with a lane of this originator and another lane at their latest epoch. Returns how many objects got another
     * latest orbit.
     */
    static int reprioritize(DSLContext tx, String originator, int priority) {
        tx.update(PartyRow.T).set(PartyRow.SOURCE_PRIORITY, priority).where(PartyRow.CODE.eq(originator)).execute();
        tx.update(ObjectLabelLatest.T).set(ObjectLabelLatest.SOURCE_PRIORITY, priority)
                .where(ObjectLabelLatest.LABEL_ID.in(tx.select(LabelRow.ID).from(LabelRow.T)
                        .where(LabelRow.ORIGINATOR.eq(originator))))
                .execute();
        Table<?> other = DSL.table(DSL.unquotedName("object_label_latest")).as("other");
        Field<Long> otherNorad = DSL.field(DSL.unquotedName("other", "norad_id"), Long.class);
        Field<Long> otherLabel = DSL.field(DSL.unquotedName("other", "label_id"), Long.class);
        Field<OffsetDateTime> otherEpoch = DSL.field(DSL.unquotedName("other", "epoch"), OffsetDateTime.class);
        List<Long> tied = tx.selectDistinct(ObjectLabelLatest.NORAD_ID).from(ObjectLabelLatest.T)
                .join(LabelRow.T).on(LabelRow.ID.eq(ObjectLabelLatest.LABEL_ID))
                .join(Tables.SpaceObject.T).on(Tables.SpaceObject.NORAD_ID.eq(ObjectLabelLatest.NORAD_ID))
                .join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                .where(LabelRow.ORIGINATOR.eq(originator)).and(ObjectLabelLatest.EPOCH.eq(Orbit.EPOCH))
                .andExists(DSL.selectOne().from(other).where(otherNorad.eq(ObjectLabelLatest.NORAD_ID))
                        .and(otherEpoch.eq(ObjectLabelLatest.EPOCH)).and(otherLabel.ne(ObjectLabelLatest.LABEL_ID)))
                .fetch(ObjectLabelLatest.NORAD_ID);
        return recompute(tx, tied);
    }

    /** One lane of an object as it competes to be the object's latest. */
    private record Candidate(long orbitId, OffsetDateTime epoch, int priority, long labelId, String dataKind,
                             String name, String designator) {

        boolean ranksAbove(Candidate other) {
            return LatestOrbits.ranksAbove(epoch, priority, orbitId, other.epoch, other.priority, other.orbitId);
        }

        static Candidate better(Candidate a, Candidate b) {
            return b.ranksAbove(a) ? b : a;
        }
    }

    /**
     * Points each object at the best of its lanes ({@code object_label_latest} must be current), its name and
     * designator following that orbit as an ingest does; an object left without any orbit loses its row, as an
     * object known only from SATCAT has none. Returns how many objects got another latest orbit.
     */
    static int recompute(DSLContext tx, Collection<Long> noradIds) {
        int changed = 0;
        List<Long> ids = new ArrayList<>(noradIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            Map<Long, Candidate> best = new HashMap<>();
            tx.select(ObjectLabelLatest.NORAD_ID, ObjectLabelLatest.ORBIT_ID, ObjectLabelLatest.EPOCH,
                            ObjectLabelLatest.SOURCE_PRIORITY, ObjectLabelLatest.LABEL_ID, ObjectLabelLatest.DATA_KIND,
                            Orbit.OBJECT_NAME, Orbit.INTL_DESIGNATOR)
                    .from(ObjectLabelLatest.T).join(Orbit.T).on(Orbit.ID.eq(ObjectLabelLatest.ORBIT_ID))
                    .where(SqlValues.idIn(ObjectLabelLatest.NORAD_ID, chunk))
                    .forEach(r -> best.merge(r.value1(), new Candidate(r.value2(), r.value3(), r.value4(), r.value5(),
                            r.value6(), r.value7(), r.value8()), Candidate::better));
            Map<Long, Long> current = new HashMap<>();
            tx.select(Tables.SpaceObject.NORAD_ID, Tables.SpaceObject.LATEST_ORBIT_ID).from(Tables.SpaceObject.T)
                    .where(SqlValues.idIn(Tables.SpaceObject.NORAD_ID, chunk))
                    .forEach(r -> current.put(r.value1(), r.value2() == null ? -1L : r.value2()));
            for (long noradId : chunk) {
                Candidate c = best.get(noradId);
                Long now = current.get(noradId);
                if (now == null || c != null && now == c.orbitId()) {
                    continue;
                }
                if (c == null) {
                    tx.deleteFrom(Tables.SpaceObject.T).where(Tables.SpaceObject.NORAD_ID.eq(noradId)).execute();
                } else {
                    var update = tx.update(Tables.SpaceObject.T)
                            .set(Tables.SpaceObject.LATEST_ORBIT_ID, c.orbitId())
                            .set(Tables.SpaceObject.LATEST_LABEL_ID, c.labelId())
                            .set(Tables.SpaceObject.LATEST_DATA_KIND, c.dataKind());
                    if (!c.name().isBlank()) {
                        update = update.set(Tables.SpaceObject.NAME, c.name());
                    }
                    if (c.designator() != null) {
                        update = update.set(Tables.SpaceObject.INTL_DESIGNATOR, c.designator());
                    }
                    update.where(Tables.SpaceObject.NORAD_ID.eq(noradId)).execute();
                }
                changed++;
            }
        }
        return changed;
    }

    /**
     * Adds an object's lane (its newest orbit under one label and data kind) whose row went with its record, when the
     * lane has a record left. One label, so one originator: within a lane only epoch and id rank.
     */
    static void refillLane(DSLContext tx, long noradId, long labelId, String dataKind) {
        tx.select(Orbit.ID, Orbit.EPOCH, DSL.coalesce(PartyRow.SOURCE_PRIORITY, 0)).from(Orbit.T)
                .leftJoin(PartyRow.T).on(PartyRow.CODE.eq(Orbit.LABEL_ORIGINATOR))
                .where(Orbit.NORAD_ID.eq(noradId)).and(Orbit.LABEL_ID.eq(labelId))
                .and(OrbitRows.DATA_KIND_OF_ORBIT.eq(dataKind))
                .orderBy(Orbit.EPOCH.desc(), Orbit.ID.desc()).limit(1).fetchOptional()
                .ifPresent(r -> tx.insertInto(ObjectLabelLatest.T).set(ObjectLabelLatest.NORAD_ID, noradId)
                        .set(ObjectLabelLatest.LABEL_ID, labelId).set(ObjectLabelLatest.DATA_KIND, dataKind)
                        .set(ObjectLabelLatest.ORBIT_ID, r.value1()).set(ObjectLabelLatest.EPOCH, r.value2())
                        .set(ObjectLabelLatest.SOURCE_PRIORITY, r.value3()).execute());
    }
}
