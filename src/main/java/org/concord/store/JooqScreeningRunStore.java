package org.concord.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionKind;
import org.concord.conjunction.StoredConjunctions;
import org.concord.label.Label;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningRun.EphemerisSource;
import org.concord.screening.ScreeningRun.Staleness;
import org.concord.screening.ScreeningRunStore;
import org.concord.screening.ScreeningVolume;
import org.concord.screening.ScreeningVolume.RtnEllipsoid;
import org.concord.store.Tables.Run;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Screening runs in PostgreSQL or H2, through jOOQ; a finished run's conjunctions through the product store. */
public final class JooqScreeningRunStore implements ScreeningRunStore {

    private static final Logger LOG = LoggerFactory.getLogger(JooqScreeningRunStore.class);

    private final DSLContext dsl;
    private final LabelIds labelIds;
    private final JooqProductStore products;
    private final ProductTable<Conjunction> table;

    /** Runs here; the conjunctions a run finds through the product store, as the kind {@link ConjunctionKind}. */
    public JooqScreeningRunStore(Database database, JooqProductStore products) {
        this.dsl = database.dsl();
        this.labelIds = new LabelIds(database);
        this.products = products;
        this.table = products.table(ConjunctionKind.INSTANCE);
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
                        .set(Run.FOR_PARTY, run.forParty().orElse(null))
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
    public StoredConjunctions finishRun(long runId, List<Conjunction> conjunctions, ScreeningRun.Figures figures) {
        Map<Label, Long> labels = labelIds.resolve(conjunctions.stream().map(Conjunction::label)
                .collect(Collectors.toSet()));
        List<Product<Conjunction>> given = conjunctions.stream()
                .map(c -> ConjunctionKind.product(c.inRun(runId), Optional.empty())).toList();
        Map<ProductInput, Long> inputLabelIds = new HashMap<>();
        StoredConjunctions stored = dsl.transactionResult(() -> {
            DSLContext tx = dsl;
            CatalogVersion.takeWritersTurn(tx);
            Map<ProductInput, JooqProductStore.StoredInput> inputs = products.storedInputs(tx, given.stream()
                    .flatMap(p -> p.inputs().stream()).distinct().toList());
            inputs.forEach((input, in) -> inputLabelIds.put(new ProductInput(input.role(), in.kind(), input.id()),
                    in.labelId()));
            List<Product<Conjunction>> inserted = products.insert(tx, table, given, labels, inputs);
            OffsetDateTime startedAt = tx.select(Run.STARTED_AT).from(Run.T).where(Run.ID.eq(runId))
                    .fetchOptional(Run.STARTED_AT).orElseThrow(() -> new IllegalArgumentException(
                            "no screening run " + runId));
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
            return new StoredConjunctions(products.asRead(table, inserted), Optional.of(startedAt.toInstant()),
                    Map.of());
        });
        // the inputs' labels, read by id once for the few distinct labels (committed: stored before their rows)
        Map<Long, Label> byId = labelIds.labels(new java.util.HashSet<>(inputLabelIds.values()));
        Map<ProductInput, Label> inputLabels = new HashMap<>();
        inputLabelIds.forEach((input, id) -> inputLabels.put(input, byId.get(id)));
        return new StoredConjunctions(stored.conjunctions(), stored.computedAt(), inputLabels);
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
        return runs(org.jooq.impl.DSL.noCondition(), limit);
    }

    @Override
    public List<ScreeningRun> runsFor(String party, int limit) {
        return runs(Run.FOR_PARTY.eq(party), limit);
    }

    private List<ScreeningRun> runs(org.jooq.Condition which, int limit) {
        try {
            return dsl.select(Run.ALL).from(Run.T).where(which).orderBy(Run.ID.desc()).limit(limit).fetch()
                    .map(JooqScreeningRunStore::toRun);
        } catch (DataAccessException | IllegalArgumentException | java.time.DateTimeException e) {
            // a row this version cannot read: read them one by one and leave it out
            return dsl.select(Run.ID).from(Run.T).where(which).orderBy(Run.ID.desc()).limit(limit).fetch(Run.ID)
                    .stream().map(this::readable).flatMap(Optional::stream).toList();
        }
    }

    @Override
    public int runningFor(String party) {
        return dsl.fetchCount(Run.T, Run.FOR_PARTY.eq(party).and(Run.STATUS.eq(ScreeningRun.Status.RUNNING.name())));
    }

    /** The run, or empty (and a warning in the log) when it is not there or its row cannot be read. */
    private Optional<ScreeningRun> readable(long runId) {
        try {
            return dsl.select(Run.ALL).from(Run.T).where(Run.ID.eq(runId)).fetchOptional()
                    .map(JooqScreeningRunStore::toRun);
        } catch (DataAccessException | IllegalArgumentException | java.time.DateTimeException e) {
            LOG.warn("screening run {} cannot be read and is left out: {}", runId, e.toString());
            return Optional.empty();
        }
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
                figures, Optional.ofNullable(r.get(Run.ERROR)), Optional.ofNullable(r.get(Run.FOR_PARTY)));
    }
}
