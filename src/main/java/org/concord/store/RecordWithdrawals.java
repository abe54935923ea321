package org.concord.store;

import static org.concord.store.OrbitRows.DATA_KIND_OF_ORBIT;
import static org.concord.store.OrbitRows.insertOrbits;
import static org.concord.store.OrbitRows.orbitFields;
import static org.concord.store.OrbitRows.toOrbit;
import static org.concord.store.OrbitRows.EPHEMERIDES_LANE;
import static org.concord.store.OrbitRows.ORBITS_LANE;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.RecallOutcome;
import org.concord.catalog.RelabelOutcome;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.store.Tables.IngestSource;
import org.concord.store.Tables.ObjectLabelLatest;
import org.concord.store.Tables.Orbit;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record4;

/**
 * The writes that take a stored orbit record out of its place, in the caller's transaction: a recall (the record and
 * its conjunctions go) and a re-label (the record comes back under another label with a new id).
 */
final class RecordWithdrawals {

    private RecordWithdrawals() {
    }

    /**
     * Removes the record and every product derived from it (of every kind, transitively); the object's latest orbit is
     * ranked again.
     */
    static RecallOutcome recall(DSLContext tx, String contentSha256, String originator) {
        Optional<Record4<Long, Long, Long, String>> held = tx.select(Orbit.ID, Orbit.NORAD_ID, Orbit.LABEL_ID,
                        DATA_KIND_OF_ORBIT).from(Orbit.T)
                .where(Orbit.CONTENT_SHA256.eq(contentSha256)).and(Orbit.LABEL_ORIGINATOR.eq(originator))
                .forUpdate().fetchOptional();
        if (held.isEmpty()) {
            return RecallOutcome.NOTHING;
        }
        long orbitId = held.get().value1();
        long noradId = held.get().value2();
        long labelId = held.get().value3();
        String dataKind = held.get().value4();
        CatalogVersion.raise(tx);
        int products = ProductLinks.withdrawDerivedFrom(tx, dataKind.equals(EPHEMERIDES_LANE) ? DataKind.EPHEMERIDES
                : DataKind.ORBITS, List.of(orbitId)).values().stream().mapToInt(Integer::intValue).sum();
        // the foreign keys of space_object and object_label_latest let go of the record before it goes
        releaseAsLatest(tx, orbitId);
        int lanes = tx.deleteFrom(ObjectLabelLatest.T).where(ObjectLabelLatest.NORAD_ID.eq(noradId))
                .and(ObjectLabelLatest.ORBIT_ID.eq(orbitId)).execute();
        int orbits = tx.deleteFrom(Orbit.T).where(Orbit.ID.eq(orbitId)).execute();
        if (lanes > 0) {
            LatestOrbits.refillLane(tx, noradId, labelId, dataKind);
        }
        LatestOrbits.recompute(tx, List.of(noradId));
        return new RecallOutcome(orbits, products, Optional.of(noradId));
    }

    /**
     * Stores the record again under the label of {@code newLabelId} with a new id (in id order, so that federation
     * feeds see it), the products derived from it following it; the object's latest orbit is ranked again.
     */
    static RelabelOutcome relabel(DSLContext tx, String contentSha256, String originator, Label label,
                                 long newLabelId) {
        // the writers' turn first, so that the new id becomes visible in id order (federation feeds follow ids)
        CatalogVersion.raise(tx);
        Optional<Record> held = tx.select(orbitFields()).select(Orbit.LABEL_ID, Orbit.SOURCE_ID).from(Orbit.T)
                .join(IngestSource.T).on(IngestSource.ID.eq(Orbit.SOURCE_ID))
                .where(Orbit.CONTENT_SHA256.eq(contentSha256)).and(Orbit.LABEL_ORIGINATOR.eq(originator))
                .fetchOptional();
        if (held.isEmpty()) {
            return RelabelOutcome.NOTHING;
        }
        OrbitRecord old = toOrbit(held.get());
        long oldLabelId = held.get().get(Orbit.LABEL_ID);
        if (oldLabelId == newLabelId) {
            return new RelabelOutcome(Optional.of(new RelabelOutcome.Relabelled(old.noradId(), old.id(), old.label(),
                    old.id(), label, 0)));
        }
        String dataKind = old.kind() == OrbitKind.EPHEMERIS ? EPHEMERIDES_LANE : ORBITS_LANE;
        // everything that refers to the record lets go of it; the copy under the new label takes its place
        releaseAsLatest(tx, old.id());
        tx.deleteFrom(ObjectLabelLatest.T).where(ObjectLabelLatest.NORAD_ID.eq(old.noradId()))
                .and(ObjectLabelLatest.LABEL_ID.in(oldLabelId, newLabelId))
                .and(ObjectLabelLatest.DATA_KIND.eq(dataKind)).execute();
        long sourceId = held.get().get(Orbit.SOURCE_ID);
        tx.deleteFrom(Orbit.T).where(Orbit.ID.eq(old.id())).execute();
        OrbitRecord relabelled = new OrbitRecord(0, old.noradId(), old.objectName(), old.internationalDesignator(),
                old.epoch(), old.kind(), old.format(), old.summary(), old.coverage(), old.hasCovariance(),
                old.content(), old.contentSha256(), label, old.provenance(), old.sourceLine());
        insertOrbits(tx, sourceId, List.of(relabelled), Map.of(label, newLabelId));
        long newId = tx.select(Orbit.ID).from(Orbit.T).where(Orbit.CONTENT_SHA256.eq(contentSha256))
                .and(Orbit.LABEL_ORIGINATOR.eq(originator)).fetchOne(Orbit.ID);
        int products = ProductLinks.repoint(tx, old.kind().dataKind(), old.id(), newId, newLabelId);
        LatestOrbits.refillLane(tx, old.noradId(), oldLabelId, dataKind);
        LatestOrbits.refillLane(tx, old.noradId(), newLabelId, dataKind);
        LatestOrbits.recompute(tx, List.of(old.noradId()));
        return new RelabelOutcome(Optional.of(new RelabelOutcome.Relabelled(old.noradId(), old.id(), old.label(), newId,
                label, products)));
    }

    /** The foreign keys of space_object let go of the record before it goes. */
    private static void releaseAsLatest(DSLContext tx, long orbitId) {
        tx.update(Tables.SpaceObject.T).set(Tables.SpaceObject.LATEST_ORBIT_ID, (Long) null)
                .set(Tables.SpaceObject.LATEST_LABEL_ID, (Long) null)
                .set(Tables.SpaceObject.LATEST_DATA_KIND, (String) null)
                .where(Tables.SpaceObject.LATEST_ORBIT_ID.eq(orbitId)).execute();
    }
}
