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
import java.util.function.DoubleConsumer;

import org.concord.label.LabelFilter;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionStore;
import org.concord.conjunction.ScreeningRun;
import org.concord.label.Label;
import org.concord.orbit.MeanElementsDecoder;
import org.concord.risk.CollisionProbability;
import org.concord.risk.HardBodyRadii;
import org.concord.risk.MaximumPc;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Screening as a node service: the latest mean-element orbit of every object, the {@link Screener}, a maximum
 * probability of collision for each close approach (TLE-only objects carry no covariance), the label combined from
 * both orbit records, and the run with its figures in the store. Runs are recorded while they run, with progress.
 */
public final class ScreeningService implements AutoCloseable {

    /** What to screen: all-vs-all, or one object against the catalog. */
    public record Request(Instant start, Duration window, double thresholdMeters, Optional<Long> primary) {
    }

    private final CatalogStore catalog;
    private final ConjunctionStore conjunctions;
    private final MeanElementsDecoder decoder;
    private final HardBodyRadii radii;
    private final String party;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "screening");
        t.setDaemon(true);
        return t;
    });

    public ScreeningService(CatalogStore catalog, ConjunctionStore conjunctions, MeanElementsDecoder decoder,
                            HardBodyRadii radii, String party, Clock clock) {
        this.catalog = catalog;
        this.conjunctions = conjunctions;
        this.decoder = decoder;
        this.radii = radii;
        this.party = party;
        this.clock = clock;
    }

    /** Records the run and screens in the background; poll the run for progress. */
    public ScreeningRun start(Request request, String requestedBy) {
        ScreeningRun run = conjunctions.startRun(newRun(request, requestedBy));
        background.submit(() -> execute(run, request, fraction -> conjunctions.updateProgress(run.id(), fraction)));
        return run;
    }

    /**
     * Marks runs left RUNNING by a node that stopped mid-run as FAILED; call when a node starts serving. Returns how
     * many there were.
     */
    public int failAbandonedRuns() {
        int count = 0;
        for (ScreeningRun run : conjunctions.runs(Integer.MAX_VALUE)) {
            if (run.status() == ScreeningRun.Status.RUNNING) {
                conjunctions.failRun(run.id(), "the node stopped while the run was in progress; start it again");
                count++;
            }
        }
        return count;
    }

    /** Records the run and screens in this thread; returns the finished (or failed) run. */
    public ScreeningRun run(Request request, String requestedBy, DoubleConsumer progress) {
        ScreeningRun run = conjunctions.startRun(newRun(request, requestedBy));
        execute(run, request, progress);
        return conjunctions.findRun(run.id()).orElseThrow();
    }

    private ScreeningRun newRun(Request request, String requestedBy) {
        if (request.primary().isPresent() && catalog.findObject(request.primary().get(), LabelFilter.UNRESTRICTED).isEmpty()) {
            throw new IllegalArgumentException("no object " + request.primary().get() + " in this catalog");
        }
        return new ScreeningRun(0, request.primary().isPresent() ? ScreeningRun.Kind.ONE_VS_ALL
                : ScreeningRun.Kind.ALL_VS_ALL, request.primary(), request.start(), request.window(),
                request.thresholdMeters(), requestedBy, clock.instant(), ScreeningRun.Status.RUNNING, 0,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private void execute(ScreeningRun run, Request request, DoubleConsumer progress) {
        try {
            List<ScreeningObject> objects = new ArrayList<>();
            Map<Long, OrbitRecord> byOrbitId = new HashMap<>();
            int unusable = 0;
            for (OrbitRecord orbit : catalog.latestOrbits()) {
                if (orbit.kind() != OrbitKind.MEAN_ELEMENTS || orbit.label().isExpiredAt(clock.instant())) {
                    continue;
                }
                TLE tle;
                try {
                    tle = decoder.toTle(orbit.format(), orbit.content());
                } catch (RuntimeException e) {
                    unusable++;
                    continue;
                }
                objects.add(new ScreeningObject(orbit.noradId(), orbit.id(), tle));
                byOrbitId.put(orbit.id(), orbit);
            }
            ScreeningParameters parameters = request.primary()
                    .map(p -> ScreeningParameters.oneVsAll(request.start(), request.window(), request.thresholdMeters(),
                            Set.of(p)))
                    .orElseGet(() -> ScreeningParameters.allVsAll(request.start(), request.window(),
                            request.thresholdMeters()));
            ScreeningResult result = new Screener().screen(objects, parameters, progress);
            long riskStart = System.nanoTime();
            List<Conjunction> found = new ArrayList<>(result.closeApproaches().size());
            for (CloseApproach a : result.closeApproaches()) {
                OrbitRecord primary = byOrbitId.get(a.primaryOrbitId());
                OrbitRecord secondary = byOrbitId.get(a.secondaryOrbitId());
                double hbr = radii.combined(a.primaryNoradId(), Optional.empty(), a.secondaryNoradId(),
                        Optional.empty());
                CollisionProbability max = MaximumPc.closedForm(Math.max(a.missDistanceMeters(), 1e-3), hbr);
                CollisionRisk risk = new CollisionRisk(max.probability(), max.method(),
                        org.concord.risk.CovarianceSource.MAXIMUM, hbr, max.describe());
                Label label = primary.label().combine(secondary.label(), party);
                found.add(new Conjunction(0, a.primaryNoradId(), a.secondaryNoradId(), Optional.of(primary.id()),
                        Optional.of(secondary.id()), a.tca(), a.missDistanceMeters(),
                        a.relativeSpeedMetersPerSecond(), a.radialMeters(), a.inTrackMeters(), a.crossTrackMeters(),
                        Optional.of(risk), Optional.empty(), Optional.of(run.id()), Optional.empty(), label));
            }
            double riskSeconds = (System.nanoTime() - riskStart) / 1e9;
            long storeStart = System.nanoTime();
            ScreeningStatistics s = result.statistics();
            ScreeningRun.Figures provisional = new ScreeningRun.Figures(s.objects(),
                    s.excludedBySgp4Error() + unusable, s.candidatePairs(), found.size(), s.propagationSeconds(),
                    s.broadPhaseSeconds(), s.refinementSeconds(), riskSeconds, 0);
            conjunctions.finishRun(run.id(), found, provisional);
            double storeSeconds = (System.nanoTime() - storeStart) / 1e9;
            conjunctions.recordStorageTime(run.id(), storeSeconds);
        } catch (RuntimeException e) {
            conjunctions.failRun(run.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
