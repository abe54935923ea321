package org.concord.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.conjunction.Conjunction;
import org.concord.label.Label;
import org.concord.product.Product;
import org.concord.product.ProductInput;

/**
 * What building events reads and writes, implemented in {@code store}; events are stored as the product kind
 * {@link EventKind}. A pass reads its conjunctions with the labels of their inputs once, the candidate events by their
 * columns only, and writes what it built in one transaction: new events, and new updates appended to stored ones.
 */
public interface EventStore {

    /**
     * A conjunction no event holds yet, when it was computed if this node knows (the start of the screening run that
     * found it), and the label of each input it was computed from.
     */
    record Pending(Product<Conjunction> conjunction, Optional<Instant> computedAt,
                   Map<ProductInput, Label> inputLabels) {
    }

    /** A stored event as its columns hold it: id, label and summary, not its history. */
    record Stored(long id, Label label, EventSummary summary) {
    }

    /**
     * Updates that join a stored event: its label and summary with them, the updates (numbered after those stored) and
     * the inputs they add.
     */
    record Extension(long id, Label label, EventSummary summary, List<EventUpdate> updates,
                     List<ProductInput> inputs) {
    }

    /**
     * Conjunctions with an id above {@code afterId} and below {@code beforeId} that no event holds yet, by id (not
     * label-filtered: node-internal), at most {@code limit}; those of ephemeris screenings (a plan screened, not the
     * objects' orbits) and partner parties' screenings (the rule of {@code ScreeningRun.makesEvents}), and those of
     * an object with itself are never events.
     */
    List<Pending> pending(long afterId, long beforeId, int limit);

    /** The events (not label-filtered) whose latest TCA lies within [from, to]. */
    List<Stored> eventsWithTcaWithin(Instant from, Instant to);

    /**
     * Stores the new events (labels settled) and the updates that join stored events, with their derivation links, in
     * one transaction; {@code inputLabels} holds the label of every input named.
     */
    void write(List<Product<ConjunctionEvent>> fresh, List<Extension> extended, Map<ProductInput, Label> inputLabels);
}
