package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.concord.orbit.OrekitSetup;
import org.concord.orbit.PropagationException;
import org.concord.orbit.Sgp4;
import org.concord.orbit.Sgp4Error;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;
import org.orekit.utils.PVCoordinates;

/** The batch kernel against the project's Sgp4 (Orekit's TLEPropagator with Vallado's checks) over the catalog. */
class BatchSgp4Test {

    private static List<TLE> catalog;
    private static AbsoluteDate start;

    @BeforeAll
    static void setUp() throws IOException {
        OrekitSetup.get();
        catalog = BundledCatalog.read(Integer.MAX_VALUE).stream().map(ScreeningObject::tle).toList();
        start = new AbsoluteDate(2024, 7, 5, 0, 0, 0.0, TimeScalesFactory.getUTC());
    }

    @Test
    void matchesSgp4WithinOneMillimetreOnRandomObjectsAndTimesOverSevenDays() {
        Random random = new Random(20240705L);
        List<TLE> sample = new ArrayList<>();
        while (sample.size() < 200) {
            TLE tle = catalog.get(random.nextInt(catalog.size()));
            sample.add(tle);
        }
        assertAgree(sample, random, 50);
    }

    /** Every near-Earth object of the catalog, 5 random times each: positions, velocities and error codes. */
    @Test
    void matchesSgp4OnEveryObject() {
        assertAgree(catalog, new Random(7L), 5);
    }

    /**
     * Vallado's verification set ({@code sgp4/SGP4-VER.TLE}, the cases {@code Sgp4VerificationTest} checks against
     * {@code tcppver.out}) through the batch call, every case at every time of its range in one batch: positions
     * within 1 mm and velocities within 1e-6 m/s of Sgp4 (Orekit's TLEPropagator with Vallado's checks), the same
     * error codes at the same times.
     */
    @Test
    void matchesSgp4OnValladosVerificationSet() throws IOException {
        List<String> lines;
        try (InputStream in = BatchSgp4Test.class.getResourceAsStream("/sgp4/SGP4-VER.TLE")) {
            assertThat(in).isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
        int cases = 0;
        int states = 0;
        int errors = 0;
        int vectorCases = 0;
        double worst = 0;
        double worstVelocity = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("1 ")) {
                continue;
            }
            String line2 = lines.get(i + 1);
            TLE tle = new TLE(lines.get(i), line2.substring(0, 69));
            String[] range = line2.substring(69).trim().split("\\s+");
            double startMinutes = Double.parseDouble(range[0]);
            double stopMinutes = Double.parseDouble(range[1]);
            double stepMinutes = Double.parseDouble(range[2]);
            List<Double> minutes = new ArrayList<>();
            minutes.add(0.0);
            for (double t = startMinutes; t <= stopMinutes; t += stepMinutes) {
                minutes.add(t);
            }
            minutes.add(stopMinutes);
            BatchSgp4 kernel = BatchSgp4.of(List.of(tle), tle.getDate());
            if (!kernel.deepSpace(0)) {
                vectorCases++;
            }
            StateBatch batch = new StateBatch(minutes.size());
            minutes.forEach(t -> batch.add(t * 60.0));
            kernel.propagate(0, batch);
            Sgp4 sgp4 = Sgp4.of(tle);
            double[] state = new double[6];
            for (int m = 0; m < minutes.size(); m++) {
                String at = String.format("case %s at %.4f min", tle.getSatelliteNumber(), minutes.get(m));
                try {
                    PVCoordinates pv = sgp4.temePv(tle.getDate().shiftedBy(minutes.get(m) * 60.0));
                    assertThat(batch.code(m)).as(at).isZero();
                    batch.copyState(m, state, 0);
                    double d = Vector3D.distance(pv.getPosition(), new Vector3D(state[0], state[1], state[2]));
                    double dv = Vector3D.distance(pv.getVelocity(), new Vector3D(state[3], state[4], state[5]));
                    assertThat(d).as(at).isLessThan(1e-3);
                    assertThat(dv).as(at).isLessThan(1e-6);
                    worst = Math.max(worst, d);
                    worstVelocity = Math.max(worstVelocity, dv);
                    states++;
                } catch (PropagationException e) {
                    assertThat(batch.code(m)).as(at).isEqualTo(e.sgp4Error().map(Sgp4Error::code).orElse(-1));
                    errors++;
                }
            }
            cases++;
        }
        assertThat(cases).isEqualTo(33);
        assertThat(vectorCases).as("near-Earth cases").isEqualTo(9);
        assertThat(errors).as("SGP4 errors met").isPositive();
        System.out.printf("BatchSgp4 on Vallado's set: %d cases (%d near-Earth), %d states, %d errors agreed,"
                + " largest difference %.3g m, %.3g m/s%n", cases, vectorCases, states, errors, worst, worstVelocity);
    }

    /** The tests and benchmarks run with {@code --add-modules jdk.incubator.vector}: the vector kernel is what is tested. */
    @Test
    void runsTheVectorKernel() {
        assertThat(BatchSgp4.vectorised()).isTrue();
    }

    /**
     * Every object at many times per batch (several whole vectors and a partial one, times in any order): the batch
     * call (the vector kernel) against the scalar kernel, lane by lane, codes included.
     */
    @Test
    void batchMatchesTheScalarKernelOnEveryObjectOverSevenDays() {
        BatchSgp4 kernel = BatchSgp4.of(catalog, start);
        Random random = new Random(11L);
        StateBatch batch = new StateBatch(37);
        double[] out = new double[6];
        int errors = 0;
        double worst = 0;
        for (int j = 0; j < catalog.size(); j++) {
            batch.clear();
            for (int m = 0; m < 37; m++) {
                batch.add(random.nextDouble() * 7 * 86400.0);
            }
            kernel.propagate(j, batch);
            for (int m = 0; m < 37; m++) {
                int code = kernel.propagate(j, batch.seconds(m), out, 0);
                assertThat(batch.code(m)).as("object %d at %f s", catalog.get(j).getSatelliteNumber(),
                        batch.seconds(m)).isEqualTo(code);
                if (code != 0) {
                    errors++;
                    continue;
                }
                double[] state = new double[6];
                batch.copyState(m, state, 0);
                double d = Math.sqrt(square(state[0] - out[0]) + square(state[1] - out[1]) + square(state[2] - out[2]));
                double radius = Math.sqrt(square(out[0]) + square(out[1]) + square(out[2]));
                assertThat(d).as("object %d at %f s", catalog.get(j).getSatelliteNumber(), batch.seconds(m))
                        .isLessThan(Math.max(1e-4, 1e-12 * radius));
                if (radius < 1e8) {
                    worst = Math.max(worst, d);
                }
            }
        }
        assertThat(errors).as("SGP4 errors met").isPositive();
        System.out.printf("BatchSgp4 vector vs scalar: %d objects, %d errors agreed, largest difference %.3g m%n",
                catalog.size(), errors, worst);
    }

    private static double square(double x) {
        return x * x;
    }

    /**
     * Each object at {@code timesPerObject} random times, through the scalar kernel and the batch call (the vector
     * kernel), each against Sgp4 (Orekit's TLEPropagator with Vallado's checks).
     */
    private static void assertAgree(List<TLE> tles, Random random, int timesPerObject) {
        BatchSgp4 kernel = BatchSgp4.of(tles, start);
        StateBatch batch = new StateBatch(timesPerObject);
        double[] out = new double[6];
        double[] vectorOut = new double[6];
        double worst = 0;
        double worstVelocity = 0;
        int compared = 0;
        int errors = 0;
        int farAway = 0;
        for (int j = 0; j < tles.size(); j++) {
            Sgp4 sgp4 = Sgp4.of(tles.get(j));
            batch.clear();
            for (int k = 0; k < timesPerObject; k++) {
                batch.add(random.nextDouble() * 7 * 86400.0);
            }
            kernel.propagate(j, batch);
            for (int k = 0; k < timesPerObject; k++) {
                double seconds = batch.seconds(k);
                int code = kernel.propagate(j, seconds, out, 0);
                Integer expectedCode = null;
                PVCoordinates pv = null;
                try {
                    pv = sgp4.temePv(start.shiftedBy(seconds));
                } catch (PropagationException e) {
                    expectedCode = e.sgp4Error().map(Sgp4Error::code).orElse(-1);
                }
                if (expectedCode != null) {
                    errors++;
                    assertThat(code).as("object %d at %f s", tles.get(j).getSatelliteNumber(), seconds)
                            .isEqualTo(expectedCode);
                    assertThat(batch.code(k)).as("vector: object %d at %f s", tles.get(j).getSatelliteNumber(),
                            seconds).isEqualTo(expectedCode);
                    continue;
                }
                assertThat(code).as("object %d at %f s", tles.get(j).getSatelliteNumber(), seconds).isZero();
                assertThat(batch.code(k)).as("vector: object %d at %f s", tles.get(j).getSatelliteNumber(), seconds)
                        .isZero();
                batch.copyState(k, vectorOut, 0);
                // 1 mm; for the few non-physical states far beyond the Moon's distance (decaying element sets whose
                // SGP4 drag polynomial has run away, e.g. 12279 at 608,000 km) doubles only carry ~1e-12 of the radius
                double radius = pv.getPosition().getNorm();
                double tolerance = Math.max(1e-3, 3e-12 * radius);
                double velocityTolerance = Math.max(1e-6, 3e-12 * pv.getVelocity().getNorm());
                if (radius > 1e8) {
                    farAway++;
                }
                for (double[] state : new double[][] {out, vectorOut}) {
                    String kernelName = state == out ? "scalar" : "vector";
                    double d = Vector3D.distance(pv.getPosition(), new Vector3D(state[0], state[1], state[2]));
                    double dv = Vector3D.distance(pv.getVelocity(), new Vector3D(state[3], state[4], state[5]));
                    assertThat(d).as("%s: object %d at %f s", kernelName, tles.get(j).getSatelliteNumber(), seconds)
                            .isLessThan(tolerance);
                    assertThat(dv).as("%s: object %d at %f s", kernelName, tles.get(j).getSatelliteNumber(), seconds)
                            .isLessThan(velocityTolerance);
                    if (radius <= 1e8) {
                        worst = Math.max(worst, d);
                    }
                    worstVelocity = Math.max(worstVelocity, dv);
                }
                compared++;
            }
        }
        System.out.printf("BatchSgp4 (scalar and vector) vs Sgp4: %d states compared, %d SGP4 errors agreed, largest"
                + " difference %.3g m (radius under 100,000 km; %d states beyond), %.3g m/s%n", compared, errors, worst,
                farAway, worstVelocity);
    }
}
