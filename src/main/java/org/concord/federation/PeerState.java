package org.concord.federation;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the exchange with one peer stands. Outbound: the last bundle served to it, the last one it acknowledged (by
 * asking for what follows), and how many records it has been sent. Inbound: the last sequence accepted from it, when,
 * and how many records. Errors of either direction are counted; the last one is kept.
 */
public record PeerState(long servedSequence, long ackedSequence, Optional<Instant> lastServedAt, long itemsServed,
                        long receivedSequence, Optional<Instant> lastReceivedAt, long itemsReceived,
                        Optional<Instant> lastAttemptAt, long errors, Optional<String> lastError,
                        Optional<Instant> lastErrorAt) {

    public static final PeerState NEW = new PeerState(0, 0, Optional.empty(), 0, 0, Optional.empty(), 0,
            Optional.empty(), 0, Optional.empty(), Optional.empty());
}
