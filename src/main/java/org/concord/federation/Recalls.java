package org.concord.federation;

import java.time.Clock;

/**
 * Recalls across the federation: a recall made here is remembered so that it reaches every peer the record was
 * released to, and a recall received from a peer removes this node's copy.
 */
public final class Recalls {

    /** Removes a stored record that its originator recalled (the catalog's recall), returning whether one was. */
    public interface Recaller {
        boolean recall(String contentSha256, String originator, String reason, String by);
    }

    private final FederationStore store;
    private final Recaller recaller;
    private final Clock clock;

    Recalls(FederationStore store, Recaller recaller, Clock clock) {
        this.store = store;
        this.recaller = recaller;
        this.clock = clock;
    }

    /**
     * Remembers that a record this node holds is being recalled here (by its originator's command or request), so
     * that the recall reaches every peer the record was released to, in its next bundle.
     */
    void noteRecall(String contentSha256, String originator, String reason, String by) {
        store.orbitByContent(contentSha256, originator).ifPresent(stored ->
                store.addRecall(stored, reason, clock.instant(), by));
    }

    boolean recall(FederationStore.StoredOrbit stored, String reason, String by) {
        store.addRecall(stored, reason, clock.instant(), by);
        return recaller.recall(stored.orbit().contentSha256(), stored.orbit().label().originator(), reason, by);
    }
}
