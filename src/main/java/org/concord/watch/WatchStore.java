package org.concord.watch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where watches and notifications are kept, implemented in {@code store}. */
public interface WatchStore {

    /** Stores a new watch (its id and label are the store's to give) and returns it. */
    Watch add(String party, Watch.Terms terms, String createdBy, Instant createdAt);

    /** The party's watches, oldest first. */
    List<Watch> watches(String party);

    /** Every party's watches (node-internal: evaluation). */
    List<Watch> allWatches();

    /** Removes the party's watch with its notifications; false when the party has no such watch. */
    boolean remove(String party, long watchId);

    /** The notification the watch made last of this event, if any. */
    Optional<Notification> lastNotified(long watchId, long eventId);

    /**
     * Stores a notification (its id is the store's to give) unless the watch already has one of this update of the
     * event; returns it when stored.
     */
    Optional<Notification> addNotification(Notification notification);

    /** The party's notifications, newest first, at most {@code limit}. */
    List<Notification> notifications(String party, int limit);

    /** Notifications waiting for an attempt due at or before {@code now}, at most {@code limit}. */
    List<Notification> due(Instant now, int limit);

    /** The watch with this id (node-internal: delivery). */
    Optional<Watch> watch(long watchId);

    /** Records an attempt and where the notification stands after it. */
    void recordAttempt(long notificationId, Notification.DeliveryAttempt attempt, Notification.Status status,
                       Optional<Instant> nextAttemptAt);
}
