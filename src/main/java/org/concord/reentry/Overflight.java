package org.concord.reentry;

import java.time.Instant;

import org.concord.territory.Territory;

/** A state or territory overflown during a re-entry window, and the first and last time it is overflown. */
public record Overflight(Territory territory, Instant first, Instant last) {
}
