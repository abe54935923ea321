package org.concord.spaceweather;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A geomagnetic storm of G3 or more: a run of consecutive 3-hour intervals whose Kp reaches 7 (from {@code start} to
 * {@code end}), the highest G level reached, and whether any of its intervals is only predicted.
 * <p>The stale-after-storm rule (docs/space-weather.md): an element set is <b>stale after a storm</b> at a time
 * {@code t} when a storm began at or before {@code t} and ended after the element set's epoch. Its orbit was fitted
 * before the storm was over, so the drag the storm added is missing from it: a LEO element set predicts the object
 * too far along its track, by more the longer the storm and the lower the orbit (in May 2024, at Kp 9, catalog
 * element sets stayed wrong for days).
 */
public record Storm(Instant start, Instant end, int gScale, boolean predicted) {

    /** The G level a storm reaches at least. */
    public static final int MIN_G_SCALE = 3;

    /** The storms in these intervals (in time order, as the merged reads give them). */
    public static List<Storm> of(List<KpInterval> intervals) {
        List<Storm> storms = new ArrayList<>();
        Storm current = null;
        for (KpInterval k : intervals) {
            if (k.gScale() < MIN_G_SCALE) {
                current = null;
                continue;
            }
            Instant end = k.start().plus(DailyIndices.INTERVAL);
            if (current != null && current.end().equals(k.start())) {
                storms.set(storms.size() - 1, current = new Storm(current.start(), end,
                        Math.max(current.gScale(), k.gScale()), current.predicted() || k.status().predicted()));
            } else {
                storms.add(current = new Storm(k.start(), end, k.gScale(), k.status().predicted()));
            }
        }
        return storms;
    }

    /** The latest of these storms that leaves an element set of this epoch stale at {@code at}, if any. */
    public static Optional<Storm> unseenBy(Instant epoch, Instant at, List<Storm> storms) {
        return unseenByAny(List.of(epoch), at, storms);
    }

    /**
     * The latest of these storms that leaves any of the element sets of these epochs stale at {@code at} (the inputs
     * of one result, such as a conjunction at its TCA), if any.
     */
    public static Optional<Storm> unseenByAny(List<Instant> epochs, Instant at, List<Storm> storms) {
        return storms.stream().filter(s -> !s.start().isAfter(at) && epochs.stream().anyMatch(s.end()::isAfter))
                .max(Comparator.comparing(Storm::start));
    }
}
