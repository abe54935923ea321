package org.concord.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Two objects that stayed together over a screening window (docked, in formation): reported once per window with the
 * span of their range over the window's samples and how long they were within the screening distance, in place of
 * their close approaches. {@code screeningRunId} is this node's run that found it.
 */
public record Proximity(long primaryNoradId, long secondaryNoradId, Instant windowStart, Instant windowEnd,
                        double minimumRangeMeters, double maximumRangeMeters, Duration within,
                        double distanceMeters, Optional<Long> screeningRunId) {
}
