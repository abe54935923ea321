package org.concord.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One thing that happened, before it has a place in the log.
 *
 * @param time        when, truncated to microseconds (what PostgreSQL keeps)
 * @param actor       the user name, {@code anonymous}, or {@code cli:<os user>}
 * @param actorParty  the actor's party code, when known
 * @param subject     what was acted on, e.g. {@code /api/v1/objects/25544} or {@code party GBR}
 * @param originators the originator party codes of the data concerned (none for changes of configuration)
 * @param detail      free text (may be empty)
 */
public record AuditEvent(Instant time, String actor, Optional<String> actorParty, AuditAction action, String subject,
                         SortedSet<String> originators, String detail) {

    /** The sizes of the columns that copy these fields (V4__audit.sql). */
    static final int MAX_ACTOR_CHARS = 256;
    static final int MAX_SUBJECT_CHARS = 1024;
    static final int MAX_PARTY_CHARS = 64;

    public AuditEvent {
        time = time.truncatedTo(ChronoUnit.MICROS);
        if (actor.isBlank() || actor.length() > MAX_ACTOR_CHARS) {
            throw new IllegalArgumentException("an audit event needs an actor of 1 to " + MAX_ACTOR_CHARS
                    + " characters");
        }
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_CHARS) {
            throw new IllegalArgumentException("an audit event needs a subject of 1 to " + MAX_SUBJECT_CHARS
                    + " characters");
        }
        if (String.join(",", originators).length() > MAX_SUBJECT_CHARS - 2) {
            throw new IllegalArgumentException("too many originators for one audit event: " + originators);
        }
        actorParty.ifPresent(AuditEvent::requirePartyCode);
        originators.forEach(AuditEvent::requirePartyCode);
        originators = Collections.unmodifiableSortedSet(new TreeSet<>(originators));
    }

    /** An event; a subject longer than its column is cut to fit, ending in "…", so that recording never fails. */
    public static AuditEvent of(Instant time, String actor, Optional<String> actorParty, AuditAction action,
                                String subject, java.util.Collection<String> originators, String detail) {
        return new AuditEvent(time, actor, actorParty, action, fitted(subject), new TreeSet<>(originators), detail);
    }

    private static String fitted(String subject) {
        if (subject.length() <= MAX_SUBJECT_CHARS) {
            return subject;
        }
        int end = MAX_SUBJECT_CHARS - 1;
        if (Character.isHighSurrogate(subject.charAt(end - 1))) {
            end--;
        }
        return subject.substring(0, end) + "…";
    }

    /** Party codes are stored between commas for the "concerning this party" search, so they hold none. */
    private static void requirePartyCode(String code) {
        if (code.isBlank() || code.contains(",") || !code.strip().equals(code) || code.length() > MAX_PARTY_CHARS) {
            throw new IllegalArgumentException("'" + code + "' is not a party code");
        }
    }
}
