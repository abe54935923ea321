package org.concord.screening;

import java.time.Instant;

/**
 * One close approach: a local minimum of the range between two objects below the threshold. The miss vector
 * (secondary minus primary position at TCA) is given in the primary's RTN frame (radial, in-track = N x R,
 * cross-track along the orbital angular momentum). In all-vs-all screening the primary is the lower catalog number;
 * in one-vs-all screening it is the primary object; in ephemeris screening the uploaded ephemeris (orbit id 0: not
 * a stored record). Positions and velocities are TEME (m, m/s) at TCA.
 */
public record CloseApproach(long primaryNoradId, long secondaryNoradId, long primaryOrbitId, long secondaryOrbitId,
                            Instant tca, double missDistanceMeters, double relativeSpeedMetersPerSecond,
                            double radialMeters, double inTrackMeters, double crossTrackMeters,
                            double[] primaryTemePv, double[] secondaryTemePv) {
}
