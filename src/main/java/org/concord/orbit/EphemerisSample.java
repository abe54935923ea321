package org.concord.orbit;

import java.time.Instant;

/** One time step of an ephemeris: Cartesian in TEME, GCRF or ITRF, geodetic in {@link OutputFrame#GEODETIC}. */
public sealed interface EphemerisSample permits EphemerisSample.Cartesian, EphemerisSample.Geodetic {

    Instant time();

    /** Position (m) and velocity (m/s) in the ephemeris frame. */
    record Cartesian(Instant time, Vector3 positionMeters, Vector3 velocityMetersPerSecond)
            implements EphemerisSample {
    }

    /** Geodetic latitude and longitude (degrees, longitude in (-180, 180]) and altitude (m) over WGS-84. */
    record Geodetic(Instant time, double latitudeDegrees, double longitudeDegrees, double altitudeMeters)
            implements EphemerisSample {
    }
}
