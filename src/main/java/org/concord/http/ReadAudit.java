package org.concord.http;

import java.time.Instant;
import java.util.Optional;

import io.javalin.http.Context;
import org.concord.access.Principal;
import org.concord.audit.AuditLog;

/** The read audit: every answer that carried labelled data to a user, appended to the node's audit log. */
final class ReadAudit {

    private final AuditLog audit;

    ReadAudit(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Appends every authenticated answer that carried labelled data to the audit log: who, what (method, path and
     * query), and whose data (the originators). Asynchronous, so that reading costs no extra transaction.
     */
    void append(Context ctx) {
        java.util.Set<String> originators = Callers.originatorsServed(ctx);
        Optional<Principal> caller = Callers.caller(ctx);
        if (originators.isEmpty() || caller.isEmpty() || caller.get().isAnonymous() || ctx.statusCode() >= 300) {
            return;
        }
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        String subject = ctx.method().name() + " " + ctx.path() + query;
        audit.appendAsync(org.concord.audit.AuditEvent.of(Instant.now(), caller.get().name(),
                caller.get().party(), Callers.wasExport(ctx) ? org.concord.audit.AuditAction.EXPORT
                        : org.concord.audit.AuditAction.READ,
                subject.length() > 1000 ? subject.substring(0, 1000) : subject, originators,
                "status " + ctx.statusCode()));
    }
}
