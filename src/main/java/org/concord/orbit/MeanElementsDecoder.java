package org.concord.orbit;

import org.concord.catalog.SourceFormat;
import org.orekit.errors.OrekitException;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Turns the content of a mean-elements record (TLE or OMM) into the element set SGP4 propagates. The propagation
 * service reads TLE text itself and hands the OMM formats to the decoder it was given: the composition root plugs in
 * {@code MeanElementsDecoder.withOmm(OmmReader::toTle)}.
 */
@FunctionalInterface
public interface MeanElementsDecoder {

    /**
     * @throws RuntimeException (any) when the content cannot be read; the service reports it as an unreadable record
     */
    TLE toTle(SourceFormat format, String content);

    /** Reads TLE records and refuses the OMM formats. */
    static MeanElementsDecoder tleOnly() {
        return withOmm((format, content) -> {
            throw new IllegalStateException("no OMM reader is plugged into this propagation service, so a "
                    + format + " record cannot be propagated");
        });
    }

    /** Reads TLE records itself and passes every other format to {@code ommDecoder}. */
    static MeanElementsDecoder withOmm(MeanElementsDecoder ommDecoder) {
        return (format, content) -> format == SourceFormat.TLE ? readTle(content) : ommDecoder.toTle(format, content);
    }

    /** The element set in TLE text: an optional name line, then line 1 and line 2. */
    static TLE readTle(String content) {
        String[] lines = content.split("\\R");
        for (int i = 0; i + 1 < lines.length; i++) {
            String line1 = lines[i].stripTrailing();
            String line2 = lines[i + 1].stripTrailing();
            if (line1.startsWith("1 ") && line2.startsWith("2 ")) {
                try {
                    return new TLE(line1, line2);
                } catch (OrekitException e) {
                    throw new IllegalArgumentException("Orekit cannot read the element set: " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException("no line 1 followed by line 2 in the TLE record");
    }
}
