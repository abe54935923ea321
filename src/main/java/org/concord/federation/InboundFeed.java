package org.concord.federation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditLog;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductKind;
import org.concord.product.ProductKinds;
import org.concord.product.ProductStore;
import org.concord.product.ProductValues;
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
    private final ProductKinds kinds;
    private final ProductStore products;
    private final Recalls recalls;
    private final ProductArrivals arrivals;
    private final NodeIdentity identity;
    private final String nodeParty;
    private final AuditLog audit;
    private final Clock clock;
    private final BundleCounter bundles;
    // One lock per peer, held by a whole pull (FeedPuller) and by each bundle it receives.
    private final Map<Long, Object> inboundLocks = new ConcurrentHashMap<>();

    InboundFeed(FederationStore store, SharingService sharing, IngestService ingest, ProductKinds kinds,
                ProductStore products, Recalls recalls, ProductArrivals arrivals, NodeIdentity identity,
                String nodeParty, AuditLog audit, Clock clock, BundleCounter bundles) {
        this.store = store;
        this.sharing = sharing;
        this.ingest = ingest;
        this.kinds = kinds;
        this.products = products;
        this.recalls = recalls;
        this.arrivals = arrivals;
        this.identity = identity;
        this.nodeParty = nodeParty;
        this.audit = audit;
        this.clock = clock;
        this.bundles = bundles;
    }

    /** What accepting one bundle did. */
    /**
     * What accepting one bundle did: orbit records stored, unchanged and rejected; products stored, held (of kinds
     * this node does not serve) and rejected; records recalled.
     */
    public record Receipt(long sequence, int stored, int unchanged, int rejected, int productsStored,
                          int productsHeld, int productsRejected, int recalled) {
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
                Receipt receipt = audit.recordedChange(() -> accept(peer, signed, now));
                bundles.count(peer, "received");
                return receipt;
            } catch (BundleRejectedException e) {
                bundles.count(peer, "refused");
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
        ProductReceipt productReceipt = storeProducts(peer, bundle, now);
        List<String> rejected = new ArrayList<>(notForUs);
        report.errors().forEach(e -> rejected.add(e.toString()));
        if (!store.recordReceived(peer.id(), bundle.sequence(), report.stored(), now)) {
            throw new BundleRejectedException("bundle " + bundle.sequence() + " was accepted meanwhile by another"
                    + " sync with " + peer.party());
        }
        TreeSet<String> originators = new TreeSet<>();
        bundle.orbits().forEach(i -> originators.add(i.label().originator()));
        bundle.products().forEach(i -> originators.add(i.label().originator()));
        bundle.recalls().forEach(r -> originators.add(r.originator()));
        originators.add(peer.party());
        audit.append(AuditEvent.of(now, Peers.principalOf(peer).name(), Optional.of(peer.party()),
                AuditAction.FEDERATION_RECEIVE, "bundle " + bundle.sequence() + " from " + peer.party(), originators,
                report.stored() + " stored, " + report.unchanged() + " unchanged, " + rejected.size()
                        + " rejected" + (rejected.isEmpty() ? "" : " (first: " + rejected.getFirst() + ")")
                        + "; products: " + productReceipt.stored() + " stored, " + productReceipt.held()
                        + " held (kinds this node does not serve), " + productReceipt.problems().size() + " rejected"
                        + (productReceipt.problems().isEmpty() ? "" : " (first: "
                        + productReceipt.problems().getFirst() + ")") + "; " + recalled
                        + " recalled"
                        + (refusedRecalls.isEmpty() ? "" : ", recalls refused (neither originator nor source): "
                        + refusedRecalls) + "; sha256 " + sha));
        return new Receipt(bundle.sequence(), report.stored(), report.unchanged(), rejected.size(),
                productReceipt.stored(), productReceipt.held(), productReceipt.problems().size(), recalled);
    }

    private record ProductReceipt(int stored, int held, List<String> problems) {
    }

    /**
     * Stores the bundle's products with their inputs resolved to this node's copies (which the bundle, an earlier one,
     * or this node's own data holds), under the label they came with; one whose inputs are missing here, or whose label
     * does not release it to this node, is not stored. An item of a kind this node does not serve is held unread, for
     * an upgrade that serves the kind ({@link #adoptHeld}). The same product again (key and originator) stores nothing.
     */
    private ProductReceipt storeProducts(Peer peer, Bundle bundle, Instant now) {
        int stored = 0;
        int held = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < bundle.products().size(); i++) {
            Bundle.ProductItem item = bundle.products().get(i);
            Optional<ProductKind<?>> kind = kinds.of(item.kind());
            if (kind.isEmpty()) {
                store.holdItem(peer.id(), item.kind(), BundleCodec.encodeItem(item), now);
                held++;
                continue;
            }
            try {
                if (adopt(kind.get(), item, peer)) {
                    stored++;
                }
            } catch (IllegalArgumentException e) {
                problems.add("products[" + i + "] (" + item.kind() + "): " + e.getMessage());
            }
        }
        return new ProductReceipt(stored, held, problems);
    }

    /**
     * Stores a received product of a kind this node serves, and lets {@link ProductArrivals} act on it; false when it
     * was stored before.
     */
    private <T> boolean adopt(ProductKind<T> kind, Bundle.ProductItem item, Peer from) {
        if (!sharing.nodeMayHold(item.label(), kind.dataKind())) {
            throw new IllegalArgumentException("its label (" + item.label() + ") does not release it to " + nodeParty
                    + ", or it expired");
        }
        Map<String, ProductInput> inputs = new LinkedHashMap<>();
        for (Bundle.InputRef ref : item.inputs()) {
            long id = localId(ref).orElseThrow(() -> new IllegalArgumentException("its " + ref.role() + " input ("
                    + ref.kind() + " " + ref.ref() + " of " + ref.originator() + ") is not held here"));
            inputs.put(ref.role(), new ProductInput(ref.role(), ref.kind(), id));
        }
        T value = arrivals.arriving(kind, ProductValues.read(kind, item.values(), item.label(), inputs), item.label(),
                from);
        Optional<Long> held = products.idOf(kind, item.key(), item.label().originator());
        if (held.isPresent()) {
            // only the originator's node restates its product; a copy relayed again by another node changes nothing
            // here (as for recalls), so a relay can neither forge a restatement nor overwrite how the copy came
            return item.label().originator().equals(from.party())
                    && restate(kind, held.get(), item, List.copyOf(inputs.values()), value);
        }
        List<Product<T>> stored = products.store(kind, List.of(new Product<>(0, Optional.of(item.key()),
                item.label(), List.copyOf(inputs.values()), value)));
        arrivals.arrived(kind, stored, from);
        return !stored.isEmpty();
    }

    /**
     * A product this node holds under the same key and originator, sent again: the originator changed it in place (a
     * conjunction event that gained updates), so the copy here takes its state, label and inputs (and this node's own
     * partners get it again in turn); the same state again changes nothing (false), so two nodes relaying a product
     * to each other stop there.
     */
    private <T> boolean restate(ProductKind<T> kind, long id, Bundle.ProductItem item, List<ProductInput> inputs,
                                T value) {
        Product<T> was = products.find(kind, id, org.concord.label.LabelFilter.UNRESTRICTED).orElseThrow(() ->
                new IllegalArgumentException("its copy here (" + kind.code() + " " + id + ") is not readable"));
        if (was.value().equals(value) && was.label().equals(item.label()) && links(was.inputs()).equals(links(inputs))) {
            return false;
        }
        products.restate(kind, List.of(new Product<>(id, Optional.of(item.key()), item.label(), inputs, value)));
        return true;
    }

    /** Inputs by role and id (an orbit record's kind as stored may name it an ephemeris). */
    private static java.util.Set<String> links(List<ProductInput> inputs) {
        return inputs.stream().map(i -> i.role() + "=" + i.id()).collect(java.util.stream.Collectors.toSet());
    }

    private Optional<Long> localId(Bundle.InputRef ref) {
        if (ref.kind().equals(DataKind.ORBITS) || ref.kind().equals(DataKind.EPHEMERIDES)) {
            return store.orbitByContent(ref.ref(), ref.originator()).map(s -> s.orbit().id());
        }
        return kinds.of(ref.kind()).flatMap(k -> products.idOf(k, ref.ref(), ref.originator()));
    }

    /**
     * Stores the held items of the kinds this node now serves (after an upgrade), each as if it had just arrived, and
     * lets go of them; one that cannot be stored now (its input was recalled meanwhile) is dropped, and said so in the
     * audit log. Returns how many were stored.
     */
    int adoptHeld() {
        int adopted = 0;
        for (ProductKind<?> kind : kinds.all()) {
            List<FederationStore.HeldItem> held = store.heldItems(kind.code());
            if (held.isEmpty()) {
                continue;
            }
            int stored = 0;
            List<String> problems = new ArrayList<>();
            for (FederationStore.HeldItem h : held) {
                try {
                    Peer from = store.peer(h.peerId()).orElseThrow(() -> new IllegalArgumentException("peer "
                            + h.peerId() + " that sent it is not known"));
                    if (adopt(kind, BundleCodec.decodeItem(h.json()), from)) {
                        stored++;
                    }
                } catch (IllegalArgumentException | BundleRejectedException e) {
                    problems.add("held item " + h.id() + ": " + e.getMessage());
                }
            }
            int storedNow = stored;
            audit.recordedChange(() -> {
                store.releaseHeld(held.stream().map(FederationStore.HeldItem::id).toList());
                audit.append(AuditEvent.of(clock.instant(), "node", Optional.of(nodeParty),
                        AuditAction.FEDERATION_RECEIVE, "held " + kind.code() + " items",
                        List.of(nodeParty), "this node now serves " + kind.code() + ": " + storedNow + " of "
                                + held.size() + " held items stored" + (problems.isEmpty() ? ""
                                : ", " + problems.size() + " dropped (first: " + problems.getFirst() + ")")));
                return null;
            });
            adopted += stored;
        }
        return adopted;
    }

    /** The lock a pull from the peer holds, and with it every bundle received from it. */
    Object lockFor(Peer peer) {
        return inboundLocks.computeIfAbsent(peer.id(), id -> new Object());
    }
}
