package org.concord.federation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import org.concord.access.Party;
import org.concord.access.Principal;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditLog;
import org.concord.identity.NodeIdentity;
import org.concord.label.DataKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered peers: adding and removing them (each with its pinned key and endpoint), their exchange status, and
 * recognising a node-signed request as coming from an active peer. Refused requests are audited in bounded amounts.
 */
public final class Peers {

    private static final Logger LOG = LoggerFactory.getLogger(Peers.class);
    /** The most characters of a caller's request an audit entry of a refusal copies. */
    static final int MAX_AUDITED_REQUEST_CHARS = 200;
    /** How long refusals of one kind from one address are counted before their summary is audited. */
    static final Duration REFUSAL_SUMMARY_INTERVAL = Duration.ofMinutes(1);

    private final FederationStore store;
    private final SharingService sharing;
    private final NodeIdentity identity;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean allowPlainHttp;
    private final RefusalTally refusals = new RefusalTally(REFUSAL_SUMMARY_INTERVAL);

    Peers(FederationStore store, SharingService sharing, NodeIdentity identity, AuditLog audit, Clock clock,
          boolean allowPlainHttp) {
        this.store = store;
        this.sharing = sharing;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
        this.allowPlainHttp = allowPlainHttp;
    }

    Peer addPeer(String party, String publicKeyPem, URI endpoint, Principal by) {
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

    Peer removePeer(long id, Principal by) {
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

    List<Peer> peers() {
        return store.peers();
    }

    /** One peer's exchange: the peer, its state, and how many records it has still to receive from this node. */
    /**
     * A peer's feed in both directions: {@code pendingRecords} it has still to receive from this node, and the items its
     * bundles brought that this node holds unread, by kind, because it does not serve those kinds (docs/federation.md).
     */
    public record PeerStatus(Peer peer, PeerState state, long pendingRecords, Map<DataKind, Long> heldItems) {
    }

    List<PeerStatus> status() {
        List<PeerStatus> status = new ArrayList<>();
        Map<Long, Map<DataKind, Long>> held = store.heldCounts();
        for (Peer peer : store.peers()) {
            PeerState state = store.state(peer.id());
            long pending = peer.isActive() ? store.pendingRecords(
                    store.cursorsAfter(peer.id(), state.ackedSequence()).orElse(FeedCursors.START),
                    sharing.filterFor(principalOf(peer)), peer.party()) : 0;
            status.add(new PeerStatus(peer, state, pending, held.getOrDefault(peer.id(), Map.of())));
        }
        return status;
    }

    /** How this node's policy sees a peer node: a reader of the peer's party. */
    static Principal principalOf(Peer peer) {
        return new Principal("peer " + peer.party() + " " + peer.fingerprint().substring(0, 16),
                Optional.of(peer.party()), Optional.of(Role.VIEWER), false);
    }

    /** A request from a node that is not an active peer, or whose signature, time or addressee is wrong. */
    public static final class NotAPeerException extends RuntimeException {
        NotAPeerException(String message) {
            super(message);
        }
    }

    /**
     * Checks a node-signed request: the active peer it comes from. Refusals are audited, once per client address and
     * reason an interval with the count of the rest ({@link RefusalTally}), and in bounded text: what a caller sends
     * is cut to {@value #MAX_AUDITED_REQUEST_CHARS} characters, node keys to their first 16 hex digits.
     */
    Peer authenticate(NodeRequest request, String signature, String clientAddress) {
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

    void auditDueRefusalsQuietly() {
        try {
            auditRefusalSummaries(refusals.due(clock.instant(), false));
        } catch (RuntimeException e) {
            LOG.warn("could not audit the summary of refused node requests: {}", e.getMessage(), e);
        }
    }

    /** Audits the summaries of all refusals still counted (at shutdown). */
    void auditRemainingRefusals() {
        auditRefusalSummaries(refusals.due(clock.instant(), true));
    }

    static String abbreviate(String fingerprint) {
        return fingerprint.length() <= 16 ? fingerprint : fingerprint.substring(0, 16);
    }
}
