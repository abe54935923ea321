package org.concord.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Alfano (2009) "Satellite Conjunction Monte Carlo Analysis" test cases 1-12, states and covariances at TCA from
 * NASA CARA ({@code src/test/resources/pc/alfano2009_pc_test_cases.json}).
 * <p>
 * Reference: the column {@code CARA_Pc2D} (CARA's PcCircle/Foster 2D Pc): a 2D method must reproduce the 2D
 * integral, not the Monte Carlo truth. Achieved relative errors against it (Concord through Orekit 13.1.2):
 * <pre>
 * case  Alfano 2005  Laas 2015   Patera 2005
 *  1    -1.9e-12     -2.6e-12    -2.0e-12
 *  2    -4.8e-05      2.7e-11     2.7e-11
 *  3     5.8e-11      6.1e-11     5.8e-11
 *  4     8.9e-08      9.9e-08     8.9e-08
 *  5     3.4e-10     -1.6e-09     3.2e-10
 *  6     1.7e-08     -2.5e-12     2.4e-10
 *  7     4.8e-06      3.6e-11    -6.1e-09
 *  8     4.5e-06      1.9e-08     1.9e-08
 *  9     9.9e-09      9.9e-09     9.9e-09
 * 10     9.9e-09      9.9e-09     9.9e-09
 * 11    -2.9e-12     -3.0e-12    -1.9e-11
 * </pre>
 * Case 12 (identical orbits: no relative velocity) has no 2D Pc: CARA's column is NaN and Concord refuses it.
 * Chan 1997 and Alfriend 1999 are small-disc approximations and miss these cases badly (see
 * {@link #approximationsAreOutOfTheirDomain}).
 */
class AlfanoPcTest {

    private static final JsonNode CASES = PcTestData.json("/pc/alfano2009_pc_test_cases.json").get("cases");

    private static JsonNode at(int number) {
        return CASES.get(number - 1).get("at_tca");
    }

    private static CollisionProbability pc(int number, PcMethod method) {
        JsonNode t = at(number);
        return PcCalculator.compute(PcTestData.orbit(t.get("r1_m"), t.get("v1_m_s"), 1),
                PcTestData.covariance(t.get("cov1_6x6"), 1), PcTestData.orbit(t.get("r2_m"), t.get("v2_m_s"), 1),
                PcTestData.covariance(t.get("cov2_6x6"), 1), CASES.get(number - 1).get("hbr_m").asDouble(), method);
    }

    private static double expected(int number, String column) {
        return CASES.get(number - 1).get("expected").get(column).asDouble(Double.NaN);
    }

    @Test
    void accurateMethodsReproduceCaraPc2dInCases1To11() {
        List<String> report = new ArrayList<>();
        double worst = 0;
        for (int n = 1; n <= 11; n++) {
            double reference = expected(n, "CARA_Pc2D");
            for (PcMethod m : PcMethod.values()) {
                if (!m.accurate()) {
                    continue;
                }
                CollisionProbability p = pc(n, m);
                double relative = (p.probability() - reference) / reference;
                report.add(String.format(Locale.ROOT, "case %d %s %.3e", n, m, relative));
                assertThat(Math.abs(relative)).as("case %d, %s: %s against %s", n, m, p.probability(), reference)
                        .isLessThanOrEqualTo(1e-3);
                worst = Math.max(worst, Math.abs(relative));
                assertThat(p.covarianceSource()).isEqualTo(CovarianceSource.MEASURED);
                assertThat(p.combinedHbrM()).isEqualTo(CASES.get(n - 1).get("hbr_m").asDouble());
            }
        }
        // the achieved bound (Alfano 2005 in case 2; its series is truncated), well inside 1e-3
        assertThat(worst).as(String.join("\n", report)).isLessThan(5e-5);
    }

    @Test
    void theMissDistanceIsTheDistanceAtTca() {
        JsonNode t = at(1);
        double dx = t.get("r2_m").get(0).asDouble() - t.get("r1_m").get(0).asDouble();
        double dy = t.get("r2_m").get(1).asDouble() - t.get("r1_m").get(1).asDouble();
        double dz = t.get("r2_m").get(2).asDouble() - t.get("r1_m").get(2).asDouble();
        assertThat(pc(1, PcMethod.LAAS_2015).missDistanceM()).isCloseTo(Math.sqrt(dx * dx + dy * dy + dz * dz),
                within(1e-6));
    }

    @Test
    void case12IdenticalOrbitsHasNo2dPc() {
        assertThat(expected(12, "CARA_Pc2D")).isNaN();
        for (PcMethod m : PcMethod.values()) {
            assertThatThrownBy(() -> pc(12, m)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no relative velocity");
        }
    }

    /**
     * Chan 1997 replaces the covariance ellipse by a circle of equal area, Alfriend 1999 takes the density at the
     * disc's centre times the disc's area: both assume a disc small beside the covariance and a covariance not too
     * elongated. In the Alfano cases the combined radius is of the order of the smaller standard deviation and the
     * ellipses are elongated by factors of hundreds, so they are off by −100 % (case 4: 1e-17 instead of 0.049) to
     * +356 % (case 11), and Alfriend's value exceeds 1 in cases 9 and 10 (Concord refuses it there).
     */
    @Test
    void approximationsAreOutOfTheirDomain() {
        Map<PcMethod, Double> worst = new EnumMap<>(PcMethod.class);
        for (int n = 1; n <= 11; n++) {
            double reference = expected(n, "CARA_Pc2D");
            for (PcMethod m : List.of(PcMethod.CHAN_1997, PcMethod.ALFRIEND_1999)) {
                if (m == PcMethod.ALFRIEND_1999 && (n == 9 || n == 10)) {
                    int c = n;
                    assertThatThrownBy(() -> pc(c, m)).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("Alfriend 1999");
                    continue;
                }
                double relative = (pc(n, m).probability() - reference) / reference;
                assertThat(relative).as("case %d %s", n, m).isBetween(-1.0, 3.6);
                worst.merge(m, Math.abs(relative), Math::max);
            }
        }
        assertThat(worst.get(PcMethod.CHAN_1997)).isGreaterThan(3.5);
        assertThat(worst.get(PcMethod.ALFRIEND_1999)).isGreaterThan(3.5);
        // near the linear, compact case 7 they are within 4 %
        assertThat(pc(7, PcMethod.CHAN_1997).probability()).isCloseTo(expected(7, "CARA_Pc2D"),
                org.assertj.core.data.Percentage.withPercentage(4));
    }

    /**
     * The 2D Pc against the 1e8-trial Monte Carlo of CARA: the short-term-encounter assumption (straight-line
     * relative motion, constant covariance during the crossing) holds in the linear cases 3, 5, 6 (within
     * 0.3 %) and fails where the relative motion is curved over the encounter (GEO cases 1, 2, 4: −32 % to −60 %;
     * HEO case 10: −20 %; leader-follower case 11: +9.7 %). This is the 2D model's limit, the same for CARA's 2D
     * Pc, not an error of the methods.
     */
    @Test
    void the2dModelDiffersFromMonteCarloWhereRelativeMotionIsCurved() {
        double[] bound = {0, 0.33, 0.61, 0.001, 0.34, 0.001, 0.003, 0.013, 0.049, 0.038, 0.21, 0.098};
        for (int n = 1; n <= 11; n++) {
            double mc = expected(n, "CARA_PcMC");
            double relative = (pc(n, PcMethod.LAAS_2015).probability() - mc) / mc;
            assertThat(Math.abs(relative)).as("case %d: 2D against Monte Carlo", n).isLessThanOrEqualTo(bound[n]);
        }
        assertThat((pc(2, PcMethod.LAAS_2015).probability() - expected(2, "CARA_PcMC")) / expected(2, "CARA_PcMC"))
                .isLessThan(-0.59);
    }

    @Test
    void computeAllLeavesOutWhatCannotCompute() {
        JsonNode t = at(9);
        List<CollisionProbability> all = PcCalculator.computeAll(PcTestData.orbit(t.get("r1_m"), t.get("v1_m_s"), 1),
                PcTestData.covariance(t.get("cov1_6x6"), 1), PcTestData.orbit(t.get("r2_m"), t.get("v2_m_s"), 1),
                PcTestData.covariance(t.get("cov2_6x6"), 1), 6.0, CovarianceSource.MEASURED);
        assertThat(all).extracting(CollisionProbability::method)
                .containsExactly("Alfano 2005", "Chan 1997", "Laas 2015", "Patera 2005");
        assertThat(all.get(0).describe()).startsWith("probability of collision 2.9016e-01 (Alfano 2005)");
    }
}
