package org.concord.reentry;

import java.util.List;

/**
 * The sub-satellite track over a re-entry window: lines of longitude and latitude (degrees, WGS-84 geodetic, ITRF),
 * split where the track crosses the antimeridian (a line ends at ±180° and the next starts at ∓180°), so that each
 * line is straight-drawable in longitude and latitude (GeoJSON MultiLineString, RFC 7946 §3.1.9).
 */
public record GroundTrack(List<List<Position>> lines) {

    public static final GroundTrack NONE = new GroundTrack(List.of());

    /** A point of the track: longitude in [-180, 180], latitude in [-90, 90], degrees. */
    public record Position(double longitudeDegrees, double latitudeDegrees) {
    }

    public GroundTrack {
        lines = lines.stream().map(List::copyOf).toList();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
