package org.concord.reentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.concord.territory.Territories;
import org.concord.territory.Territory;
import org.junit.jupiter.api.Test;

class ReentryGroundTrackTest {

    /** ALTAIR PATHFINDER (51.6°), element set of 2019-12-07 13:06, decayed the next day: a window of hours. */
    @Test
    void aWindowOfHoursHasATrackSplitAtTheAntimeridianAndTheStatesUnderIt() {
        DecayCases.Case altair = DecayCases.load().stream().filter(c -> c.noradId() == 42711).findFirst()
                .orElseThrow();
        ReentryPrediction prediction = DecayCases.predictor().predict(altair.noradId(), altair.name(),
                List.of(altair.elements()));

        assertThat(prediction.outcome()).isEqualTo(ReentryOutcome.WINDOW);
        ReentryWindow window = prediction.window().orElseThrow();
        List<List<GroundTrack.Position>> lines = prediction.groundTrack().lines();
        long revolutions = Duration.between(window.opens(), window.closes()).toSeconds() / 5_300;
        assertThat(lines).hasSizeGreaterThanOrEqualTo((int) revolutions);
        int points = 0;
        for (int l = 0; l < lines.size(); l++) {
            List<GroundTrack.Position> line = lines.get(l);
            points += line.size();
            for (int i = 1; i < line.size(); i++) {
                assertThat(Math.abs(line.get(i).longitudeDegrees() - line.get(i - 1).longitudeDegrees()))
                        .as("no step of a line jumps across the map").isLessThan(10.0);
            }
            assertThat(line).allSatisfy(p -> {
                assertThat(Math.abs(p.longitudeDegrees())).isLessThanOrEqualTo(180.0);
                assertThat(Math.abs(p.latitudeDegrees())).isLessThan(52.0);
            });
            if (l > 0) {
                assertThat(Math.abs(line.get(0).longitudeDegrees())).isEqualTo(180.0);
                assertThat(lines.get(l - 1).get(lines.get(l - 1).size() - 1).longitudeDegrees())
                        .isEqualTo(-line.get(0).longitudeDegrees());
            }
        }
        long seconds = Duration.between(window.opens(), window.closes()).toSeconds();
        assertThat(points).as("samples every 30 s from the opening to the close, past the nominal epoch")
                .isGreaterThanOrEqualTo((int) (seconds / 30));

        assertThat(prediction.overflown()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.first()).isAfterOrEqualTo(window.opens()).isBeforeOrEqualTo(o.last());
            assertThat(o.last()).isBeforeOrEqualTo(window.closes());
        });
        Set<Territory> underSamples = new HashSet<>();
        lines.forEach(line -> line.forEach(p -> underSamples.addAll(Territories.bundled().crossedBy(
                p.longitudeDegrees(), p.latitudeDegrees(), p.longitudeDegrees(), p.latitudeDegrees()))));
        assertThat(underSamples).isNotEmpty();
        assertThat(prediction.overflown()).extracting(Overflight::territory).containsAll(underSamples);
        assertThat(prediction.statement()).contains("ground track: every 30 s");
    }
}
