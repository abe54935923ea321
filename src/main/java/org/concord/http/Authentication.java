package org.concord.http;

import java.util.OptionalLong;
import java.util.concurrent.Semaphore;

import io.javalin.http.Context;
import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.http.HttpErrors.RateLimitedException;
import org.concord.http.HttpErrors.UnauthorizedException;
import org.concord.node.NodeConfig;

/**
 * Who the caller of a request is (a bearer token's user, a partner node that signs its request, or an anonymous
 * caller), and what an anonymous caller pays for it: a rate per client address, and a bounded number at once.
 */
final class Authentication {

    /** Records an anonymous answer carries for each token it costs beyond the one the request took. */
    private static final int ANONYMOUS_RECORDS_PER_TOKEN = 100;
    private static final String GATE_HELD = "concord.anonymous-gate";
    /** The form of the header: one word after the scheme; whether the word is a token is the sharing service's. */
    private static final java.util.regex.Pattern BEARER = java.util.regex.Pattern.compile("(?i)Bearer +(\\S+)");
    /** HTTP Basic (RFC 7617), accepted on the TAXII routes only, where clients send the token as the password. */
    private static final java.util.regex.Pattern BASIC = java.util.regex.Pattern.compile("(?i)Basic +(\\S+)");

    private final SharingService sharing;
    private final RateLimiter anonymousLimiter;
    /** Anonymous requests answered at once; one more is refused, so partners with tokens keep the node's time. */
    private final Semaphore anonymousGate;

    Authentication(SharingService sharing, NodeConfig config) {
        this.sharing = sharing;
        this.anonymousLimiter = new RateLimiter(config.anonymousRequestsPerMinute(), config.anonymousBurst(),
                System::nanoTime);
        this.anonymousGate = new Semaphore(config.anonymousConcurrency());
    }

    /**
     * Finds the caller of every request: a bearer token's user, or an anonymous caller limited per client address.
     * A token that is present but not valid is refused outright (never downgraded to anonymous), and neither it nor
     * the header is ever written to a log or an answer. The console's files ({@link ConsoleRoutes}) read no token.
     */
    void authenticate(Context ctx) {
        if (ConsoleRoutes.isConsolePath(ctx.path())) {
            // the console's files carry no data and are the same for all: no token is read, and a page loads its
            // dozen files at once without spending the anonymous rate
            Callers.set(ctx, Principal.anonymous());
            return;
        }
        if (java.util.Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
            throw new IllegalArgumentException("more than one Authorization header: send exactly one,"
                    + " 'Authorization: Bearer <token>'");
        }
        String header = ctx.header("Authorization");
        if (header == null && FederationApi.isNodeRoute(ctx.path())) {
            // partner nodes sign their requests; the route checks the signature against the pinned key, and only a
            // refused (4xx) request costs its address a token (chargeAnonymous), so peers are never limited
            OptionalLong wait = anonymousLimiter.check(ctx.ip());
            if (wait.isPresent()) {
                throw new RateLimitedException(wait.getAsLong());
            }
            Callers.set(ctx, Principal.anonymous());
            return;
        }
        if (header == null) {
            OptionalLong wait = anonymousLimiter.acquire(ctx.ip());
            if (wait.isPresent()) {
                throw new RateLimitedException(wait.getAsLong());
            }
            if (!anonymousGate.tryAcquire()) {
                throw new RateLimitedException(1);
            }
            ctx.attribute(GATE_HELD, Boolean.TRUE);
            Callers.set(ctx, Principal.anonymous());
            return;
        }
        java.util.regex.Matcher m = BEARER.matcher(header.trim());
        boolean taxii = TaxiiApi.isTaxiiPath(ctx.path());
        String token = m.matches() ? m.group(1) : taxii ? basicPassword(header.trim()).orElseThrow(() ->
                new UnauthorizedException("malformed Authorization header: expected 'Bearer <token>', or 'Basic' with"
                        + " the token as password")) : null;
        if (token == null) {
            throw new UnauthorizedException("malformed Authorization header: expected 'Bearer <token>'");
        }
        Callers.set(ctx, sharing.authenticate(token).orElseThrow(() ->
                new UnauthorizedException("the token is not valid: unknown, expired or revoked")));
    }

    /**
     * The password of HTTP Basic credentials ({@code Basic base64(user:password)}), as TAXII clients send a token; the
     * user name is not read (the token names its user).
     */
    private static java.util.Optional<String> basicPassword(String header) {
        java.util.regex.Matcher m = BASIC.matcher(header);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        try {
            String credentials = new String(java.util.Base64.getDecoder().decode(m.group(1)),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 || colon == credentials.length() - 1 ? java.util.Optional.empty()
                    : java.util.Optional.of(credentials.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Charges an answered anonymous request by what it carried (one token per {@value #ANONYMOUS_RECORDS_PER_TOKEN}
     * records, beyond the token it took to start), and a refused (4xx) node-signed request one token; then lets the next
     * anonymous request in.
     */
    void chargeAnonymous(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(GATE_HELD))) {
            ctx.attribute(GATE_HELD, Boolean.FALSE);
            anonymousGate.release();
            anonymousLimiter.charge(ctx.ip(), (double) Callers.recordsServed(ctx) / ANONYMOUS_RECORDS_PER_TOKEN);
        } else if (FederationApi.isNodeRoute(ctx.path()) && ctx.header("Authorization") == null
                && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            anonymousLimiter.charge(ctx.ip(), 1);
        }
    }
}
