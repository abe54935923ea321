package org.concord.http;

import io.javalin.http.Context;
import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.http.HttpErrors.ForbiddenException;
import org.concord.http.HttpErrors.UnauthorizedException;
import org.concord.label.Label;
import org.concord.label.LabelFilter;

/** The caller of a request, as the authentication filter found it, and what the caller may do. */
final class Callers {

    private static final String PRINCIPAL = "concord.principal";
    private static final String FILTER = "concord.filter";
    private static final String SERVED = "concord.served";
    private static final String EXPORTED = "concord.exported";
    private static final String RECORDS = "concord.records";

    private Callers() {
    }

    static void set(Context ctx, Principal principal) {
        ctx.attribute(PRINCIPAL, principal);
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("no caller on " + ctx.path() + ": the authentication filter did not run");
        }
        return principal;
    }

    /** What the caller may see, decided once per request. */
    static LabelFilter filter(Context ctx, SharingService sharing) {
        LabelFilter filter = ctx.attribute(FILTER);
        if (filter == null) {
            filter = sharing.filterFor(principal(ctx));
            ctx.attribute(FILTER, filter);
        }
        return filter;
    }

    /** Records the labels of the data an answer carries, for the audit log. */
    static void served(Context ctx, java.util.Collection<Label> labels) {
        java.util.Set<String> originators = ctx.attribute(SERVED);
        if (originators == null) {
            originators = new java.util.TreeSet<>();
            ctx.attribute(SERVED, originators);
        }
        for (Label label : labels) {
            originators.add(label.originator());
        }
        Integer before = ctx.attribute(RECORDS);
        ctx.attribute(RECORDS, (before == null ? 0 : before) + labels.size());
    }

    /** How many labelled records the answer carried: what an anonymous caller is charged for. */
    static int recordsServed(Context ctx) {
        Integer records = ctx.attribute(RECORDS);
        return records == null ? 0 : records;
    }

    static void served(Context ctx, Label label) {
        served(ctx, java.util.List.of(label));
    }

    /** As {@link #served}, for an export (element set, ephemeris, CDM). */
    static void exported(Context ctx, Label label) {
        served(ctx, label);
        ctx.attribute(EXPORTED, Boolean.TRUE);
    }

    /** The originators of the labelled data this answer carried; empty when it carried none. */
    static java.util.Set<String> originatorsServed(Context ctx) {
        java.util.Set<String> originators = ctx.attribute(SERVED);
        return originators == null ? java.util.Set.of() : originators;
    }

    static boolean wasExport(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(EXPORTED));
    }

    /** The caller, when the authentication filter accepted one (not on a refused request). */
    static java.util.Optional<Principal> caller(Context ctx) {
        return java.util.Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    static Principal requireAuthenticated(Context ctx) {
        Principal principal = principal(ctx);
        if (principal.isAnonymous()) {
            throw new UnauthorizedException("this needs a token: send Authorization: Bearer <token>");
        }
        return principal;
    }

    /** An administrator of this node: a user with the admin role of the node's own party. */
    static Principal requireNodeAdmin(Context ctx, SharingService sharing) {
        Principal principal = requireAuthenticated(ctx);
        if (!isNodeAdmin(principal, sharing)) {
            throw new ForbiddenException("only an administrator of this node's party (" + sharing.nodeParty()
                    + ") may do this");
        }
        return principal;
    }

    /** {@code what}: what only the node's analysts do, in words ("re-entries are predicted"). */
    static Principal requireNodeAnalyst(Context ctx, SharingService sharing, String what) {
        Principal principal = requireAuthenticated(ctx);
        if (!isOfNodeParty(principal, sharing) || !principal.mayScreen()) {
            throw new ForbiddenException(what + " by analysts, operators or administrators of this node's"
                    + " party (" + sharing.nodeParty() + ")");
        }
        return principal;
    }

    static boolean isNodeAdmin(Principal principal, SharingService sharing) {
        return isOfNodeParty(principal, sharing) && principal.mayAdminister();
    }

    static boolean isOfNodeParty(Principal principal, SharingService sharing) {
        return principal.local() || principal.party().map(sharing.nodeParty()::equals).orElse(false);
    }
}
