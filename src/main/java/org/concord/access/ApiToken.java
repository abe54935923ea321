package org.concord.access;

import java.time.Instant;
import java.util.Optional;

/** An API token as stored: never the token itself, only facts about it (its SHA-256 stays in the store). */
public record ApiToken(long id, String userName, String description, Instant createdAt, Instant expiresAt,
                       Optional<Instant> revokedAt) {

    public boolean isValidAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
