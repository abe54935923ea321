package org.concord.reentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.territory.Territories;
import org.concord.territory.Territory;
import org.junit.jupiter.api.Test;

class TrackGeographyTest {

    private static final Instant T0 = Instant.parse("2019-12-07T13:00:00Z");

    private static TrackPoint at(long seconds, double longitude, double latitude) {
        return new TrackPoint(T0.plusSeconds(seconds), longitude, latitude);
    }

    @Test
    void aTrackCrossingTheAntimeridianIsSplitThereWithTheCrossingInterpolated() {
        List<List<TrackPoint>> lines = TrackGeography.split(List.of(at(0, 178.0, 10.0), at(30, 179.0, 11.0),
                at(60, -179.0, 13.0), at(90, -178.0, 14.0), at(120, -179.5, 15.0), at(150, 179.5, 16.0)));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).extracting(TrackPoint::longitudeDegrees).containsExactly(178.0, 179.0, 180.0);
        assertThat(lines.get(1)).extracting(TrackPoint::longitudeDegrees)
                .containsExactly(-180.0, -179.0, -178.0, -179.5, -180.0);
        assertThat(lines.get(2)).extracting(TrackPoint::longitudeDegrees).containsExactly(180.0, 179.5);
        TrackPoint crossing = lines.get(0).get(2);
        assertThat(crossing.latitudeDegrees()).isCloseTo(12.0, within(1e-9));
        assertThat(crossing.time()).isEqualTo(T0.plusSeconds(45));
        assertThat(lines.get(1).get(0).time()).isEqualTo(crossing.time());
        assertThat(lines.get(2).get(0).latitudeDegrees()).isCloseTo(15.5, within(1e-9));

        String geoJson = UnderWindowJson.write(TrackGeography.track(lines));
        assertThat(geoJson).startsWith("{\"type\":\"MultiLineString\",\"coordinates\":[[[178.0,10.0],[179.0,11.0],"
                + "[180.0,12.0]],[[-180.0,12.0],");
        assertThat(UnderWindowJson.readTrack(geoJson).lines()).hasSize(3);
    }

    /**
     * A track over Luxembourg (82 km across) whose samples all lie outside it: found, with its first and last
     * overflight the ends of the step that crosses it; France before it, Germany (overflown longer) after.
     */
    @Test
    void aWindowOverASmallStateFindsItWithTheRealBoundaries() {
        TrackGeography geography = new TrackGeography(Territories.bundled());
        List<List<TrackPoint>> lines = TrackGeography.split(List.of(at(0, 5.0, 46.5), at(30, 6.1, 48.5),
                at(60, 6.6, 51.0), at(90, 7.4, 53.0)));

        List<Overflight> overflown = geography.overflown(lines);

        assertThat(overflown).extracting(o -> o.territory().alpha3().orElseThrow())
                .containsExactly("FRA", "LUX", "DEU");
        Overflight luxembourg = overflown.get(1);
        assertThat(luxembourg.territory()).isEqualTo(new Territory(Optional.of("LUX"), "Luxembourg"));
        assertThat(luxembourg.first()).isEqualTo(T0.plusSeconds(30));
        assertThat(luxembourg.last()).isEqualTo(T0.plusSeconds(60));
        assertThat(overflown.get(0).first()).isEqualTo(T0);
        assertThat(overflown.get(2).last()).isEqualTo(T0.plusSeconds(90));

        List<Overflight> stored = UnderWindowJson.readOverflown(UnderWindowJson.write(overflown));
        assertThat(stored).isEqualTo(overflown);
        assertThat(UnderWindowJson.write(overflown)).contains("{\"state\":\"LUX\",\"name\":\"Luxembourg\","
                + "\"firstOverflightUtc\":\"2019-12-07T13:00:30Z\",\"lastOverflightUtc\":\"2019-12-07T13:01:00Z\"}");
    }

    @Test
    void aWindowLongerThanTheTrackLimitListsEveryStateWithinTheInclination() {
        TrackGeography geography = new TrackGeography(Territories.bundled());
        ReentryWindow window = new ReentryWindow(T0, T0.plus(Duration.ofDays(20)));

        List<Overflight> overflown = geography.underBand(51.6, window);

        assertThat(overflown).extracting(o -> o.territory().alpha3().orElse("-"))
                .contains("GBR", "AUS", "BRA", "KAZ").doesNotContain("FIN", "ISL", "GRL");
        assertThat(overflown).allSatisfy(o -> {
            assertThat(o.first()).isEqualTo(window.opens());
            assertThat(o.last()).isEqualTo(window.closes());
        });
        assertThat(geography.underBand(128.4, window)).isEqualTo(overflown);
    }
}
