package org.concord.orbit;

import org.concord.catalog.OrbitSummary;

/**
 * The orbit regimes whose element sets age at different rates, told apart by eccentricity, perigee altitude and
 * period (in this order): HEO for eccentricity 0.25 or more; LEO for a perigee below 2,000 km; GEO for a period of
 * 1,300 to 1,600 minutes (geostationary, drifting and graveyard orbits); MEO for the rest.
 */
public enum OrbitRegime {
    LEO, MEO, GEO, HEO;

    static final double HEO_MIN_ECCENTRICITY = 0.25;
    static final double LEO_MAX_PERIGEE_KM = 2000.0;
    static final double GEO_MIN_PERIOD_MINUTES = 1300.0;
    static final double GEO_MAX_PERIOD_MINUTES = 1600.0;

    public static OrbitRegime of(OrbitSummary summary) {
        if (summary.eccentricity() >= HEO_MIN_ECCENTRICITY) {
            return HEO;
        }
        if (summary.perigeeAltitudeKm() < LEO_MAX_PERIGEE_KM) {
            return LEO;
        }
        if (summary.periodMinutes() >= GEO_MIN_PERIOD_MINUTES && summary.periodMinutes() <= GEO_MAX_PERIOD_MINUTES) {
            return GEO;
        }
        return MEO;
    }
}
