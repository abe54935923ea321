package org.concord.orbit;

/** The frames an ephemeris can be produced in. */
public enum OutputFrame {
    /** True Equator, Mean Equinox: SGP4's own frame (Orekit's TEME). */
    TEME,
    /** Geocentric Celestial Reference Frame. */
    GCRF,
    /** International Terrestrial Reference Frame (IERS 2010 conventions, Earth-fixed). */
    ITRF,
    /** Latitude, longitude and altitude over the WGS-84 ellipsoid, from ITRF. */
    GEODETIC;

    /** Whether the frame rotates with the Earth, so that it needs Earth orientation parameters to be exact. */
    public boolean earthFixed() {
        return this == ITRF || this == GEODETIC;
    }
}
