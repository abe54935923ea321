package org.concord.store;

import static org.jooq.impl.DSL.lower;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.ObjectQuery;
import org.concord.catalog.ObjectQuery.Range;
import org.concord.catalog.ObjectQuery.SortKey;
import org.concord.store.ObjectPaging.Cursor;
import org.concord.store.Tables.Orbit;
import org.jooq.DSLContext;
import org.jooq.Record7;

/**
 * Every object of one catalog version in memory, in every order a list is sorted by but the name: its name as the
 * database lower-cases it and the values of its newest orbit that lists sort and filter by. A page of objects takes
 * its candidates from here, in its order and after its cursor, instead of SQL reading and sorting every object for
 * each request (H2 did: a page of 100 read all 35,000 orbit records and sorted 26,000 joined rows; a name search
 * scanned every name); SQL then checks every condition, the label and the name included, on a few candidates at a
 * time. The conditions kept here (name, catalog numbers, orbit ranges, epoch age) only leave out objects SQL would
 * leave out too. Built once per catalog version, on the first list. Sorted by name, where the database's collation
 * decides the order, there are no candidates: SQL sorts as before.
 */
final class ObjectIndex {

    /** An object a page may show, and the value SQL sorts it by (a {@code Long}, {@code Double} or timestamp). */
    record Candidate(long noradId, Object sortValue) {
    }

    private final long[] noradIds;
    private final String[] lowerNames;
    private final OffsetDateTime[] epochs;
    private final long[] epochMicros;
    private final double[] perigeeKm;
    private final double[] apogeeKm;
    private final double[] inclinationDeg;
    private final double[] periodMinutes;
    private final Map<Order, int[]> sorted = new java.util.concurrent.ConcurrentHashMap<>();

    private ObjectIndex(List<Record7<Long, String, OffsetDateTime, Double, Double, Double, Double>> rows) {
        int n = rows.size();
        noradIds = new long[n];
        lowerNames = new String[n];
        epochs = new OffsetDateTime[n];
        epochMicros = new long[n];
        perigeeKm = new double[n];
        apogeeKm = new double[n];
        inclinationDeg = new double[n];
        periodMinutes = new double[n];
        for (int i = 0; i < n; i++) {
            var r = rows.get(i);
            noradIds[i] = r.value1();
            lowerNames[i] = r.value2();
            epochs[i] = r.value3();
            epochMicros[i] = micros(r.value3().toInstant());
            perigeeKm[i] = r.value4();
            apogeeKm[i] = r.value5();
            inclinationDeg[i] = r.value6();
            periodMinutes[i] = r.value7();
        }
    }

    /** The objects as stored now, each with its stored newest orbit. */
    static ObjectIndex load(DSLContext dsl) {
        return new ObjectIndex(dsl.select(Tables.SpaceObject.NORAD_ID, lower(Tables.SpaceObject.NAME), Orbit.EPOCH,
                        Orbit.PERIGEE_KM, Orbit.APOGEE_KM, Orbit.INCLINATION_DEG, Orbit.PERIOD_MIN)
                .from(Tables.SpaceObject.T).join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                .fetch());
    }

    private record Order(SortKey sort, boolean descending) {
    }

    /**
     * The objects that may match the query, in its order and after its cursor, found as they are asked for; none
     * (empty) when it is sorted by name.
     */
    Optional<Scan> candidates(ObjectQuery q, Optional<Cursor> cursor) {
        if (q.sort() == SortKey.NAME) {
            return Optional.empty();
        }
        int[] order = BoundedCache.cached(sorted, new Order(q.sort(), q.descending()), () -> {
            Integer[] all = new Integer[noradIds.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            java.util.Arrays.sort(all, order(q.sort(), q.descending()));
            return java.util.Arrays.stream(all).mapToInt(Integer::intValue).toArray();
        });
        // the first object after the cursor: the objects beyond it are a tail of the order
        int low = 0;
        int high = order.length;
        while (cursor.isPresent() && low < high) {
            int middle = (low + high) >>> 1;
            if (beyond(order[middle], cursor.get(), q.sort(), q.descending())) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return Optional.of(new Scan(q, order, low));
    }

    /** A walk along one order from a position, yielding the objects that may match the query. */
    final class Scan {

        private final ObjectQuery q;
        private final int[] order;
        private int position;
        private final Optional<String> term;
        private final long[] only;
        private final double[] bounds;
        private final long oldestMicros;

        private Scan(ObjectQuery q, int[] order, int position) {
            this.q = q;
            this.order = order;
            this.position = position;
            this.term = q.nameContains().map(t -> t.toLowerCase(java.util.Locale.ROOT)); // as SQL's pattern
            this.only = q.noradIds().stream().mapToLong(Long::longValue).sorted().toArray();
            this.bounds = new double[] {min(q.perigeeKm()), max(q.perigeeKm()), min(q.apogeeKm()), max(q.apogeeKm()),
                    min(q.inclinationDeg()), max(q.inclinationDeg()), min(q.periodMinutes()), max(q.periodMinutes())};
            // a second under the oldest epoch the query admits: SQL compares the instant rounded to the microsecond
            this.oldestMicros = q.maxEpochAge().map(age -> micros(q.now().minus(age).minusSeconds(1)))
                    .orElse(Long.MIN_VALUE);
        }

        /** The next objects that may match, at most {@code n}; fewer only at the end. */
        List<Candidate> next(int n) {
            List<Candidate> found = new ArrayList<>();
            while (found.size() < n && position < order.length) {
                int i = order[position++];
                if (mayMatch(i)) {
                    found.add(new Candidate(noradIds[i], sortValue(i, q.sort())));
                }
            }
            return found;
        }

        /** Whether no object is left to walk. */
        boolean exhausted() {
            return position >= order.length;
        }

        private boolean mayMatch(int i) {
            return (term.isEmpty() || lowerNames[i].contains(term.get()))
                    && (only.length == 0 || java.util.Arrays.binarySearch(only, noradIds[i]) >= 0)
                    && perigeeKm[i] >= bounds[0] && perigeeKm[i] <= bounds[1]
                    && apogeeKm[i] >= bounds[2] && apogeeKm[i] <= bounds[3]
                    && inclinationDeg[i] >= bounds[4] && inclinationDeg[i] <= bounds[5]
                    && periodMinutes[i] >= bounds[6] && periodMinutes[i] <= bounds[7]
                    && epochMicros[i] >= oldestMicros;
        }

        private static double min(Range range) {
            return range.min().orElse(Double.NEGATIVE_INFINITY);
        }

        private static double max(Range range) {
            return range.max().orElse(Double.POSITIVE_INFINITY);
        }
    }

    private static long micros(Instant instant) {
        return java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** Whether {@code value} is within the range's bounds, inclusive. */
    static boolean within(double value, Range range) {
        // no lambdas: checked for every object a list may show, they allocated gigabytes a minute under load
        return (range.min().isEmpty() || value >= range.min().get())
                && (range.max().isEmpty() || value <= range.max().get());
    }

    private Object sortValue(int i, SortKey sort) {
        return switch (sort) {
            case NORAD_ID -> noradIds[i];
            case EPOCH -> epochs[i];
            case PERIGEE -> perigeeKm[i];
            case APOGEE -> apogeeKm[i];
            case INCLINATION -> inclinationDeg[i];
            case PERIOD -> periodMinutes[i];
            case NAME -> throw new IllegalStateException("names are compared in SQL");
        };
    }

    private Comparator<Integer> order(SortKey sort, boolean descending) {
        Comparator<Integer> byKey = switch (sort) {
            case NORAD_ID -> Comparator.comparingLong(i -> noradIds[i]);
            case EPOCH -> Comparator.comparingLong(i -> epochMicros[i]);
            case PERIGEE -> Comparator.comparingDouble(i -> perigeeKm[i]);
            case APOGEE -> Comparator.comparingDouble(i -> apogeeKm[i]);
            case INCLINATION -> Comparator.comparingDouble(i -> inclinationDeg[i]);
            case PERIOD -> Comparator.comparingDouble(i -> periodMinutes[i]);
            case NAME -> throw new IllegalStateException("names are compared in SQL");
        };
        Comparator<Integer> order = byKey.thenComparingLong(i -> noradIds[i]);
        return descending ? order.reversed() : order;
    }

    /** Whether object {@code i} comes after the cursor in this order (as {@link ObjectPaging#beyond} tells SQL). */
    private boolean beyond(int i, Cursor cursor, SortKey sort, boolean descending) {
        int byValue = switch (sort) {
            case NORAD_ID -> Long.compare(noradIds[i], (Long) cursor.value());
            case EPOCH -> Long.compare(epochMicros[i], micros(((OffsetDateTime) cursor.value()).toInstant()));
            case PERIGEE -> Double.compare(perigeeKm[i], (Double) cursor.value());
            case APOGEE -> Double.compare(apogeeKm[i], (Double) cursor.value());
            case INCLINATION -> Double.compare(inclinationDeg[i], (Double) cursor.value());
            case PERIOD -> Double.compare(periodMinutes[i], (Double) cursor.value());
            case NAME -> throw new IllegalStateException("names are compared in SQL");
        };
        int c = byValue != 0 ? byValue : Long.compare(noradIds[i], cursor.noradId());
        return descending ? c < 0 : c > 0;
    }
}
