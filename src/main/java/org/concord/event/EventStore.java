package org.concord.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.conjunction.Conjunction;
import org.concord.product.Product;

/** What building events reads, implemented in {@code store}; events are stored as the product kind {@link EventKind}. */
public interface EventStore {

    /**
     * A conjunction no event holds yet, and when it was computed if this node knows (the start of the screening run
     * that found it).
     */
    record Pending(Product<Conjunction> conjunction, Optional<Instant> computedAt) {
    }

    /**
     * Conjunctions no event holds yet, by id (not label-filtered: node-internal), at most {@code limit}; those of
     * ephemeris screenings (a plan screened, not the objects' orbits) and those of an object with itself are never events.
     */
    List<Pending> pending(int limit);

    /** The events (not label-filtered) whose latest TCA lies within [from, to]. */
    List<Product<ConjunctionEvent>> eventsWithTcaWithin(Instant from, Instant to);
}
