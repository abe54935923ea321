package org.concord.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.InputAges;

/**
 * What an event's columns hold: the pair, how many updates, the latest update's state (the one computed last; of two
 * computed at once, the later to join) and the figures over every update. It follows an event update by update
 * ({@link #with}), so that a pass adding updates to a stored event needs its columns only, not its history.
 */
public record EventSummary(long primaryNoradId, long secondaryNoradId, int updateCount, Instant firstComputedAt,
                           double minimumMissMeters, Optional<Double> maximumPc, Latest latest) {

    /** The latest update's state as the columns hold it. */
    public record Latest(Instant computedAt, Instant tca, double missDistanceMeters, Optional<Double> pc,
                         Optional<String> pcMethod, Optional<String> pcSource, Optional<Boolean> stale) {

        static Latest of(EventUpdate u) {
            Optional<CollisionRisk> risk = u.risk();
            return new Latest(u.computedAt(), u.tca(), u.missDistanceMeters(), risk.map(CollisionRisk::probability),
                    risk.map(CollisionRisk::method), risk.map(r -> r.source().name()),
                    u.inputAges().map(InputAges::stale));
        }
    }

    /** The summary of a whole event. */
    public static EventSummary of(ConjunctionEvent event) {
        List<EventUpdate> updates = event.updates();
        EventUpdate first = updates.getFirst();
        EventSummary s = new EventSummary(event.primaryNoradId(), event.secondaryNoradId(), 1, first.computedAt(),
                first.missDistanceMeters(), first.risk().map(CollisionRisk::probability), Latest.of(first));
        for (EventUpdate u : updates.subList(1, updates.size())) {
            s = s.with(u);
        }
        return s;
    }

    /** The summary once {@code update} (numbered after every update so far) has joined. */
    public EventSummary with(EventUpdate update) {
        Optional<Double> pc = update.risk().map(CollisionRisk::probability);
        Optional<Double> highest = maximumPc.isEmpty() ? pc
                : pc.isEmpty() ? maximumPc : Optional.of(Math.max(maximumPc.get(), pc.get()));
        return new EventSummary(primaryNoradId, secondaryNoradId, updateCount + 1,
                update.computedAt().isBefore(firstComputedAt) ? update.computedAt() : firstComputedAt,
                Math.min(minimumMissMeters, update.missDistanceMeters()), highest,
                update.computedAt().isBefore(latest.computedAt()) ? latest : Latest.of(update));
    }
}
