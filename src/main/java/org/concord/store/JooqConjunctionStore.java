package org.concord.store;

import static org.jooq.impl.DSL.noCondition;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.concord.catalog.Page;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionQuery;
import org.concord.conjunction.ConjunctionStore;
import org.concord.conjunction.ScreeningRun;
import org.concord.label.DataKind;
import org.concord.conjunction.InputAges;
import org.concord.conjunction.ScreeningRun.EphemerisSource;
import org.concord.conjunction.ScreeningRun.Staleness;
import org.concord.conjunction.ScreeningVolume;
import org.concord.conjunction.ScreeningVolume.RtnEllipsoid;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.store.Tables.Conj;
import org.concord.store.Tables.Run;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Screening runs and conjunctions in PostgreSQL or H2, through jOOQ. */
public final class JooqConjunctionStore implements ConjunctionStore {

    private static final Logger LOG = LoggerFactory.getLogger(JooqConjunctionStore.class);

    private final DSLContext dsl;
    private final LabelIds labelIds;

    public JooqConjunctionStore(Database database) {
        this(database, new LabelIds(database));
    }

    JooqConjunctionStore(Database database, LabelIds labelIds) {
        this.dsl = database.dsl();
        this.labelIds = labelIds;
    }

    @Override
    public ScreeningRun startRun(ScreeningRun run) {
        try {
            return dsl.transactionResult(() -> {
                DSLContext tx = dsl;
                long id = tx.insertInto(Run.T)
                        .set(Run.KIND, run.kind().name())
                        .set(Run.PRIMARY_NORAD_ID, run.primaryNoradId().orElse(null))
                        .set(Run.START_TIME, SqlValues.odt(run.start()))
                        .set(Run.WINDOW_SECONDS, run.window().toSeconds())
                        .set(Run.THRESHOLD_M, run.volume().broadPhaseRadiusMeters())
                        .set(Run.ELLIPSOID_RADIAL_M, ellipsoid(run).map(RtnEllipsoid::radialMeters).orElse(null))
                        .set(Run.ELLIPSOID_IN_TRACK_M, ellipsoid(run).map(RtnEllipsoid::inTrackMeters).orElse(null))
                        .set(Run.ELLIPSOID_CROSS_TRACK_M, ellipsoid(run).map(RtnEllipsoid::crossTrackMeters)
                                .orElse(null))
                        .set(Run.EPHEMERIS_NAME, run.ephemeris().map(EphemerisSource::name).orElse(null))
                        .set(Run.EPHEMERIS_SHA256, run.ephemeris().map(EphemerisSource::sha256).orElse(null))
                        .set(Run.REQUESTED_BY, run.requestedBy())
                        .set(Run.STARTED_AT, SqlValues.odt(run.startedAt()))
                        .set(Run.HEARTBEAT_AT, SqlValues.odt(run.startedAt()))
                        .set(Run.STATUS, ScreeningRun.Status.RUNNING.name())
                        .set(Run.PROGRESS, 0.0)
                        .returningResult(Run.ID).fetchOne().value1();
                // read back before the commit: a row this store cannot read must not be left behind
                return toRun(tx.select(Run.ALL).from(Run.T).where(Run.ID.eq(id)).fetchOne());
            });
        } catch (DataAccessException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("the screening run cannot be stored: the database does not keep its"
                    + " values as given (start " + run.start() + ", window " + run.window() + ")", e);
        }
    }

    private static Optional<RtnEllipsoid> ellipsoid(ScreeningRun run) {
        return run.volume() instanceof RtnEllipsoid e ? Optional.of(e) : Optional.empty();
    }

    @Override
    public void updateProgress(long runId, double progress) {
        dsl.update(Run.T).set(Run.PROGRESS, progress).where(Run.ID.eq(runId)).execute();
    }

    @Override
    public void finishRun(long runId, List<Conjunction> conjunctions, ScreeningRun.Figures figures) {
        Map<Label, Long> labels = labelIds.resolve(conjunctions.stream().map(Conjunction::label)
                .collect(Collectors.toSet()));
        dsl.transaction(() -> {
            DSLContext tx = dsl;
            CatalogVersion.takeWritersTurn(tx);
            insertBatch(tx, conjunctions, runId, labels);
            tx.update(Run.T)
                    .set(Run.STATUS, ScreeningRun.Status.DONE.name())
                    .set(Run.PROGRESS, 1.0)
                    .set(Run.FINISHED_AT, SqlValues.odt(Instant.now()))
                    .set(Run.OBJECTS_SCREENED, figures.objectsScreened())
                    .set(Run.OBJECTS_EXCLUDED, figures.objectsExcluded())
                    .set(Run.CANDIDATE_PAIRS, figures.candidatePairs())
                    .set(Run.CONJUNCTIONS, figures.conjunctions())
                    .set(Run.PROPAGATION_S, figures.propagationSeconds())
                    .set(Run.BROAD_PHASE_S, figures.broadPhaseSeconds())
                    .set(Run.REFINEMENT_S, figures.refinementSeconds())
                    .set(Run.RISK_S, figures.riskSeconds())
                    .set(Run.STORAGE_S, figures.storageSeconds())
                    .set(Run.ELEMENT_SETS, figures.staleness().map(Staleness::inputs).orElse(null))
                    .set(Run.STALE_ELEMENT_SETS, figures.staleness().map(Staleness::staleInputs).orElse(null))
                    .set(Run.YOUNGEST_ELEMENT_AGE_S, figures.staleness().map(a -> a.youngestAge().toSeconds())
                            .orElse(null))
                    .set(Run.OLDEST_ELEMENT_AGE_S, figures.staleness().map(a -> a.oldestAge().toSeconds())
                            .orElse(null))
                    .set(Run.PRIMARY_ELEMENT_AGE_S, figures.staleness().flatMap(Staleness::primaryAge)
                            .map(Duration::toSeconds).orElse(null))
                    .set(Run.PRIMARY_STALE, figures.staleness().map(Staleness::primaryStale).orElse(null))
                    .where(Run.ID.eq(runId))
                    .execute();
        });
    }

    @Override
    public void recordStorageTime(long runId, double seconds) {
        dsl.update(Run.T).set(Run.STORAGE_S, seconds).where(Run.ID.eq(runId)).execute();
    }

    @Override
    public void failRun(long runId, String error) {
        dsl.update(Run.T)
                .set(Run.STATUS, ScreeningRun.Status.FAILED.name())
                .set(Run.FINISHED_AT, SqlValues.odt(Instant.now()))
                .set(Run.ERROR, bounded(error))
                .where(Run.ID.eq(runId))
                .execute();
    }

    private static String bounded(String error) {
        return error.length() > 2048 ? error.substring(0, 2048) : error;
    }

    @Override
    public void heartbeat(long runId, Instant at) {
        dsl.update(Run.T).set(Run.HEARTBEAT_AT, SqlValues.odt(at))
                .where(Run.ID.eq(runId).and(Run.STATUS.eq(ScreeningRun.Status.RUNNING.name()))).execute();
    }

    @Override
    public int failStaleRuns(Instant heartbeatBefore, String error) {
        return dsl.update(Run.T)
                .set(Run.STATUS, ScreeningRun.Status.FAILED.name())
                .set(Run.FINISHED_AT, SqlValues.odt(Instant.now()))
                .set(Run.ERROR, bounded(error))
                .where(Run.STATUS.eq(ScreeningRun.Status.RUNNING.name()))
                .and(Run.HEARTBEAT_AT.isNull().or(Run.HEARTBEAT_AT.lt(SqlValues.odt(heartbeatBefore))))
                .execute();
    }

    @Override
    public Optional<ScreeningRun> findRun(long runId) {
        return readable(runId);
    }

    @Override
    public List<ScreeningRun> runs(int limit) {
        try {
            return dsl.select(Run.ALL).from(Run.T).orderBy(Run.ID.desc()).limit(limit).fetch()
                    .map(JooqConjunctionStore::toRun);
        } catch (DataAccessException | IllegalArgumentException | java.time.DateTimeException e) {
            // a row this version cannot read: read them one by one and leave it out
            return dsl.select(Run.ID).from(Run.T).orderBy(Run.ID.desc()).limit(limit).fetch(Run.ID).stream()
                    .map(this::readable).flatMap(Optional::stream).toList();
        }
    }

    /** The run, or empty (and a warning in the log) when it is not there or its row cannot be read. */
    private Optional<ScreeningRun> readable(long runId) {
        try {
            return dsl.select(Run.ALL).from(Run.T).where(Run.ID.eq(runId)).fetchOptional()
                    .map(JooqConjunctionStore::toRun);
        } catch (DataAccessException | IllegalArgumentException | java.time.DateTimeException e) {
            LOG.warn("screening run {} cannot be read and is left out: {}", runId, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<Conjunction> storeFromCdm(Conjunction conjunction, String cdmSha256) {
        long labelId = labelIds.idOf(conjunction.label());
        try {
            return dsl.transactionResult(() -> {
                DSLContext tx = dsl;
                CatalogVersion.takeWritersTurn(tx);
                if (tx.fetchExists(Conj.T, Conj.CDM_SHA256.eq(cdmSha256)
                        .and(Conj.LABEL_ORIGINATOR.eq(conjunction.label().originator())))) {
                    return Optional.<Conjunction>empty();
                }
                return Optional.of(insert(tx, conjunction, labelId, cdmSha256));
            });
        } catch (org.jooq.exception.DataAccessException e) {
            if (SqlValues.isUniqueViolation(e)) {
                return Optional.empty(); // the same CDM stored by a concurrent ingest
            }
            throw e;
        }
    }

    @Override
    public Optional<org.concord.label.Label> cdmLabel(String cdmSha256, String originator) {
        return dsl.select(Conj.LABEL_ORIGINATOR, Conj.LABEL_RELEASABILITY, Conj.LABEL_TLP, Conj.LABEL_CAVEATS,
                        Conj.LABEL_EXPIRY).from(Conj.T)
                .where(Conj.CDM_SHA256.eq(cdmSha256)).and(Conj.LABEL_ORIGINATOR.eq(originator))
                .fetchOptional(r -> LabelColumns.label(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5()));
    }

    private static final Field<?>[] INSERTED = {Conj.RUN_ID, Conj.PRIMARY_NORAD_ID, Conj.SECONDARY_NORAD_ID,
        Conj.PRIMARY_ORBIT_ID, Conj.SECONDARY_ORBIT_ID, Conj.TCA, Conj.MISS_M, Conj.RELATIVE_SPEED, Conj.RADIAL_M,
        Conj.IN_TRACK_M, Conj.CROSS_TRACK_M, Conj.PC, Conj.PC_METHOD, Conj.PC_SOURCE, Conj.PC_HBR_M, Conj.PC_STATEMENT,
        Conj.CDM_PC, Conj.CDM_PC_METHOD, Conj.CDM_PC_SOURCE, Conj.CDM_PC_HBR_M, Conj.CDM_PC_STATEMENT, Conj.CDM,
        Conj.CDM_SHA256, Conj.LABEL_ORIGINATOR, Conj.LABEL_RELEASABILITY, Conj.LABEL_TLP, Conj.LABEL_CAVEATS,
        Conj.LABEL_EXPIRY, Conj.LABEL_ID, Conj.PRIMARY_LABEL_ID, Conj.SECONDARY_LABEL_ID, Conj.PRIMARY_ELEMENT_AGE_S,
        Conj.SECONDARY_ELEMENT_AGE_S, Conj.STALE};

    /** The label id of each of these orbit records: a conjunction remembers its inputs' labels. */
    private static Map<Long, Long> inputLabels(DSLContext tx, List<Conjunction> conjunctions) {
        List<Long> orbitIds = conjunctions.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.primaryOrbitId(), c.secondaryOrbitId()))
                .flatMap(Optional::stream).distinct().toList();
        Map<Long, Long> labels = new HashMap<>();
        for (int from = 0; from < orbitIds.size(); from += 1000) {
            tx.select(Tables.Orbit.ID, Tables.Orbit.LABEL_ID).from(Tables.Orbit.T)
                    .where(Tables.Orbit.ID.in(orbitIds.subList(from, Math.min(orbitIds.size(), from + 1000))))
                    .forEach(r -> labels.put(r.value1(), r.value2()));
        }
        return labels;
    }

    /** One prepared statement, bound once per conjunction: a screening can find tens of thousands. */
    private static void insertBatch(DSLContext tx, List<Conjunction> conjunctions, long runId,
                                    Map<Label, Long> labelIds) {
        Map<Long, Long> inputLabels = inputLabels(tx, conjunctions);
        Object[] nulls = new Object[INSERTED.length];
        for (int from = 0; from < conjunctions.size(); from += 5000) {
            org.jooq.BatchBindStep batch = tx.batch(tx.insertInto(Conj.T).columns(INSERTED).values(nulls));
            for (Conjunction c : conjunctions.subList(from, Math.min(conjunctions.size(), from + 5000))) {
                Label l = c.label();
                batch = batch.bind(runId, c.primaryNoradId(), c.secondaryNoradId(), c.primaryOrbitId().orElse(null),
                        c.secondaryOrbitId().orElse(null), SqlValues.odt(c.tca()), c.missDistanceMeters(),
                        c.relativeSpeedMetersPerSecond(), c.radialMeters(), c.inTrackMeters(), c.crossTrackMeters(),
                        c.risk().map(CollisionRisk::probability).orElse(null),
                        c.risk().map(CollisionRisk::method).orElse(null),
                        c.risk().map(r -> r.source().name()).orElse(null),
                        c.risk().map(CollisionRisk::combinedHardBodyRadiusMeters).orElse(null),
                        c.risk().map(CollisionRisk::statement).orElse(null),
                        c.cdmRisk().map(CollisionRisk::probability).orElse(null),
                        c.cdmRisk().map(CollisionRisk::method).orElse(null),
                        c.cdmRisk().map(r -> r.source().name()).orElse(null),
                        c.cdmRisk().map(CollisionRisk::combinedHardBodyRadiusMeters).orElse(null),
                        c.cdmRisk().map(CollisionRisk::statement).orElse(null), c.cdm().orElse(null), null,
                        l.originator(), l.releasability().toString(), l.tlp().code(), String.join(",", l.caveats()),
                        l.expiry().map(SqlValues::odt).orElse(null), labelIds.get(l),
                        c.primaryOrbitId().map(inputLabels::get).orElse(null),
                        c.secondaryOrbitId().map(inputLabels::get).orElse(null),
                        c.inputAges().map(a -> a.primary().toSeconds()).orElse(null),
                        c.inputAges().map(a -> a.secondary().toSeconds()).orElse(null),
                        c.inputAges().map(InputAges::stale).orElse(null));
            }
            batch.execute();
        }
    }

    private static Conjunction insert(DSLContext tx, Conjunction c, long labelId, String cdmSha256) {
        Map<Long, Long> inputLabels = inputLabels(tx, List.of(c));
        Label l = c.label();
        long id = tx.insertInto(Conj.T)
                .set(Conj.RUN_ID, c.screeningRunId().orElse(null))
                .set(Conj.PRIMARY_NORAD_ID, c.primaryNoradId())
                .set(Conj.SECONDARY_NORAD_ID, c.secondaryNoradId())
                .set(Conj.PRIMARY_ORBIT_ID, c.primaryOrbitId().orElse(null))
                .set(Conj.SECONDARY_ORBIT_ID, c.secondaryOrbitId().orElse(null))
                .set(Conj.TCA, SqlValues.odt(c.tca()))
                .set(Conj.MISS_M, c.missDistanceMeters())
                .set(Conj.RELATIVE_SPEED, c.relativeSpeedMetersPerSecond())
                .set(Conj.RADIAL_M, c.radialMeters())
                .set(Conj.IN_TRACK_M, c.inTrackMeters())
                .set(Conj.CROSS_TRACK_M, c.crossTrackMeters())
                .set(Conj.PC, c.risk().map(CollisionRisk::probability).orElse(null))
                .set(Conj.PC_METHOD, c.risk().map(CollisionRisk::method).orElse(null))
                .set(Conj.PC_SOURCE, c.risk().map(r -> r.source().name()).orElse(null))
                .set(Conj.PC_HBR_M, c.risk().map(CollisionRisk::combinedHardBodyRadiusMeters).orElse(null))
                .set(Conj.PC_STATEMENT, c.risk().map(CollisionRisk::statement).orElse(null))
                .set(Conj.CDM_PC, c.cdmRisk().map(CollisionRisk::probability).orElse(null))
                .set(Conj.CDM_PC_METHOD, c.cdmRisk().map(CollisionRisk::method).orElse(null))
                .set(Conj.CDM_PC_SOURCE, c.cdmRisk().map(r -> r.source().name()).orElse(null))
                .set(Conj.CDM_PC_HBR_M, c.cdmRisk().map(CollisionRisk::combinedHardBodyRadiusMeters).orElse(null))
                .set(Conj.CDM_PC_STATEMENT, c.cdmRisk().map(CollisionRisk::statement).orElse(null))
                .set(Conj.CDM, c.cdm().orElse(null))
                .set(Conj.CDM_SHA256, cdmSha256)
                .set(Conj.LABEL_ORIGINATOR, l.originator())
                .set(Conj.LABEL_RELEASABILITY, l.releasability().toString())
                .set(Conj.LABEL_TLP, l.tlp().code())
                .set(Conj.LABEL_CAVEATS, String.join(",", l.caveats()))
                .set(Conj.LABEL_EXPIRY, l.expiry().map(SqlValues::odt).orElse(null))
                .set(Conj.LABEL_ID, labelId)
                .set(Conj.PRIMARY_LABEL_ID, c.primaryOrbitId().map(inputLabels::get).orElse(null))
                .set(Conj.SECONDARY_LABEL_ID, c.secondaryOrbitId().map(inputLabels::get).orElse(null))
                .set(Conj.PRIMARY_ELEMENT_AGE_S, c.inputAges().map(a -> a.primary().toSeconds()).orElse(null))
                .set(Conj.SECONDARY_ELEMENT_AGE_S, c.inputAges().map(a -> a.secondary().toSeconds()).orElse(null))
                .set(Conj.STALE, c.inputAges().map(InputAges::stale).orElse(null))
                .returningResult(Conj.ID).fetchOne().value1();
        return new Conjunction(id, c.primaryNoradId(), c.secondaryNoradId(), c.primaryOrbitId(),
                c.secondaryOrbitId(), c.tca(), c.missDistanceMeters(), c.relativeSpeedMetersPerSecond(),
                c.radialMeters(), c.inTrackMeters(), c.crossTrackMeters(), c.risk(), c.cdmRisk(),
                c.screeningRunId(), c.cdm(), c.label(), c.inputAges());
    }

    @Override
    public Optional<Conjunction> findConjunction(long id, LabelFilter filter) {
        return dsl.select(Conj.ALL).from(Conj.T).where(Conj.ID.eq(id)).and(visible(filter)).fetchOptional()
                .map(JooqConjunctionStore::toConjunction);
    }

    /** A conjunction is visible where its own label is, and the labels of both its input orbits (if any). */
    static Condition visible(LabelFilter filter) {
        if (filter.unrestricted()) {
            return noCondition();
        }
        return LabelConditions.admitted(Conj.LABEL_ID, filter, DataKind.CONJUNCTIONS)
                .and(Conj.PRIMARY_LABEL_ID.isNull()
                        .or(LabelConditions.admitted(Conj.PRIMARY_LABEL_ID, filter, DataKind.ORBITS)))
                .and(Conj.SECONDARY_LABEL_ID.isNull()
                        .or(LabelConditions.admitted(Conj.SECONDARY_LABEL_ID, filter, DataKind.ORBITS)));
    }

    @Override
    public Page<Conjunction> findConjunctions(ConjunctionQuery q, LabelFilter filter) {
        Condition where = visible(filter);
        if (q.noradId().isPresent()) {
            long id = q.noradId().get();
            where = where.and(Conj.PRIMARY_NORAD_ID.eq(id).or(Conj.SECONDARY_NORAD_ID.eq(id)));
        }
        if (q.tcaFrom().isPresent()) {
            where = where.and(Conj.TCA.ge(SqlValues.odt(q.tcaFrom().get())));
        }
        if (q.tcaTo().isPresent()) {
            where = where.and(Conj.TCA.le(SqlValues.odt(q.tcaTo().get())));
        }
        if (q.maxMissDistanceMeters().isPresent()) {
            where = where.and(Conj.MISS_M.le(q.maxMissDistanceMeters().get()));
        }
        if (q.minProbability().isPresent()) {
            where = where.and(Conj.PC.ge(q.minProbability().get()));
        }
        if (q.screeningRunId().isPresent()) {
            where = where.and(Conj.RUN_ID.eq(q.screeningRunId().get()));
        }
        long total = dsl.fetchCount(Conj.T, where);
        var order = q.sort() == ConjunctionQuery.Sort.PC
                ? List.of(Conj.PC.desc().nullsLast(), Conj.TCA.asc(), Conj.ID.asc())
                : List.of(Conj.TCA.asc(), Conj.ID.asc());
        List<Conjunction> items = dsl.select(Conj.ALL).from(Conj.T).where(where).orderBy(order).limit(q.limit())
                .offset(q.offset()).fetch().map(JooqConjunctionStore::toConjunction);
        Optional<String> next = q.offset() + items.size() < total
                ? Optional.of(Integer.toString(q.offset() + items.size())) : Optional.empty();
        return new Page<>(items, total, next);
    }

    private static ScreeningRun toRun(Record r) {
        Optional<ScreeningRun.Figures> figures = r.get(Run.CONJUNCTIONS) == null ? Optional.empty()
                : Optional.of(new ScreeningRun.Figures(r.get(Run.OBJECTS_SCREENED), r.get(Run.OBJECTS_EXCLUDED),
                r.get(Run.CANDIDATE_PAIRS), r.get(Run.CONJUNCTIONS), r.get(Run.PROPAGATION_S),
                r.get(Run.BROAD_PHASE_S), r.get(Run.REFINEMENT_S), r.get(Run.RISK_S), r.get(Run.STORAGE_S),
                r.get(Run.ELEMENT_SETS) == null ? Optional.empty() : Optional.of(new Staleness(r.get(Run.ELEMENT_SETS),
                        r.get(Run.STALE_ELEMENT_SETS), Duration.ofSeconds(r.get(Run.YOUNGEST_ELEMENT_AGE_S)),
                        Duration.ofSeconds(r.get(Run.OLDEST_ELEMENT_AGE_S)),
                        Optional.ofNullable(r.get(Run.PRIMARY_ELEMENT_AGE_S)).map(Duration::ofSeconds),
                        r.get(Run.PRIMARY_STALE)))));
        ScreeningVolume volume = r.get(Run.ELLIPSOID_RADIAL_M) == null
                ? new ScreeningVolume.Sphere(r.get(Run.THRESHOLD_M)) : new RtnEllipsoid(r.get(Run.ELLIPSOID_RADIAL_M), r.get(Run.ELLIPSOID_IN_TRACK_M),
                r.get(Run.ELLIPSOID_CROSS_TRACK_M));
        Optional<EphemerisSource> ephemeris = Optional.ofNullable(r.get(Run.EPHEMERIS_NAME))
                .map(name -> new EphemerisSource(name, r.get(Run.EPHEMERIS_SHA256)));
        return new ScreeningRun(r.get(Run.ID), ScreeningRun.Kind.valueOf(r.get(Run.KIND)),
                Optional.ofNullable(r.get(Run.PRIMARY_NORAD_ID)), r.get(Run.START_TIME).toInstant(),
                Duration.ofSeconds(r.get(Run.WINDOW_SECONDS)), volume, ephemeris, r.get(Run.REQUESTED_BY),
                r.get(Run.STARTED_AT).toInstant(), ScreeningRun.Status.valueOf(r.get(Run.STATUS)),
                r.get(Run.PROGRESS), Optional.ofNullable(r.get(Run.FINISHED_AT)).map(OffsetDateTime::toInstant),
                figures, Optional.ofNullable(r.get(Run.ERROR)));
    }

    static Conjunction toConjunction(Record r) {
        return new Conjunction(r.get(Conj.ID), r.get(Conj.PRIMARY_NORAD_ID), r.get(Conj.SECONDARY_NORAD_ID),
                Optional.ofNullable(r.get(Conj.PRIMARY_ORBIT_ID)), Optional.ofNullable(r.get(Conj.SECONDARY_ORBIT_ID)),
                r.get(Conj.TCA).toInstant(), r.get(Conj.MISS_M), r.get(Conj.RELATIVE_SPEED), r.get(Conj.RADIAL_M),
                r.get(Conj.IN_TRACK_M), r.get(Conj.CROSS_TRACK_M),
                risk(r, Conj.PC, Conj.PC_METHOD, Conj.PC_SOURCE, Conj.PC_HBR_M, Conj.PC_STATEMENT),
                risk(r, Conj.CDM_PC, Conj.CDM_PC_METHOD, Conj.CDM_PC_SOURCE, Conj.CDM_PC_HBR_M, Conj.CDM_PC_STATEMENT),
                Optional.ofNullable(r.get(Conj.RUN_ID)), Optional.ofNullable(r.get(Conj.CDM)),
                LabelColumns.label(r.get(Conj.LABEL_ORIGINATOR), r.get(Conj.LABEL_RELEASABILITY),
                        r.get(Conj.LABEL_TLP), r.get(Conj.LABEL_CAVEATS), r.get(Conj.LABEL_EXPIRY)),
                r.get(Conj.STALE) == null ? Optional.empty() : Optional.of(new InputAges(
                        Duration.ofSeconds(r.get(Conj.PRIMARY_ELEMENT_AGE_S)),
                        Duration.ofSeconds(r.get(Conj.SECONDARY_ELEMENT_AGE_S)), r.get(Conj.STALE))));
    }

    private static Optional<CollisionRisk> risk(Record r, Field<Double> pc, Field<String> method,
                                                Field<String> source, Field<Double> hbr, Field<String> statement) {
        if (r.get(pc) == null) {
            return Optional.empty();
        }
        return Optional.of(new CollisionRisk(r.get(pc), r.get(method),
                org.concord.risk.CovarianceSource.valueOf(r.get(source)),
                r.get(hbr) == null ? Double.NaN : r.get(hbr), r.get(statement) == null ? "" : r.get(statement)));
    }
}
