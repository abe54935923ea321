package org.concord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.watch.Notification;
import org.concord.watch.Watch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Watches, notifications and attempts over {@link JooqWatchStore}, on every database Concord supports
 * ({@link H2WatchStoreTest}, {@link PostgresWatchStoreTest}).
 */
abstract class WatchStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00.123456Z");

    private JooqWatchStore store;

    @BeforeEach
    void open() {
        store = new JooqWatchStore(db);
    }

    private static Notification notification(Watch w, long eventId, int update, Instant at) {
        return new Notification(0, w.id(), w.party(), eventId, update, Notification.Reason.NEW, at, 1001, 1002,
                at.plus(Duration.ofDays(1)), 850.5, Optional.of(2.5e-4), Notification.Status.PENDING, Optional.of(at),
                List.of());
    }

    @Test
    void watchesAreKeptPerPartyAndReadBackAsWritten() {
        Watch.Terms terms = new Watch.Terms(25544, Optional.of(1000.0), Optional.of(1e-4), Duration.ofDays(3),
                Optional.of(URI.create("https://ops.example.org/hook?x=1")));
        Watch usa = store.add("USA", terms, "alice", T0);
        Watch gbr = store.add("GBR", new Watch.Terms(1, Optional.empty(), Optional.of(1e-5), Duration.ofHours(36),
                Optional.empty()), "bob", T0.plusSeconds(1));
        assertThat(usa.terms()).isEqualTo(terms);
        assertThat(usa.label()).isEqualTo(Watch.labelOf("USA"));
        assertThat(usa.createdAt()).isEqualTo(T0);
        assertThat(usa.id()).isPositive().isNotEqualTo(gbr.id());
        assertThat(store.watches("USA")).containsExactly(usa);
        assertThat(store.allWatches()).containsExactlyInAnyOrder(usa, gbr);
        assertThat(store.remove("GBR", usa.id())).as("another party's watch is not removed").isFalse();
        assertThat(store.watches("USA")).containsExactly(usa);
    }

    @Test
    void oneNotificationPerWatchEventAndUpdateWithItsAttempts() {
        Watch w = store.add("USA", new Watch.Terms(1001, Optional.of(1000.0), Optional.empty(), Duration.ofDays(3),
                Optional.of(URI.create("https://ops.example.org/hook"))), "alice", T0);
        Notification first = store.addNotification(notification(w, 7, 1, T0)).orElseThrow();
        assertThat(store.addNotification(notification(w, 7, 1, T0.plusSeconds(5)))).as("the same update again")
                .isEmpty();
        Notification second = store.addNotification(notification(w, 7, 2, T0.plusSeconds(60))).orElseThrow();
        assertThat(store.lastNotified(w.id(), 7)).contains(second);
        assertThat(store.lastNotified(w.id(), 8)).isEmpty();
        assertThat(first.tca()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(first.probability()).contains(2.5e-4);

        assertThat(store.due(T0, 10)).containsExactly(first);
        store.recordAttempt(first.id(), new Notification.DeliveryAttempt(1, T0, Optional.of(503),
                Optional.of("the webhook answered HTTP 503")), Notification.Status.PENDING,
                Optional.of(T0.plusSeconds(30)));
        assertThat(store.due(T0.plusSeconds(29), 10)).as("waiting for its back-off").isEmpty();
        assertThat(store.due(T0.plusSeconds(30), 10)).extracting(Notification::id).containsExactly(first.id());
        store.recordAttempt(first.id(), new Notification.DeliveryAttempt(2, T0.plusSeconds(30), Optional.of(200),
                Optional.empty()), Notification.Status.DELIVERED, Optional.empty());
        Notification delivered = store.notifications("USA", 10).stream().filter(n -> n.id() == first.id())
                .findFirst().orElseThrow();
        assertThat(delivered.status()).isEqualTo(Notification.Status.DELIVERED);
        assertThat(delivered.nextAttemptAt()).isEmpty();
        assertThat(delivered.attempts()).containsExactly(
                new Notification.DeliveryAttempt(1, T0, Optional.of(503), Optional.of("the webhook answered HTTP 503")),
                new Notification.DeliveryAttempt(2, T0.plusSeconds(30), Optional.of(200), Optional.empty()));
        assertThat(store.notifications("USA", 10)).extracting(Notification::id).containsExactly(second.id(),
                first.id());
        assertThat(store.notifications("GBR", 10)).isEmpty();

        assertThat(store.remove("GBR", w.id())).as("another party's watch").isFalse();
        assertThat(store.notifications("USA", 10)).as("its notifications untouched").hasSize(2);
        assertThat(store.remove("USA", w.id())).isTrue();
        assertThat(store.notifications("USA", 10)).as("removed with its watch").isEmpty();
        assertThat(store.watch(w.id())).isEmpty();
    }
}
