package org.concord.screening;

/**
 * The volume around the primary inside which a close approach is kept: a sphere (the miss-distance threshold), or an
 * ellipsoid in the primary's RTN frame (semi-axes radial, in-track = N x R, cross-track along the orbital angular
 * momentum), tested on the miss vector at TCA. The event is the same for both: the TCA is the time of minimum range,
 * and the ellipsoid only decides whether that approach is kept. Screening's broad phase runs on the sphere of
 * {@link #broadPhaseRadiusMeters()}, which encloses the volume, so no approach inside it is missed.
 */
public sealed interface ScreeningVolume {

    /** The largest accepted radius or semi-axis, metres. */
    double MAX_METERS = 1.0e6;

    /** The radius of a sphere about the primary that encloses the volume. */
    double broadPhaseRadiusMeters();

    /** Whether a miss vector, in the primary's RTN frame (metres), lies inside the volume. */
    boolean contains(double radialMeters, double inTrackMeters, double crossTrackMeters);

    /**
     * The range within which two objects are inside the volume whatever their geometry: the sphere's radius, the
     * ellipsoid's smallest semi-axis. Co-location is judged by it (docs/events.md).
     */
    double togetherMeters();

    /** Kept when the miss distance is under {@code radiusMeters}. */
    record Sphere(double radiusMeters) implements ScreeningVolume {

        public Sphere {
            check("threshold", radiusMeters);
        }

        @Override
        public double broadPhaseRadiusMeters() {
            return radiusMeters;
        }

        @Override
        public double togetherMeters() {
            return radiusMeters;
        }

        @Override
        public boolean contains(double radialMeters, double inTrackMeters, double crossTrackMeters) {
            return Math.sqrt(radialMeters * radialMeters + inTrackMeters * inTrackMeters
                    + crossTrackMeters * crossTrackMeters) < radiusMeters;
        }
    }

    /** Kept when (r/R)² + (t/T)² + (n/N)² ≤ 1 for the miss vector (r, t, n) and the semi-axes (R, T, N). */
    record RtnEllipsoid(double radialMeters, double inTrackMeters, double crossTrackMeters)
            implements ScreeningVolume {

        public RtnEllipsoid {
            check("radial semi-axis", radialMeters);
            check("in-track semi-axis", inTrackMeters);
            check("cross-track semi-axis", crossTrackMeters);
        }

        @Override
        public double broadPhaseRadiusMeters() {
            return Math.max(radialMeters, Math.max(inTrackMeters, crossTrackMeters));
        }

        @Override
        public double togetherMeters() {
            return Math.min(radialMeters, Math.min(inTrackMeters, crossTrackMeters));
        }

        @Override
        public boolean contains(double r, double t, double n) {
            double sr = r / radialMeters;
            double st = t / inTrackMeters;
            double sn = n / crossTrackMeters;
            return sr * sr + st * st + sn * sn <= 1.0;
        }
    }

    private static void check(String what, double meters) {
        if (!(meters > 0) || meters > MAX_METERS) {
            throw new IllegalArgumentException(what + " must be positive and at most 1,000,000 m, was " + meters);
        }
    }
}
