package org.concord.catalog;

import java.util.List;
import java.util.Optional;

/** The catalog's persistence, implemented in {@code store}. Every write is one transaction: all or nothing. */
public interface CatalogStore {

    /** Stores a batch atomically; records already stored (same content and originator) are counted, not stored. */
    IngestOutcome store(IngestBatch batch);

    Optional<SpaceObject> findObject(long noradId);

    Page<SpaceObject> findObjects(ObjectQuery query);

    /** Every orbit record of an object, newest epoch first. */
    List<OrbitRecord> orbitHistory(long noradId);

    Optional<OrbitRecord> findOrbit(long orbitId);

    /** The newest mean-element record (TLE or OMM) of an object: what element-set exports are made from. */
    default Optional<OrbitRecord> latestMeanElements(long noradId) {
        return orbitHistory(noradId).stream().filter(o -> o.kind() == OrbitKind.MEAN_ELEMENTS).findFirst();
    }

    /** The latest orbit record of every object, in catalog-number order. */
    List<OrbitRecord> latestOrbits();

    /** The catalog number of the object with this COSPAR designator, from orbits or SATCAT. */
    Optional<Long> noradIdOf(String internationalDesignator);

    CatalogStatistics statistics();
}
