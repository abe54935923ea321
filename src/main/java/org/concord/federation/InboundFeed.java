package org.concord.federation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditLog;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionStore;
import org.concord.digest.Sha256;
import org.concord.identity.NodeIdentity;
import org.concord.ingest.IngestService;
import org.concord.label.DataKind;

/**
 * Bundles received from a peer: each is verified (pinned key, sender, recipient, sequence) before its records are
 * stored with their original labels and their provenance, its conjunctions with their inputs resolved to this node's
 * copies, and its recalls applied where they come from the record's originator or source.
 */
public final class InboundFeed {

    private final FederationStore store;
    private final SharingService sharing;
    private final IngestService ingest;
    private final ConjunctionStore conjunctions;
    private final Recalls recalls;
    private final NodeIdentity identity;
    private final String nodeParty;
    private final AuditLog audit;
    private final Clock clock;
    // One lock per peer, held by a whole pull (FeedPuller) and by each bundle it receives.
    private final Map<Long, Object> inboundLocks = new ConcurrentHashMap<>();

    InboundFeed(FederationStore store, SharingService sharing, IngestService ingest, ConjunctionStore conjunctions,
                Recalls recalls, NodeIdentity identity, String nodeParty, AuditLog audit, Clock clock) {
        this.store = store;
        this.sharing = sharing;
        this.ingest = ingest;
        this.conjunctions = conjunctions;
        this.recalls = recalls;
        this.identity = identity;
        this.nodeParty = nodeParty;
        this.audit = audit;
        this.clock = clock;
    }

    /** What accepting one bundle did. */
    public record Receipt(long sequence, int stored, int unchanged, int rejected, int conjunctionsStored,
                          int conjunctionsRejected, int recalled) {
    }

    /**
     * Verifies a bundle from {@code peer} and stores what it carries. Refused whole (nothing kept, the reason
     * audited and kept in the peer's status) when the signature does not verify with the peer's pinned key, the
     * bundle names another sender or recipient, or its sequence is not the next one (a replay or a gap). A record
     * that does not read or check is reported and not stored; the rest of the bundle is.
     */
    Receipt receive(Peer peer, SignedBundle signed) {
        synchronized (lockFor(peer)) {
            Instant now = clock.instant();
            try {
                return audit.recordedChange(() -> accept(peer, signed, now));
            } catch (BundleRejectedException e) {
                store.recordError(peer.id(), "rejected a bundle: " + e.getMessage(), now);
                audit.append(AuditEvent.of(now, Peers.principalOf(peer).name(), Optional.of(peer.party()),
                        AuditAction.FEDERATION_REJECT, "bundle from " + peer.party(), List.of(peer.party()),
                        e.getMessage() + "; sha256 " + Sha256.hex(signed.payload())));
                throw e;
            }
        }
    }

    private Receipt accept(Peer peer, SignedBundle signed, Instant now) {
        byte[] payload = signed.payload();
        if (!NodeIdentity.verify(peer.publicKey(), payload, signed.signature())) {
            throw new BundleRejectedException("the signature does not verify with the key pinned for peer "
                    + peer.party() + " (" + peer.fingerprint() + ")");
        }
        Bundle bundle = BundleCodec.decode(payload);
        if (!bundle.senderNode().equals(peer.fingerprint()) || !bundle.senderParty().equals(peer.party())) {
            throw new BundleRejectedException("the bundle names sender " + bundle.senderParty() + " (node "
                    + bundle.senderNode() + "), not peer " + peer.party() + " (node " + peer.fingerprint() + ")");
        }
        if (!bundle.recipientNode().equals(identity.fingerprint()) || !bundle.recipientParty().equals(nodeParty)) {
            throw new BundleRejectedException("the bundle is addressed to " + bundle.recipientParty() + " (node "
                    + bundle.recipientNode() + "), not to this node (" + nodeParty + ", " + identity.fingerprint()
                    + ")");
        }
        long last = store.state(peer.id()).receivedSequence();
        if (bundle.sequence() <= last) {
            throw new BundleRejectedException("bundle " + bundle.sequence() + " is a replay: bundles up to " + last
                    + " were already accepted from " + peer.party());
        }
        if (bundle.sequence() > last + 1) {
            throw new BundleRejectedException("bundle " + bundle.sequence() + " is out of order: the next from "
                    + peer.party() + " is " + (last + 1));
        }
        List<IngestService.ReceivedOrbit> records = new ArrayList<>();
        List<String> notForUs = new ArrayList<>();
        java.util.Set<String> recalledHere = store.recalledAmong(bundle.orbits().stream()
                .map(Bundle.Item::contentSha256).toList());
        for (int i = 0; i < bundle.orbits().size(); i++) {
            Bundle.Item item = bundle.orbits().get(i);
            if (!Sha256.hex(item.content().getBytes(StandardCharsets.UTF_8)).equals(item.contentSha256())) {
                throw new BundleRejectedException("orbits[" + i + "].sha256 is not the SHA-256 of its content");
            }
            if (recalledHere.contains(item.contentSha256() + "|" + item.label().originator())) {
                continue; // recalled by its originator: a late copy from another path is not taken again
            }
            if (!sharing.nodeMayHold(item.label(), item.format().orbitKind().dataKind())) {
                notForUs.add("orbits[" + i + "]: its label (" + item.label() + ") does not release it to "
                        + nodeParty);
                continue;
            }
            records.add(new IngestService.ReceivedOrbit(item.noradId(), item.format(), item.content(), item.label()));
        }
        // recalls first: a record re-labelled by its originator comes as the recall of the copy sent under the old
        // label and, where the new label admits this node, the record again under the new one
        int recalled = 0;
        List<String> refusedRecalls = new ArrayList<>();
        for (Bundle.Recall recall : bundle.recalls()) {
            Optional<FederationStore.StoredOrbit> local = store.orbitByContent(recall.contentSha256(),
                    recall.originator());
            if (local.isEmpty()) {
                continue;
            }
            boolean fromOriginator = recall.originator().equals(peer.party());
            boolean fromItsSource = local.get().orbit().provenance().ingestedBy().equals(peer.ingester());
            if (!fromOriginator && !fromItsSource) {
                refusedRecalls.add(recall.contentSha256());
                continue;
            }
            if (recalls.recall(local.get(), "recalled by " + recall.originator() + " (via " + peer.party() + "): "
                    + recall.reason(), peer.ingester())) {
                recalled++;
            }
        }
        String sha = Sha256.hex(payload);
        IngestService.ReceivedReport report = ingest.storeReceived("bundle " + bundle.sequence() + " from "
                + peer.party() + " (node " + Peers.abbreviate(peer.fingerprint()) + ")", sha, peer.ingester(), records);
        ConjunctionReceipt conjunctionReceipt = storeConjunctions(bundle, now);
        List<String> rejected = new ArrayList<>(notForUs);
        report.errors().forEach(e -> rejected.add(e.toString()));
        if (!store.recordReceived(peer.id(), bundle.sequence(), report.stored(), now)) {
            throw new BundleRejectedException("bundle " + bundle.sequence() + " was accepted meanwhile by another"
                    + " sync with " + peer.party());
        }
        TreeSet<String> originators = new TreeSet<>();
        bundle.orbits().forEach(i -> originators.add(i.label().originator()));
        bundle.recalls().forEach(r -> originators.add(r.originator()));
        originators.add(peer.party());
        audit.append(AuditEvent.of(now, Peers.principalOf(peer).name(), Optional.of(peer.party()),
                AuditAction.FEDERATION_RECEIVE, "bundle " + bundle.sequence() + " from " + peer.party(), originators,
                report.stored() + " stored, " + report.unchanged() + " unchanged, " + rejected.size()
                        + " rejected" + (rejected.isEmpty() ? "" : " (first: " + rejected.getFirst() + ")")
                        + "; conjunctions: " + conjunctionReceipt.stored() + " stored, "
                        + conjunctionReceipt.problems().size() + " rejected" + (conjunctionReceipt.problems().isEmpty()
                        ? "" : " (first: " + conjunctionReceipt.problems().getFirst() + ")") + "; " + recalled
                        + " recalled"
                        + (refusedRecalls.isEmpty() ? "" : ", recalls refused (neither originator nor source): "
                        + refusedRecalls) + "; sha256 " + sha));
        return new Receipt(bundle.sequence(), report.stored(), report.unchanged(), rejected.size(),
                conjunctionReceipt.stored(), conjunctionReceipt.problems().size(), recalled);
    }

    private record ConjunctionReceipt(int stored, List<String> problems) {
    }

    /**
     * Stores the bundle's conjunctions with their inputs resolved to this node's copies (which the bundle, an earlier
     * one, or this node's own data holds); one whose inputs are missing here, or whose label expired, is not stored.
     * Storing the same conjunction again (same key and originator) stores nothing.
     */
    private ConjunctionReceipt storeConjunctions(Bundle bundle, Instant now) {
        int stored = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < bundle.conjunctions().size(); i++) {
            Bundle.ConjunctionItem item = bundle.conjunctions().get(i);
            Conjunction c = item.conjunction();
            if (!sharing.nodeMayHold(c.label(), DataKind.CONJUNCTIONS)) {
                problems.add("conjunctions[" + i + "]: its label (" + c.label() + ") does not release it to "
                        + nodeParty + ", or it expired");
                continue;
            }
            Optional<Long> primary = item.primaryInput().flatMap(this::localOrbitId);
            Optional<Long> secondary = item.secondaryInput().flatMap(this::localOrbitId);
            if (primary.isEmpty() && item.primaryInput().isPresent()
                    || secondary.isEmpty() && item.secondaryInput().isPresent()) {
                problems.add("conjunctions[" + i + "]: an input orbit record is not held here");
                continue;
            }
            Conjunction local = new Conjunction(0, c.primaryNoradId(), c.secondaryNoradId(), primary, secondary,
                    c.tca(), c.missDistanceMeters(), c.relativeSpeedMetersPerSecond(), c.radialMeters(),
                    c.inTrackMeters(), c.crossTrackMeters(), c.risk(), c.cdmRisk(), Optional.empty(), c.cdm(),
                    c.label(), c.inputAges());
            if (conjunctions.storeFromCdm(local, item.key()).isPresent()) {
                stored++;
            }
        }
        return new ConjunctionReceipt(stored, problems);
    }

    private Optional<Long> localOrbitId(Bundle.InputRef input) {
        return store.orbitByContent(input.contentSha256(), input.originator()).map(s -> s.orbit().id());
    }

    /** The lock a pull from the peer holds, and with it every bundle received from it. */
    Object lockFor(Peer peer) {
        return inboundLocks.computeIfAbsent(peer.id(), id -> new Object());
    }
}
