package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/**
 * The batch deep-space kernel ({@link BatchSdp4}, behind {@link BatchSgp4}) against the project's {@link Sgp4}
 * (Orekit's TLEPropagator/DeepSDP4 with Vallado's checks) on every deep-space object of the bundled 2024-07 catalog over
 * 7 days: positions within 1 mm, velocities within 1e-6 m/s, the same SGP4 error codes at the same times. The sample
 * is checked to hold each branch of the deep-space terms (synchronous and half-day resonance, times before and after
 * epoch, the integrator's node times themselves, the direct and the Lyddane periodics), so that a wrong term in any of
 * them fails.
 */
class BatchSdp4Test {

    private static final double WEEK_SECONDS = 7 * 86400.0;

    private static List<TLE> deep;
    private static AbsoluteDate start;

    @BeforeAll
    static void setUp() throws IOException {
        OrekitSetup.get();
        start = new AbsoluteDate(2024, 7, 5, 0, 0, 0.0, TimeScalesFactory.getUTC());
        List<TLE> catalog = BundledCatalog.read(Integer.MAX_VALUE).stream().map(ScreeningObject::tle).toList();
        BatchSgp4 kernel = BatchSgp4.of(catalog, start);
        List<TLE> deepSpace = new ArrayList<>();
        for (int j = 0; j < catalog.size(); j++) {
            if (kernel.deepSpace(j)) {
                deepSpace.add(catalog.get(j));
            }
        }
        deep = deepSpace;
    }

    /**
     * Every deep-space object at 30 random times of the week, at its integrator's node times inside the week
     * (epoch + 720 k min, where Orekit's last step is a full one) and just past them, through the per-time call and the
     * batch call.
     */
    @Test
    void matchesSgp4OnEveryDeepSpaceObjectOverSevenDays() {
        assertThat(deep.size()).as("deep-space objects of the bundled catalog").isGreaterThan(3000);
        BatchSgp4 kernel = BatchSgp4.of(deep, start);
        BatchSdp4 sdp4 = BatchSdp4.of(deep, start);
        Random random = new Random(19L);
        Comparison comparison = new Comparison();
        int synchronous = 0;
        int halfDay = 0;
        StateBatch batch = new StateBatch(64);
        for (int d = 0; d < deep.size(); d++) {
            TLE tle = deep.get(d);
            assertThat(kernel.deepSpace(d)).isTrue();
            if (sdp4.resonant[d]) {
                if (sdp4.resonance[d].synchronous) {
                    synchronous++;
                } else {
                    halfDay++;
                }
            }
            batch.clear();
            for (int m = 0; m < 30; m++) {
                batch.add(random.nextDouble() * WEEK_SECONDS);
            }
            double epoch = tle.getDate().durationFrom(start);
            for (int k = -30; k <= 30 && batch.count() < 60; k++) {
                double node = epoch + k * BatchSdp4.STEP_MINUTES * 60.0;
                if (node >= 0 && node <= WEEK_SECONDS && batch.count() < 59) {
                    batch.add(node);
                    batch.add(node + 0.5);
                }
            }
            kernel.propagate(d, batch);
            Sgp4 sgp4 = Sgp4.of(tle);
            for (int m = 0; m < batch.count(); m++) {
                comparison.check(kernel, d, sgp4, batch, m);
            }
        }
        comparison.print("every deep-space object, 7 days");
        assertThat(synchronous).as("objects with the synchronous resonance").isGreaterThan(500);
        assertThat(halfDay).as("objects with the half-day resonance").isGreaterThan(20);
        assertThat(comparison.beforeEpoch).as("states before their element set's epoch").isPositive();
        assertThat(comparison.lyddane).as("states with Lyddane's periodics (inclination under 0.2 rad)")
                .isGreaterThan(1000);
        assertThat(comparison.compared).isGreaterThan(100_000);
    }

    /**
     * The resonant objects far from their epoch, both ways (50 days: 100 integrator steps), in an order that makes the
     * kernel extend its stored nodes many times, from four threads at once on one kernel: every state as Sgp4's.
     */
    @Test
    void resonantObjectsFarFromEpochFromSeveralThreads() throws Exception {
        BatchSdp4 probe = BatchSdp4.of(deep, start);
        List<TLE> resonant = new ArrayList<>();
        for (int d = 0; d < deep.size(); d++) {
            if (probe.resonant[d] && (resonant.size() < 150 || !probe.resonance[d].synchronous)) {
                resonant.add(deep.get(d));
            }
        }
        BatchSgp4 kernel = BatchSgp4.of(resonant, start);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Comparison>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                long seed = thread;
                results.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    Comparison comparison = new Comparison();
                    StateBatch batch = new StateBatch(8);
                    for (int j = 0; j < resonant.size(); j++) {
                        Sgp4 sgp4 = Sgp4.of(resonant.get(j));
                        double epoch = resonant.get(j).getDate().durationFrom(start);
                        batch.clear();
                        for (int m = 0; m < 8; m++) {
                            batch.add(epoch + (random.nextDouble() - 0.5) * 100 * 86400.0);
                        }
                        kernel.propagate(j, batch);
                        for (int m = 0; m < batch.count(); m++) {
                            comparison.check(kernel, j, sgp4, batch, m);
                        }
                    }
                    return comparison;
                }));
            }
            Comparison all = new Comparison();
            for (Future<Comparison> result : results) {
                all.add(result.get());
            }
            all.print("resonant objects within 50 days of epoch, 4 threads");
            assertThat(all.beforeEpoch).isGreaterThan(1000);
            assertThat(all.compared).isGreaterThan(3000);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Differences and counts of a comparison with Sgp4. */
    private static final class Comparison {
        int compared;
        int errors;
        int beforeEpoch;
        int lyddane;
        double worst;
        double worstVelocity;
        private final double[] out = new double[6];
        private final double[] state = new double[6];

        /** The m-th state of the batch (and the per-time call) against Sgp4's at that time. */
        void check(BatchSgp4 kernel, int j, Sgp4 sgp4, StateBatch batch, int m) {
            double seconds = batch.seconds(m);
            String at = String.format("object %d at %.3f s", sgp4.tle().getSatelliteNumber(), seconds);
            int code = kernel.propagate(j, seconds, out, 0);
            assertThat(batch.code(m)).as(at).isEqualTo(code);
            AbsoluteDate date = start.shiftedBy(seconds);
            PVCoordinates pv;
            try {
                pv = sgp4.temePv(date);
            } catch (PropagationException e) {
                assertThat(code).as(at).isEqualTo(e.sgp4Error().map(Sgp4Error::code).orElse(-1));
                errors++;
                return;
            }
            assertThat(code).as(at).isZero();
            batch.copyState(m, state, 0);
            for (double[] s : new double[][] {out, state}) {
                double d = Vector3D.distance(pv.getPosition(), new Vector3D(s[0], s[1], s[2]));
                double dv = Vector3D.distance(pv.getVelocity(), new Vector3D(s[3], s[4], s[5]));
                assertThat(d).as(at).isLessThan(1e-3);
                assertThat(dv).as(at).isLessThan(1e-6);
                worst = Math.max(worst, d);
                worstVelocity = Math.max(worstVelocity, dv);
            }
            if (date.isBefore(sgp4.tle().getDate())) {
                beforeEpoch++;
            }
            if (sgp4.tle().getI() < 0.19) {
                lyddane++;
            }
            compared++;
        }

        void add(Comparison other) {
            compared += other.compared;
            errors += other.errors;
            beforeEpoch += other.beforeEpoch;
            lyddane += other.lyddane;
            worst = Math.max(worst, other.worst);
            worstVelocity = Math.max(worstVelocity, other.worstVelocity);
        }

        void print(String what) {
            System.out.printf("BatchSdp4 vs Sgp4, %s: %d states (%d before epoch, %d with Lyddane's periodics), %d"
                    + " SGP4 errors agreed, largest difference %.3g m, %.3g m/s%n", what, compared, beforeEpoch,
                    lyddane, errors, worst, worstVelocity);
        }
    }
}
