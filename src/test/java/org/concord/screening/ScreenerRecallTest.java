package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.concord.orbit.OrekitSetup;
import org.concord.orbit.PropagationException;
import org.concord.orbit.Sgp4;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;
import org.orekit.utils.PVCoordinates;

/**
 * Recall against brute force: objects of the bundled catalog in the crowded 500-600 km perigee band, one day, 10 km.
 * The reference takes every pair at every 15 s sample (states from the project's Sgp4, i.e. Orekit's TLEPropagator
 * with Vallado's checks), finds every range minimum as a sign change of the range rate dr.dv between samples, and
 * refines it with Brent's method. To keep it fast it refines only minima that can be under the threshold: between two
 * samples the range changes by at most the relative speed times the time, and the relative speed by at most
 * 2 x 10.5 m/s^2 times the time, so a minimum inside [t0, t0 + h] is at least
 * (|r0| + |r1|) / 2 - (max(|v0|, |v1|) + 21 h) h / 2.
 * The screener must find every approach the reference finds (TCA within 1 ms, miss within 1 m) and nothing else.
 */
class ScreenerRecallTest {

    private static final int OBJECTS = 1000;
    private static final double THRESHOLD = 10_000.0;
    private static final double DAY = 86_400.0;
    private static final double STEP = 15.0;

    private record Approach(long a, long b, double tca, double miss) {
    }

    @Test
    void findsEverythingBruteForceFinds() throws IOException {
        OrekitSetup.get();
        List<ScreeningObject> band = new ArrayList<>();
        for (ScreeningObject o : BundledCatalog.read(Integer.MAX_VALUE)) {
            double a = Math.cbrt(3.986004418e14 / Math.pow(o.tle().getMeanMotion(), 2));
            double perigeeKm = (a * (1 - o.tle().getE()) - 6378137.0) / 1000.0;
            if (perigeeKm >= 500 && perigeeKm <= 600 && band.size() < OBJECTS) {
                band.add(o);
            }
        }
        Instant start = Instant.parse("2024-07-05T00:00:00Z");

        long t0 = System.nanoTime();
        List<Approach> reference = bruteForce(band, start);
        double bruteSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        ScreeningResult result = new Screener(OrekitSetup.get().timeScales()).screen(band,
                ScreeningParameters.allVsAll(start, Duration.ofDays(1), THRESHOLD));
        double screenSeconds = (System.nanoTime() - t1) / 1e9;
        List<CloseApproach> found = result.closeApproaches();

        int matched = 0;
        double worstTca = 0;
        double worstMiss = 0;
        for (Approach r : reference) {
            CloseApproach best = null;
            for (CloseApproach c : found) {
                long lo = Math.min(c.primaryNoradId(), c.secondaryNoradId());
                long hi = Math.max(c.primaryNoradId(), c.secondaryNoradId());
                if (lo == r.a && hi == r.b && (best == null || Math.abs(seconds(c, start) - r.tca)
                        < Math.abs(seconds(best, start) - r.tca))) {
                    best = c;
                }
            }
            assertThat(best).as("reference approach %s missed", r).isNotNull();
            double dt = Math.abs(seconds(best, start) - r.tca);
            double dm = Math.abs(best.missDistanceMeters() - r.miss);
            assertThat(dt).as("TCA of %s", r).isLessThan(1e-3);
            assertThat(dm).as("miss of %s", r).isLessThan(1.0);
            worstTca = Math.max(worstTca, dt);
            worstMiss = Math.max(worstMiss, dm);
            matched++;
        }
        // and nothing the reference does not have (bar approaches within 1 m of the threshold)
        long extra = found.stream().filter(c -> c.missDistanceMeters() < THRESHOLD - 1.0).count();
        long referenceInside = reference.stream().filter(r -> r.miss < THRESHOLD - 1.0).count();
        assertThat(extra).isLessThanOrEqualTo(referenceInside);
        System.out.printf(Locale.ROOT, "recall: %d objects, 1 day, %.0f km: reference %d approaches in %.1f s,"
                        + " screener %d in %.1f s (%s); all matched, worst TCA %.3g s, worst miss %.3g m%n",
                band.size(), THRESHOLD / 1000, reference.size(), bruteSeconds, found.size(), screenSeconds,
                result.statistics(), worstTca, worstMiss);
        assertThat(reference).hasSizeGreaterThan(50);
        assertThat(matched).isEqualTo(reference.size());
    }

    private static double seconds(CloseApproach c, Instant start) {
        return Duration.between(start, c.tca()).toNanos() / 1e9;
    }

    /** Every pair, every sample. */
    private static List<Approach> bruteForce(List<ScreeningObject> objects, Instant start) {
        AbsoluteDate epoch = new AbsoluteDate(start, TimeScalesFactory.getUTC());
        int n = objects.size();
        Sgp4[] sgp4 = new Sgp4[n];
        for (int i = 0; i < n; i++) {
            sgp4[i] = Sgp4.of(objects.get(i).tle());
        }
        int samples = (int) (DAY / STEP) + 1;
        double[][] previous = null;
        double[] previousRate = new double[n * n];
        double[] previousRange = new double[n * n];
        double[] previousSpeed = new double[n * n];
        List<Approach> found = new ArrayList<>();
        for (int k = 0; k < samples; k++) {
            double t = k * STEP;
            double[][] states = new double[n][];
            for (int i = 0; i < n; i++) {
                if (previous != null && previous[i] == null) {
                    continue; // failed before: excluded from then on
                }
                try {
                    PVCoordinates pv = sgp4[i].temePv(epoch.shiftedBy(t));
                    states[i] = new double[] {pv.getPosition().getX(), pv.getPosition().getY(),
                        pv.getPosition().getZ(), pv.getVelocity().getX(), pv.getVelocity().getY(),
                        pv.getVelocity().getZ()};
                } catch (PropagationException e) {
                    states[i] = null;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (states[i] == null || states[j] == null) {
                        previousRate[i * n + j] = Double.NaN;
                        continue;
                    }
                    double[] a = states[i];
                    double[] b = states[j];
                    double rx = b[0] - a[0];
                    double ry = b[1] - a[1];
                    double rz = b[2] - a[2];
                    double vx = b[3] - a[3];
                    double vy = b[4] - a[4];
                    double vz = b[5] - a[5];
                    double rate = rx * vx + ry * vy + rz * vz;
                    double range = Math.sqrt(rx * rx + ry * ry + rz * rz);
                    double speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
                    int p = i * n + j;
                    if (k > 0 && previousRate[p] < 0 && rate >= 0) {
                        double v = Math.max(speed, previousSpeed[p]) + 21.0 * STEP;
                        if ((range + previousRange[p]) / 2 - v * STEP / 2 <= THRESHOLD) {
                            Approach approach = refine(sgp4[i], sgp4[j], epoch, t - STEP, t);
                            if (approach != null && approach.miss < THRESHOLD) {
                                long ni = objects.get(i).noradId();
                                long nj = objects.get(j).noradId();
                                found.add(new Approach(Math.min(ni, nj), Math.max(ni, nj), approach.tca,
                                        approach.miss));
                            }
                        }
                    }
                    previousRate[p] = rate;
                    previousRange[p] = range;
                    previousSpeed[p] = speed;
                }
            }
            previous = states;
        }
        return found;
    }

    private static Approach refine(Sgp4 a, Sgp4 b, AbsoluteDate epoch, double t0, double t1) {
        UnivariateFunction rate = t -> {
            PVCoordinates pa = a.temePv(epoch.shiftedBy(t));
            PVCoordinates pb = b.temePv(epoch.shiftedBy(t));
            return pb.getPosition().subtract(pa.getPosition()).dotProduct(pb.getVelocity().subtract(pa.getVelocity()));
        };
        try {
            double tca = new BrentSolver(1e-7).solve(200, rate, t0, t1);
            double miss = b.temePv(epoch.shiftedBy(tca)).getPosition()
                    .distance(a.temePv(epoch.shiftedBy(tca)).getPosition());
            return new Approach(0, 0, tca, miss);
        } catch (PropagationException e) {
            return null;
        }
    }
}
