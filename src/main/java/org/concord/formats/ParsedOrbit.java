package org.concord.formats;

import java.time.Instant;
import java.util.Optional;

import org.concord.catalog.OrbitRecord.TimeSpan;
import org.concord.catalog.OrbitSummary;
import org.concord.catalog.SourceFormat;

/**
 * An orbit as read from a message, before it is labelled and stored. {@code content} is the exact text of the one
 * record (a TLE's lines, one OMM in its layout, one OEM or OPM); {@code line} is where it starts in its file.
 * A catalog number of 0 means the message named the object only by its international designator.
 */
public record ParsedOrbit(long noradId, String objectName, Optional<String> internationalDesignator, Instant epoch,
                          SourceFormat format, OrbitSummary summary, Optional<TimeSpan> coverage,
                          boolean hasCovariance, String content, int line) {

    public ParsedOrbit withNoradId(long id) {
        return new ParsedOrbit(id, objectName, internationalDesignator, epoch, format, summary, coverage,
                hasCovariance, content, line);
    }
}
