package org.concord.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.label.Label;

/**
 * An object of the catalog, joined with its SATCAT entry (when one has been ingested) and its latest orbit.
 */
public record SpaceObject(long noradId, String name, Optional<String> internationalDesignator,
                          Optional<SatcatEntry> satcat, Optional<OrbitRecord> latestOrbit) {

    /**
     * The SATCAT fields of an object. {@code owner} is the owner code as the SATCAT writes it ({@code US},
     * {@code PRC}); {@link #ownerParty()} is the party it stands for. {@code fieldSources} names, per field (see
     * {@link #FIELDS}), where a value came from when the entry was merged from several sources (the bundled SATCAT);
     * a field it does not name came from the entry's provenance.
     */
    public record SatcatEntry(String objectType, Optional<String> owner, Optional<LocalDate> launchDate,
                              Optional<String> launchSite, Optional<LocalDate> decayDate,
                              Optional<String> rcsSize, Map<String, String> fieldSources, Label label,
                              Provenance provenance) {

        /** The fields of an entry, as the object view and {@code FIELD_SOURCES} name them. */
        public static final List<String> FIELDS = List.of("name", "designator", "objectType", "owner", "launchDate",
                "launchSite", "decayDate", "rcsSize");

        /** What the SATCAT calls an object of unknown type. */
        public static final String UNKNOWN_TYPE = "UNKNOWN";

        public SatcatEntry {
            fieldSources = Map.copyOf(fieldSources);
        }

        /** The owner's party code (ISO 3166-1 alpha-3 for a nation), when the owner is known. */
        public Optional<String> ownerParty() {
            return owner.flatMap(OwnerCodes::partyOf);
        }

        /**
         * The fields this entry does not know: an unknown type or owner, no launch date, site or radar cross-section.
         * No decay date is not among them: it means the object had not decayed when its source was written.
         */
        public List<String> unknownFields() {
            List<String> unknown = new ArrayList<>();
            if (objectType.equals(UNKNOWN_TYPE)) {
                unknown.add("objectType");
            }
            if (ownerParty().isEmpty()) {
                unknown.add("owner");
            }
            if (launchDate.isEmpty()) {
                unknown.add("launchDate");
            }
            if (launchSite.isEmpty()) {
                unknown.add("launchSite");
            }
            if (rcsSize.isEmpty()) {
                unknown.add("rcsSize");
            }
            return List.copyOf(unknown);
        }

        /** Where a known field's value came from: its named source, else the entry's source. */
        public String sourceOf(String field) {
            return fieldSources.getOrDefault(field, provenance.sourceName());
        }
    }
}
