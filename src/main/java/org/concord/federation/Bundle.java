package org.concord.federation;

import java.time.Instant;
import java.util.List;

import java.util.Optional;

import org.concord.catalog.SourceFormat;
import org.concord.conjunction.Conjunction;
import org.concord.label.Label;

/**
 * What one node sends one partner in one step of its feed: orbit records with their original labels, conjunctions,
 * and recalls of records sent before, from the sender (party and key fingerprint) to the recipient (party and key fingerprint), with
 * the sequence number of this bundle in the sender's feed to that recipient (1, 2, 3, ... without gaps). The sender's
 * signature over the encoded bundle covers all of it, so a bundle is worthless to anyone but its recipient and cannot
 * be replayed into the recipient's feed.
 */
public record Bundle(String senderParty, String senderNode, String recipientParty, String recipientNode,
                     long sequence, Instant created, List<Item> orbits, List<ConjunctionItem> conjunctions,
                     List<Recall> recalls) {

    public static final String FORMAT = "concord-bundle/1";

    public Bundle {
        orbits = List.copyOf(orbits);
        conjunctions = List.copyOf(conjunctions);
        recalls = List.copyOf(recalls);
    }

    /** One orbit record: the exact message text it was read from, its format, catalog number and label. */
    public record Item(long noradId, SourceFormat format, String content, String contentSha256, Label label) {
    }

    /**
     * A conjunction (a derived product, sent only where it and its inputs may go): what it says, with its input orbit
     * records named by content hash and originator (sent before it, or the recipient's own), and {@code key}, which
     * identifies it across nodes (the SHA-256 of the CDM it came as, or of its defining fields).
     */
    public record ConjunctionItem(String key, Conjunction conjunction, Optional<InputRef> primaryInput,
                                  Optional<InputRef> secondaryInput) {
    }

    /** An input orbit record of a conjunction. */
    public record InputRef(String contentSha256, String originator) {
    }

    /** The originator withdrew this record (by content hash): the recipient deletes its copy. */
    public record Recall(String contentSha256, String originator, String reason, Instant recalledAt) {
    }
}
