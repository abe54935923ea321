package org.concord.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.concord.access.Party;
import org.concord.access.Principal;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditLog;
import org.concord.catalog.OrbitRecord;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionStore;
import org.concord.digest.Sha256;
import org.concord.identity.NodeIdentity;
import org.concord.ingest.IngestService;
import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Federation between sovereign nodes, with no hub: each node offers each registered peer the feed of what that
 * peer's party may read under this node's agreements (its own data and third-party data it may re-release, never the
 * peer's own data back), as signed bundles the peer pulls by sequence; and pulls its peers' feeds, verifying every
 * bundle (pinned key, recipient, sender, sequence) before storing its records with their original labels and their
 * provenance. What a received record may reach from here on is decided by the same rules as for any record
 * ({@code access.AccessPolicy}), so nothing is re-released beyond its label and its originator's agreements.
 * Every bundle served, accepted or rejected, every peer change and every recall is audited.
 */
public final class FederationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FederationService.class);
    public static final String FEED_PATH = "/api/v1/federation/bundles";
    public static final String NOTIFY_PATH = "/api/v1/federation/notify";
    /** The most bundles one sync takes from a peer before yielding (the next sync continues). */
    static final int MAX_BUNDLES_PER_SYNC = 1000;
    /** The most message text one bundle carries (ephemerides can be megabytes each); one record always goes. */
    static final long MAX_BUNDLE_CONTENT_CHARS = 32L * 1024 * 1024;

    private final FederationStore store;
    private final SharingService sharing;
    private final IngestService ingest;
    private final ConjunctionStore conjunctions;
    private final Recaller recaller;
    private final NodeIdentity identity;
    private final String nodeParty;
    private final AuditLog audit;
    private final Clock clock;
    private final int bundleRecords;
    private final boolean allowPlainHttp;
    private final HttpClient http;
    // One lock per peer and direction: a pull waits for the peer's server, which may be pulling from this node.
    private final Map<Long, Object> outboundLocks = new ConcurrentHashMap<>();
    private final Map<Long, Object> inboundLocks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final RefusalTally refusals = new RefusalTally(REFUSAL_SUMMARY_INTERVAL);
    /** Receives the bundles sent, received and refused per peer (docs/metrics.md). */
    private final MeterRegistry meters;

    /** Removes a stored record that its originator recalled (the catalog's recall), returning whether one was. */
    public interface Recaller {
        boolean recall(String contentSha256, String originator, String reason, String by);
    }

    public FederationService(FederationStore store, SharingService sharing, IngestService ingest,
                             ConjunctionStore conjunctions, Recaller recaller,
                             NodeIdentity identity, String nodeParty, AuditLog audit, Clock clock, int bundleRecords,
                             Optional<javax.net.ssl.SSLContext> trust, boolean allowPlainHttp, MeterRegistry meters) {
        this.meters = meters;
        this.store = store;
        this.sharing = sharing;
        this.ingest = ingest;
        this.conjunctions = conjunctions;
        this.recaller = recaller;
        this.identity = identity;
        this.nodeParty = nodeParty;
        this.audit = audit;
        this.clock = clock;
        this.bundleRecords = bundleRecords;
        this.allowPlainHttp = allowPlainHttp;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        trust.ifPresent(client::sslContext);
        this.http = client.build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concord-federation");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::auditDueRefusalsQuietly, REFUSAL_SUMMARY_INTERVAL.toMillis(),
                REFUSAL_SUMMARY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pulls from every active peer every {@code period} (none when zero). */
    public void startPulling(Duration period) {
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

    // ---- peers

    public Peer addPeer(String party, String publicKeyPem, URI endpoint, Principal by) {
        Party.requireCode(party);
        String scheme = Optional.ofNullable(endpoint.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' is not an http(s) URL such as"
                    + " https://concord.example.org:8443");
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(endpoint.getHost())) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' is plain HTTP to another host: bundles carry"
                    + " labelled data, so use https:// (or set federation.allow-plain-http=true on a network you"
                    + " trust)");
        }
        String fingerprint = NodeIdentity.fingerprint(NodeIdentity.parsePublicKeyPem(publicKeyPem));
        if (fingerprint.equals(identity.fingerprint())) {
            throw new IllegalArgumentException("that is this node's own key; a peer is another node");
        }
        return audit.recordedChange(() -> {
            if (store.activePeerByFingerprint(fingerprint).isPresent()) {
                throw new IllegalArgumentException("a peer with key " + fingerprint + " is already registered");
            }
            Peer peer = store.addPeer(party, fingerprint, publicKeyPem.strip() + "\n", endpoint, clock.instant(),
                    by.name());
            audit.append(AuditEvent.of(clock.instant(), by.name(), by.party(), AuditAction.PEER_CHANGE,
                    "peer " + peer.id() + " added", List.of(party), "party " + party + ", key " + fingerprint
                            + ", endpoint " + endpoint));
            return peer;
        });
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    public Peer removePeer(long id, Principal by) {
        return audit.recordedChange(() -> {
            Peer peer = store.peer(id).orElseThrow(() -> new SharingService.NotFoundException("no peer " + id));
            if (!store.removePeer(id, clock.instant())) {
                throw new IllegalArgumentException("peer " + id + " (" + peer.party() + ") is already removed");
            }
            audit.append(AuditEvent.of(clock.instant(), by.name(), by.party(), AuditAction.PEER_CHANGE,
                    "peer " + id + " removed", List.of(peer.party()), "party " + peer.party() + ", key "
                            + peer.fingerprint()));
            return store.peer(id).orElseThrow();
        });
    }

    public List<Peer> peers() {
        return store.peers();
    }

    /** One peer's exchange: the peer, its state, and how many records it has still to receive from this node. */
    public record PeerStatus(Peer peer, PeerState state, long pendingRecords) {
    }

    public List<PeerStatus> status() {
        List<PeerStatus> status = new ArrayList<>();
        for (Peer peer : store.peers()) {
            PeerState state = store.state(peer.id());
            long pending = peer.isActive() ? store.pendingRecords(
                    store.cursorsAfter(peer.id(), state.ackedSequence()).orElse(FeedCursors.START),
                    sharing.filterFor(principalOf(peer)), peer.party()) : 0;
            status.add(new PeerStatus(peer, state, pending));
        }
        return status;
    }

    /** How this node's policy sees a peer node: a reader of the peer's party. */
    static Principal principalOf(Peer peer) {
        return new Principal("peer " + peer.party() + " " + peer.fingerprint().substring(0, 16),
                Optional.of(peer.party()), Optional.of(Role.VIEWER), false);
    }

    // ---- outbound

    /** A request from a node that is not an active peer, or whose signature, time or addressee is wrong. */
    public static final class NotAPeerException extends RuntimeException {
        NotAPeerException(String message) {
            super(message);
        }
    }

    /** The peer asked for bundles after one this node never served it. */
    public static final class FeedConflictException extends RuntimeException {
        FeedConflictException(String message) {
            super(message);
        }
    }

    /**
     * Checks a node-signed request: the active peer it comes from. Refusals are audited, once per client address and
     * reason an interval with the count of the rest ({@link RefusalTally}), and in bounded text: what a caller sends
     * is cut to {@value #MAX_AUDITED_REQUEST_CHARS} characters, node keys to their first 16 hex digits.
     */
    public Peer authenticate(NodeRequest request, String signature, String clientAddress) {
        Instant now = clock.instant();
        Optional<Peer> peer = store.activePeerByFingerprint(request.senderNode());
        Optional<RefusalTally.Reason> reason = peer.isEmpty() ? Optional.of(RefusalTally.Reason.UNKNOWN_KEY)
                : !request.recipientNode().equals(identity.fingerprint())
                ? Optional.of(RefusalTally.Reason.WRONG_RECIPIENT)
                : Duration.between(request.time(), now).abs().compareTo(NodeRequest.MAX_CLOCK_DIFFERENCE) > 0
                ? Optional.of(RefusalTally.Reason.CLOCK)
                : !request.verifiedBy(peer.get(), signature) ? Optional.of(RefusalTally.Reason.SIGNATURE)
                : Optional.empty();
        if (reason.isEmpty()) {
            return peer.get();
        }
        String refusal = switch (reason.get()) {
            case UNKNOWN_KEY -> "unknown node key " + abbreviate(request.senderNode());
            case WRONG_RECIPIENT -> "the request is addressed to node " + abbreviate(request.recipientNode())
                    + ", not to this node";
            case CLOCK -> "the request time " + request.time() + " is more than "
                    + NodeRequest.MAX_CLOCK_DIFFERENCE.toMinutes() + " minutes from this node's clock (" + now + ")";
            case SIGNATURE -> "the request signature does not verify with the key pinned for peer "
                    + peer.get().party();
        };
        String address = bounded(clientAddress);
        if (refusals.count(address, reason.get(), refusal, now)) {
            audit.append(AuditEvent.of(now, "node " + abbreviate(request.senderNode()),
                    peer.map(Peer::party), AuditAction.FEDERATION_REJECT, bounded(request.method() + " "
                            + request.pathAndQuery()), peer.map(p -> List.of(p.party())).orElse(List.of()),
                    refusal + "; from " + address));
        }
        auditRefusalSummaries(refusals.due(now, false));
        peer.ifPresent(p -> store.recordError(p.id(), "refused its request: " + refusal, now));
        throw new NotAPeerException(refusal);
    }

    /** The most characters of a caller's request an audit entry of a refusal copies. */
    static final int MAX_AUDITED_REQUEST_CHARS = 200;
    /** How long refusals of one kind from one address are counted before their summary is audited. */
    static final Duration REFUSAL_SUMMARY_INTERVAL = Duration.ofMinutes(1);

    private static String bounded(String text) {
        return text.length() <= MAX_AUDITED_REQUEST_CHARS ? text
                : text.substring(0, MAX_AUDITED_REQUEST_CHARS - 3) + "...";
    }

    private void auditRefusalSummaries(List<RefusalTally.Summary> summaries) {
        for (RefusalTally.Summary s : summaries) {
            audit.append(AuditEvent.of(s.until(), "unverified nodes", Optional.empty(),
                    AuditAction.FEDERATION_REJECT, "node requests from " + s.address(), List.of(),
                    s.count() + " more refused (" + s.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + ") from " + s.address() + " between " + s.since() + " and " + s.until()
                            + "; the last: " + s.last()));
        }
    }

    private void auditDueRefusalsQuietly() {
        try {
            auditRefusalSummaries(refusals.due(clock.instant(), false));
        } catch (RuntimeException e) {
            LOG.warn("could not audit the summary of refused node requests: {}", e.getMessage(), e);
        }
    }

    /**
     * The bundle that follows bundle {@code after} of this node's feed to {@code peer}, or nothing when the peer has
     * everything. Asking for what follows {@code after} acknowledges it; a bundle served before but not acknowledged
     * is built again from where {@code after} left the feed, under the agreements in force now (a revoked agreement
     * stops the flow at once).
     */
    public Optional<SignedBundle> serve(Peer peer, long after) {
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
            LabelFilter filter = sharing.filterFor(principalOf(peer));
            FederationStore.FeedSlice slice = store.readFeed(from, filter, peer.party(), bundleRecords,
                    MAX_BUNDLE_CONTENT_CHARS);
            if (slice.isEmpty()) {
                return Optional.empty();
            }
            long sequence = after + 1;
            Bundle bundle = new Bundle(nodeParty, identity.fingerprint(), peer.party(), peer.fingerprint(), sequence,
                    now, slice.orbits().stream().map(FederationService::item).toList(), slice.conjunctions(),
                    slice.recalls());
            byte[] payload = BundleCodec.encode(bundle);
            byte[] signature = identity.sign(payload);
            String sha = Sha256.hex(payload);
            TreeSet<String> originators = new TreeSet<>();
            bundle.orbits().forEach(i -> originators.add(i.label().originator()));
            bundle.conjunctions().forEach(c -> originators.add(c.conjunction().label().originator()));
            bundle.recalls().forEach(r -> originators.add(r.originator()));
            originators.add(peer.party());
            Optional<SignedBundle> sent = audit.recordedChange(() -> {
                store.recordServed(peer.id(), sequence, slice.after(), bundle.orbits().size(),
                        bundle.recalls().size(), sha, now);
                audit.append(AuditEvent.of(now, principalOf(peer).name(), Optional.of(peer.party()),
                        AuditAction.FEDERATION_SEND, "bundle " + sequence + " to " + peer.party(), originators,
                        bundle.orbits().size() + " orbit records, " + bundle.conjunctions().size()
                                + " conjunctions, " + bundle.recalls().size() + " recalls; sha256 " + sha));
                return Optional.of(new SignedBundle(payload, signature));
            });
            countBundle(peer, "sent");
            return sent;
        }
    }

    private static Bundle.Item item(OrbitRecord o) {
        return new Bundle.Item(o.noradId(), o.format(), o.content(), o.contentSha256(), o.label());
    }

    // ---- inbound

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
    public Receipt receive(Peer peer, SignedBundle signed) {
        synchronized (inboundLock(peer)) {
            Instant now = clock.instant();
            try {
                Receipt receipt = audit.recordedChange(() -> accept(peer, signed, now));
                countBundle(peer, "received");
                return receipt;
            } catch (BundleRejectedException e) {
                countBundle(peer, "refused");
                store.recordError(peer.id(), "rejected a bundle: " + e.getMessage(), now);
                audit.append(AuditEvent.of(now, principalOf(peer).name(), Optional.of(peer.party()),
                        AuditAction.FEDERATION_REJECT, "bundle from " + peer.party(), List.of(peer.party()),
                        e.getMessage() + "; sha256 " + Sha256.hex(signed.payload())));
                throw e;
            }
        }
    }

    /** One more bundle exchanged with the peer: sent to it, received from it, or refused from it. */
    private void countBundle(Peer peer, String outcome) {
        Counter.builder("concord.federation.bundles")
                .description("bundles exchanged with each peer: sent to it, received from it, refused from it")
                .tag("peer", peer.party()).tag("outcome", outcome).register(meters).increment();
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
            if (recall(local.get(), "recalled by " + recall.originator() + " (via " + peer.party() + "): "
                    + recall.reason(), peer.ingester())) {
                recalled++;
            }
        }
        String sha = Sha256.hex(payload);
        IngestService.ReceivedReport report = ingest.storeReceived("bundle " + bundle.sequence() + " from "
                + peer.party() + " (node " + abbreviate(peer.fingerprint()) + ")", sha, peer.ingester(), records);
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
        audit.append(AuditEvent.of(now, principalOf(peer).name(), Optional.of(peer.party()),
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

    // ---- recall

    /**
     * Remembers that a record this node holds is being recalled here (by its originator's command or request), so
     * that the recall reaches every peer the record was released to, in its next bundle.
     */
    public void noteRecall(String contentSha256, String originator, String reason, String by) {
        store.orbitByContent(contentSha256, originator).ifPresent(stored ->
                store.addRecall(stored, reason, clock.instant(), by));
    }

    private boolean recall(FederationStore.StoredOrbit stored, String reason, String by) {
        store.addRecall(stored, reason, clock.instant(), by);
        return recaller.recall(stored.orbit().contentSha256(), stored.orbit().label().originator(), reason, by);
    }

    // ---- pulling

    /** What one sync with a peer did. */
    public record SyncReport(Peer peer, int bundles, long stored, long unchanged, long rejected,
                             long conjunctionsStored, Optional<String> error) {
    }

    public List<SyncReport> pullAll() {
        return store.peers().stream().filter(Peer::isActive).map(p -> pull(p, MAX_BUNDLES_PER_SYNC)).toList();
    }

    /** Pulls up to {@code maxBundles} bundles from a peer, stopping at the first failure (kept in its status). */
    public SyncReport pull(Peer peer, int maxBundles) {
        synchronized (inboundLock(peer)) {
            store.recordAttempt(peer.id(), clock.instant());
            int bundles = 0;
            long stored = 0;
            long unchanged = 0;
            long rejected = 0;
            long conjunctionsStored = 0;
            try {
                while (bundles < maxBundles) {
                    long after = store.state(peer.id()).receivedSequence();
                    HttpResponse<byte[]> response = send(peer, "GET", FEED_PATH + "?after=" + after,
                            HttpRequest.BodyPublishers.noBody());
                    if (response.statusCode() == 204) {
                        break;
                    }
                    if (response.statusCode() != 200) {
                        throw new IOException("peer " + peer.party() + " answered " + response.statusCode() + ": "
                                + excerpt(response.body()));
                    }
                    String signature = response.headers().firstValue(NodeRequest.BUNDLE_SIGNATURE_HEADER)
                            .orElseThrow(() -> new BundleRejectedException("the answer carries no "
                                    + NodeRequest.BUNDLE_SIGNATURE_HEADER + " header"));
                    byte[] signatureBytes;
                    try {
                        signatureBytes = Base64.getDecoder().decode(signature);
                    } catch (IllegalArgumentException e) {
                        throw new BundleRejectedException("the bundle signature is not base64");
                    }
                    Receipt receipt = receive(peer, new SignedBundle(response.body(), signatureBytes));
                    bundles++;
                    stored += receipt.stored();
                    unchanged += receipt.unchanged();
                    rejected += receipt.rejected();
                    conjunctionsStored += receipt.conjunctionsStored();
                }
                return new SyncReport(peer, bundles, stored, unchanged, rejected, conjunctionsStored, Optional.empty());
            } catch (IOException e) {
                String problem = "cannot pull from " + peer.endpoint() + ": " + Optional.ofNullable(e.getMessage())
                        .orElse(e.getClass().getSimpleName());
                store.recordError(peer.id(), problem, clock.instant());
                return new SyncReport(peer, bundles, stored, unchanged, rejected, conjunctionsStored, Optional.of(problem));
            } catch (BundleRejectedException e) {
                return new SyncReport(peer, bundles, stored, unchanged, rejected, conjunctionsStored, Optional.of(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SyncReport(peer, bundles, stored, unchanged, rejected, conjunctionsStored, Optional.of("interrupted"));
            }
        }
    }

    /** Tells every active peer that this node has new data, so that they pull now rather than at their next turn. */
    public void notifyPeers() {
        for (Peer peer : store.peers()) {
            if (peer.isActive()) {
                scheduler.execute(() -> {
                    try {
                        send(peer, "POST", NOTIFY_PATH, HttpRequest.BodyPublishers.noBody());
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
    public void pullSoon(Peer peer) {
        scheduler.execute(() -> {
            SyncReport report = pull(peer, MAX_BUNDLES_PER_SYNC);
            report.error().ifPresent(e -> LOG.warn("pull from {} failed: {}", peer.party(), e));
        });
    }

    private HttpResponse<byte[]> send(Peer peer, String method, String pathAndQuery,
                                      HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        NodeRequest request = new NodeRequest(method, pathAndQuery, identity.fingerprint(), peer.fingerprint(),
                clock.instant());
        String base = peer.endpoint().toString().replaceAll("/+$", "");
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofMinutes(2))
                .header(NodeRequest.NODE_HEADER, request.senderNode())
                .header(NodeRequest.TIME_HEADER, request.time().toString())
                .header(NodeRequest.SIGNATURE_HEADER, request.sign(identity))
                .method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Object inboundLock(Peer peer) {
        return inboundLocks.computeIfAbsent(peer.id(), id -> new Object());
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.length() <= 16 ? fingerprint : fingerprint.substring(0, 16);
    }

    public NodeIdentity identity() {
        return identity;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        auditRefusalSummaries(refusals.due(clock.instant(), true));
    }
}
