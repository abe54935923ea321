package org.concord.reentry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.concord.territory.Territories;
import org.concord.territory.Territory;

/**
 * The states under a re-entry window. Over a window of at most {@link #MAX_TRACK_WINDOW}, from the ground track
 * sampled every {@link #STEP}: a state is overflown when a step of the track (the straight line in longitude and
 * latitude between two successive samples, 230 km at most at orbital speed) touches its territory, so a state
 * narrower than a step is not missed between samples; its first and last overflight are the start of the first such
 * step and the end of the last, so they are early and late by less than one step. Over a longer window the track
 * sweeps the whole band of latitudes its inclination allows many times while where along it the object is, is
 * uncertain by many revolutions: every state with ground in that band (widened by {@link #BAND_MARGIN_DEGREES} for
 * geodetic latitude) is overflown from the window's opening to its close, and no track is given.
 */
final class TrackGeography {

    static final Duration STEP = Duration.ofSeconds(30);
    static final Duration MAX_TRACK_WINDOW = Duration.ofDays(3);
    static final double BAND_MARGIN_DEGREES = 0.5;

    private final Territories territories;

    TrackGeography(Territories territories) {
        this.territories = territories;
    }

    /** The samples as lines split at the antimeridian, with the crossing points interpolated in time. */
    static List<List<TrackPoint>> split(List<TrackPoint> samples) {
        List<List<TrackPoint>> lines = new ArrayList<>();
        List<TrackPoint> line = new ArrayList<>();
        for (TrackPoint point : samples) {
            if (!line.isEmpty()) {
                TrackPoint previous = line.get(line.size() - 1);
                double delta = point.longitudeDegrees() - previous.longitudeDegrees();
                if (Math.abs(delta) > 180.0) {
                    double side = Math.signum(previous.longitudeDegrees());
                    double unwrapped = point.longitudeDegrees() + 360.0 * side;
                    double fraction = (180.0 * side - previous.longitudeDegrees())
                            / (unwrapped - previous.longitudeDegrees());
                    double latitude = previous.latitudeDegrees()
                            + fraction * (point.latitudeDegrees() - previous.latitudeDegrees());
                    Instant time = previous.time().plusNanos(Math.round(fraction
                            * Duration.between(previous.time(), point.time()).toNanos()));
                    line.add(new TrackPoint(time, 180.0 * side, latitude));
                    lines.add(line);
                    line = new ArrayList<>();
                    line.add(new TrackPoint(time, -180.0 * side, latitude));
                }
            }
            line.add(point);
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    static GroundTrack track(List<List<TrackPoint>> lines) {
        return new GroundTrack(lines.stream().map(line -> line.stream()
                .map(p -> new GroundTrack.Position(p.longitudeDegrees(), p.latitudeDegrees())).toList()).toList());
    }

    /** The states each step of the lines touches, soonest first. */
    List<Overflight> overflown(List<List<TrackPoint>> lines) {
        Map<Territory, Instant[]> spans = new LinkedHashMap<>();
        for (List<TrackPoint> line : lines) {
            for (int i = 0; i < Math.max(1, line.size() - 1); i++) {
                TrackPoint from = line.get(i);
                TrackPoint to = line.get(Math.min(i + 1, line.size() - 1));
                for (Territory territory : territories.crossedBy(from.longitudeDegrees(), from.latitudeDegrees(),
                        to.longitudeDegrees(), to.latitudeDegrees())) {
                    Instant[] span = spans.computeIfAbsent(territory, t -> new Instant[]{from.time(), to.time()});
                    if (from.time().isBefore(span[0])) {
                        span[0] = from.time();
                    }
                    if (to.time().isAfter(span[1])) {
                        span[1] = to.time();
                    }
                }
            }
        }
        return spans.entrySet().stream().map(e -> new Overflight(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(SOONEST_FIRST).toList();
    }

    /** Every state with ground between the latitudes ±(inclination + margin), overflown over the whole window. */
    List<Overflight> underBand(double inclinationDegrees, ReentryWindow window) {
        double reach = Math.min(90.0, Math.min(inclinationDegrees, 180.0 - inclinationDegrees) + BAND_MARGIN_DEGREES);
        return territories.withinLatitude(reach).stream()
                .map(t -> new Overflight(t, window.opens(), window.closes())).sorted(SOONEST_FIRST).toList();
    }

    private static final Comparator<Overflight> SOONEST_FIRST = Comparator.comparing(Overflight::first)
            .thenComparing(Overflight::last).thenComparing(o -> o.territory().name());
}
