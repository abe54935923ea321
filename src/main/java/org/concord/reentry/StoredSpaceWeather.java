package org.concord.reentry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.concord.label.DataKind;
import org.concord.product.ProductInput;

/**
 * The space weather a node's predictions read, and the stored product each of its days is: a prediction names the
 * days its propagation read as inputs ({@code space-weather-YYYY-MM-DD}), so that its label combines theirs with its
 * element sets' and recalling a day withdraws it, as for orbit records.
 *
 * @param weather the indices handed to the atmosphere model
 * @param kind    the kind of the stored days
 * @param days    each day's stored product id
 */
public record StoredSpaceWeather(SpaceWeather weather, DataKind kind, NavigableMap<LocalDate, Long> days) {

    /**
     * How far before the first instant propagated NRLMSISE-00 reads indices: the 3-hour ap of the 57 hours before and
     * the flux of the day before.
     */
    static final Duration READ_BEFORE = Duration.ofDays(3);

    public StoredSpaceWeather {
        days = Collections.unmodifiableNavigableMap(new TreeMap<>(days));
    }

    /** No stored day: no prediction gets an epoch, and each says why. */
    public static StoredSpaceWeather none(DataKind kind, String why) {
        return new StoredSpaceWeather(SpaceWeather.none(why), kind, new TreeMap<>());
    }

    /** The role of a day among a prediction's inputs. */
    public static String role(LocalDate day) {
        return "space-weather-" + day;
    }

    /**
     * The stored days a propagation from {@code from} to {@code to} reads: from {@link #READ_BEFORE} before the start
     * to the day after the end (Orekit interpolates the flux between days).
     */
    List<ProductInput> inputs(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from.minus(READ_BEFORE), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(1);
        return days.subMap(first, true, last, true).entrySet().stream()
                .map(e -> new ProductInput(role(e.getKey()), kind, e.getValue())).toList();
    }
}
