package org.concord.reentry;

import java.time.Instant;

/** A timed sub-satellite point (longitude in [-180, 180] and latitude, degrees) of a sampled ground track. */
record TrackPoint(Instant time, double longitudeDegrees, double latitudeDegrees) {
}
