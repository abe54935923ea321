package org.concord.store;

import static org.concord.store.LabelConditions.hidden;
import static org.concord.store.LabelConditions.lane;
import static org.concord.store.LabelConditions.orbitVisible;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.concord.store.Tables.ObjectLabelLatest;
import org.concord.store.Tables.Orbit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The objects whose newest orbit a filter hides, each with the newest orbit it admits; by catalog number too. */
record HiddenNewest(List<Hidden> objects, Map<Long, Hidden> byObject) {

    /**
     * An object whose newest orbit a filter hides, with the newest orbit the filter admits, the values lists sort
     * that orbit by, and and the name it shows the object under (that orbit's) as the database lower-cases it.
     */
    record Hidden(long noradId, long orbitId, Instant epoch, double perigeeKm, double apogeeKm,
                  double inclinationDeg, double periodMinutes, String lowerName) {
    }

    /** The objects whose newest orbit the filter hides but another orbit it admits, as they are now. */
    static HiddenNewest find(DSLContext dsl, LabelFilter filter) {
        Field<Long> noradId = DSL.field(DSL.unquotedName("space_object", "norad_id"), Long.class);
        Field<Long> orbitId = DSL.field(DSL.unquotedName("space_object", "latest_orbit_id"), Long.class);
        Field<String> name = DSL.field(DSL.unquotedName("space_object", "name"), String.class);
        List<Hidden> objects = dsl.select(noradId, orbitId, Orbit.EPOCH, Orbit.PERIGEE_KM, Orbit.APOGEE_KM,
                        Orbit.INCLINATION_DEG, Orbit.PERIOD_MIN, DSL.lower(name))
                .from(allFallbackObjects(filter)).join(Orbit.T).on(Orbit.ID.eq(orbitId))
                .fetch(r -> new Hidden(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
        return new HiddenNewest(objects, objects.stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Hidden::noradId, h -> h)));
    }

    /**
     * These objects, each with the orbit found for it, in the shape of {@code space_object}: looked up by orbit id,
     * and each orbit checked against the filter once more.
     */
    static Table<?> fallbackObjects(LabelFilter filter, List<Hidden> objects) {
        return DSL.select(Orbit.NORAD_ID.as("norad_id"), Orbit.OBJECT_NAME.as("name"),
                        Orbit.INTL_DESIGNATOR.as("intl_designator"), Orbit.ID.as("latest_orbit_id"))
                .from(Orbit.T).where(SqlValues.idIn(Orbit.ID, objects.stream().map(Hidden::orbitId).toList()))
                .and(orbitVisible(filter))
                .asTable("space_object");
    }

    /**
     * The objects whose newest orbit the filter hides but another orbit it admits, each with its newest admitted
     * orbit (and that orbit's name and designator), in the shape of {@code space_object}: an anti-join over every
     * object.
     */
    private static Table<?> allFallbackObjects(LabelFilter filter) {
        Condition newestHidden = Tables.SpaceObject.LATEST_DATA_KIND.eq(OrbitRows.ORBITS_LANE)
                .and(hidden(Tables.SpaceObject.LATEST_LABEL_ID, filter, DataKind.ORBITS))
                .or(Tables.SpaceObject.LATEST_DATA_KIND.eq(OrbitRows.EPHEMERIDES_LANE)
                        .and(hidden(Tables.SpaceObject.LATEST_LABEL_ID, filter, DataKind.EPHEMERIDES)));
        Table<?> newer = DSL.table(DSL.unquotedName("object_label_latest")).as("newer");
        Field<Long> newerNorad = DSL.field(DSL.unquotedName("newer", "norad_id"), Long.class);
        Field<Long> newerLabel = DSL.field(DSL.unquotedName("newer", "label_id"), Long.class);
        Field<String> newerKind = DSL.field(DSL.unquotedName("newer", "data_kind"), String.class);
        Field<Long> newerOrbit = DSL.field(DSL.unquotedName("newer", "orbit_id"), Long.class);
        Field<OffsetDateTime> newerEpoch = DSL.field(DSL.unquotedName("newer", "epoch"), OffsetDateTime.class);
        Field<Integer> newerPriority = DSL.field(DSL.unquotedName("newer", "source_priority"), Integer.class);
        // The best admitted lane of each such object: one with no admitted lane ranking above it (newer epoch, or
        // equal epoch and higher source priority, or both equal and stored later); cheaper than ranking.
        return DSL.select(Tables.SpaceObject.NORAD_ID.as("norad_id"), Orbit.OBJECT_NAME.as("name"),
                        Orbit.INTL_DESIGNATOR.as("intl_designator"), Orbit.ID.as("latest_orbit_id"))
                .from(Tables.SpaceObject.T)
                .join(ObjectLabelLatest.T).on(ObjectLabelLatest.NORAD_ID.eq(Tables.SpaceObject.NORAD_ID))
                .join(Orbit.T).on(Orbit.ID.eq(ObjectLabelLatest.ORBIT_ID))
                .where(newestHidden)
                .and(lane(ObjectLabelLatest.LABEL_ID, ObjectLabelLatest.DATA_KIND, filter))
                .andNotExists(DSL.selectOne().from(newer).where(newerNorad.eq(ObjectLabelLatest.NORAD_ID))
                        .and(lane(newerLabel, newerKind, filter))
                        .and(newerEpoch.gt(ObjectLabelLatest.EPOCH).or(newerEpoch.eq(ObjectLabelLatest.EPOCH)
                                .and(newerPriority.gt(ObjectLabelLatest.SOURCE_PRIORITY)
                                        .or(newerPriority.eq(ObjectLabelLatest.SOURCE_PRIORITY)
                                                .and(newerOrbit.gt(ObjectLabelLatest.ORBIT_ID)))))))
                .asTable("space_object");
    }
}
