package org.concord.watch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;

import org.concord.conjunction.CollisionRisk;
import org.concord.event.EventUpdate;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;

/**
 * One object a party watches, with its thresholds: an event of the object crosses the watch when its TCA is ahead
 * and at most {@code within} away, and its miss distance is at most {@code missDistanceMeters} or its probability of
 * collision at least {@code probability} (either is enough; at least one is given). The watch is a record of its
 * party alone ({@link #labelOf}).
 */
public record Watch(long id, String party, Terms terms, Label label, String createdBy, Instant createdAt) {

    /** What a party asks to watch, as given. */
    public record Terms(long noradId, Optional<Double> missDistanceMeters, Optional<Double> probability,
                        Duration within, Optional<URI> webhook) {

        public Terms {
            if (missDistanceMeters.isEmpty() && probability.isEmpty()) {
                throw new IllegalArgumentException("give a miss distance threshold, a probability of collision"
                        + " threshold, or both: a watch without either would notify of nothing");
            }
        }

        /** Whether the update crosses these thresholds at {@code now}. */
        public boolean crossedBy(EventUpdate update, Instant now) {
            boolean ahead = update.tca().isAfter(now) && !update.tca().isAfter(now.plus(within));
            boolean close = missDistanceMeters.map(m -> update.missDistanceMeters() <= m).orElse(false);
            boolean likely = probability.map(p -> update.risk().map(CollisionRisk::probability)
                    .map(pc -> pc >= p).orElse(false)).orElse(false);
            return ahead && (close || likely);
        }
    }

    /** The label of a party's watches: its own, released to nobody else. */
    public static Label labelOf(String party) {
        return new Label(party, Releasability.to(party), Tlp.AMBER, Collections.emptySortedSet(), Optional.empty());
    }
}
