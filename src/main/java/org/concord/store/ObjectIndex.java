package org.concord.store;

import static org.jooq.impl.DSL.lower;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.ObjectQuery;
import org.concord.catalog.ObjectQuery.SortKey;
import org.concord.store.ObjectPaging.Cursor;
import org.concord.store.Tables.Orbit;
import org.jooq.DSLContext;
import org.jooq.Record7;

/**
 * Every object of one catalog version in memory: its name as the database lower-cases it, and the values of its
 * newest orbit that lists sort by. A name search finds its candidates here, in the order its page asks for and after
 * its cursor, instead of scanning every object in SQL for each request (a name search took a full scan and a sort of
 * its thousands of matches per request); SQL then checks every condition, the name included, on a few candidates at a
 * time. Built once per catalog version, on the first name search. Sorted by name, where the database's collation
 * decides the order, there are no candidates: SQL searches as before.
 */
final class ObjectIndex {

    private final long[] noradIds;
    private final String[] lowerNames;
    private final OffsetDateTime[] epochs;
    private final double[] perigeeKm;
    private final double[] apogeeKm;
    private final double[] inclinationDeg;
    private final double[] periodMinutes;
    private final Map<Matching, List<Integer>> sortedMatches = new java.util.concurrent.ConcurrentHashMap<>();

    private ObjectIndex(List<Record7<Long, String, OffsetDateTime, Double, Double, Double, Double>> rows) {
        int n = rows.size();
        noradIds = new long[n];
        lowerNames = new String[n];
        epochs = new OffsetDateTime[n];
        perigeeKm = new double[n];
        apogeeKm = new double[n];
        inclinationDeg = new double[n];
        periodMinutes = new double[n];
        for (int i = 0; i < n; i++) {
            var r = rows.get(i);
            noradIds[i] = r.value1();
            lowerNames[i] = r.value2();
            epochs[i] = r.value3();
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

    private record Matching(String lowerTerm, SortKey sort, boolean descending) {
    }

    /**
     * The objects whose name contains the query's name term (lower-cased as SQL compares it), in the query's order
     * and after its cursor; none (empty) when the query has no name term or is sorted by name.
     */
    Optional<List<Long>> candidates(ObjectQuery q, Optional<Cursor> cursor) {
        if (q.nameContains().isEmpty() || q.sort() == SortKey.NAME) {
            return Optional.empty();
        }
        Comparator<Integer> order = order(q.sort(), q.descending());
        List<Integer> matches = BoundedCache.cached(sortedMatches,
                new Matching(q.nameContains().get().toLowerCase(), q.sort(), q.descending()), () -> {
                    String term = q.nameContains().get().toLowerCase();
                    List<Integer> found = new ArrayList<>();
                    for (int i = 0; i < lowerNames.length; i++) {
                        if (lowerNames[i].contains(term)) {
                            found.add(i);
                        }
                    }
                    found.sort(order);
                    return List.copyOf(found);
                });
        List<Long> ids = new ArrayList<>();
        for (int i : matches) {
            if (cursor.isEmpty() || beyond(i, cursor.get(), q.sort(), q.descending())) {
                ids.add(noradIds[i]);
            }
        }
        return Optional.of(ids);
    }

    private Comparator<Integer> order(SortKey sort, boolean descending) {
        Comparator<Integer> byKey = switch (sort) {
            case NORAD_ID -> Comparator.comparingLong(i -> noradIds[i]);
            case EPOCH -> Comparator.comparing(i -> epochs[i].toInstant());
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
            case EPOCH -> epochs[i].toInstant().compareTo(((OffsetDateTime) cursor.value()).toInstant());
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
