package org.concord.formats;

import org.concord.catalog.OrbitSummary;
import org.hipparchus.util.FastMath;
import org.orekit.propagation.analytical.tle.TLE;

/** Orbit-regime figures of an SGP4 element set. */
public final class MeanElements {

    /** WGS-72 equatorial radius, the one SGP4 uses. */
    public static final double EARTH_RADIUS_KM = 6378.135;

    private MeanElements() {
    }

    public static OrbitSummary summaryOf(TLE tle) {
        double semiMajorAxisKm = tle.computeSemiMajorAxis() / 1000.0;
        double e = tle.getE();
        double periodMinutes = 2 * FastMath.PI / tle.getMeanMotion() / 60.0;
        return new OrbitSummary(semiMajorAxisKm * (1 - e) - EARTH_RADIUS_KM, semiMajorAxisKm * (1 + e) - EARTH_RADIUS_KM,
                FastMath.toDegrees(tle.getI()), periodMinutes, e);
    }
}
