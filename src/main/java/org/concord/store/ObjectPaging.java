package org.concord.store;

import static org.concord.store.SqlValues.odt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

import org.concord.catalog.ObjectQuery;
import org.concord.catalog.ObjectQuery.SortKey;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SpaceObject;
import org.concord.store.Tables.Orbit;
import org.jooq.Condition;
import org.jooq.Field;

/** The order of a page of objects, and the cursors that continue it after its last object. */
final class ObjectPaging {

    private ObjectPaging() {
    }

    static Field<?> sortField(SortKey key) {
        return switch (key) {
            case NORAD_ID -> Tables.SpaceObject.NORAD_ID;
            case NAME -> Tables.SpaceObject.NAME;
            case EPOCH -> Orbit.EPOCH;
            case PERIGEE -> Orbit.PERIGEE_KM;
            case APOGEE -> Orbit.APOGEE_KM;
            case INCLINATION -> Orbit.INCLINATION_DEG;
            case PERIOD -> Orbit.PERIOD_MIN;
        };
    }

    static String cursorAfter(SpaceObject last, SortKey key) {
        String value = switch (key) {
            case NAME -> last.name();
            case EPOCH -> last.latestOrbit().orElseThrow().epoch().toString();
            default -> sortValue(last, key).toString();
        };
        String raw = key.name() + "\n" + last.noradId() + "\n" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Where a cursor continues from: the last object's sort value and NORAD id. */
    record Cursor(Object value, long noradId) {

        static Cursor parse(String cursor, ObjectQuery q) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cursor is not one this node issued");
            }
            if (parts.length != 3 || !parts[0].equals(q.sort().name())) {
                throw new IllegalArgumentException("cursor does not belong to a query sorted by "
                        + q.sort().parameter());
            }
            long norad;
            Object value;
            try {
                norad = Long.parseLong(parts[1]);
                value = switch (q.sort()) {
                    case NORAD_ID -> Long.parseLong(parts[2]);
                    case NAME -> parts[2];
                    case EPOCH -> odt(Instant.parse(parts[2]));
                    default -> Double.parseDouble(parts[2]);
                };
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cursor is not one this node issued");
            }
            return new Cursor(value, norad);
        }
    }

    static Object instant(Object epoch) {
        return ((OffsetDateTime) epoch).toInstant();
    }

    /** Whether {@code value} is within the bounds present, inclusive. */
    @SuppressWarnings("unchecked")
    static <T extends Comparable<? super T>> boolean within(T value, Optional<Object> low, Optional<Object> high) {
        return low.map(l -> value.compareTo((T) l) >= 0).orElse(true)
                && high.map(h -> value.compareTo((T) h) <= 0).orElse(true);
    }

    /** The value an object is sorted by, as SQL compares it; not for the name (the database's collation orders it). */
    static Object sortValue(SpaceObject object, SortKey key) {
        OrbitRecord o = object.latestOrbit().orElseThrow();
        return switch (key) {
            case NORAD_ID -> object.noradId();
            case EPOCH -> odt(o.epoch());
            case PERIGEE -> o.summary().perigeeAltitudeKm();
            case APOGEE -> o.summary().apogeeAltitudeKm();
            case INCLINATION -> o.summary().inclinationDeg();
            case PERIOD -> o.summary().periodMinutes();
            case NAME -> throw new IllegalStateException("names are compared in SQL");
        };
    }

    /** The rows after the one sorted at ({@code value}, {@code norad}), in ascending or descending order. */
    @SuppressWarnings("unchecked")
    static Condition beyond(Field<?> sortField, Object value, long norad, boolean descending) {
        Field<Object> f = (Field<Object>) sortField;
        if (descending) {
            return f.lt(value).or(f.eq(value).and(Tables.SpaceObject.NORAD_ID.lt(norad)));
        }
        return f.gt(value).or(f.eq(value).and(Tables.SpaceObject.NORAD_ID.gt(norad)));
    }

    /** The order of a page as SQL sorts it, for every sort key but the name (numbers and instants only). */
    static Comparator<SpaceObject> pageOrder(ObjectQuery q) {
        Comparator<SpaceObject> byKey = switch (q.sort()) {
            case NORAD_ID -> Comparator.comparingLong(SpaceObject::noradId);
            case EPOCH -> Comparator.comparing(o -> o.latestOrbit().orElseThrow().epoch());
            case PERIGEE -> Comparator.comparingDouble(o -> o.latestOrbit().orElseThrow().summary()
                    .perigeeAltitudeKm());
            case APOGEE -> Comparator.comparingDouble(o -> o.latestOrbit().orElseThrow().summary()
                    .apogeeAltitudeKm());
            case INCLINATION -> Comparator.comparingDouble(o -> o.latestOrbit().orElseThrow().summary()
                    .inclinationDeg());
            case PERIOD -> Comparator.comparingDouble(o -> o.latestOrbit().orElseThrow().summary()
                    .periodMinutes());
            case NAME -> throw new IllegalStateException("names are merged in SQL");
        };
        Comparator<SpaceObject> order = byKey.thenComparingLong(SpaceObject::noradId);
        return q.descending() ? order.reversed() : order;
    }
}
