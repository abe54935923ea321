package org.concord.http;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.federation.FederationService;
import org.concord.federation.FeedPuller;
import org.concord.federation.NodeRequest;
import org.concord.federation.OutboundFeed;
import org.concord.federation.Peer;
import org.concord.federation.PeerClient;
import org.concord.federation.PeerState;
import org.concord.federation.Peers;
import org.concord.http.HttpErrors.UnauthorizedException;
import org.concord.input.JsonFields;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Federation over HTTP: the feed partner nodes pull (node-signed requests, see {@link NodeRequest}), their push
 * notifications, and the peer registry and status for this node's administrators.
 */
final class FederationApi {

    private final FederationService federation;
    private final SharingService sharing;

    FederationApi(FederationService federation, SharingService sharing) {
        this.federation = federation;
        this.sharing = sharing;
    }

    /** Whether a request goes to a route that partner nodes call with a node signature instead of a token. */
    static boolean isNodeRoute(String path) {
        return path.equals(PeerClient.FEED_PATH) || path.equals(PeerClient.NOTIFY_PATH);
    }

    private Peer peer(Context ctx) {
        String node = ctx.header(NodeRequest.NODE_HEADER);
        String time = ctx.header(NodeRequest.TIME_HEADER);
        String signature = ctx.header(NodeRequest.SIGNATURE_HEADER);
        if (node == null || time == null || signature == null) {
            throw new UnauthorizedException("this is for partner nodes: send " + NodeRequest.NODE_HEADER + ", "
                    + NodeRequest.TIME_HEADER + " and " + NodeRequest.SIGNATURE_HEADER);
        }
        Instant at;
        try {
            at = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new UnauthorizedException(NodeRequest.TIME_HEADER + " is not an ISO-8601 instant");
        }
        String query = ctx.queryString();
        NodeRequest request = new NodeRequest(ctx.method().name(), ctx.path() + (query == null ? "" : "?" + query),
                node, federation.identity().fingerprint(), at);
        try {
            return federation.authenticate(request, signature, ctx.ip());
        } catch (Peers.NotAPeerException e) {
            throw new UnauthorizedException(e.getMessage());
        }
    }

    void bundles(Context ctx) {
        Peer peer = peer(ctx);
        String after = ctx.queryParam("after");
        long sequence;
        try {
            sequence = Long.parseLong(after == null ? "" : after);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after: '" + after + "' is not a bundle sequence number");
        }
        try {
            federation.serve(peer, sequence).ifPresentOrElse(signed -> ctx
                            .contentType("application/json")
                            .header(NodeRequest.BUNDLE_SIGNATURE_HEADER,
                                    Base64.getEncoder().encodeToString(signed.signature()))
                            .header("Cache-Control", "no-store")
                            .result(signed.payload()),
                    () -> ctx.status(HttpStatus.NO_CONTENT));
        } catch (OutboundFeed.FeedConflictException e) {
            ctx.status(HttpStatus.CONFLICT).json(JsonViews.error(409, e.getMessage(), List.of()));
        }
    }

    void notified(Context ctx) {
        federation.pullSoon(peer(ctx));
        ctx.status(HttpStatus.ACCEPTED);
    }

    void peers(Context ctx) {
        Callers.requireNodeAdmin(ctx, sharing);
        List<Object> items = new ArrayList<>();
        for (Peers.PeerStatus status : federation.status()) {
            items.add(view(status));
        }
        ctx.json(Map.of("items", items));
    }

    void addPeer(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        JsonFields body = RouteInputs.body(ctx);
        Peer peer = federation.addPeer(body.requiredText("party", 32), body.requiredText("publicKeyPem", 8192),
                URI.create(body.requiredText("endpoint", 2048)), admin);
        ctx.status(HttpStatus.CREATED).json(peer(peer));
    }

    void removePeer(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        ctx.json(peer(federation.removePeer(id(ctx), admin)));
    }

    void sync(Context ctx) {
        Callers.requireNodeAdmin(ctx, sharing);
        long id = id(ctx);
        Peer peer = federation.peers().stream().filter(p -> p.id() == id && p.isActive()).findFirst()
                .orElseThrow(() -> new HttpErrors.NotFoundException("no active peer " + id));
        FeedPuller.SyncReport report = federation.pull(peer, Integer.MAX_VALUE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peer", peer(peer));
        m.put("bundles", report.bundles());
        m.put("stored", report.stored());
        m.put("unchanged", report.unchanged());
        m.put("rejected", report.rejected());
        m.put("error", report.error().orElse(null));
        ctx.status(report.error().isPresent() ? HttpStatus.BAD_GATEWAY : HttpStatus.OK).json(m);
    }

    /** Prometheus text exposition of each peer's exchange. */
    void metrics(Context ctx) {
        Callers.requireNodeAdmin(ctx, sharing);
        StringBuilder out = new StringBuilder();
        List<Peers.PeerStatus> all = federation.status();
        gauge(out, all, "concord_federation_served_sequence", "last bundle sequence served to the peer",
                s -> s.state().servedSequence());
        gauge(out, all, "concord_federation_acked_sequence", "last bundle sequence the peer acknowledged",
                s -> s.state().ackedSequence());
        gauge(out, all, "concord_federation_pending_records", "records the peer has still to receive",
                Peers.PeerStatus::pendingRecords);
        gauge(out, all, "concord_federation_received_sequence", "last bundle sequence accepted from the peer",
                s -> s.state().receivedSequence());
        gauge(out, all, "concord_federation_received_records_total", "records stored from the peer",
                s -> s.state().itemsReceived());
        gauge(out, all, "concord_federation_last_received_timestamp_seconds",
                "when the last bundle from the peer was accepted", s -> s.state().lastReceivedAt()
                        .map(Instant::getEpochSecond).orElse(0L));
        gauge(out, all, "concord_federation_errors_total", "failed exchanges with the peer",
                s -> s.state().errors());
        ctx.contentType("text/plain; version=0.0.4").result(out.toString());
    }

    private static void gauge(StringBuilder out, List<Peers.PeerStatus> all, String name, String help,
                              java.util.function.ToLongFunction<Peers.PeerStatus> value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(name.endsWith("_total") ? " counter\n" : " gauge\n");
        for (Peers.PeerStatus s : all) {
            if (s.peer().isActive()) {
                out.append(name).append("{peer=\"").append(s.peer().party()).append("\",node=\"")
                        .append(s.peer().fingerprint(), 0, 16).append("\"} ").append(value.applyAsLong(s))
                        .append('\n');
            }
        }
    }

    private static Map<String, Object> view(Peers.PeerStatus status) {
        Map<String, Object> m = peer(status.peer());
        PeerState s = status.state();
        Map<String, Object> outbound = new LinkedHashMap<>();
        outbound.put("servedSequence", s.servedSequence());
        outbound.put("acknowledgedSequence", s.ackedSequence());
        outbound.put("lastServedAt", s.lastServedAt().map(Instant::toString).orElse(null));
        outbound.put("recordsServed", s.itemsServed());
        outbound.put("pendingRecords", status.pendingRecords());
        m.put("outbound", outbound);
        Map<String, Object> inbound = new LinkedHashMap<>();
        inbound.put("receivedSequence", s.receivedSequence());
        inbound.put("lastReceivedAt", s.lastReceivedAt().map(Instant::toString).orElse(null));
        inbound.put("lagSeconds", s.lastReceivedAt().map(t -> java.time.Duration.between(t, Instant.now())
                .toSeconds()).orElse(null));
        inbound.put("recordsReceived", s.itemsReceived());
        inbound.put("lastAttemptAt", s.lastAttemptAt().map(Instant::toString).orElse(null));
        Map<String, Object> held = new LinkedHashMap<>();
        status.heldItems().forEach((kind, count) -> held.put(kind.code(), count));
        inbound.put("heldItemsByKind", held);
        m.put("inbound", inbound);
        m.put("errors", s.errors());
        m.put("lastError", s.lastError().orElse(null));
        m.put("lastErrorAt", s.lastErrorAt().map(Instant::toString).orElse(null));
        return m;
    }

    private static Map<String, Object> peer(Peer peer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", peer.id());
        m.put("party", peer.party());
        m.put("fingerprint", peer.fingerprint());
        m.put("endpoint", peer.endpoint().toString());
        m.put("addedAt", peer.addedAt().toString());
        m.put("addedBy", peer.addedBy());
        m.put("removedAt", peer.removedAt().map(Instant::toString).orElse(null));
        return m;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("peerId"));
        } catch (NumberFormatException e) {
            throw new HttpErrors.NotFoundException("no peer " + ctx.pathParam("peerId"));
        }
    }
}
