package org.concord.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.audit.AuditEntry;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditJson;
import org.concord.audit.AuditLog;
import org.concord.audit.Checkpoint;
import org.concord.audit.PartyView;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.identity.NodeIdentity;

/** The node's key and its audit log over HTTP: checkpoints, entries, and proofs a partner checks offline. */
final class AuditApi {

    static final int MAX_LIMIT = 1000;

    private final AuditLog audit;
    private final NodeIdentity identity;
    private final SharingService sharing;

    AuditApi(AuditLog audit, NodeIdentity identity, SharingService sharing) {
        this.audit = audit;
        this.identity = identity;
        this.sharing = sharing;
    }

    void nodeKey(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("party", sharing.nodeParty());
        m.put("algorithm", "Ed25519");
        m.put("publicKeyPem", identity.publicKeyPem());
        m.put("fingerprint", identity.fingerprint());
        ctx.json(m);
    }

    /** The log's size and growth say how busy the node is: for callers with a token only (docs/audit.md). */
    void latestCheckpoint(Context ctx) {
        Callers.requireAuthenticated(ctx);
        Checkpoint latest = audit.latestCheckpoint()
                .orElseThrow(() -> new NotFoundException("the node has signed no checkpoint yet"));
        ctx.json(AuditJson.checkpoint(latest));
    }

    void signCheckpoint(Context ctx) {
        Principal admin = Callers.requireNodeAdmin(ctx, sharing);
        Checkpoint signed = audit.checkpointRequestedBy(admin.name(), admin.party(),
                "POST /api/v1/audit/checkpoints from " + ctx.ip());
        ctx.status(HttpStatus.CREATED).json(AuditJson.checkpoint(signed));
    }

    void inclusionProof(Context ctx) {
        // the token first: without one, not even whether a checkpoint is signed
        Principal caller = Callers.requireAuthenticated(ctx);
        long index = number(ctx, "index").orElseThrow(() -> new IllegalArgumentException("index is required"));
        long treeSize = number(ctx, "treeSize").orElseGet(() -> audit.latestCheckpoint().map(Checkpoint::treeSize)
                .orElseThrow(() -> new IllegalArgumentException("treeSize is required while no checkpoint is"
                        + " signed")));
        // The entry comes with its proof: a partner gets proofs only of entries that concern it and that it may see
        // whole (PartyView).
        boolean mayKnow = Callers.isOfNodeParty(caller, sharing) || audit.entry(index)
                .filter(e -> concerns(e.event(), caller.party().orElseThrow()))
                .map(e -> PartyView.of(e, caller.party().orElseThrow()).whole().isPresent()).orElse(false);
        if (!mayKnow && index >= 0 && index < treeSize) {
            throw new NotFoundException("no audit entry " + index + " that concerns " + caller.party().orElseThrow()
                    + " and that it may see whole");
        }
        ctx.json(AuditJson.inclusionProof(audit.inclusionProof(index, treeSize)));
    }

    void consistencyProof(Context ctx) {
        Callers.requireAuthenticated(ctx);
        long from = number(ctx, "from").orElseThrow(() -> new IllegalArgumentException("from is required"));
        long to = number(ctx, "to").orElseThrow(() -> new IllegalArgumentException("to is required"));
        ctx.json(AuditJson.consistencyProof(audit.consistencyProof(from, to)));
    }

    /**
     * The node's own party may read every entry (or one party's, with {@code party=}); a partner reads the entries
     * that concern it, whatever it asks for.
     */
    void entries(Context ctx) {
        Principal caller = Callers.requireAuthenticated(ctx);
        Optional<String> asked = Optional.ofNullable(ctx.queryParam("party")).filter(p -> !p.isBlank());
        boolean nodeParty = Callers.isOfNodeParty(caller, sharing);
        entries(ctx, nodeParty ? asked : caller.party(), nodeParty);
    }

    private static boolean concerns(AuditEvent event, String party) {
        return event.originators().contains(party) || event.actorParty().map(party::equals).orElse(false);
    }

    /**
     * Entries after {@code after}, oldest first: those concerning {@code party} (its data or its actors), or all
     * when empty; whole for the node's own party, else as that party may see them. Access control decides which
     * party a caller may ask for.
     */
    private void entries(Context ctx, Optional<String> party, boolean whole) {
        long after = number(ctx, "after").orElse(-1L);
        int limit = (int) RouteInputs.query(ctx).whole("limit", 1, MAX_LIMIT).orElse(100L).longValue();
        List<AuditEntry> entries = party.map(p -> audit.entriesConcerning(p, after, limit))
                .orElseGet(() -> audit.entries(after + 1, limit));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", entries.stream().map(e -> whole || party.isEmpty() ? PartyView.whole(e)
                : PartyView.of(e, party.get())).map(AuditJson::entry).toList());
        m.put("nextAfter", entries.size() < limit ? null : entries.get(entries.size() - 1).sequence());
        ctx.json(m);
    }

    private static Optional<Long> number(Context ctx, String name) {
        return RouteInputs.query(ctx).whole(name, -1, Long.MAX_VALUE);
    }
}
