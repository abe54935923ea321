package org.concord.spaceweather;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where SWPC's messages leave each watch, warning and alert: an extension ({@code Extension to Serial Number}) moves
 * the end of the message it extends (and an extension of an extension, of the first), a cancellation
 * ({@code Cancel Serial Number}) ends it when issued. A message referring to a serial number not among those given
 * is kept as it stands.
 */
public final class AlertLifecycle {

    /** A message as its later messages left it: its end now, when it was cancelled, the serials that changed it. */
    public record State(SpaceWeatherAlert alert, Optional<Instant> endsAt, Optional<Instant> cancelledAt,
                        List<Long> changedBy) {

        public State {
            changedBy = List.copyOf(changedBy);
        }

        /** In force at {@code t}: begun (or issued) and neither ended nor cancelled. */
        public boolean inForceAt(Instant t) {
            Instant begins = alert.beginsAt().orElse(alert.issuedAt());
            return !t.isBefore(begins) && endsAt.map(t::isBefore).orElse(cancelledAt.isEmpty());
        }
    }

    private AlertLifecycle() {
    }

    /** The state of each message that is not itself an extension or cancellation of a given one, by issue time. */
    public static List<State> of(List<SpaceWeatherAlert> alerts) {
        List<SpaceWeatherAlert> byTime = alerts.stream().sorted(Comparator.comparing(SpaceWeatherAlert::issuedAt))
                .toList();
        Map<String, Long> originalOf = new HashMap<>();
        Map<Long, State> states = new LinkedHashMap<>();
        List<State> unnumbered = new ArrayList<>();
        for (SpaceWeatherAlert a : byTime) {
            Optional<Long> original = a.refersToSerial().isPresent()
                    ? Optional.ofNullable(originalOf.get(a.origin() + a.refersToSerial().getAsLong()))
                    : Optional.empty();
            if (a.change() != SpaceWeatherAlert.Change.ISSUE && original.isPresent()) {
                State s = states.get(original.get());
                List<Long> changed = new ArrayList<>(s.changedBy());
                a.serialNumber().ifPresent(changed::add);
                State updated = a.change() == SpaceWeatherAlert.Change.EXTENSION
                        ? new State(s.alert(), a.endsAt().or(s::endsAt), s.cancelledAt(), changed)
                        : new State(s.alert(), Optional.of(s.endsAt().filter(e -> e.isBefore(a.issuedAt()))
                        .orElse(a.issuedAt())), Optional.of(a.issuedAt()), changed);
                states.put(original.get(), updated);
                a.serialNumber().ifPresent(n -> originalOf.put(a.origin() + n, original.get()));
            } else if (a.serialNumber().isPresent()) {
                long n = a.serialNumber().getAsLong();
                originalOf.put(a.origin() + n, n);
                states.put(n, new State(a, a.endsAt(), Optional.empty(), List.of()));
            } else {
                unnumbered.add(new State(a, a.endsAt(), Optional.empty(), List.of()));
            }
        }
        List<State> all = new ArrayList<>(states.values());
        all.addAll(unnumbered);
        all.sort(Comparator.comparing(s -> s.alert().issuedAt()));
        return all;
    }
}
