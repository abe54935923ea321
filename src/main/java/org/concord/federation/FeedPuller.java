package org.concord.federation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulling the peers' feeds: on a schedule, on a peer's notice that it has new data, or on request; and telling the
 * peers when this node has new data for them.
 */
public final class FeedPuller {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPuller.class);
    /** The most bundles one sync takes from a peer before yielding (the next sync continues). */
    static final int MAX_BUNDLES_PER_SYNC = 1000;

    private final FederationStore store;
    private final InboundFeed inbound;
    private final PeerClient client;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    FeedPuller(FederationStore store, InboundFeed inbound, PeerClient client, Clock clock,
               ScheduledExecutorService scheduler) {
        this.store = store;
        this.inbound = inbound;
        this.client = client;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Pulls from every active peer every {@code period} (none when zero). */
    void startPulling(Duration period) {
        if (period.isZero()) {
            return;
        }
        scheduler.scheduleWithFixedDelay(this::pullAllQuietly, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void pullAllQuietly() {
        try {
            pullAll();
        } catch (RuntimeException e) {
            LOG.warn("federation pull failed: {}", e.getMessage(), e);
        }
    }

    /** What one sync with a peer did. */
    public record SyncReport(Peer peer, int bundles, long stored, long unchanged, long rejected,
                             long productsStored, Optional<String> error) {
    }

    List<SyncReport> pullAll() {
        return store.peers().stream().filter(Peer::isActive).map(p -> pull(p, MAX_BUNDLES_PER_SYNC)).toList();
    }

    /** Pulls up to {@code maxBundles} bundles from a peer, stopping at the first failure (kept in its status). */
    SyncReport pull(Peer peer, int maxBundles) {
        synchronized (inbound.lockFor(peer)) {
            store.recordAttempt(peer.id(), clock.instant());
            int bundles = 0;
            long stored = 0;
            long unchanged = 0;
            long rejected = 0;
            long productsStored = 0;
            try {
                while (bundles < maxBundles) {
                    long after = store.state(peer.id()).receivedSequence();
                    Optional<SignedBundle> next = client.nextBundle(peer, after);
                    if (next.isEmpty()) {
                        break;
                    }
                    InboundFeed.Receipt receipt = inbound.receive(peer, next.get());
                    bundles++;
                    stored += receipt.stored();
                    unchanged += receipt.unchanged();
                    rejected += receipt.rejected();
                    productsStored += receipt.productsStored();
                }
                return new SyncReport(peer, bundles, stored, unchanged, rejected, productsStored, Optional.empty());
            } catch (IOException e) {
                String problem = "cannot pull from " + peer.endpoint() + ": " + Optional.ofNullable(e.getMessage())
                        .orElse(e.getClass().getSimpleName());
                store.recordError(peer.id(), problem, clock.instant());
                return new SyncReport(peer, bundles, stored, unchanged, rejected, productsStored, Optional.of(problem));
            } catch (BundleRejectedException e) {
                return new SyncReport(peer, bundles, stored, unchanged, rejected, productsStored, Optional.of(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SyncReport(peer, bundles, stored, unchanged, rejected, productsStored, Optional.of("interrupted"));
            }
        }
    }

    /** Tells every active peer that this node has new data, so that they pull now rather than at their next turn. */
    void notifyPeers() {
        notify(peer -> true);
    }

    /** Tells the active peers of these parties that this node has new data for them. */
    void notifyPeers(Set<String> parties) {
        notify(peer -> parties.contains(peer.party()));
    }

    private void notify(Predicate<Peer> which) {
        for (Peer peer : store.peers()) {
            if (peer.isActive() && which.test(peer)) {
                scheduler.execute(() -> {
                    try {
                        client.announceNewData(peer);
                    } catch (IOException | RuntimeException e) {
                        LOG.debug("notifying peer {} failed: {}", peer.party(), e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
    }

    /** A peer said it has new data: pull from it soon, in the background. */
    void pullSoon(Peer peer) {
        scheduler.execute(() -> {
            SyncReport report = pull(peer, MAX_BUNDLES_PER_SYNC);
            report.error().ifPresent(e -> LOG.warn("pull from {} failed: {}", peer.party(), e));
        });
    }
}
