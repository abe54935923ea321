package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;

class ScreenerTest {

    private static List<ScreeningObject> catalog;
    private static final Instant START = Instant.parse("2024-07-05T00:00:00Z");

    @BeforeAll
    static void setUp() throws IOException {
        OrekitSetup.get();
        catalog = BundledCatalog.read(Integer.MAX_VALUE);
    }

    /**
     * The no-miss argument rests on |d2r/dt2| <= {@link BatchSgp4#accelerationBound} for SGP4 trajectories at or
     * above one Earth radius: checked by central differences of the kernel's velocity on every object at 20 random
     * times over the week.
     */
    @Test
    void sgp4AccelerationStaysUnderTheBound() {
        List<TLE> tles = catalog.stream().map(ScreeningObject::tle).toList();
        BatchSgp4 kernel = BatchSgp4.of(tles, new AbsoluteDate(START, TimeScalesFactory.getUTC()));
        Random random = new Random(11L);
        double[] a = new double[6];
        double[] b = new double[6];
        double worst = 0;
        double delta = 0.5;
        for (int j = 0; j < tles.size(); j++) {
            for (int k = 0; k < 20; k++) {
                double t = random.nextDouble() * 7 * 86400.0;
                if (kernel.propagate(j, t - delta, a, 0) != 0 || kernel.propagate(j, t + delta, b, 0) != 0
                        ) {
                    continue;
                }
                double acc = Screener.norm(b[3] - a[3], b[4] - a[4], b[5] - a[5]) / (2 * delta);
                double bound = kernel.accelerationBound(j, 0, 7 * 86400.0, Screener.MAX_ACCELERATION);
                worst = Math.max(worst, acc / bound);
                if (acc > bound) {
                    System.out.printf("over the bound: %d at %.1f s: %.3f m/s^2, radius %.1f km%n",
                            tles.get(j).getSatelliteNumber(), t, acc, Screener.norm(a[0], a[1], a[2]) / 1000);
                }
            }
        }
        System.out.printf("largest SGP4 acceleration over the catalog: %.4f of its bound%n", worst);
        assertThat(worst).isLessThan(1.0);
    }

    /**
     * Interpolated broad-phase samples rest on |d4r/dt4| <= {@link Screener#fourthDerivativeBound} of the
     * acceleration bound: checked by fourth differences of the kernel's positions (20 s apart) on every object at 20
     * random times over the week.
     */
    @Test
    void sgp4FourthDerivativeStaysUnderTheBound() {
        List<TLE> tles = catalog.stream().map(ScreeningObject::tle).toList();
        BatchSgp4 kernel = BatchSgp4.of(tles, new AbsoluteDate(START, TimeScalesFactory.getUTC()));
        Random random = new Random(12L);
        double[] p = new double[30];
        double delta = 20.0;
        double worst = 0;
        for (int j = 0; j < tles.size(); j++) {
            double bound = Screener.fourthDerivativeBound(
                    kernel.accelerationBound(j, 0, 7 * 86400.0, Screener.MAX_ACCELERATION));
            samples:
            for (int k = 0; k < 20; k++) {
                double t = random.nextDouble() * 7 * 86400.0;
                for (int m = 0; m < 5; m++) {
                    if (kernel.propagate(j, t + (m - 2) * delta, p, 6 * m) != 0) {
                        continue samples;
                    }
                }
                double[] d = new double[3];
                for (int ax = 0; ax < 3; ax++) {
                    d[ax] = (p[ax] - 4 * p[6 + ax] + 6 * p[12 + ax] - 4 * p[18 + ax] + p[24 + ax])
                            / Math.pow(delta, 4);
                }
                double fourth = Screener.norm(d[0], d[1], d[2]);
                worst = Math.max(worst, fourth / bound);
                if (fourth > bound) {
                    System.out.printf("over the bound: %d at %.1f s: %.3g m/s^4, radius %.1f km%n",
                            tles.get(j).getSatelliteNumber(), t, fourth, Screener.norm(p[12], p[13], p[14]) / 1000);
                }
            }
        }
        System.out.printf("largest SGP4 fourth derivative over the catalog: %.4f of its bound%n", worst);
        assertThat(worst).isLessThan(1.0);
    }

    /** One-vs-all gives exactly the all-vs-all approaches that involve the primary, with the primary first. */
    @Test
    void oneVsAllIsTheAllVsAllSubsetOfThePrimary() {
        List<ScreeningObject> band = new ArrayList<>();
        for (ScreeningObject o : catalog) {
            double a = Math.cbrt(3.986004418e14 / Math.pow(o.tle().getMeanMotion(), 2));
            double perigeeKm = (a * (1 - o.tle().getE()) - 6378137.0) / 1000.0;
            if (perigeeKm >= 530 && perigeeKm <= 570 && band.size() < 1500) {
                band.add(o);
            }
        }
        ScreeningResult all = new Screener(OrekitSetup.get().timeScales()).screen(band,
                ScreeningParameters.allVsAll(START, Duration.ofHours(12), 10_000.0));
        long primary = all.closeApproaches().get(0).secondaryNoradId();
        List<CloseApproach> expected = all.closeApproaches().stream()
                .filter(c -> c.primaryNoradId() == primary || c.secondaryNoradId() == primary).toList();
        List<Double> progress = new ArrayList<>();
        ScreeningResult one = new Screener(OrekitSetup.get().timeScales()).screen(band,
                ScreeningParameters.oneVsAll(START, Duration.ofHours(12), 10_000.0, Set.of(primary)),
                progress::add);
        assertThat(one.closeApproaches()).hasSameSizeAs(expected).isNotEmpty();
        for (int i = 0; i < expected.size(); i++) {
            CloseApproach e = expected.get(i);
            CloseApproach o = one.closeApproaches().get(i);
            assertThat(o.primaryNoradId()).isEqualTo(primary);
            assertThat(o.tca()).isEqualTo(e.tca());
            assertThat(o.missDistanceMeters()).isEqualTo(e.missDistanceMeters());
            assertThat(Math.sqrt(o.radialMeters() * o.radialMeters() + o.inTrackMeters() * o.inTrackMeters()
                    + o.crossTrackMeters() * o.crossTrackMeters())).isCloseTo(o.missDistanceMeters(),
                    org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(one.statistics().candidatePairs()).isLessThan(all.statistics().candidatePairs());
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
    }

    /** Element sets that end in an SGP4 error are excluded from then on and counted with their code. */
    @Test
    void sgp4ErrorsExcludeAndCount() {
        List<TLE> tles = catalog.stream().map(ScreeningObject::tle).toList();
        BatchSgp4 kernel = BatchSgp4.of(tles, new AbsoluteDate(START, TimeScalesFactory.getUTC()));
        double[] out = new double[6];
        List<ScreeningObject> objects = new ArrayList<>();
        java.util.Map<Long, Integer> failing = new java.util.HashMap<>();
        for (int j = 0; j < tles.size() && objects.size() < 40; j++) {
            int code = kernel.propagate(j, 2 * 86400.0, out, 0);
            if (code != 0 && failing.size() < 20) {
                failing.put(catalog.get(j).noradId(), code);
                objects.add(catalog.get(j));
            } else if (code == 0 && j % 50 == 0) {
                objects.add(catalog.get(j));
            }
        }
        ScreeningResult result = new Screener(OrekitSetup.get().timeScales()).screen(objects,
                ScreeningParameters.allVsAll(START, Duration.ofDays(2), 5_000.0));
        System.out.println("excluded: " + result.excludedObjects());
        assertThat(failing).isNotEmpty();
        assertThat(result.statistics().objects()).isEqualTo(objects.size());
        assertThat(result.excludedObjects()).containsAllEntriesOf(failing);
        assertThat(result.statistics().excludedBySgp4Error()).isEqualTo(result.excludedObjects().size());
    }
}
