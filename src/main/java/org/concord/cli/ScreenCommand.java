package org.concord.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;

import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.risk.CovarianceSource;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningVolume;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.input.ScreeningInput;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.screening.ScreeningService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "screen", description = "Screen the catalog for close approaches (all-vs-all, --primary against all,"
        + " or an uploaded --ephemeris against all) and store every conjunction inside the volume with its Pc"
        + " (ESTIMATED from covariances where both objects have one: element-set histories, an OEM's own; else the"
        + " MAXIMUM) and combined label.")
final class ScreenCommand implements Callable<Integer> {

    private static final String DEFAULT_WINDOW = "7d";
    private static final String DEFAULT_THRESHOLD = "5km";

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--start", description = "Window start: a date such as 2024-07-05 (midnight UTC) or an ISO-8601"
            + " time such as 2024-07-05T12:00:00Z (with --ephemeris: default the start of the ephemeris)")
    Instant start;
    @Option(names = "--window", description = "Window length with its unit: 7d, 36h, 90m, 45s (default "
            + DEFAULT_WINDOW + "; with --ephemeris: to the end of the ephemeris)") String window;
    @Option(names = "--threshold", description = "Miss-distance threshold: 5km or 500m (default "
            + DEFAULT_THRESHOLD + ")") String threshold;
    @Option(names = "--ellipsoid", paramLabel = "R,T,N", description = "Instead of --threshold: an ellipsoid in the"
            + " primary's RTN frame, semi-axes radial, in-track, cross-track, each with its unit: 500m,5km,500m")
    String ellipsoid;
    @Option(names = "--primary", description = "Screen only this object against the catalog") Long primary;
    @Option(names = "--ephemeris", paramLabel = "FILE", description = "Screen this CCSDS OEM (e.g. a planned"
            + " manoeuvre) against the catalog within its span; it is not stored") Path ephemeris;
    @Option(names = "--label", paramLabel = "SPEC", description = "With --ephemeris: the ephemeris' label (default:"
            + " the configured label of its file name, as for ingest)") String label;

    @Override
    public Integer call() {
        if (primary != null && ephemeris != null) {
            throw new IllegalArgumentException("--primary and --ephemeris exclude each other");
        }
        if (threshold != null && ellipsoid != null) {
            throw new IllegalArgumentException("--threshold and --ellipsoid exclude each other");
        }
        if (label != null && ephemeris == null) {
            throw new IllegalArgumentException("--label labels an --ephemeris; catalog objects keep their own labels");
        }
        ScreeningVolume volume = ellipsoid != null ? ScreeningInput.ellipsoid("--ellipsoid", ellipsoid)
                : new ScreeningVolume.Sphere(ScreeningInput.thresholdMeters("--threshold",
                        threshold != null ? threshold : DEFAULT_THRESHOLD));
        try (Node node = parent.openNode()) {
            Thread stopped = Thread.ofPlatform().unstarted(() -> node.screening().failRunning(
                    "interrupted: the screening command was stopped (TERM or Ctrl-C); start it again"));
            Runtime.getRuntime().addShutdownHook(stopped);
            try {
                return ephemeris != null ? screenEphemeris(node, volume) : screenCatalog(node, volume);
            } finally {
                removeShutdownHook(stopped);
            }
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the run is marked already
        }
    }

    private int screenCatalog(Node node, ScreeningVolume volume) {
        if (start == null) {
            throw new IllegalArgumentException("--start is required (only an --ephemeris screening defaults to the"
                    + " ephemeris' span)");
        }
        Duration length = ScreeningInput.window("--window", window != null ? window : DEFAULT_WINDOW);
        ScreeningRun run = node.screening().run(new ScreeningService.Request(start, length, volume,
                Optional.ofNullable(primary)), requestedBy(), progressBar());
        System.err.println();
        if (run.status() == ScreeningRun.Status.FAILED) {
            System.err.println("screening run " + run.id() + " failed: " + run.error().orElse("?"));
            return 1;
        }
        ScreeningRun.Figures f = run.figures().orElseThrow();
        System.out.printf(Locale.ROOT, "screening run %d: %d objects (%d excluded by SGP4 errors), %d candidate"
                        + " pairs, %d conjunctions %s%n", run.id(), f.objectsScreened(),
                f.objectsExcluded(), f.candidatePairs(), f.conjunctions(), describe(volume));
        System.out.printf(Locale.ROOT, "stages: propagation %.1f s, broad phase %.1f s, refinement %.1f s,"
                        + " Pc %.1f s, storage %.1f s%n", f.propagationSeconds(), f.broadPhaseSeconds(),
                f.refinementSeconds(), f.riskSeconds(), node.screening().findRun(run.id()).orElseThrow()
                        .figures().orElseThrow().storageSeconds());
        run.warning().ifPresent(warning -> System.out.println("WARNING: " + warning));
        System.out.println("list them: concord conjunctions --run " + run.id() + " --sort pc");
        return 0;
    }

    private int screenEphemeris(Node node, ScreeningVolume volume) {
        String name = ephemeris.toString();
        byte[] content;
        try {
            long size = Files.size(ephemeris);
            if (size > node.config().ingestMaxBytes()) {
                throw new InputRejectedException(InputError.inFile(name, "size", "the file is " + size
                        + " bytes, over this node's limit of " + node.config().ingestMaxBytes()
                        + " bytes (configuration ingest.max-bytes)"));
            }
            content = Files.readAllBytes(ephemeris);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot read: " + e.getMessage());
        }
        Optional<Label> explicit = Optional.ofNullable(label)
                .map(spec -> Label.parse(spec, node.ingest().labels().labelFor(name)));
        ScreeningService.EphemerisScreening result = node.screening().screenEphemeris(
                new ScreeningService.EphemerisRequest(name, content, explicit, Optional.ofNullable(start),
                        Optional.ofNullable(window).map(w -> ScreeningInput.window("--window", w)), volume),
                requestedBy(), progressBar());
        System.err.println();
        ScreeningRun run = result.run();
        if (run.status() == ScreeningRun.Status.FAILED) {
            System.err.println("screening run " + run.id() + " of " + name + " failed: " + run.error().orElse("?"));
            return 1;
        }
        ScreeningRun.Figures f = run.figures().orElseThrow();
        System.out.printf(Locale.ROOT, "screening run %d: ephemeris %s (object %d, SHA-256 %s) against %d objects"
                        + " (%d excluded by SGP4 errors), %d conjunctions %s%n", run.id(), name,
                run.primaryNoradId().orElseThrow(), run.ephemeris().orElseThrow().sha256(), f.objectsScreened(),
                f.objectsExcluded(), f.conjunctions(), describe(volume));
        result.screened().forEach(span -> System.out.println("screened " + span.start() + " to " + span.stop()));
        run.warning().ifPresent(warning -> System.out.println("WARNING: " + warning));
        System.out.printf("%-27s %9s %9s %10s %9s %10s %10s %10s %10s %-9s %10s  %s%n", "TCA", "PRIMARY",
                "SECONDARY", "MISS_M", "V_REL_MS", "RADIAL_M", "INTRACK_M", "CROSS_M", "PC", "PC_KIND", "MAX_PC",
                "LABEL");
        java.util.Set<String> notes = new java.util.LinkedHashSet<>();
        for (Conjunction c : result.conjunctions()) {
            Optional<CollisionRisk> risk = c.risk();
            System.out.printf(Locale.ROOT, "%-27s %9d %9d %10.1f %9.1f %10.1f %10.1f %10.1f %10s %-9s %10s  %s%n",
                    c.tca(), c.primaryNoradId(), c.secondaryNoradId(), c.missDistanceMeters(),
                    c.relativeSpeedMetersPerSecond(), c.radialMeters(), c.inTrackMeters(), c.crossTrackMeters(),
                    risk.map(r -> String.format(Locale.ROOT, "%.3e", r.probability())).orElse("-"),
                    risk.map(r -> r.source().name()).orElse("-"),
                    risk.map(r -> r.source() == CovarianceSource.MAXIMUM ? r.probability()
                                    : r.maximumBeside(c.missDistanceMeters()).orElse(Double.NaN))
                            .filter(Double::isFinite).map(p -> String.format(Locale.ROOT, "%.3e", p)).orElse("-"),
                    c.label().releasability() + " TLP:" + c.label().tlp().code());
            risk.ifPresent(r -> notes.add(note(r)));
        }
        notes.remove("");
        notes.forEach(System.out::println);
        return 0;
    }

    /**
     * What a Pc kind of an ephemeris screening means: an ESTIMATED Pc names both covariance sources; a maximum Pc
     * beside an ephemeris with a covariance says why (the part of its statement after the maximum's own words).
     */
    private static String note(CollisionRisk r) {
        if (r.source() == CovarianceSource.ESTIMATED) {
            return "PC_KIND ESTIMATED (" + r.method() + "): the primary's covariance MEASURED (the OEM's own), the"
                    + " secondary's ESTIMATED from its element-set history (not measured); MAX_PC is the maximum Pc"
                    + " beside it";
        }
        int reason = r.statement().indexOf("; the ephemeris carries a covariance");
        return reason < 0 ? "" : "PC_KIND MAXIMUM" + r.statement().substring(reason);
    }

    private static String requestedBy() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    private static DoubleConsumer progressBar() {
        long[] lastPercent = {-1};
        return fraction -> {
            long percent = Math.round(fraction * 100);
            if (percent != lastPercent[0]) {
                lastPercent[0] = percent;
                int bars = (int) (percent / 2);
                System.err.print("\r[" + "#".repeat(bars) + " ".repeat(50 - bars) + "] " + percent + "%");
            }
        };
    }

    static String describe(ScreeningVolume volume) {
        return switch (volume) {
            case ScreeningVolume.Sphere sphere -> String.format(Locale.ROOT, "under %.0f m", sphere.radiusMeters());
            case ScreeningVolume.RtnEllipsoid e -> String.format(Locale.ROOT, "inside the RTN ellipsoid %.0f x %.0f"
                    + " x %.0f m", e.radialMeters(), e.inTrackMeters(), e.crossTrackMeters());
        };
    }
}
