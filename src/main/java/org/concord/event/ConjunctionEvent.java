package org.concord.event;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.concord.conjunction.CollisionRisk;

/**
 * One encounter of two objects ({@code primaryNoradId} the lower catalog number) and every update reported of it, in
 * the order they joined. Its state is its latest update's: the one computed last.
 */
public record ConjunctionEvent(long primaryNoradId, long secondaryNoradId, List<EventUpdate> updates) {

    public ConjunctionEvent {
        updates = List.copyOf(updates);
        if (updates.isEmpty() || primaryNoradId >= secondaryNoradId) {
            throw new IllegalArgumentException("an event is of two objects, the lower catalog number first, and has"
                    + " at least one update");
        }
    }

    /** The update computed last (of two computed at once, the later to join). */
    public EventUpdate latest() {
        return updates.stream().max(Comparator.comparing(EventUpdate::computedAt)
                .thenComparingInt(EventUpdate::number)).orElseThrow();
    }

    /** The smallest miss distance any update reported. */
    public double minimumMissMeters() {
        return updates.stream().mapToDouble(EventUpdate::missDistanceMeters).min().orElseThrow();
    }

    /** The highest probability of collision any update reported, if any did. */
    public Optional<Double> maximumPc() {
        return updates.stream().flatMap(u -> u.risk().stream()).map(CollisionRisk::probability)
                .max(Double::compare);
    }

    /** The same encounter with one more update. */
    public ConjunctionEvent with(EventUpdate update) {
        List<EventUpdate> all = new java.util.ArrayList<>(updates);
        all.add(update);
        return new ConjunctionEvent(primaryNoradId, secondaryNoradId, all);
    }
}
