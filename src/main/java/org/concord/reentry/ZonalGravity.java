package org.concord.reentry;

import org.orekit.forces.gravity.potential.TideSystem;
import org.orekit.forces.gravity.potential.UnnormalizedSphericalHarmonicsProvider;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.Constants;

/**
 * The Earth's zonal harmonics J2 to J5 (EIGEN-5C, unnormalized, as Orekit's {@link Constants} give them): the
 * gravity a decaying orbit needs beyond the central term (J2 moves perigee and node; the odd zonals set the frozen
 * eccentricity). A node ships no gravity-field file, so the field is built from these constants.
 */
final class ZonalGravity implements UnnormalizedSphericalHarmonicsProvider {

    private static final double[] ZONALS = {
        Constants.EIGEN5C_EARTH_C20, Constants.EIGEN5C_EARTH_C30,
        Constants.EIGEN5C_EARTH_C40, Constants.EIGEN5C_EARTH_C50
    };

    static final int MAX_DEGREE = ZONALS.length + 1;

    @Override
    public UnnormalizedSphericalHarmonics onDate(AbsoluteDate date) {
        return new UnnormalizedSphericalHarmonics() {
            @Override
            public AbsoluteDate getDate() {
                return date;
            }

            @Override
            public double getUnnormalizedCnm(int n, int m) {
                return m == 0 && n >= 2 && n <= MAX_DEGREE ? ZONALS[n - 2] : 0.0;
            }

            @Override
            public double getUnnormalizedSnm(int n, int m) {
                return 0.0;
            }
        };
    }

    @Override
    public int getMaxDegree() {
        return MAX_DEGREE;
    }

    @Override
    public int getMaxOrder() {
        return 0;
    }

    @Override
    public double getMu() {
        return Constants.EIGEN5C_EARTH_MU;
    }

    @Override
    public double getAe() {
        return Constants.EIGEN5C_EARTH_EQUATORIAL_RADIUS;
    }

    @Override
    public AbsoluteDate getReferenceDate() {
        return AbsoluteDate.J2000_EPOCH;
    }

    @Override
    public TideSystem getTideSystem() {
        return TideSystem.UNKNOWN;
    }
}
