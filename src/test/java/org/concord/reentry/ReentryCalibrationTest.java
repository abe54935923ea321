package org.concord.reentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The window's promise on real decays: the 2019-12 catalog's objects with a perigee under 300 km that re-entered
 * within 30 days of their element set, by the SATCAT of 2021-01 ({@link DecayCases}). The full table per horizon
 * band is scripts/bench-reentry's; this asserts the near-circular, uncontrolled ones under 30 days (the short
 * lifetimes are also the quick ones to predict).
 */
class ReentryCalibrationTest {

    private static List<Calibration.Result> shortLived;

    @BeforeAll
    static void predict() {
        ReentryPredictor predictor = DecayCases.predictor();
        shortLived = DecayCases.load().stream()
                .filter(c -> c.trueLifetime().filter(l -> l.compareTo(Duration.ofDays(30)) < 0).isPresent())
                .filter(c -> c.elements().getE() < Calibration.NEAR_CIRCULAR_ECCENTRICITY)
                .map(c -> new Calibration.Result(c, predictor.predict(c.noradId(), c.name(),
                        List.of(c.elements()))))
                .toList();
    }

    @Test
    void windowsHoldTheTrueDecayDayNineTimesInTen() {
        List<Calibration.Result> uncontrolled = shortLived.stream().filter(Calibration.Result::uncontrolled).toList();

        assertThat(uncontrolled).hasSizeGreaterThanOrEqualTo(19)
                .allSatisfy(r -> assertThat(r.prediction().outcome()).as(r.toString()).isEqualTo(ReentryOutcome.WINDOW));
        assertThat(Calibration.containment(uncontrolled)).as(Calibration.table(uncontrolled)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theNominalEpochIsWithinAFifthOfTheRemainingLifetimeBeyondAWeek() {
        List<Calibration.Result> beyondAWeek = shortLived.stream().filter(Calibration.Result::uncontrolled)
                .filter(r -> r.decay().trueLifetime().orElseThrow().compareTo(Duration.ofDays(7)) >= 0).toList();

        assertThat(beyondAWeek).isNotEmpty();
        assertThat(Calibration.medianError(beyondAWeek)).isLessThan(0.2);
    }

    @Test
    void aCargoVehicleDeorbitedByItsOperatorGetsNoWindow() {
        Calibration.Result cygnus = shortLived.stream().filter(r -> r.decay().noradId() == 44188).findFirst()
                .orElseThrow();

        assertThat(cygnus.decay().name()).isEqualTo("CYGNUS NG-11");
        assertThat(cygnus.prediction().reentryClass()).isEqualTo(ReentryClass.CONTROLLED);
        assertThat(cygnus.prediction().window()).isEmpty();
        assertThat(cygnus.prediction().statement()).contains("no window");
    }
}
