package org.concord.reentry;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.concord.label.DataKind;
import org.concord.label.LabelFilter;

/**
 * What re-entry predictions need of the node's agreements and partners: who is concerned by a prediction, what a party
 * may see, and telling partners' nodes to pull. The composition root implements it over the sharing rules and the
 * federation.
 */
public interface ReentrySharing {

    /** No agreement releases anything, nobody is told: a node of its own (tests, tools). */
    ReentrySharing NONE = new ReentrySharing() {
        @Override
        public SortedSet<String> nationsReleasedTo(DataKind kind) {
            return new TreeSet<>();
        }

        @Override
        public LabelFilter filterOf(String party) {
            throw new IllegalStateException("no party is concerned without agreements");
        }

        @Override
        public void tellToPull(Set<String> parties) {
        }
    };

    /**
     * The nations (by party code, an ISO 3166-1 alpha-3 code) to which an agreement of this node's party, active now,
     * releases data of this kind.
     */
    SortedSet<String> nationsReleasedTo(DataKind kind);

    /** What a reader of this party may see now (its node pulling, or its users). */
    LabelFilter filterOf(String party);

    /** Tells the nodes of these parties that there is something for them, so that they pull now. */
    void tellToPull(Set<String> parties);
}
