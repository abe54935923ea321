package org.concord.watch;

import java.time.Instant;
import java.util.Optional;

import org.concord.conjunction.CollisionRisk;
import org.concord.event.EventUpdate;

/**
 * When an event is news to a watch. Only the event's latest update counts, and only when it crosses the watch's
 * thresholds ({@link Watch.Terms#crossedBy}). It is news:
 * <ul>
 * <li>{@link Notification.Reason#NEW} when the watch was never told of the event;</li>
 * <li>{@link Notification.Reason#CHANGED} when the latest update is not the one the watch was last told of and it
 * differs materially from it: the miss distance by at least {@value #MISS_CHANGE_FRACTION} of the last told, or the
 * probability of collision by at least a factor of {@value #PC_CHANGE_FACTOR}, or a probability appeared or
 * vanished.</li>
 * </ul>
 * Anything else is silent: the same state reported again (a screening re-run), small changes, an update outside the
 * thresholds, and an event that left the thresholds and came back as it was. So a watch is told once of an event,
 * and again each time the picture it was given has changed enough to act on.
 */
public final class NotificationRule {

    /** The relative change of miss distance that is news. */
    public static final double MISS_CHANGE_FRACTION = 0.1;
    /** The factor by which the probability of collision must change to be news. */
    public static final double PC_CHANGE_FACTOR = 2;

    private NotificationRule() {
    }

    /** Why {@code latest} is news to the watch, last told {@code lastTold} of this event, if it is. */
    public static Optional<Notification.Reason> news(Watch.Terms watch, EventUpdate latest,
                                                     Optional<Notification> lastTold, Instant now) {
        if (!watch.crossedBy(latest, now)) {
            return Optional.empty();
        }
        if (lastTold.isEmpty()) {
            return Optional.of(Notification.Reason.NEW);
        }
        Notification told = lastTold.get();
        if (told.updateNumber() == latest.number()) {
            return Optional.empty();
        }
        double missChangeMeters = Math.abs(latest.missDistanceMeters() - told.missDistanceMeters());
        boolean missChanged = missChangeMeters > 0
                && missChangeMeters >= MISS_CHANGE_FRACTION * told.missDistanceMeters();
        Optional<Double> pc = latest.risk().map(CollisionRisk::probability);
        boolean pcChanged = pc.isPresent() != told.probability().isPresent()
                || pc.isPresent() && factorApart(pc.get(), told.probability().get());
        return missChanged || pcChanged ? Optional.of(Notification.Reason.CHANGED) : Optional.empty();
    }

    private static boolean factorApart(double a, double b) {
        return a != b && (a >= b * PC_CHANGE_FACTOR || b >= a * PC_CHANGE_FACTOR);
    }
}
