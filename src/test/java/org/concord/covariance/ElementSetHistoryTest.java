package org.concord.covariance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;

/** The rules of the history on the SPOT-5 series: what it uses, and that it never extrapolates. */
class ElementSetHistoryTest {

    static List<TLE> spot5;

    @BeforeAll
    static void series() throws Exception {
        OrekitSetup.get();
        spot5 = ElementSetHistoryCalibrationTest.spot5();
    }

    @Test
    void anElementSetAloneHasNoEstimate() {
        ElementSetHistory alone = ElementSetHistory.of(spot5.getLast(), List.of());
        assertThat(alone.size()).isEqualTo(1);
        assertThat(alone.at(Duration.ZERO)).isEmpty();
        assertThat(alone.at(Duration.ofDays(1))).isEmpty();
    }

    @Test
    void onlyTheLatestEarlierSetsOfTheSameObjectWithinTheLookbackAreUsed() {
        TLE reference = spot5.get(200);
        ElementSetHistory history = ElementSetHistory.of(reference, spot5);
        assertThat(history.reference()).isSameAs(reference);
        assertThat(history.size()).isEqualTo(ElementSetHistory.MAX_SETS);
        double oldest = reference.getDate().durationFrom(spot5.get(200 - ElementSetHistory.MAX_SETS + 1).getDate());
        assertThat(oldest).isLessThan(ElementSetHistory.LOOKBACK.toSeconds());
        // later sets (after the reference) change nothing
        assertThat(ElementSetHistory.of(reference, spot5.subList(0, 200)).at(Duration.ofDays(1)).orElseThrow().rtn())
                .isEqualTo(history.at(Duration.ofDays(1)).orElseThrow().rtn());
    }

    @Test
    void beyondTheSpansOfTheHistoryThereIsNoEstimate() {
        ElementSetHistory history = ElementSetHistory.of(spot5.getLast(), spot5);
        double longest = history.samples().getLast().spanSeconds();
        assertThat(history.at(Duration.ofSeconds((long) longest / 2))).isPresent();
        assertThat(history.at(Duration.ofSeconds((long) (longest * 1.5)))).isEmpty();
    }

    @Test
    void beforeTheEpochAsAfterIt() {
        ElementSetHistory history = ElementSetHistory.of(spot5.getLast(), spot5);
        EstimatedCovariance after = history.at(Duration.ofHours(30)).orElseThrow();
        assertThat(history.at(Duration.ofHours(-30)).orElseThrow().rtn()).isEqualTo(after.rtn());
        assertThat(after.samples()).isGreaterThanOrEqualTo(ElementSetHistory.MIN_SAMPLES);
        assertThat(after.sigmaMeters(1)).as("in-track").isGreaterThan(after.sigmaMeters(0));
    }
}
