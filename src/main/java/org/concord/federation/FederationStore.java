package org.concord.federation;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.OrbitRecord;
import org.concord.label.DataKind;
import org.concord.label.LabelFilter;

/** Peers, feed positions and recalls; implemented in {@code store}. */
public interface FederationStore {

    Peer addPeer(String party, String fingerprint, String publicKeyPem, URI endpoint, Instant at, String by);

    /** Ends a peer: it can no longer pull, and is no longer pulled from. Its history stays. */
    boolean removePeer(long id, Instant at);

    /** Every peer ever registered, active or removed, by id. */
    List<Peer> peers();

    Optional<Peer> peer(long id);

    /** The active peer with this key fingerprint. */
    Optional<Peer> activePeerByFingerprint(String fingerprint);

    PeerState state(long peerId);

    /** The cursors after bundle {@code sequence} served to the peer ({@link FeedCursors#START} for 0). */
    Optional<FeedCursors> cursorsAfter(long peerId, long sequence);

    /**
     * The next records of the feed after {@code from}: records the filter admits, of labels whose originator is not
     * {@code exceptOriginator}, at most {@code limit} and (but for the first) at most {@code maxContentChars} of
     * message text, in id order; the products of every kind the filter admits with their inputs (which this or an
     * earlier bundle carries, or which are the recipient's own); and the recalls after
     * {@code from} of records that an earlier bundle released (their id is at or below the lane's cursor). The answer
     * carries the cursors after it.
     */
    FeedSlice readFeed(FeedCursors from, LabelFilter filter, String exceptOriginator, int limit,
                       long maxContentChars);

    /** How many records the filter admits beyond {@code from} (what a peer has still to receive). */
    long pendingRecords(FeedCursors from, LabelFilter filter, String exceptOriginator);

    /**
     * Records that bundle {@code sequence} was served to the peer and where it leaves the feed. Bundles after
     * {@code sequence - 1} served before are forgotten: the peer never accepted them (it asked again).
     */
    void recordServed(long peerId, long sequence, FeedCursors after, int orbits, int recalls, String payloadSha256,
                      Instant at);

    /** The peer asked for what follows {@code sequence}: it holds everything up to it. */
    void recordAcknowledged(long peerId, long sequence, Instant at);

    /**
     * Marks bundle {@code sequence} accepted from the peer, only if the last accepted was {@code sequence - 1}; false
     * when another sync got there first.
     */
    boolean recordReceived(long peerId, long sequence, int records, Instant at);

    void recordAttempt(long peerId, Instant at);

    void recordError(long peerId, String error, Instant at);

    /** The stored orbit record with this content and originator, with its lane. */
    Optional<StoredOrbit> orbitByContent(String contentSha256, String originator);

    /** Of these content hashes, those recalled here, as {@code sha256|originator}. */
    java.util.Set<String> recalledAmong(List<String> contentSha256s);

    /** Remembers a recall so that it reaches the peers the record was released to. */
    void addRecall(StoredOrbit orbit, String reason, Instant at, String by);

    /** Holds, unread, a received product item of a kind this node does not serve (its JSON as the bundle had it). */
    void holdItem(long peerId, DataKind kind, String json, Instant at);

    /** The held items of this kind, oldest first. */
    List<HeldItem> heldItems(DataKind kind);

    /** How many items each peer's bundles brought that are held, by kind. */
    Map<Long, Map<DataKind, Long>> heldCounts();

    /** Lets go of these held items (adopted, or dropped). */
    void releaseHeld(List<Long> ids);

    /** A held item: its id, the peer it came from, its kind and its JSON. */
    record HeldItem(long id, long peerId, DataKind kind, String json) {
    }

    /** A stored orbit record with the lane it is in. */
    record StoredOrbit(OrbitRecord orbit, Lane lane) {
    }

    /** A step of a feed: its records, its products, its recalls, and the cursors after it. */
    record FeedSlice(List<OrbitRecord> orbits, List<Bundle.ProductItem> products, List<Bundle.Recall> recalls,
                     FeedCursors after) {

        public boolean isEmpty() {
            return orbits.isEmpty() && products.isEmpty() && recalls.isEmpty();
        }
    }
}
