package org.concord.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.conjunction.CollisionRisk;
import org.concord.risk.CovarianceSource;
import org.concord.event.EventUpdate;
import org.junit.jupiter.api.Test;

/** When an event is news to a watch: each clause of {@link NotificationRule}, and what stays silent. */
class NotificationRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Watch.Terms MISS_OR_PC = new Watch.Terms(25544, Optional.of(1000.0), Optional.of(1e-4),
            Duration.ofDays(3), Optional.empty());

    private static EventUpdate update(int number, Instant tca, double missMeters, Optional<Double> pc) {
        return new EventUpdate(number, EventUpdate.Source.SCREENING, "TEST", NOW, 25544, tca, missMeters, 1, 2, 3,
                Optional.empty(), pc.map(p -> new CollisionRisk(p, "FOSTER-1992", CovarianceSource.ASSUMED, 10,
                "test")), Optional.empty());
    }

    private static Notification told(EventUpdate u) {
        return new Notification(1, 1, "USA", 1, u.number(), Notification.Reason.NEW, NOW, 25544, 40000, u.tca(),
                u.missDistanceMeters(), u.risk().map(CollisionRisk::probability), Notification.Status.DELIVERED,
                Optional.empty(), List.of());
    }

    private static Optional<Notification.Reason> news(EventUpdate latest, Optional<Notification> told) {
        return NotificationRule.news(MISS_OR_PC, latest, told, NOW);
    }

    @Test
    void anEventThatCrossesAThresholdAheadIsNewOnce() {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        EventUpdate close = update(1, tomorrow, 800, Optional.empty());
        assertThat(news(close, Optional.empty())).contains(Notification.Reason.NEW);
        assertThat(news(update(1, tomorrow, 5000, Optional.of(2e-4)), Optional.empty())).as("Pc alone is enough")
                .contains(Notification.Reason.NEW);
        assertThat(news(close, Optional.of(told(close)))).as("the same update again").isEmpty();
        assertThat(news(update(1, tomorrow, 5000, Optional.of(1e-5)), Optional.empty())).as("neither threshold")
                .isEmpty();
        assertThat(news(update(1, NOW.plus(Duration.ofDays(4)), 10, Optional.empty()), Optional.empty()))
                .as("beyond the watch's reach").isEmpty();
        assertThat(news(update(1, NOW.minusSeconds(1), 10, Optional.empty()), Optional.empty())).as("past")
                .isEmpty();
    }

    @Test
    void aLaterUpdateIsNewsOnlyWhenItChangedMaterially() {
        Instant tca = NOW.plus(Duration.ofDays(1));
        Notification last = told(update(1, tca, 800, Optional.of(2e-4)));
        assertThat(news(update(2, tca, 760, Optional.of(3e-4)), Optional.of(last))).as("5 %, factor 1.5").isEmpty();
        assertThat(news(update(2, tca, 720, Optional.of(2e-4)), Optional.of(last))).as("10 % closer")
                .contains(Notification.Reason.CHANGED);
        assertThat(news(update(2, tca, 880, Optional.of(2e-4)), Optional.of(last))).as("10 % farther, still in")
                .contains(Notification.Reason.CHANGED);
        assertThat(news(update(2, tca, 800, Optional.of(4e-4)), Optional.of(last))).as("Pc doubled")
                .contains(Notification.Reason.CHANGED);
        assertThat(news(update(2, tca, 800, Optional.empty()), Optional.of(last))).as("Pc gone")
                .contains(Notification.Reason.CHANGED);
        assertThat(news(update(2, tca, 1500, Optional.of(5e-5)), Optional.of(last))).as("out of both thresholds")
                .isEmpty();
        Notification touching = told(update(1, tca, 0, Optional.empty()));
        assertThat(news(update(2, tca, 0, Optional.empty()), Optional.of(touching)))
                .as("0 m told, 0 m again: nothing changed").isEmpty();
        assertThat(news(update(2, tca, 3, Optional.empty()), Optional.of(touching))).as("0 m told, now 3 m")
                .contains(Notification.Reason.CHANGED);
        Notification zero = told(update(1, tca, 800, Optional.of(0.0)));
        assertThat(news(update(2, tca, 800, Optional.of(0.0)), Optional.of(zero))).as("Pc 0 both times").isEmpty();
    }
}
