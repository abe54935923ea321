package org.concord.store;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;

import org.concord.catalog.CatalogScan;
import org.concord.catalog.ObjectFacts;
import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.OrbitSummary;
import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.concord.store.Tables.Orbit;
import org.concord.store.Tables.PartyRow;
import org.concord.store.Tables.Satcat;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The catalog's whole-catalog reads, streamed from a cursor inside one read transaction (PostgreSQL fetches a
 * cursor in parts only inside a transaction), with the label filter of {@link JooqCatalogStore} in SQL
 * ({@link LabelConditions}).
 */
public final class JooqCatalogScan implements CatalogScan {

    /** Rows fetched at a time. */
    private static final int FETCH_SIZE = 500;

    private final DSLContext dsl;
    private final ObjectQueries objects;

    public JooqCatalogScan(Database database, JooqCatalogStore catalog) {
        this.dsl = database.dsl();
        this.objects = catalog.objectQueries();
    }

    @Override
    public void eachObject(LabelFilter filter, Consumer<ObjectFacts> facts) {
        Table<?> visible = objects.visibleObjects(filter);
        Field<OffsetDateTime> newestState = DSL.coalesce(Orbit.COVERAGE_STOP, Orbit.EPOCH).as("newest_state");
        Field<Long> satcatNorad = Satcat.NORAD_ID.as("satcat_norad_id");
        Field<Long> noradId = Tables.SpaceObject.NORAD_ID;
        stream(tx -> tx.select(noradId, Orbit.PERIGEE_KM, Orbit.APOGEE_KM, Orbit.INCLINATION_DEG, Orbit.PERIOD_MIN,
                                Orbit.ECCENTRICITY, newestState, satcatNorad, Satcat.OBJECT_TYPE, Satcat.OWNER,
                                Satcat.DECAY_DATE)
                        .from(visible).join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                        .leftJoin(Satcat.T).on(Satcat.NORAD_ID.eq(noradId)
                                .and(LabelConditions.admitted(Satcat.LABEL_ID, filter, DataKind.ORBITS))),
                r -> facts.accept(new ObjectFacts(r.get(noradId),
                        r.get(satcatNorad) == null ? Optional.empty() : Optional.of(satcat(r)),
                        Optional.of(new ObjectFacts.Orbit(new OrbitSummary(r.get(Orbit.PERIGEE_KM),
                                r.get(Orbit.APOGEE_KM), r.get(Orbit.INCLINATION_DEG), r.get(Orbit.PERIOD_MIN),
                                r.get(Orbit.ECCENTRICITY)), r.get(newestState).toInstant())))));
        stream(tx -> tx.select(Satcat.NORAD_ID, Satcat.OBJECT_TYPE, Satcat.OWNER, Satcat.DECAY_DATE)
                        .from(Satcat.T)
                        .where(LabelConditions.admitted(Satcat.LABEL_ID, filter, DataKind.ORBITS))
                        .andNotExists(DSL.selectOne().from(objects.visibleObjects(filter))
                                .where(Tables.SpaceObject.NORAD_ID.eq(Satcat.NORAD_ID))),
                r -> facts.accept(new ObjectFacts(r.get(Satcat.NORAD_ID), Optional.of(satcat(r)),
                        Optional.empty())));
    }

    private static ObjectFacts.Satcat satcat(Record r) {
        return new ObjectFacts.Satcat(r.get(Satcat.OBJECT_TYPE), Optional.ofNullable(r.get(Satcat.OWNER)),
                Optional.ofNullable(r.get(Satcat.DECAY_DATE)));
    }

    /**
     * Ranks each object's admitted mean-element records as {@link CatalogStore#orbitHistory} orders them (newest epoch,
     * higher source priority, higher id) in SQL, and reads only the first of each.
     */
    @Override
    public void eachLatestMeanElements(LabelFilter filter, Consumer<OrbitRecord> records) {
        Field<Long> rankedId = Orbit.ID.as("ranked_id");
        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(Orbit.NORAD_ID)
                .orderBy(Orbit.EPOCH.desc(), JooqCatalogStore.SOURCE_PRIORITY.desc(), Orbit.ID.desc())).as("latest_rank");
        Table<?> ranked = DSL.select(rankedId, rank).from(Orbit.T)
                .leftJoin(PartyRow.T).on(PartyRow.CODE.eq(Orbit.LABEL_ORIGINATOR))
                .where(Orbit.ORBIT_KIND.eq(OrbitKind.MEAN_ELEMENTS.name()))
                .and(LabelConditions.orbitVisible(filter))
                .asTable("ranked");
        Field<Long> firstId = DSL.field(DSL.unquotedName("ranked", "ranked_id"), Long.class);
        Field<Integer> firstRank = DSL.field(DSL.unquotedName("ranked", "latest_rank"), Integer.class);
        stream(tx -> tx.select(OrbitRows.orbitFields()).from(Orbit.T)
                        .join(Tables.IngestSource.T).on(Tables.IngestSource.ID.eq(Orbit.SOURCE_ID))
                        .join(ranked).on(firstId.eq(Orbit.ID)).and(firstRank.eq(1))
                        .orderBy(Orbit.NORAD_ID),
                r -> records.accept(OrbitRows.toOrbit(r)));
    }

    private <R extends Record> void stream(java.util.function.Function<DSLContext, ResultQuery<R>> query,
                                           Consumer<R> row) {
        dsl.transaction(configuration -> {
            try (Cursor<R> cursor = query.apply(DSL.using(configuration)).fetchSize(FETCH_SIZE).fetchLazy()) {
                cursor.forEach(row);
            }
        });
    }
}
