package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;

/**
 * The broad phase against brute force: 2,000 objects of the 500-600 km band (the bundled catalog's and their
 * {@link BundledCatalog#synthetic} copies: denser than the real band), one hour of 60 s steps, 20 km. At every 10 s
 * inside each step (both ends included) every pair is measured on the batch kernel's exact SGP4 states; each pair
 * within the threshold at one of those times must be among the step's candidates, whatever the number of sub-steps.
 */
class BroadPhaseRecallTest {

    private static final int OBJECTS = 2000;
    private static final int STEPS = 60;
    private static final double STEP = 60.0;
    private static final double THRESHOLD = 20_000.0;
    private static final int SAMPLES_PER_STEP = 6;

    private static BatchSgp4 kernel;
    private static int n;
    /** Exact states at every sample: sample s of step k is row k * SAMPLES_PER_STEP + s. */
    private static double[][] states;
    private static boolean[][] valid;
    /** Per step, the sorted packed pairs within the threshold at one of its samples. */
    private static long[][] within;

    @BeforeAll
    static void bruteForce() throws IOException {
        OrekitSetup.get();
        List<ScreeningObject> band = new ArrayList<>();
        for (ScreeningObject o : BundledCatalog.synthetic(2 * 26_389)) {
            double a = Math.cbrt(3.986004418e14 / Math.pow(o.tle().getMeanMotion(), 2));
            double perigeeKm = (a * (1 - o.tle().getE()) - 6378137.0) / 1000.0;
            if (perigeeKm >= 500 && perigeeKm <= 600 && band.size() < OBJECTS) {
                band.add(o);
            }
        }
        n = band.size();
        kernel = BatchSgp4.of(band.stream().map(ScreeningObject::tle).toList(),
                new AbsoluteDate(Instant.parse("2024-07-05T00:00:00Z"), TimeScalesFactory.getUTC()));
        int rows = STEPS * SAMPLES_PER_STEP + 1;
        states = new double[rows][6 * n];
        valid = new boolean[rows][n];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                valid[r][j] = kernel.propagate(j, time(r), states[r], 6 * j) == 0;
            }
        }
        within = new long[STEPS][];
        double squared = THRESHOLD * THRESHOLD;
        for (int k = 0; k < STEPS; k++) {
            List<Long> pairs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    for (int r = k * SAMPLES_PER_STEP; r <= (k + 1) * SAMPLES_PER_STEP; r++) {
                        double[] s = states[r];
                        double dx = s[6 * j] - s[6 * i];
                        double dy = s[6 * j + 1] - s[6 * i + 1];
                        double dz = s[6 * j + 2] - s[6 * i + 2];
                        if (valid[r][i] && valid[r][j] && dx * dx + dy * dy + dz * dz <= squared) {
                            pairs.add(BroadPhase.pack(k, i, j));
                            break;
                        }
                    }
                }
            }
            within[k] = pairs.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private static double time(int row) {
        return row * STEP / SAMPLES_PER_STEP;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 16})
    void everyPairWithinTheThresholdIsACandidate(int subSteps) {
        BroadPhase broadPhase = subSteps == 0 ? new BroadPhase(n, STEP, THRESHOLD, new boolean[n], false)
                : new BroadPhase(n, STEP, THRESHOLD, new boolean[n], false, subSteps);
        long expected = 0;
        for (int k = 0; k < STEPS; k++) {
            double t0 = k * STEP;
            int r0 = k * SAMPLES_PER_STEP;
            int r1 = r0 + SAMPLES_PER_STEP;
            // exact states at both ends: the trajectory strays from their Hermite cubic by the step's own bound
            long[] candidates = broadPhase.candidates(new BroadPhase.StepSegments(k, STEP, states[r0], states[r1],
                    valid[r0], valid[r1], id -> Screener.curveError(
                            kernel.accelerationBound(id, t0, t0 + STEP, Screener.MAX_ACCELERATION), STEP)));
            long[] sorted = candidates.clone();
            Arrays.sort(sorted);
            assertThat(sorted).as("candidates of step %d, each once", k).doesNotHaveDuplicates();
            for (long pair : within[k]) {
                assertThat(Arrays.binarySearch(sorted, pair)).as("step %d: pair %d-%d within %.0f m missed", k,
                        BroadPhase.first(pair), BroadPhase.second(pair), THRESHOLD).isGreaterThanOrEqualTo(0);
            }
            expected += within[k].length;
        }
        assertThat(expected).as("pairs within the threshold at the samples").isGreaterThan(100);
        assertThat(broadPhase.counts().candidatePairs()).isGreaterThanOrEqualTo(expected);
    }
}
