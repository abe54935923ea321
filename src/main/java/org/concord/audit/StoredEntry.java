package org.concord.audit;

import java.util.Optional;

/**
 * A stored entry exactly as found, for verification, which trusts none of it.
 *
 * @param columns the event the copied columns describe; empty when they describe none (a blank actor, an unknown
 *                action...)
 */
public record StoredEntry(long sequence, String entry, String leafHash, Optional<AuditEvent> columns) {
}
