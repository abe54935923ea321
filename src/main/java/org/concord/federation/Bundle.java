package org.concord.federation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.concord.catalog.SourceFormat;
import org.concord.label.DataKind;
import org.concord.label.Label;

/**
 * What one node sends one partner in one step of its feed: orbit records with their original labels, products of every
 * kind it serves (conjunctions, ...), and recalls of records sent before, from the sender (party and key fingerprint)
 * to the recipient (party and key fingerprint), with the sequence number of this bundle in the sender's feed to that
 * recipient (1, 2, 3, ... without gaps). The sender's signature over the encoded bundle covers all of it, so a bundle is
 * worthless to anyone but its recipient and cannot be replayed into the recipient's feed.
 */
public record Bundle(String senderParty, String senderNode, String recipientParty, String recipientNode,
                     long sequence, Instant created, List<Item> orbits, List<ProductItem> products,
                     List<Recall> recalls) {

    /** Version 2 carries products of any kind; a version-1 bundle (conjunctions only) is refused whole. */
    public static final String FORMAT = "concord-bundle/2";

    public Bundle {
        orbits = List.copyOf(orbits);
        products = List.copyOf(products);
        recalls = List.copyOf(recalls);
    }

    /** One orbit record: the exact message text it was read from, its format, catalog number and label. */
    public record Item(long noradId, SourceFormat format, String content, String contentSha256, Label label) {
    }

    /**
     * A product, sent only where it and its inputs may go: its kind (which the recipient may not serve: it then holds
     * the item unread, docs/federation.md), its {@code key} across nodes, its label, its inputs named as the recipient
     * can find them (sent before it, or the recipient's own), and its shared values by JSON name.
     */
    public record ProductItem(DataKind kind, String key, Label label, List<InputRef> inputs,
                              Map<String, Object> values) {

        public ProductItem {
            inputs = List.copyOf(inputs);
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * An input of a product: its role, its kind and {@code ref}, the SHA-256 of an orbit record's content or the key of
     * a product, with its originator.
     */
    public record InputRef(String role, DataKind kind, String ref, String originator) {
    }

    /** The originator withdrew this record (by content hash): the recipient deletes its copy. */
    public record Recall(String contentSha256, String originator, String reason, Instant recalledAt) {
    }
}
