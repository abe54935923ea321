package org.concord.store;

import static org.concord.store.LabelConditions.admitted;
import static org.concord.store.LabelConditions.orbitVisible;
import static org.concord.store.OrbitRows.orbitFields;
import static org.concord.store.RenderedQueries.noradIdParam;
import static org.concord.store.SqlValues.odt;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.CatalogFreshness;
import org.concord.catalog.CatalogStatistics;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.IngestBatch;
import org.concord.catalog.IngestOutcome;
import org.concord.catalog.LatestOrbitChoice;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Page;
import org.concord.catalog.RecallOutcome;
import org.concord.catalog.RelabelOutcome;
import org.concord.catalog.SpaceObject;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.store.Tables.IngestSource;
import org.concord.store.Tables.Orbit;
import org.concord.store.Tables.PartyRow;
import org.concord.store.Tables.Satcat;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The catalog in PostgreSQL or H2, through jOOQ: ingest writes in {@link CatalogWriter}, object reads in
 * {@link ObjectQueries}, recall and re-label in {@link RecordWithdrawals}; orbit reads and summaries here.
 */
public final class JooqCatalogStore implements CatalogStore {

    private static final Table<?> OBJ = Tables.SpaceObject.T;

    private final Database database;
    private final DSLContext dsl;
    private final LabelIds labelIds;
    private final RenderedQueries rendered;
    private final CatalogWriter writer;
    private final ObjectQueries objects;

    public JooqCatalogStore(Database database) {
        this(database, new LabelIds(database));
    }

    JooqCatalogStore(Database database, LabelIds labelIds) {
        this.database = database;
        this.dsl = database.dsl();
        this.labelIds = labelIds;
        this.rendered = new RenderedQueries(dsl);
        this.writer = new CatalogWriter(database, labelIds);
        this.objects = new ObjectQueries(database, rendered);
    }

    /** The object reads of this catalog, with their catalog view (shared by {@link JooqCatalogScan}). */
    ObjectQueries objectQueries() {
        return objects;
    }

    @Override
    public IngestOutcome store(IngestBatch batch) {
        return writer.store(batch);
    }

    /**
     * One statement as a rule. Unrestricted, or when the caller may see the object's newest orbit, the object as
     * stored; when this catalog view knows the newest is hidden from the caller, the object with its newest visible
     * orbit (known from the view) instead. Otherwise (a forbidden or missing object, or a change by another process
     * the view does not show yet) a second statement ranks the object's visible lanes.
     */
    @Override
    public Optional<SpaceObject> findObject(long noradId, LabelFilter filter) {
        return objects.findObject(noradId, filter);
    }

    /**
     * Unrestricted, one query. Restricted, two: the objects whose newest orbit the caller may see, straight from
     * {@code space_object} (as fast as the unrestricted query), and the objects whose newest orbit is hidden from it
     * with their newest visible orbit instead (usually few); each sorted and cut to the page, then merged. Sorted by
     * name, where the database's collation decides the order, the two are merged in SQL instead.
     */
    @Override
    public Page<SpaceObject> findObjects(ObjectQuery q, LabelFilter filter) {
        return objects.findObjects(q, filter);
    }

    /** The source priority of an orbit record's originator: 0 when it is not a registered party. */
    static final Field<Integer> SOURCE_PRIORITY = coalesce(PartyRow.SOURCE_PRIORITY, 0);

    @Override
    public List<OrbitRecord> orbitHistory(long noradId, LabelFilter filter) {
        return rendered.fetch("orbit history", filter, Map.of("noradId", noradId),
                () -> orbitSelect().leftJoin(PartyRow.T).on(PartyRow.CODE.eq(Orbit.LABEL_ORIGINATOR))
                        .where(Orbit.NORAD_ID.eq(noradIdParam())).and(orbitVisible(filter))
                        .orderBy(Orbit.EPOCH.desc(), SOURCE_PRIORITY.desc(), Orbit.ID.desc()))
                .map(OrbitRows::toOrbit);
    }

    @Override
    public LatestOrbitChoice latestOrbitChoice(OrbitRecord latest, LabelFilter filter) {
        List<LatestOrbitChoice.Source> atEpoch = rendered.fetch("sources at an epoch", filter,
                        Map.of("noradId", latest.noradId(), "epoch", odt(latest.epoch())),
                        () -> dsl.select(Orbit.ID, Orbit.LABEL_ORIGINATOR, SOURCE_PRIORITY)
                                .from(Orbit.T).leftJoin(PartyRow.T).on(PartyRow.CODE.eq(Orbit.LABEL_ORIGINATOR))
                                .where(Orbit.NORAD_ID.eq(noradIdParam()))
                                .and(Orbit.EPOCH.eq(DSL.param("epoch", OffsetDateTime.class)))
                                .and(orbitVisible(filter))
                                .orderBy(SOURCE_PRIORITY.desc(), Orbit.ID.desc()))
                .map(r -> new LatestOrbitChoice.Source(r.get(Orbit.ID), r.get(Orbit.LABEL_ORIGINATOR),
                        r.get(SOURCE_PRIORITY)));
        LatestOrbitChoice.Source chosen = new LatestOrbitChoice.Source(latest.id(), latest.label().originator(),
                atEpoch.stream().filter(a -> a.orbitId() == latest.id()).findFirst()
                        .map(LatestOrbitChoice.Source::priority).orElse(0));
        return new LatestOrbitChoice(chosen, latest.epoch(),
                atEpoch.stream().filter(a -> a.orbitId() != latest.id()).toList());
    }

    @Override
    public RecallOutcome recall(String contentSha256, String originator) {
        try {
            return dsl.transactionResult(() -> RecordWithdrawals.recall(dsl, contentSha256, originator));
        } finally {
            database.catalogChangedHere();
        }
    }

    @Override
    public RelabelOutcome relabel(String contentSha256, String originator, Label label) {
        long newLabelId = labelIds.idOf(label);
        try {
            return dsl.transactionResult(() -> RecordWithdrawals.relabel(dsl, contentSha256, originator, label,
                    newLabelId));
        } finally {
            database.catalogChangedHere();
        }
    }

    @Override
    public Optional<OrbitRecord> findOrbit(long orbitId, LabelFilter filter) {
        return orbitSelect().where(Orbit.ID.eq(orbitId)).and(orbitVisible(filter)).fetchOptional()
                .map(OrbitRows::toOrbit);
    }

    @Override
    public List<OrbitRecord> latestOrbits(LabelFilter filter) {
        return orbitSelect().join(objects.visibleObjects(filter)).on(Tables.SpaceObject.LATEST_ORBIT_ID.eq(Orbit.ID))
                .where(orbitVisible(filter)).orderBy(Orbit.NORAD_ID).fetch().map(OrbitRows::toOrbit);
    }

    @Override
    public java.util.Set<Long> objectsWithSeveralElementSets() {
        return dsl.select(Orbit.NORAD_ID).from(Orbit.T).where(Orbit.ORBIT_KIND.eq(org.concord.catalog.OrbitKind.MEAN_ELEMENTS.name()))
                .groupBy(Orbit.NORAD_ID).having(DSL.count().gt(1)).fetchSet(Orbit.NORAD_ID);
    }

    private org.jooq.SelectOnConditionStep<Record> orbitSelect() {
        return dsl.select(orbitFields()).from(Orbit.T).join(IngestSource.T).on(IngestSource.ID.eq(Orbit.SOURCE_ID));
    }


    @Override
    public boolean fillDecayDate(long noradId, java.time.LocalDate decayDate, org.concord.label.Label evidence,
                                 String source) {
        try {
            return dsl.transactionResult(() -> {
                org.jooq.Record entry = dsl.select(Satcat.DECAY_DATE, Satcat.FIELD_SOURCES, Satcat.LABEL_ORIGINATOR,
                                Satcat.LABEL_RELEASABILITY, Satcat.LABEL_TLP, Satcat.LABEL_CAVEATS, Satcat.LABEL_EXPIRY)
                        .from(Satcat.T).where(Satcat.NORAD_ID.eq(noradId)).forUpdate().fetchOne();
                if (entry == null || entry.get(Satcat.DECAY_DATE) != null) {
                    return false;
                }
                org.concord.label.Label entryLabel = LabelColumns.label(entry.get(Satcat.LABEL_ORIGINATOR),
                        entry.get(Satcat.LABEL_RELEASABILITY), entry.get(Satcat.LABEL_TLP),
                        entry.get(Satcat.LABEL_CAVEATS), entry.get(Satcat.LABEL_EXPIRY));
                if (!entryLabel.wideningsOver(evidence).isEmpty()) {
                    return false;
                }
                String held = Optional.ofNullable(entry.get(Satcat.FIELD_SOURCES)).orElse("");
                String added = (held.isEmpty() ? "" : held + ";") + "decayDate="
                        + SqlValues.truncate(source.replace(";", ",").replace("=", ":"), 256);
                CatalogVersion.raise(dsl);
                return dsl.update(Satcat.T).set(Satcat.DECAY_DATE, decayDate)
                        .set(Satcat.FIELD_SOURCES, added.length() <= 1024 ? added : held.isEmpty() ? null : held)
                        .where(Satcat.NORAD_ID.eq(noradId)).and(Satcat.DECAY_DATE.isNull()).execute() == 1;
            });
        } finally {
            database.catalogChangedHere();
        }
    }

    @Override
    public Optional<Long> noradIdOf(String internationalDesignator) {
        String d = internationalDesignator.trim().toUpperCase(Locale.ROOT);
        Optional<Long> fromObjects = dsl.select(Tables.SpaceObject.NORAD_ID).from(OBJ)
                .where(Tables.SpaceObject.INTL_DESIGNATOR.eq(d)).limit(1).fetchOptional(Tables.SpaceObject.NORAD_ID);
        if (fromObjects.isPresent()) {
            return fromObjects;
        }
        return dsl.select(Satcat.NORAD_ID).from(Satcat.T).where(Satcat.INTL_DESIGNATOR.eq(d)).limit(1)
                .fetchOptional(Satcat.NORAD_ID);
    }

    @Override
    public CatalogStatistics statistics(LabelFilter filter) {
        Table<?> visible = objects.visibleObjects(filter);
        long objectCount = dsl.fetchCount(visible);
        long orbits = dsl.fetchCount(Orbit.T, orbitVisible(filter));
        long satcat = dsl.fetchCount(Satcat.T, admitted(Satcat.LABEL_ID, filter, DataKind.ORBITS));
        Optional<Instant> newest = dsl.select(Orbit.EPOCH).from(visible).join(Orbit.T)
                .on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID)).orderBy(Orbit.EPOCH.desc()).limit(1)
                .fetchOptional(Orbit.EPOCH).map(OffsetDateTime::toInstant);
        Optional<Instant> median = objectCount == 0 ? Optional.empty()
                : dsl.select(Orbit.EPOCH).from(visible).join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                .orderBy(Orbit.EPOCH).limit(1).offset(objectCount / 2).fetchOptional(Orbit.EPOCH)
                .map(OffsetDateTime::toInstant);
        return new CatalogStatistics(objectCount, orbits, satcat, newest, median);
    }

    @Override
    public CatalogFreshness freshness(LabelFilter filter, Instant now) {
        Table<?> visible = objects.visibleObjects(filter);
        Field<OffsetDateTime> newestState = coalesce(Orbit.COVERAGE_STOP, Orbit.EPOCH);
        List<Field<Integer>> counts = new ArrayList<>();
        counts.add(count());
        CatalogFreshness.AGES.forEach(age -> counts.add(count().filterWhere(newestState.lt(odt(now.minus(age))))));
        Record r = dsl.select(counts).from(visible).join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                .fetchOne();
        return new CatalogFreshness(now, r.get(counts.get(0)), r.get(counts.get(1)), r.get(counts.get(2)),
                r.get(counts.get(3)));
    }
}
