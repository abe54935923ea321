package org.concord.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MaximumPcTest {

    @Test
    void closedFormIsAlfanosMaximum() {
        CollisionProbability max = MaximumPc.closedForm(1000, 10);
        assertThat(max.probability()).isCloseTo(100.0 / (Math.E * 1e6), within(1e-15));
        assertThat(max.sigmaAtMaximumM().getAsDouble()).isCloseTo(1000 / Math.sqrt(2), within(1e-9));
        assertThat(max.isMaximum()).isTrue();
        assertThat(max.covarianceSource()).isEqualTo(CovarianceSource.MAXIMUM);
        assertThat(max.describe()).contains("MAXIMUM probability").contains("not a measured Pc");
    }

    @Test
    void numericalMaximumOverSigmaAgreesWithTheClosedForm() {
        // miss distance ≫ HBR: the closed form's relative error is of the order of (R/d)²
        double[][] geometries = {{1000, 10}, {200, 5}, {5000, 20}, {100, 1}};
        for (double[] g : geometries) {
            double closed = MaximumPc.closedForm(g[0], g[1]).probability();
            for (PcMethod m : new PcMethod[] {PcMethod.ALFANO_2005, PcMethod.LAAS_2015, PcMethod.PATERA_2005}) {
                CollisionProbability numerical = MaximumPc.isotropic(g[0], g[1], m);
                double ratio = g[1] / g[0];
                assertThat(Math.abs(numerical.probability() - closed) / closed).as("d=%s R=%s %s", g[0], g[1], m)
                        .isLessThan(ratio * ratio + 1e-6);
                assertThat(numerical.sigmaAtMaximumM().getAsDouble()).isCloseTo(g[0] / Math.sqrt(2),
                        within(g[0] * 1e-3));
                assertThat(numerical.isMaximum()).isTrue();
                assertThat(numerical.method()).startsWith("maximum over σ");
            }
        }
    }

    @Test
    void orekitsAlfriend1999MaxAgreesWithTheClosedFormForAnIsotropicCovariance() {
        // Orekit's own maximum-Pc method (Alfriend 1999 max) on a circular covariance: R²/(e·d²) as well
        double d = 800;
        double r = 12;
        double orekit = new org.orekit.ssa.collision.shorttermencounter.probability.twod.Alfriend1999Max()
                .compute(d, 0, 100, 100, r).getValue();
        assertThat(orekit).isCloseTo(MaximumPc.closedForm(d, r).probability(), within(1e-12));
    }

    @Test
    void maximumIsAtLeastEveryPcOfTheFamily() {
        double d = 300;
        double r = 8;
        double max = MaximumPc.isotropic(d, r, PcMethod.LAAS_2015).probability();
        for (double sigma = 10; sigma < 10_000; sigma *= 1.3) {
            double p = PcMethod.LAAS_2015.orekit().compute(d, 0, sigma, sigma, r).getValue();
            assertThat(p).isLessThanOrEqualTo(max * (1 + 1e-9));
        }
    }

    @Test
    void missInsideTheDiscGivesOne() {
        assertThat(MaximumPc.closedForm(3, 5).probability()).isEqualTo(1.0);
        assertThat(MaximumPc.isotropic(3, 5, PcMethod.ALFANO_2005).probability()).isEqualTo(1.0);
    }

    @Test
    void maximumOverTheScaleOfAGivenCovarianceBoundsItsPc() {
        // CARA's leo_6x6 case: miss distance larger than the 20 m radius
        JsonNode c = null;
        for (JsonNode v : PcTestData.json("/pc/cara_unit_test_pc_vectors.json").get("state_cases")) {
            c = v.get("id").asText().equals("leo_6x6_case_2d_vs_3d") ? v : c;
        }
        var o1 = PcTestData.orbit(c.get("r1"), c.get("v1"), 1);
        var o2 = PcTestData.orbit(c.get("r2"), c.get("v2"), 1);
        var c1 = PcTestData.covariance(c.get("cov1"), 1);
        var c2 = PcTestData.covariance(c.get("cov2"), 1);
        double measured = PcCalculator.compute(o1, c1, o2, c2, 20, PcMethod.LAAS_2015).probability();
        CollisionProbability max = MaximumPc.scaled(o1, c1, o2, c2, 20, PcMethod.LAAS_2015);
        assertThat(max.missDistanceM()).isGreaterThan(20);
        assertThat(max.probability()).isGreaterThanOrEqualTo(measured);
        assertThat(max.isMaximum()).isTrue();
        assertThat(max.sigmaAtMaximumM()).isPresent();
        // scaling by the factor found gives the maximum back
        double k = max.sigmaAtMaximumM().getAsDouble();
        double again = PcCalculator.compute(o1, new org.orekit.propagation.StateCovariance(c1.getMatrix().scalarMultiply(k * k), c1.getDate(),
                        c1.getFrame(), c1.getOrbitType(), c1.getPositionAngleType()), o2,
                new org.orekit.propagation.StateCovariance(c2.getMatrix().scalarMultiply(k * k), c2.getDate(),
                        c2.getFrame(), c2.getOrbitType(), c2.getPositionAngleType()), 20, PcMethod.LAAS_2015)
                .probability();
        assertThat(again).isCloseTo(max.probability(), within(max.probability() * 1e-6));
    }

    @Test
    void hardBodyRadiiFromCaraTableRcsSizeOrDefault() {
        HardBodyRadii radii = HardBodyRadii.bundled(3.0);
        assertThat(radii.size()).isGreaterThan(20_000);
        // CARA_HBR table: 51,0.964231173853356,...,SFK RCS Estimate
        HardBodyRadii.Radius r51 = radii.radius(51, Optional.of("SMALL"));
        assertThat(r51.metres()).isCloseTo(0.9642, within(1e-4));
        assertThat(r51.source()).contains("CARA").contains("SFK RCS Estimate");
        // object 1 is a DISCOS row (no value): falls back to RCS, then the default
        assertThat(radii.radius(1, Optional.of("medium")).metres()).isEqualTo(HardBodyRadii.MEDIUM_RCS_RADIUS_M);
        assertThat(radii.radius(1, Optional.of("LARGE")).source()).isEqualTo("SATCAT RCS size LARGE");
        assertThat(radii.radius(1, Optional.empty()).metres()).isEqualTo(3.0);
        assertThat(radii.radius(999_999_999, Optional.of("SMALL")).metres())
                .isEqualTo(HardBodyRadii.SMALL_RCS_RADIUS_M);
        assertThat(radii.combined(51, Optional.empty(), 1, Optional.empty())).isCloseTo(3.9642, within(1e-4));
        assertThat(HardBodyRadii.bundled().defaultRadiusM()).isEqualTo(HardBodyRadii.DEFAULT_RADIUS_M);
    }
}
