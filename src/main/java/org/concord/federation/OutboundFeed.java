package org.concord.federation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditLog;
import org.concord.catalog.OrbitRecord;
import org.concord.digest.Sha256;
import org.concord.identity.NodeIdentity;
import org.concord.label.LabelFilter;

/**
 * This node's feed to each peer: what the peer's party may read under this node's agreements (its own data and
 * third-party data it may re-release, never the peer's own data back), read lane by lane from the feed cursors and
 * served as signed bundles the peer pulls by sequence.
 */
public final class OutboundFeed {

    /** The most message text one bundle carries (ephemerides can be megabytes each); one record always goes. */
    static final long MAX_BUNDLE_CONTENT_CHARS = 32L * 1024 * 1024;

    private final FederationStore store;
    private final SharingService sharing;
    private final NodeIdentity identity;
    private final String nodeParty;
    private final AuditLog audit;
    private final Clock clock;
    private final int bundleRecords;
    private final BundleCounter bundles;
    // One lock per peer: the inbound direction has its own (InboundFeed), as a pull waits for the peer's server,
    // which may be pulling from this node.
    private final Map<Long, Object> outboundLocks = new ConcurrentHashMap<>();

    OutboundFeed(FederationStore store, SharingService sharing, NodeIdentity identity, String nodeParty,
                 AuditLog audit, Clock clock, int bundleRecords, BundleCounter bundles) {
        this.store = store;
        this.sharing = sharing;
        this.identity = identity;
        this.nodeParty = nodeParty;
        this.audit = audit;
        this.clock = clock;
        this.bundleRecords = bundleRecords;
        this.bundles = bundles;
    }

    /** The peer asked for bundles after one this node never served it. */
    public static final class FeedConflictException extends RuntimeException {
        FeedConflictException(String message) {
            super(message);
        }
    }

    /**
     * The bundle that follows bundle {@code after} of this node's feed to {@code peer}, or nothing when the peer has
     * everything. Asking for what follows {@code after} acknowledges it; a bundle served before but not acknowledged
     * is built again from where {@code after} left the feed, under the agreements in force now (a revoked agreement
     * stops the flow at once).
     */
    Optional<SignedBundle> serve(Peer peer, long after) {
        synchronized (outboundLocks.computeIfAbsent(peer.id(), id -> new Object())) {
            Instant now = clock.instant();
            PeerState state = store.state(peer.id());
            if (after < 0 || after > state.servedSequence()) {
                String problem = "asked for the bundles after " + after + ", but this node has served "
                        + peer.party() + " bundles 1.." + state.servedSequence() + " only";
                store.recordError(peer.id(), problem, now);
                throw new FeedConflictException(problem);
            }
            FeedCursors from = store.cursorsAfter(peer.id(), after).orElseThrow(() ->
                    new IllegalStateException("no cursors stored for bundle " + after + " to peer " + peer.id()));
            store.recordAcknowledged(peer.id(), after, now);
            LabelFilter filter = sharing.filterFor(Peers.principalOf(peer));
            FederationStore.FeedSlice slice = store.readFeed(from, filter, peer.party(), bundleRecords,
                    MAX_BUNDLE_CONTENT_CHARS);
            if (slice.isEmpty()) {
                return Optional.empty();
            }
            long sequence = after + 1;
            Bundle bundle = new Bundle(nodeParty, identity.fingerprint(), peer.party(), peer.fingerprint(), sequence,
                    now, slice.orbits().stream().map(OutboundFeed::item).toList(), slice.products(),
                    slice.recalls());
            byte[] payload = BundleCodec.encode(bundle);
            byte[] signature = identity.sign(payload);
            String sha = Sha256.hex(payload);
            TreeSet<String> originators = new TreeSet<>();
            bundle.orbits().forEach(i -> originators.add(i.label().originator()));
            bundle.products().forEach(p -> originators.add(p.label().originator()));
            bundle.recalls().forEach(r -> originators.add(r.originator()));
            originators.add(peer.party());
            Optional<SignedBundle> sent = audit.recordedChange(() -> {
                store.recordServed(peer.id(), sequence, slice.after(), bundle.orbits().size(),
                        bundle.recalls().size(), sha, now);
                audit.append(AuditEvent.of(now, Peers.principalOf(peer).name(), Optional.of(peer.party()),
                        AuditAction.FEDERATION_SEND, "bundle " + sequence + " to " + peer.party(), originators,
                        bundle.orbits().size() + " orbit records, " + bundle.products().size()
                                + " products, " + bundle.recalls().size() + " recalls; sha256 " + sha));
                return Optional.of(new SignedBundle(payload, signature));
            });
            bundles.count(peer, "sent");
            return sent;
        }
    }

    private static Bundle.Item item(OrbitRecord o) {
        return new Bundle.Item(o.noradId(), o.format(), o.content(), o.contentSha256(), o.label());
    }
}
