package org.concord.reentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.concord.orbit.OrekitSetup;
import org.orekit.data.DataContext;
import org.orekit.propagation.analytical.tle.TLE;
import org.junit.jupiter.api.Test;

class ReentryPredictorTest {

    private static DecayCases.Case decayCase(long noradId) {
        return DecayCases.load().stream().filter(c -> c.noradId() == noradId).findFirst().orElseThrow();
    }

    @Test
    void aGeostationaryTransferOrbitGetsNoEpochAndSaysWhy() {
        DecayCases.Case gto = decayCase(43230);
        ReentryPrediction prediction = DecayCases.predictor().predict(gto.noradId(), gto.name(),
                List.of(gto.elements()));

        assertThat(gto.decayDay()).isPresent();
        assertThat(prediction.reentryClass()).isEqualTo(ReentryClass.HIGHLY_ECCENTRIC);
        assertThat(prediction.outcome()).isEqualTo(ReentryOutcome.NONE);
        assertThat(prediction.nominal()).isEmpty();
        assertThat(prediction.window()).isEmpty();
        assertThat(prediction.statement()).contains("apogee").contains("Moon");
    }

    @Test
    void aRaisedOrbitInTheHistoryIsAManoeuvreAndGetsNoWindowAndNoEpochWithoutSpaceWeather() throws IOException {
        List<TLE> spot5 = spot5Series();
        ReentryPredictor predictor = new ReentryPredictor(SpaceWeather.of(DecayCases.spaceWeather(),
                DecayCases.SPACE_WEATHER_SOURCE), ReentryWindowRule.CALIBRATED, Duration.ofDays(10), ControlledVehicles.DEFAULT,
                DataContext.getDefault(),
                Clock.systemUTC());

        ReentryPrediction prediction = predictor.predict(27421, "SPOT 5", spot5);

        assertThat(prediction.reentryClass()).isEqualTo(ReentryClass.MANOEUVRING);
        assertThat(prediction.window()).isEmpty();
        assertThat(prediction.outcome()).isEqualTo(ReentryOutcome.NONE);
        assertThat(prediction.statement()).contains("space weather").contains("2019-06-01T00:00:00Z")
                .contains(DecayCases.SPACE_WEATHER_SOURCE);
        assertThat(prediction.elementSets()).isEqualTo(spot5.size());
    }

    @Test
    void theSpaceWeatherSourceAndTheMeaningOfTheWindowAreInTheResult() {
        DecayCases.Case debris = decayCase(44775);
        ReentryPrediction prediction = DecayCases.predictor().predict(debris.noradId(), debris.name(),
                List.of(debris.elements()));

        assertThat(prediction.outcome()).isEqualTo(ReentryOutcome.WINDOW);
        assertThat(prediction.ballistic().orElseThrow().source())
                .isEqualTo(BallisticCoefficient.Source.MEAN_MOTION_RATE);
        assertThat(prediction.spaceWeatherSource()).isEqualTo(DecayCases.SPACE_WEATHER_SOURCE);
        assertThat(prediction.atmosphere()).isEqualTo("NRLMSISE-00");
        assertThat(prediction.statement()).contains("30 %").contains("60 %").contains("18 of the 19");
        ReentryWindow window = prediction.window().orElseThrow();
        assertThat(window.opens()).isBefore(prediction.nominal().orElseThrow());
        assertThat(window.closes()).isAfter(prediction.nominal().orElseThrow());
    }

    @Test
    void twoElementSetsAPartFitTheCoefficientToTheirObservedDecay() {
        DecayCases.Case debris = decayCase(44775);
        TLE newest = debris.elements();
        ReentryPredictor predictor = DecayCases.predictor();
        TLE older = olderSet(newest);
        double fromRate = predictor.predict(debris.noradId(), debris.name(), List.of(newest)).ballistic()
                .orElseThrow().squareMetersPerKg();

        ReentryPrediction fitted = predictor.predict(debris.noradId(), debris.name(), List.of(older, newest));

        assertThat(fitted.ballistic().orElseThrow().source()).isEqualTo(BallisticCoefficient.Source.OBSERVED_DECAY);
        assertThat(fitted.ballistic().orElseThrow().elementSets()).isEqualTo(2);
        assertThat(fitted.elementSets()).isEqualTo(2);
        assertThat(fitted.ballistic().orElseThrow().squareMetersPerKg()).isCloseTo(fromRate,
                org.assertj.core.data.Percentage.withPercentage(25));
    }

    /** The newest set moved 3 days back along its own mean motion rate: a history of the same decay. */
    static TLE olderSet(TLE newest) {
        double days = 3;
        double seconds = days * 86_400;
        double meanMotion = newest.getMeanMotion() - newest.getMeanMotionFirstDerivative() * seconds;
        return new TLE(newest.getSatelliteNumber(), newest.getClassification(), newest.getLaunchYear(),
                newest.getLaunchNumber(), newest.getLaunchPiece(), newest.getEphemerisType(),
                newest.getElementNumber() - 1, newest.getDate().shiftedBy(-seconds), meanMotion,
                newest.getMeanMotionFirstDerivative(), newest.getMeanMotionSecondDerivative(), newest.getE(),
                newest.getI(), newest.getPerigeeArgument(), newest.getRaan(), newest.getMeanAnomaly(),
                newest.getRevolutionNumberAtEpoch() - 48, newest.getBStar());
    }

    private static List<TLE> spot5Series() throws IOException {
        OrekitSetup.get();
        try (InputStream in = ReentryPredictorTest.class.getResourceAsStream("/catalog/spot-5_tle_series_orekit.tle")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\\R");
            List<TLE> sets = new ArrayList<>();
            for (int i = 0; i + 1 < lines.length; i++) {
                if (lines[i].startsWith("1 ") && lines[i + 1].startsWith("2 ")) {
                    sets.add(new TLE(lines[i], lines[i + 1]));
                }
            }
            return sets;
        }
    }
}
