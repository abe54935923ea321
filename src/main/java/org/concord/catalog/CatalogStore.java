package org.concord.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.label.LabelFilter;

/** The catalog's persistence, implemented in {@code store}. Every write is one transaction: all or nothing. */
public interface CatalogStore {

    /** Stores a batch atomically; records already stored (same content and originator) are counted, not stored. */
    IngestOutcome store(IngestBatch batch);

    /*
     * Every read takes the caller's LabelFilter: what it does not admit is treated as absent (not in items, totals,
     * cursors or statistics; an object is shown with the newest orbit the filter admits, and without its SATCAT entry
     * when the filter does not admit that entry's label).
     */

    Optional<SpaceObject> findObject(long noradId, LabelFilter filter);

    Page<SpaceObject> findObjects(ObjectQuery query, LabelFilter filter);

    /**
     * Every orbit record of an object that the filter admits, best first: newest epoch, then higher source priority
     * of the originator, then most recently stored (the rule that makes an object's latest orbit).
     */
    List<OrbitRecord> orbitHistory(long noradId, LabelFilter filter);

    Optional<OrbitRecord> findOrbit(long orbitId, LabelFilter filter);

    /** The newest mean-element record (TLE or OMM) of an object: what element-set exports are made from. */
    default Optional<OrbitRecord> latestMeanElements(long noradId, LabelFilter filter) {
        return orbitHistory(noradId, filter).stream().filter(o -> o.kind() == OrbitKind.MEAN_ELEMENTS).findFirst();
    }

    /**
     * Why {@code latest}, an object's latest orbit as this filter shows it ({@link #findObject}), is the one: the
     * other records the filter admits at its epoch, ranked below it.
     */
    LatestOrbitChoice latestOrbitChoice(OrbitRecord latest, LabelFilter filter);

    /**
     * Removes the orbit record with this content hash from this originator, and every conjunction computed from it,
     * in one transaction; the object's latest orbit is ranked again (an object left without orbits leaves the
     * catalog of objects). A record that is not held removes nothing.
     */
    RecallOutcome recall(String contentSha256, String originator);

    /**
     * Gives the orbit record with this content hash from this originator a new label, in one transaction: the record
     * is stored again under the new label with a new id (so that federation feeds, which follow ids per label, carry
     * it to whoever the new label admits) and the old id is gone; conjunctions computed from it follow it, and the
     * object's latest orbit is ranked again. A record not held, or held under this label already, changes nothing
     * (the outcome of the latter names the same id twice).
     */
    RelabelOutcome relabel(String contentSha256, String originator, org.concord.label.Label label);

    /** The latest orbit record of every object, in catalog-number order. */
    default List<OrbitRecord> latestOrbits() {
        return latestOrbits(LabelFilter.UNRESTRICTED);
    }

    /**
     * The latest orbit record of every object that the filter admits, as {@link #findObject} shows it (the newest
     * record the filter admits), in catalog-number order: what a screening for a partner party screens.
     */
    List<OrbitRecord> latestOrbits(LabelFilter filter);

    /**
     * The catalog numbers of the objects with more than one mean-element record, whatever their labels (node-internal:
     * which objects have an element-set history to read, in one query rather than one per object).
     */
    java.util.Set<Long> objectsWithSeveralElementSets();

    /**
     * Fills in the decay day of an object's SATCAT entry from a confirmation of its re-entry labelled
     * {@code evidence}, naming {@code source} as the field's source: only when the entry has no decay day yet and
     * {@code evidence} admits everybody the entry's label admits (the day must not tell anybody what the evidence
     * may not). Returns whether it did.
     */
    boolean fillDecayDate(long noradId, java.time.LocalDate decayDate, org.concord.label.Label evidence,
                          String source);

    /** The catalog number of the object with this COSPAR designator, from orbits or SATCAT. */
    Optional<Long> noradIdOf(String internationalDesignator);

    CatalogStatistics statistics(LabelFilter filter);

    /** How many of the objects the filter admits had element sets older than 3, 7 and 30 days at {@code now}. */
    CatalogFreshness freshness(LabelFilter filter, Instant now);
}
