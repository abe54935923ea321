package org.concord.catalog;

import java.util.List;

/**
 * What one input adds to the catalog, stored in one transaction: its orbit records (not yet stored, id 0) or its
 * SATCAT entries, their common provenance, and how many records of the input were rejected.
 */
public record IngestBatch(Provenance provenance, SourceFormat format, List<OrbitRecord> orbits,
                          List<SatcatRow> satcatRows, int rejected) {

    public IngestBatch {
        orbits = List.copyOf(orbits);
        satcatRows = List.copyOf(satcatRows);
    }

    /** A SATCAT entry as read, with the SHA-256 of its source row and the line it came from. */
    public record SatcatRow(long noradId, String name, java.util.Optional<String> internationalDesignator,
                            SpaceObject.SatcatEntry entry, String contentSha256, int line) {
    }
}
