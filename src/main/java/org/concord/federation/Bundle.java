package org.concord.federation;

import java.time.Instant;
import java.util.List;

import org.concord.catalog.SourceFormat;
import org.concord.label.Label;

/**
 * What one node sends one partner in one step of its feed: orbit records with their original labels and recalls of
 * records sent before, from the sender (party and key fingerprint) to the recipient (party and key fingerprint), with
 * the sequence number of this bundle in the sender's feed to that recipient (1, 2, 3, ... without gaps). The sender's
 * signature over the encoded bundle covers all of it, so a bundle is worthless to anyone but its recipient and cannot
 * be replayed into the recipient's feed.
 */
public record Bundle(String senderParty, String senderNode, String recipientParty, String recipientNode,
                     long sequence, Instant created, List<Item> orbits, List<Recall> recalls) {

    public static final String FORMAT = "concord-bundle/1";

    public Bundle {
        orbits = List.copyOf(orbits);
        recalls = List.copyOf(recalls);
    }

    /** One orbit record: the exact message text it was read from, its format, catalog number and label. */
    public record Item(long noradId, SourceFormat format, String content, String contentSha256, Label label) {
    }

    /** The originator withdrew this record (by content hash): the recipient deletes its copy. */
    public record Recall(String contentSha256, String originator, String reason, Instant recalledAt) {
    }
}
