package org.concord.access;

import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.concord.label.DataKind;

/**
 * "Party {@code grantor} releases to {@code recipients} data of {@code kinds}: its own, and if
 * {@code includesThirdParty}, also other originators' data it holds and may re-release; from {@code validFrom} to
 * {@code validTo}." Recipients may be groups. Each amendment raises {@code version}; a revoked agreement releases
 * nothing from the moment of revocation.
 */
public record Agreement(long id, String grantor, SortedSet<String> recipients, Set<DataKind> kinds,
                        boolean includesThirdParty, Instant validFrom, Optional<Instant> validTo,
                        Optional<Instant> revokedAt, int version, Instant createdAt, Instant changedAt,
                        String changedBy) {

    public Agreement {
        Party.requireCode(grantor);
        recipients.forEach(Party::requireCode);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an agreement names at least one recipient");
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("an agreement releases at least one kind of data");
        }
        if (validTo.isPresent() && !validTo.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("an agreement's end (" + validTo.get() + ") must be after its start ("
                    + validFrom + ")");
        }
        recipients = Collections.unmodifiableSortedSet(new TreeSet<>(recipients));
        kinds = Collections.unmodifiableSortedSet(new java.util.TreeSet<>(kinds));
    }

    public boolean isActiveAt(Instant now) {
        return revokedAt.map(r -> now.isBefore(r)).orElse(true) && !now.isBefore(validFrom)
                && validTo.map(now::isBefore).orElse(true);
    }
}
