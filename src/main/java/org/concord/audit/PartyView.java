package org.concord.audit;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An audit entry as one party may see it. The entry stays in the log as stored; only what is shown changes.
 *
 * <p>A party sees an entry whole when the entry's actor is of that party (everything in it was served to that party)
 * or when the entry concerns that party's data only. Any other entry it sees only because it concerns its data, and
 * then it sees: the time, actor and action; itself as the only originator; the request's path without its query,
 * with record ids (orbit records, conjunctions, screening runs, tokens, agreements, peers) replaced by their names,
 * while the catalog number of an object stays (it is the party's own data about that object that was read); and no
 * detail. Such an entry comes without its canonical text and leaf hash, which would name the other originators, and
 * so without an inclusion proof (docs/audit.md says what a partner can and cannot check).
 *
 * @param whole the entry, when the party may see all of it
 */
public record PartyView(long sequence, AuditEvent event, Optional<AuditEntry> whole) {

    private static final Pattern RECORD_ID = Pattern.compile(
            "/(orbits|conjunctions|screenings|tokens|agreements|peers)/[0-9]+");

    /** The whole entry, as the node's own party sees it. */
    public static PartyView whole(AuditEntry entry) {
        return new PartyView(entry.sequence(), entry.event(), Optional.of(entry));
    }

    /** The entry as {@code party} may see it (an entry that concerns that party). */
    public static PartyView of(AuditEntry entry, String party) {
        AuditEvent event = entry.event();
        if (event.actorParty().map(party::equals).orElse(false) || event.originators().equals(new TreeSet<>(
                java.util.Set.of(party)))) {
            return whole(entry);
        }
        SortedSet<String> own = new TreeSet<>();
        if (event.originators().contains(party)) {
            own.add(party);
        }
        String subject = RECORD_ID.matcher(event.subject().replaceFirst("\\?.*$", "")).replaceAll("/$1/{id}");
        return new PartyView(entry.sequence(), new AuditEvent(event.time(), event.actor(), event.actorParty(),
                event.action(), subject, own, ""), Optional.empty());
    }
}
