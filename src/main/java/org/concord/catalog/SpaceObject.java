package org.concord.catalog;

import java.time.LocalDate;
import java.util.Optional;

import org.concord.label.Label;

/**
 * An object of the catalog, joined with its SATCAT entry (when one has been ingested) and its latest orbit.
 */
public record SpaceObject(long noradId, String name, Optional<String> internationalDesignator,
                          Optional<SatcatEntry> satcat, Optional<OrbitRecord> latestOrbit) {

    /** The SATCAT fields of an object. */
    public record SatcatEntry(String objectType, String owner, Optional<LocalDate> launchDate,
                              Optional<String> launchSite, Optional<LocalDate> decayDate,
                              Optional<String> rcsSize, Label label, Provenance provenance) {
    }
}
