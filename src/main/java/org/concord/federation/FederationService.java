package org.concord.federation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import io.micrometer.core.instrument.MeterRegistry;
import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.audit.AuditLog;
import org.concord.product.ProductKinds;
import org.concord.product.ProductStore;
import org.concord.identity.NodeIdentity;
import org.concord.ingest.IngestService;

/**
 * Federation between sovereign nodes, with no hub: each node offers each registered peer the feed of what that
 * peer's party may read under this node's agreements ({@link OutboundFeed}), and pulls its peers' feeds
 * ({@link FeedPuller}), verifying every bundle before storing what it carries ({@link InboundFeed}); recalls follow
 * the records ({@link Recalls}). What a received record may reach from here on is decided by the same rules as for
 * any record ({@code access.AccessPolicy}), so nothing is re-released beyond its label and its originator's
 * agreements. Every bundle served, accepted or rejected, every peer change and every recall is audited.
 * <p>This class wires the parts together for the node, its HTTP routes and its CLI, and owns their one background
 * thread.
 */
public final class FederationService implements AutoCloseable {

    private final NodeIdentity identity;
    private final Peers peers;
    private final OutboundFeed outbound;
    private final InboundFeed inbound;
    private final Recalls recalls;
    private final FeedPuller puller;
    private final ScheduledExecutorService scheduler;

    public FederationService(FederationStore store, SharingService sharing, IngestService ingest,
                             ProductKinds kinds, ProductStore products, Recalls.Recaller recaller,
                             ProductArrivals arrivals,
                             NodeIdentity identity, String nodeParty, AuditLog audit, Clock clock, int bundleRecords,
                             Optional<SSLContext> trust, boolean allowPlainHttp, MeterRegistry meters) {
        this.identity = identity;
        BundleCounter bundles = new BundleCounter(meters);
        this.peers = new Peers(store, sharing, identity, audit, clock, allowPlainHttp);
        this.outbound = new OutboundFeed(store, sharing, identity, nodeParty, audit, clock, bundleRecords,
                bundles);
        this.recalls = new Recalls(store, recaller, clock);
        this.inbound = new InboundFeed(store, sharing, ingest, kinds, products, recalls, arrivals, identity, nodeParty,
                audit, clock, bundles);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concord-federation");
            t.setDaemon(true);
            return t;
        });
        this.puller = new FeedPuller(store, inbound, new PeerClient(identity, clock, trust), clock, scheduler);
        scheduler.scheduleWithFixedDelay(peers::auditDueRefusalsQuietly, Peers.REFUSAL_SUMMARY_INTERVAL.toMillis(),
                Peers.REFUSAL_SUMMARY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pulls from every active peer every {@code period} (none when zero). */
    public void startPulling(Duration period) {
        puller.startPulling(period);
    }

    public Peer addPeer(String party, String publicKeyPem, URI endpoint, Principal by) {
        return peers.addPeer(party, publicKeyPem, endpoint, by);
    }

    public Peer removePeer(long id, Principal by) {
        return peers.removePeer(id, by);
    }

    public List<Peer> peers() {
        return peers.peers();
    }

    public List<Peers.PeerStatus> status() {
        return peers.status();
    }

    /** The active peer a node-signed request comes from; see {@link Peers#authenticate}. */
    public Peer authenticate(NodeRequest request, String signature, String clientAddress) {
        return peers.authenticate(request, signature, clientAddress);
    }

    /** The next bundle of this node's feed to {@code peer}; see {@link OutboundFeed#serve}. */
    public Optional<SignedBundle> serve(Peer peer, long after) {
        return outbound.serve(peer, after);
    }

    /** Verifies a bundle from {@code peer} and stores what it carries; see {@link InboundFeed#receive}. */
    public InboundFeed.Receipt receive(Peer peer, SignedBundle signed) {
        return inbound.receive(peer, signed);
    }

    /**
     * Stores the items held from partners' bundles of the kinds this node now serves (after an upgrade); returns how
     * many were stored. See {@link InboundFeed#adoptHeld}.
     */
    public int adoptHeld() {
        return inbound.adoptHeld();
    }

    /** Remembers a recall made here, so that it reaches every peer the record was released to. */
    public void noteRecall(String contentSha256, String originator, String reason, String by) {
        recalls.noteRecall(contentSha256, originator, reason, by);
    }

    /** Pulls up to {@code maxBundles} bundles from a peer, stopping at the first failure (kept in its status). */
    public FeedPuller.SyncReport pull(Peer peer, int maxBundles) {
        return puller.pull(peer, maxBundles);
    }

    /** Tells every active peer that this node has new data, so that they pull now rather than at their next turn. */
    public void notifyPeers() {
        puller.notifyPeers();
    }

    /** Tells the active peers of these parties that this node has new data for them, so that they pull now. */
    public void notifyPeers(Set<String> parties) {
        puller.notifyPeers(parties);
    }

    /** A peer said it has new data: pull from it soon, in the background. */
    public void pullSoon(Peer peer) {
        puller.pullSoon(peer);
    }

    public NodeIdentity identity() {
        return identity;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        peers.auditRemainingRefusals();
    }
}
