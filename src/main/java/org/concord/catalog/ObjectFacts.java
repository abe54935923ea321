package org.concord.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the boxscore counts of one object: its SATCAT entry's type, owner code (as the SATCAT writes it) and decay
 * date, when the caller sees an entry; the summary of its newest orbit record and that record's newest state (the
 * epoch of an element set, the end of an ephemeris' span), when the caller sees one.
 */
public record ObjectFacts(long noradId, Optional<Satcat> satcat, Optional<Orbit> orbit) {

    /** The SATCAT fields the boxscore counts by. */
    public record Satcat(String objectType, Optional<String> owner, Optional<LocalDate> decayDate) {
    }

    /** The newest orbit record's shape and how current it is. */
    public record Orbit(OrbitSummary summary, Instant newestState) {
    }
}
