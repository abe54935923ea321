package org.concord.catalog;

import java.time.Instant;
import java.util.Optional;

import org.concord.label.Label;

/**
 * One orbit state of one object from one source. {@code content} is the exact message text the record was read
 * from (a TLE's two or three lines, one OMM, one OEM or OPM message); {@code sourceLine} is where it starts in its
 * source. A record not yet stored has id 0.
 */
public record OrbitRecord(long id, long noradId, String objectName, Optional<String> internationalDesignator,
                          Instant epoch, OrbitKind kind, SourceFormat format, OrbitSummary summary,
                          Optional<TimeSpan> coverage, boolean hasCovariance,
                          String content, String contentSha256, Label label, Provenance provenance,
                          int sourceLine) {

    /** The span an ephemeris covers. */
    public record TimeSpan(Instant start, Instant stop) {
    }
}
