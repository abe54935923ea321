package org.concord.watch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a watch told its party of one event: the update that crossed its thresholds (its number, TCA, miss distance
 * and probability of collision), why it was news, and how delivering it to the watch's webhook went.
 */
public record Notification(long id, long watchId, String party, long eventId, int updateNumber, Reason reason,
                           Instant createdAt, long primaryNoradId, long secondaryNoradId, Instant tca,
                           double missDistanceMeters, Optional<Double> probability, Status status,
                           Optional<Instant> nextAttemptAt, List<DeliveryAttempt> attempts) {

    public Notification {
        attempts = List.copyOf(attempts);
    }

    /** Why an event was news to a watch ({@link NotificationRule}). */
    public enum Reason {
        /** The watch had not been told of the event before. */
        NEW,
        /** The event changed materially since the watch was last told of it. */
        CHANGED
    }

    /** Where delivering it to the watch's webhook stands. */
    public enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /** A webhook answered 2xx. */
        DELIVERED,
        /** Every attempt failed; no more are made. */
        FAILED,
        /** Not sent: the event is no longer visible to the watch's party. */
        WITHHELD,
        /** The watch has no webhook: the notification is only listed. */
        LISTED
    }

    /** One attempt to deliver: when, the webhook's HTTP status if it answered, and the error if it failed. */
    public record DeliveryAttempt(int attempt, Instant at, Optional<Integer> httpStatus, Optional<String> error) {
    }

    public Notification withAttempts(List<DeliveryAttempt> all) {
        return new Notification(id, watchId, party, eventId, updateNumber, reason, createdAt, primaryNoradId,
                secondaryNoradId, tca, missDistanceMeters, probability, status, nextAttemptAt, all);
    }
}
