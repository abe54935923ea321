package org.concord.catalog;

import java.util.Optional;

import org.concord.label.Label;

/**
 * What a re-label changed: the record as it was (with its old id and label), its new id under the new label, and how
 * many products derived from it (conjunctions, ...) now point at it. Empty when the record is not held.
 */
public record RelabelOutcome(Optional<Relabelled> relabelled) {

    public static final RelabelOutcome NOTHING = new RelabelOutcome(Optional.empty());

    /** A record moved from {@code oldId} under {@code oldLabel} to {@code newId} under {@code newLabel}. */
    public record Relabelled(long noradId, long oldId, Label oldLabel, long newId, Label newLabel,
                             int products) {
    }
}
