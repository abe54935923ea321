package org.concord.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.conjunction.Conjunction;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.product.Product;
import org.concord.product.ProductInput;

/**
 * Which event each new conjunction joins. A conjunction joins the event of its pair (either order) whose latest TCA
 * is nearest its own, if within {@link #TCA_TOLERANCE}; otherwise it starts an event.
 * <p>Why the tolerance is five minutes: two reports of one encounter differ in TCA by the along-track error of the
 * element sets over the relative speed, a second per 7.5 km at LEO crossing speeds, so seconds to tens of seconds
 * even for week-old element sets (the screenings of the bundled catalog a day apart: see {@code EventServiceTest});
 * two encounters of one pair are separate range minima, which for two orbiting objects come at most twice per
 * relative orbit, so at least about 44 minutes apart in LEO (a quarter of the shortest period is 22 minutes). Five
 * minutes lies well between.
 */
final class EventGrouping {

    static final Duration TCA_TOLERANCE = Duration.ofMinutes(5);

    /** A conjunction to place, where it came from and when it was computed. */
    record Arrival(Product<Conjunction> conjunction, EventUpdate.Source source, Instant computedAt) {
    }

    /**
     * An event to store (id 0: {@code updates} are all its updates) or a stored one to extend (with its stored label):
     * its summary with the updates that join it, and the inputs they add.
     */
    record Grouped(long id, Optional<Label> storedLabel, EventSummary summary, List<EventUpdate> updates,
                   List<ProductInput> inputs) {
    }

    private static final class Open {
        final long id;
        final Optional<Label> storedLabel;
        final long primaryNoradId;
        final long secondaryNoradId;
        EventSummary summary;
        final List<EventUpdate> added = new ArrayList<>();
        final List<ProductInput> inputs = new ArrayList<>();

        Open(long id, Optional<Label> storedLabel, long primaryNoradId, long secondaryNoradId, EventSummary summary) {
            this.id = id;
            this.storedLabel = storedLabel;
            this.primaryNoradId = primaryNoradId;
            this.secondaryNoradId = secondaryNoradId;
            this.summary = summary;
        }

        int nextNumber() {
            return summary == null ? 1 : summary.updateCount() + 1;
        }

        void add(EventUpdate update) {
            summary = summary == null ? EventSummary.of(new ConjunctionEvent(primaryNoradId, secondaryNoradId,
                    List.of(update))) : summary.with(update);
            added.add(update);
        }
    }

    private EventGrouping() {
    }

    /** The events that {@code arrivals} start or extend, given the {@code stored} events they may join. */
    static List<Grouped> group(List<EventStore.Stored> stored, List<Arrival> arrivals) {
        Map<String, List<Open>> byPair = new HashMap<>();
        for (EventStore.Stored e : stored) {
            EventSummary s = e.summary();
            byPair.computeIfAbsent(pair(s.primaryNoradId(), s.secondaryNoradId()), k -> new ArrayList<>())
                    .add(new Open(e.id(), Optional.of(e.label()), s.primaryNoradId(), s.secondaryNoradId(), s));
        }
        java.util.Set<Open> touched = new java.util.LinkedHashSet<>();
        List<Arrival> ordered = new ArrayList<>(arrivals);
        ordered.sort(Comparator.comparing(Arrival::computedAt).thenComparing(a -> a.conjunction().id()));
        for (Arrival a : ordered) {
            Conjunction c = a.conjunction().value();
            List<Open> ofPair = byPair.computeIfAbsent(pair(c.primaryNoradId(), c.secondaryNoradId()),
                    k -> new ArrayList<>());
            Optional<Open> nearest = ofPair.stream()
                    .filter(o -> apart(o.summary.latest().tca(), c.tca()).compareTo(TCA_TOLERANCE) <= 0)
                    .min(Comparator.comparing(o -> apart(o.summary.latest().tca(), c.tca())));
            Open open = nearest.orElseGet(() -> {
                Open started = new Open(0, Optional.empty(), Math.min(c.primaryNoradId(), c.secondaryNoradId()),
                        Math.max(c.primaryNoradId(), c.secondaryNoradId()), null);
                ofPair.add(started);
                return started;
            });
            int number = open.nextNumber();
            open.add(update(number, a));
            open.inputs.add(new ProductInput(EventKind.updateRole(number), DataKind.CONJUNCTIONS,
                    a.conjunction().id()));
            for (ProductInput orbit : a.conjunction().inputs()) {
                open.inputs.add(new ProductInput(EventKind.updateRole(number) + "-" + orbit.role(), orbit.kind(),
                        orbit.id()));
            }
            touched.add(open);
        }
        return touched.stream().map(o -> new Grouped(o.id, o.storedLabel, o.summary, List.copyOf(o.added),
                List.copyOf(o.inputs))).toList();
    }

    private static EventUpdate update(int number, Arrival a) {
        Conjunction c = a.conjunction().value();
        double speed = c.relativeSpeedMetersPerSecond();
        return new EventUpdate(number, a.source(), c.label().originator(), a.computedAt(), c.primaryNoradId(),
                c.tca(), c.missDistanceMeters(), c.radialMeters(), c.inTrackMeters(), c.crossTrackMeters(),
                Double.isFinite(speed) ? Optional.of(speed) : Optional.empty(), c.risk().or(c::cdmRisk),
                c.inputAges());
    }

    private static Duration apart(Instant a, Instant b) {
        return Duration.between(a, b).abs();
    }

    private static String pair(long a, long b) {
        return Math.min(a, b) + "|" + Math.max(a, b);
    }
}
