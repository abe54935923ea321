package org.concord.screening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import java.util.function.LongFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.concord.label.LabelFilter;
import org.concord.product.ProductQuery;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.OrbitRecord.TimeSpan;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionKind;
import org.concord.conjunction.ConjunctionStore;
import org.concord.conjunction.StoredConjunctions;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.ingest.LabelRules;
import org.concord.label.Label;
import org.concord.conjunction.InputAges;
import org.concord.orbit.ElementAge;
import org.concord.orbit.MeanElementsDecoder;
import org.concord.orbit.StalenessLimits;
import org.concord.covariance.ElementSetHistories;
import org.concord.covariance.ElementSetHistory;
import org.concord.covariance.EncounterEstimate;
import org.concord.covariance.EphemerisEncounterEstimate;
import org.concord.covariance.EstimatedCovariance;
import org.concord.risk.CovarianceSource;
import org.concord.risk.HardBodyRadii;
import org.orekit.time.AbsoluteDate;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.TimeScales;
import org.concord.event.ProximityKind;
import org.concord.label.DataKind;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screening as a node service: the latest mean-element orbit of every object, the {@link Screener} (or, for an
 * uploaded ephemeris, the {@link EphemerisScreener}), the close approaches inside the run's {@link ScreeningVolume}, a
 * probability of collision for each: with covariances estimated from both objects' element-set histories where they
 * have them, or for an uploaded ephemeris with a covariance, its own (measured) with the secondary's estimated from
 * its history, else the maximum (mean elements carry no covariance), the label combined from both inputs' labels, and
 * the run with its
 * figures in the store. Runs are recorded while they run, with progress.
 */
public final class ScreeningService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningService.class);

    /** What to screen: all-vs-all, or one object against the catalog. */
    public record Request(Instant start, Duration window, ScreeningVolume volume, Optional<Long> primary) {

        /** Inside a sphere of {@code thresholdMeters}. */
        public Request(Instant start, Duration window, double thresholdMeters, Optional<Long> primary) {
            this(start, window, new ScreeningVolume.Sphere(thresholdMeters), primary);
        }
    }

    /**
     * An uploaded ephemeris (CCSDS OEM) to screen against the catalog over {@code [start, start + window]} clipped to
     * its span; without a start, from the start of the ephemeris, and without a window, to its end. Its label is
     * {@code label}, else the node's label rules on {@code sourceName}, as an ingest labels it.
     */
    public record EphemerisRequest(String sourceName, byte[] content, Optional<Label> label, Optional<Instant> start,
                                   Optional<Duration> window, ScreeningVolume volume) {
    }

    /** A finished ephemeris screening: the stored run, the spans screened, and its conjunctions by TCA. */
    public record EphemerisScreening(ScreeningRun run, List<TimeSpan> screened, List<Conjunction> conjunctions) {
    }

    private static final int MAX_SOURCE_NAME_LENGTH = 512;

    private final CatalogStore catalog;
    private final ScreeningRunStore runStore;
    private final ConjunctionStore conjunctions;
    private final MeanElementsDecoder decoder;
    private final HardBodyRadii radii;
    private final LabelRules labels;
    private final StalenessLimits staleness;
    private final TimeScales timeScales;
    private final String party;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "screening");
        t.setDaemon(true);
        return t;
    });

    /** How often a run's process renews its heartbeat while the run is RUNNING. */
    public static final Duration HEARTBEAT_PERIOD = Duration.ofSeconds(10);
    /**
     * A RUNNING run whose heartbeat is older than this is taken as dead (its process stopped) and marked FAILED by
     * whichever process next reads or starts runs: six missed beats, so that a busy or paused process is not.
     */
    public static final Duration STALE_AFTER = HEARTBEAT_PERIOD.multipliedBy(6);

    /** How much each partner party may screen. */
    private final PartnerLimits partnerLimits;
    /** Where the proximities of co-located pairs are stored. */
    private final ProductService products;
    /**
     * Told after a run's conjunctions are stored, handed them as stored (the node builds conjunction events from
     * them then, reading nothing back); a run that makes no events ({@link ScreeningRun#makesEvents}) hands none.
     */
    private final java.util.function.Consumer<StoredConjunctions> conjunctionsStored;
    /** Receives how long each screening took (docs/metrics.md). */
    private final MeterRegistry meters;
    /** The runs this process is running, whose heartbeats it renews. */
    private final Set<Long> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("screening-heartbeat").factory());

    public ScreeningService(CatalogStore catalog, ScreeningRunStore runStore, ConjunctionStore conjunctions,
                            MeanElementsDecoder decoder, HardBodyRadii radii, LabelRules labels,
                            StalenessLimits staleness, TimeScales timeScales, String party, Clock clock,
                            MeterRegistry meters, ProductService products,
                            java.util.function.Consumer<StoredConjunctions> conjunctionsStored,
                            PartnerLimits partnerLimits) {
        this.partnerLimits = partnerLimits;
        this.meters = meters;
        this.products = products;
        this.conjunctionsStored = conjunctionsStored;
        this.catalog = catalog;
        this.runStore = runStore;
        this.conjunctions = conjunctions;
        this.decoder = decoder;
        this.radii = radii;
        this.labels = labels;
        this.staleness = staleness;
        this.timeScales = timeScales;
        this.party = party;
        this.clock = clock;
        long period = HEARTBEAT_PERIOD.toMillis();
        heartbeats.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        for (long id : running) {
            try {
                runStore.heartbeat(id, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("renewing the heartbeat of screening run {} failed: {}", id, e.toString());
            }
        }
    }

    /** Records the run and screens in the background; poll the run for progress. */
    public ScreeningRun start(Request request, String requestedBy) {
        return start(request, Requester.ofNode(requestedBy));
    }

    /**
     * Records the run for this requester and screens in the background; poll the run for progress.
     *
     * @throws IllegalArgumentException  naming the limit when a partner party asks for more than it may
     * @throws PartnerBusyException when the partner party runs as many screenings as it may at once
     */
    public ScreeningRun start(Request request, Requester requester) {
        ScreeningRun run = begin(newRun(request, requester));
        try {
            background.submit(() -> {
                try {
                    execute(run, request, requester, fraction -> runStore.updateProgress(run.id(), fraction));
                } finally {
                    running.remove(run.id());
                }
            });
        } catch (RuntimeException e) {
            end(run, "the run could not be started: " + e.getMessage());
            throw e;
        }
        return run;
    }

    /**
     * Stores the run as RUNNING and keeps its heartbeat while this process runs it; a partner party's run only while
     * it runs fewer than it may at once (checked and stored under one lock in this process; runs of other processes
     * count through the store).
     */
    private synchronized ScreeningRun begin(ScreeningRun run) {
        failStaleRuns();
        if (run.forParty().isPresent()) {
            String party = run.forParty().get();
            int limit = partnerLimits.of(party).concurrentRuns();
            if (runStore.runningFor(party) >= limit) {
                throw new PartnerBusyException("party " + party + " has " + limit + " screening"
                        + (limit == 1 ? "" : "s") + " running, as many as it may run at once ("
                        + partnerLimits.keyOf(party, "concurrent-runs") + " = " + limit + "); start this one when "
                        + (limit == 1 ? "it ends" : "one ends"));
            }
        }
        ScreeningRun started = runStore.startRun(run);
        running.add(started.id());
        return started;
    }

    /** A partner party's window within its limit; refused naming the limit and its key otherwise. */
    private void checkWindow(Requester requester, Duration window) {
        if (requester.partner().isEmpty()) {
            return;
        }
        String party = requester.partner().get();
        Duration max = partnerLimits.of(party).maxWindow();
        if (window.compareTo(max) > 0) {
            throw new IllegalArgumentException("the window of " + ElementAge.days(window) + " is longer than party "
                    + party + " may screen: at most " + ElementAge.days(max) + " ("
                    + partnerLimits.keyOf(party, "max-window") + ")");
        }
    }

    /** A partner party's screening refused because it runs as many as it may at once (the API answers 429). */
    public static final class PartnerBusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PartnerBusyException(String message) {
            super(message);
        }
    }

    private void end(ScreeningRun run, String error) {
        running.remove(run.id());
        runStore.failRun(run.id(), error);
    }

    /**
     * Marks FAILED the runs left RUNNING by a process that stopped mid-run (their heartbeat is older than
     * {@link #STALE_AFTER}); done on every start and read of runs, and when a node starts serving. Returns how many.
     */
    public int failStaleRuns() {
        Instant now = clock.instant();
        return runStore.failStaleRuns(now.minus(STALE_AFTER), "the process running it stopped: no heartbeat"
                + " since before " + now.minus(STALE_AFTER) + "; start it again");
    }

    /**
     * Marks FAILED, with this reason, the runs this process is running (on a stop: the command line's TERM, a node
     * closing), so that none is left RUNNING. Returns how many.
     */
    public int failRunning(String reason) {
        int count = 0;
        for (long id : List.copyOf(running)) {
            running.remove(id);
            runStore.failRun(id, reason);
            count++;
        }
        return count;
    }

    /** Runs, newest first, after marking the stale ones FAILED. */
    public List<ScreeningRun> runs(int limit) {
        failStaleRuns();
        return runStore.runs(limit);
    }

    /** The runs for this partner party, newest first, after marking the stale ones FAILED. */
    public List<ScreeningRun> runsFor(String party, int limit) {
        failStaleRuns();
        return runStore.runsFor(party, limit);
    }

    /** The run, after marking the stale ones FAILED; empty also when its stored row cannot be read. */
    public Optional<ScreeningRun> findRun(long id) {
        failStaleRuns();
        return runStore.findRun(id);
    }

    /** Records the run and screens in this thread; returns the finished (or failed) run. */
    public ScreeningRun run(Request request, String requestedBy, DoubleConsumer progress) {
        return run(request, Requester.ofNode(requestedBy), progress);
    }

    /** As {@link #start}, in this thread; returns the finished (or failed) run. */
    public ScreeningRun run(Request request, Requester requester, DoubleConsumer progress) {
        ScreeningRun run = begin(newRun(request, requester));
        try {
            execute(run, request, requester, progress);
        } finally {
            running.remove(run.id());
        }
        return runStore.findRun(run.id()).orElseThrow();
    }

    private ScreeningRun newRun(Request request, Requester requester) {
        if (requester.partner().isPresent() && request.primary().isEmpty()) {
            throw new IllegalArgumentException("a partner party screens one object against the catalog it may read"
                    + " (give primaryNoradId) or an uploaded ephemeris; all-vs-all screening is the node's own");
        }
        // an object the requester may not read is answered as one the catalog does not hold
        if (request.primary().isPresent()
                && catalog.findObject(request.primary().get(), requester.readable()).isEmpty()) {
            throw new IllegalArgumentException("no object " + request.primary().get() + " in this catalog");
        }
        checkWindow(requester, request.window());
        return new ScreeningRun(0, request.primary().isPresent() ? ScreeningRun.Kind.ONE_VS_ALL
                : ScreeningRun.Kind.ALL_VS_ALL, request.primary(), request.start(), request.window(),
                request.volume(), Optional.empty(), requester.name(), clock.instant(), ScreeningRun.Status.RUNNING, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), requester.partner());
    }

    /**
     * Screens an uploaded ephemeris against the catalog in this thread and stores the run (kind EPHEMERIS, naming the
     * file and its SHA-256) with its conjunctions; the ephemeris itself is not stored. The secondaries are the latest
     * mean-element orbit of every object but the ephemeris' own.
     *
     * @throws InputRejectedException naming the file when it is not a valid OEM of one object with a catalog number,
     *                                or when its span does not overlap the window; nothing is stored then
     */
    public EphemerisScreening screenEphemeris(EphemerisRequest request, String requestedBy, DoubleConsumer progress) {
        return screenEphemeris(request, Requester.ofNode(requestedBy), progress);
    }

    /**
     * As {@link #screenEphemeris(EphemerisRequest, String, DoubleConsumer)}, for this requester: a partner party's
     * ephemeris meets only the orbit records it may read, and its results are labelled to it.
     */
    public EphemerisScreening screenEphemeris(EphemerisRequest request, Requester requester,
                                              DoubleConsumer progress) {
        String name = request.sourceName();
        if (name.isBlank() || name.length() > MAX_SOURCE_NAME_LENGTH) {
            throw new IllegalArgumentException("the ephemeris name must be 1 to " + MAX_SOURCE_NAME_LENGTH
                    + " characters");
        }
        Label label = request.label().orElseGet(() -> labels.labelFor(name));
        if (label.isExpiredAt(clock.instant())) {
            throw new InputRejectedException(InputError.inFile(name, "label expiry",
                    "the label expires " + label.expiry().orElseThrow() + ", which is already past"));
        }
        EphemerisPrimary primary = EphemerisPrimary.read(name, request.content(), catalog, requester.readable());
        TimeSpan coverage = primary.coverage();
        Instant start = request.start().orElse(coverage.start());
        Duration window = request.window().orElseGet(() -> Duration.ofSeconds(
                (long) Math.ceil(Duration.between(start, coverage.stop()).toNanos() / 1e9)));
        if (window.isNegative() || window.isZero()) {
            throw new InputRejectedException(InputError.inFile(name, "STOP_TIME", "the ephemeris covers "
                    + coverage.start() + " to " + coverage.stop() + ", which ends before the window's start " + start));
        }
        checkWindow(requester, window);
        Instant end = start.plus(window);
        List<TimeSpan> screened = primary.spansWithin(start, end);
        if (screened.isEmpty()) {
            throw new InputRejectedException(InputError.inFile(name, "START_TIME", "the ephemeris covers "
                    + coverage.start() + " to " + coverage.stop() + ", which does not overlap the window " + start
                    + " to " + end + "; an ephemeris is screened only within its span"));
        }
        ScreeningRun run = begin(new ScreeningRun(0, ScreeningRun.Kind.EPHEMERIS,
                Optional.of(primary.noradId()), start, window, request.volume(),
                Optional.of(new ScreeningRun.EphemerisSource(name, primary.sha256())), requester.name(),
                clock.instant(), ScreeningRun.Status.RUNNING, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                requester.partner()));
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            Secondaries catalogObjects = screenable(Optional.of(primary.noradId()), requester.readable());
            ScreeningParameters parameters = new ScreeningParameters(start, window,
                    request.volume().broadPhaseRadiusMeters(), Optional.empty(),
                    ScreeningParameters.DEFAULT_STEP_SECONDS, Runtime.getRuntime().availableProcessors());
            ScreeningResult result = new EphemerisScreener(timeScales).screen(primary, catalogObjects.objects(),
                    parameters, progress);
            CoLocation.Track ephemeris = primary.track();
            finish(run, request.volume(), result, catalogObjects, orbitId -> label, Optional.of(primary), requester,
                    orbitId -> orbitId == 0 ? Optional.of(ephemeris) : catalogObjects.track(orbitId));
            outcome = "completed";
        } catch (RuntimeException e) {
            runStore.failRun(run.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            running.remove(run.id());
            sample.stop(durationOf(run, outcome));
        }
        ScreeningRun done = runStore.findRun(run.id()).orElseThrow();
        return new EphemerisScreening(done, screened, conjunctionsOf(done, LabelFilter.UNRESTRICTED));
    }

    /** The run's conjunctions by TCA that the filter admits (the first {@link ProductQuery#MAX_LIMIT}). */
    public List<Conjunction> conjunctionsOf(ScreeningRun run, LabelFilter filter) {
        return conjunctions.findConjunctions(new ProductQuery(Map.of("runId", run.id()),
                ConjunctionKind.INSTANCE.sorts().getFirst(), ProductQuery.MAX_LIMIT, Optional.empty()), filter).items();
    }

    /** The objects to screen: their element sets, their orbit records by id, and how many could not be read. */
    private record Secondaries(List<ScreeningObject> objects, Map<Long, OrbitRecord> byOrbitId,
                               Map<Long, ScreeningObject> screened, int unusable) {

        /** The element set screened under this orbit id, as the co-location rule samples it. */
        Optional<CoLocation.Track> track(long orbitId) {
            return Optional.ofNullable(screened.get(orbitId)).map(CoLocation.Track::of);
        }
    }

    /** The latest mean-element orbit of every object the filter admits, but the excluded one. */
    private Secondaries screenable(Optional<Long> excluded, LabelFilter readable) {
        List<ScreeningObject> objects = new ArrayList<>();
        Map<Long, OrbitRecord> byOrbitId = new HashMap<>();
        Map<Long, ScreeningObject> screened = new HashMap<>();
        int unusable = 0;
        for (OrbitRecord orbit : catalog.latestOrbits(readable)) {
            if (orbit.kind() != OrbitKind.MEAN_ELEMENTS || orbit.label().isExpiredAt(clock.instant())
                    || excluded.equals(Optional.of(orbit.noradId()))) {
                continue;
            }
            TLE tle;
            try {
                tle = decoder.toTle(orbit.format(), orbit.content());
            } catch (RuntimeException e) {
                unusable++;
                continue;
            }
            ScreeningObject object = new ScreeningObject(orbit.noradId(), orbit.id(), tle);
            objects.add(object);
            byOrbitId.put(orbit.id(), orbit);
            screened.put(orbit.id(), object);
        }
        return new Secondaries(objects, byOrbitId, screened, unusable);
    }

    private void execute(ScreeningRun run, Request request, Requester requester, DoubleConsumer progress) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            Secondaries objects = screenable(Optional.empty(), requester.readable());
            double radius = request.volume().broadPhaseRadiusMeters();
            ScreeningParameters parameters = request.primary()
                    .map(p -> ScreeningParameters.oneVsAll(request.start(), request.window(), radius, Set.of(p)))
                    .orElseGet(() -> ScreeningParameters.allVsAll(request.start(), request.window(), radius));
            ScreeningResult result = new Screener(timeScales).screen(objects.objects(), parameters, progress);
            finish(run, request.volume(), result, objects, orbitId -> objects.byOrbitId().get(orbitId).label(),
                    Optional.empty(), requester, objects::track);
            outcome = "completed";
        } catch (RuntimeException e) {
            runStore.failRun(run.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            sample.stop(durationOf(run, outcome));
        }
    }

    /** The timer of screenings of this run's kind that ended so: a histogram of their durations. */
    private Timer durationOf(ScreeningRun run, String outcome) {
        return Timer.builder("concord.screening.duration").description("how long screenings took")
                .tag("kind", run.kind().name()).tag("outcome", outcome).publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Keeps the close approaches inside the volume (the miss vector in the RTN frame of the approach's primary: in
     * all-vs-all screening the lower catalog number), stores the co-located pairs among them (the objects by orbit id
     * in {@code tracks}; an uploaded ephemeris is orbit id 0) as proximities instead, gives each other approach its
     * Pc ({@link EstimatedRisks}: with the uploaded {@code ephemeris}' own covariance where it has one) and combined
     * label, and stores them.
     */
    private void finish(ScreeningRun run, ScreeningVolume volume, ScreeningResult result, Secondaries objects,
                        LongFunction<Label> primaryLabel, Optional<EphemerisPrimary> ephemeris, Requester requester,
                        LongFunction<Optional<CoLocation.Track>> tracks) {
        List<CoLocation.Together> proximities = CoLocation.find(result.closeApproaches(), tracks, run.start(),
                run.window(), volume.togetherMeters(), timeScales.getUTC());
        Set<String> together = new java.util.HashSet<>();
        proximities.forEach(p -> together.add(p.primaryOrbitId() + "|" + p.secondaryOrbitId()));
        long riskStart = System.nanoTime();
        EstimatedRisks estimated = new EstimatedRisks(objects);
        List<Conjunction> found = new ArrayList<>(result.closeApproaches().size());
        for (CloseApproach a : result.closeApproaches()) {
            if (!volume.contains(a.radialMeters(), a.inTrackMeters(), a.crossTrackMeters())
                    || together.contains(a.primaryOrbitId() + "|" + a.secondaryOrbitId())) {
                continue;
            }
            OrbitRecord secondary = objects.byOrbitId().get(a.secondaryOrbitId());
            Optional<Long> primaryOrbit = Optional.ofNullable(objects.byOrbitId().get(a.primaryOrbitId()))
                    .map(OrbitRecord::id);
            double hbr = radii.combined(a.primaryNoradId(), Optional.empty(), a.secondaryNoradId(),
                    Optional.empty());
            CollisionRisk risk = ephemeris.isPresent() ? estimated.ephemerisRisk(ephemeris.get(), a, hbr)
                    : estimated.risk(a, hbr).orElseGet(() -> CollisionRisk.maximum(a.missDistanceMeters(), hbr, ""));
            Label label = resultLabel(primaryLabel.apply(a.primaryOrbitId()), secondary.label(), requester);
            found.add(new Conjunction(0, a.primaryNoradId(), a.secondaryNoradId(), primaryOrbit,
                    Optional.of(secondary.id()), a.tca(), a.missDistanceMeters(), a.relativeSpeedMetersPerSecond(),
                    a.radialMeters(), a.inTrackMeters(), a.crossTrackMeters(), Optional.of(risk), Optional.empty(),
                    Optional.of(run.id()), Optional.empty(), label, Optional.of(inputAges(a, objects))));
        }
        double riskSeconds = (System.nanoTime() - riskStart) / 1e9;
        long storeStart = System.nanoTime();
        ScreeningStatistics s = result.statistics();
        ScreeningRun.Figures provisional = new ScreeningRun.Figures(s.objects(),
                s.excludedBySgp4Error() + objects.unusable(), s.candidatePairs(), found.size(),
                s.propagationSeconds(), s.broadPhaseSeconds(), s.refinementSeconds(), riskSeconds, 0,
                Optional.of(staleness(run, objects)));
        products.store(ProximityKind.INSTANCE, proximities.stream().map(p -> Product.of(new org.concord.event.Proximity(
                p.primaryNoradId(), p.secondaryNoradId(), p.windowStart(), p.windowEnd(), p.minimumRangeMeters(),
                p.maximumRangeMeters(), p.within(), p.distanceMeters(), Optional.of(run.id())),
                resultLabel(primaryLabel.apply(p.primaryOrbitId()),
                        objects.byOrbitId().get(p.secondaryOrbitId()).label(), requester),
                proximityInputs(p))).toList(), requester.partner().orElse(party));
        StoredConjunctions stored = runStore.finishRun(run.id(), found, provisional);
        double storeSeconds = (System.nanoTime() - storeStart) / 1e9;
        runStore.recordStorageTime(run.id(), storeSeconds);
        try {
            conjunctionsStored.accept(run.makesEvents() ? stored : StoredConjunctions.none());
        } catch (RuntimeException e) {
            LOG.warn("screening run {} is stored, but building conjunction events from it failed: {}", run.id(),
                    e.toString());
        }
    }

    /**
     * The label of a result of two inputs: the combination of theirs, derived by the requester's party; for a partner
     * party, never wider than that party and the node's own party (TLP:AMBER at least).
     */
    private Label resultLabel(Label primary, Label secondary, Requester requester) {
        String deriving = requester.partner().orElse(party);
        Label combined = primary.combine(secondary, deriving);
        return requester.partner().map(p -> combined.combine(LabelRules.privateTo(p, party), deriving))
                .orElse(combined);
    }

    /** The orbit records a proximity is derived from: both, or the secondary's alone beside an uploaded ephemeris. */
    private static List<ProductInput> proximityInputs(CoLocation.Together p) {
        ProductInput secondary = new ProductInput(ProximityKind.SECONDARY, DataKind.ORBITS, p.secondaryOrbitId());
        return p.primaryOrbitId() == 0 ? List.of(secondary)
                : List.of(new ProductInput(ProximityKind.PRIMARY, DataKind.ORBITS, p.primaryOrbitId()), secondary);
    }

    /**
     * The Pc of close approaches with covariances estimated from both objects' element-set histories (docs/events.md),
     * each history read once per run and only for objects of approaches kept.
     */
    private final class EstimatedRisks {

        private final Secondaries objects;
        private final ElementSetHistories histories = new ElementSetHistories(catalog, decoder);
        private final Map<Long, TLE> elementSets = new HashMap<>();
        private final org.orekit.frames.Frame teme = org.orekit.frames.FramesFactory.getTEME();

        EstimatedRisks(Secondaries objects) {
            this.objects = objects;
            objects.objects().forEach(o -> elementSets.put(o.orbitId(), o.tle()));
        }

        /** Empty for an uploaded ephemeris primary, or when either history gives no estimate at this TCA. */
        Optional<CollisionRisk> risk(CloseApproach a, double hbr) {
            Optional<ElementSetHistory> primary = history(a.primaryOrbitId());
            if (primary.isEmpty()) {
                return Optional.empty();
            }
            Optional<ElementSetHistory> secondary = history(a.secondaryOrbitId());
            if (secondary.isEmpty()) {
                return Optional.empty();
            }
            return EncounterEstimate.of(primary.get(), pv(a.primaryTemePv()), secondary.get(),
                    pv(a.secondaryTemePv()), teme, new AbsoluteDate(a.tca(), timeScales.getUTC()), hbr)
                    .map(e -> new CollisionRisk(e.probability().probability(), e.probability().method(),
                            CovarianceSource.ESTIMATED, hbr, e.statement(
                                    CollisionRisk.maximum(a.missDistanceMeters(), hbr, "").probability())));
        }

        /**
         * The Pc of an approach of an uploaded ephemeris: where the ephemeris has a covariance at TCA and the
         * secondary's history gives an estimate there, ESTIMATED from the two (the primary's MEASURED, the
         * secondary's ESTIMATED: the Pc is an estimate); otherwise the maximum, saying why when the ephemeris carries
         * a covariance.
         */
        CollisionRisk ephemerisRisk(EphemerisPrimary ephemeris, CloseApproach a, double hbr) {
            double miss = a.missDistanceMeters();
            if (!ephemeris.hasCovariance()) {
                return CollisionRisk.maximum(miss, hbr, "");
            }
            Optional<ElementSetHistory> history = history(a.secondaryOrbitId());
            if (history.isEmpty()) {
                return CollisionRisk.maximum(miss, hbr, "; the ephemeris carries a covariance but the secondary's"
                        + " mean elements do not, and this node holds no earlier element set of it (same source,"
                        + " same label) to estimate one from: the primary's covariance alone cannot give a Pc");
            }
            AbsoluteDate tca = new AbsoluteDate(a.tca(), timeScales.getUTC());
            EphemerisCovariance.At at = ephemeris.covarianceAt(tca);
            if (at instanceof EphemerisCovariance.None none) {
                return CollisionRisk.maximum(miss, hbr, "; the ephemeris carries a covariance, but none at this TCA: "
                        + none.reason());
            }
            EphemerisCovariance.Found primary = (EphemerisCovariance.Found) at;
            Optional<EstimatedCovariance> secondary = EphemerisEncounterEstimate.secondaryCovariance(history.get(),
                    tca);
            if (secondary.isEmpty()) {
                return CollisionRisk.maximum(miss, hbr, "; the ephemeris carries a covariance but the secondary's"
                        + " element-set history gives too few differences over spans near this TCA to estimate its"
                        + " covariance: the primary's covariance alone cannot give a Pc");
            }
            double maximum = CollisionRisk.maximum(miss, hbr, "").probability();
            try {
                EphemerisEncounterEstimate e = EphemerisEncounterEstimate.of(pv(a.primaryTemePv()),
                        primary.toOrekit(tca), pv(a.secondaryTemePv()), secondary.get(), teme, tca, hbr);
                double[] sigmas = {primary.sigmaMeters(0), primary.sigmaMeters(1), primary.sigmaMeters(2)};
                return new CollisionRisk(e.probability().probability(), e.probability().method(),
                        CovarianceSource.ESTIMATED, hbr, e.statement(sigmas, maximum));
            } catch (IllegalArgumentException | IllegalStateException e) {
                return CollisionRisk.maximum(miss, hbr, "; the ephemeris carries a covariance, but no Pc could be"
                        + " computed with it: " + shortened(String.valueOf(e.getMessage())));
            }
        }

        /** A reason cut to fit a stored statement (512 characters with the maximum Pc's words before it). */
        private static String shortened(String reason) {
            return reason.length() <= 200 ? reason : reason.substring(0, 197) + "...";
        }

        private Optional<ElementSetHistory> history(long orbitId) {
            OrbitRecord record = objects.byOrbitId().get(orbitId);
            return record == null ? Optional.empty() : histories.of(record, elementSets.get(orbitId));
        }

        private static org.orekit.utils.PVCoordinates pv(double[] pv) {
            return new org.orekit.utils.PVCoordinates(new org.hipparchus.geometry.euclidean.threed.Vector3D(pv[0],
                    pv[1], pv[2]), new org.hipparchus.geometry.euclidean.threed.Vector3D(pv[3], pv[4], pv[5]));
        }
    }

    /**
     * The ages at TCA of a close approach's element sets; an uploaded ephemeris (no orbit record) is screened only
     * within its span, where its age is zero.
     */
    private InputAges inputAges(CloseApproach a, Secondaries objects) {
        Optional<ElementAge> primary = Optional.ofNullable(objects.byOrbitId().get(a.primaryOrbitId()))
                .map(orbit -> staleness.assess(orbit, a.tca()));
        ElementAge secondary = staleness.assess(objects.byOrbitId().get(a.secondaryOrbitId()), a.tca());
        return new InputAges(primary.map(ElementAge::age).orElse(Duration.ZERO), secondary.age(),
                secondary.stale() || primary.map(ElementAge::stale).orElse(false));
    }

    /** How old the run's element sets were over its window (an uploaded ephemeris primary: zero within its span). */
    private ScreeningRun.Staleness staleness(ScreeningRun run, Secondaries objects) {
        Instant end = run.start().plus(run.window());
        int stale = 0;
        Duration youngest = null;
        Duration oldest = Duration.ZERO;
        Optional<ElementAge> primary = Optional.empty();
        for (OrbitRecord orbit : objects.byOrbitId().values()) {
            ElementAge age = staleness.assess(orbit, run.start(), end);
            stale += age.stale() ? 1 : 0;
            youngest = youngest == null || age.age().compareTo(youngest) < 0 ? age.age() : youngest;
            oldest = age.age().compareTo(oldest) > 0 ? age.age() : oldest;
            if (run.kind() == ScreeningRun.Kind.ONE_VS_ALL
                    && run.primaryNoradId().equals(Optional.of(orbit.noradId()))) {
                primary = Optional.of(age);
            }
        }
        Optional<Duration> primaryAge = run.kind() == ScreeningRun.Kind.EPHEMERIS ? Optional.of(Duration.ZERO)
                : primary.map(ElementAge::age);
        return new ScreeningRun.Staleness(objects.byOrbitId().size(), stale,
                youngest == null ? Duration.ZERO : youngest, oldest, primaryAge,
                primary.map(ElementAge::stale).orElse(false));
    }

    /** Stops screening; the runs still running are marked FAILED. */
    @Override
    public void close() {
        heartbeats.shutdownNow();
        background.shutdownNow();
        try {
            failRunning("the node stopped while the run was in progress; start it again");
        } catch (RuntimeException e) {
            LOG.warn("marking the runs in progress FAILED on close failed (their heartbeat will): {}", e.toString());
        }
    }
}
