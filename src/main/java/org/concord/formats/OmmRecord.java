package org.concord.formats;

import java.util.Optional;

import org.concord.catalog.SourceFormat;
import org.concord.formats.OmmFields.Sgp4Elements;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.TimeScalesFactory;

/** One mean-element record as read: the orbit to store, and the TLE that SGP4 propagates. */
record OmmRecord(ParsedOrbit orbit, TLE tle) {

    static OmmRecord of(Sgp4Elements elements, TLE tle, SourceFormat format, String content, int line,
                        boolean hasCovariance) {
        ParsedOrbit orbit = new ParsedOrbit(elements.noradId(), elements.objectName(),
                elements.internationalDesignator(), tle.getDate().toInstant(TimeScalesFactory.getTimeScales()),
                format, MeanElements.summaryOf(tle), Optional.empty(), hasCovariance, content, line);
        return new OmmRecord(orbit, tle);
    }
}
