package org.concord.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.input.ProductSearch;
import org.concord.input.Quantities;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.reentry.ReentryKind;
import org.concord.reentry.ReentryNotice;
import org.concord.reentry.ReentryNoticeKind;
import org.concord.reentry.Overflight;
import org.concord.reentry.ReentryOutcome;
import org.concord.reentry.ReentryPrediction;
import org.concord.reentry.ReentryWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code concord reentry predict ID} and {@code concord reentries}: thin adapters over {@code ReentryService}. */
final class ReentryCommands {

    private static final Duration MAX_UPCOMING = Duration.ofDays(3660);
    private static final double MAX_PERIGEE_METERS = 2_000_000;

    private ReentryCommands() {
    }

    @Command(name = "reentry", description = "Re-entry predictions of one object.",
            subcommands = {Predict.class, PredictAll.class, ReentryReportCommands.Rdm.class,
                ReentryReportCommands.Reports.class, Notices.class})
    static final class ReentryCommand {

        @ParentCommand
        ConcordCli parent;
    }

    @Command(name = "predict", description = "Predict an object's re-entry now from the orbit records this node holds"
            + " of it, store the prediction and print it (docs/reentry.md says what the window means); with"
            + " --all-below, every object whose latest orbit has a perigee under that altitude.")
    static final class Predict implements Callable<Integer> {

        @ParentCommand
        ReentryCommand reentry;

        @Parameters(index = "0", paramLabel = "NORAD_ID", arity = "0..1") Long noradId;

        @Option(names = "--all-below", paramLabel = "ALTITUDE", description = "Instead of one object, every object"
                + " whose latest orbit has a perigee under this altitude, with its unit: 300km, 250000m")
        String allBelow;

        @Override
        public Integer call() {
            if (allBelow != null && noradId != null) {
                throw new IllegalArgumentException("give either NORAD_ID (one object) or --all-below (every object"
                        + " under a perigee altitude), not both");
            }
            if (allBelow != null) {
                return predictAll(reentry, Quantities.distanceMeters("--all-below", allBelow, MAX_PERIGEE_METERS));
            }
            if (noradId == null) {
                throw new IllegalArgumentException("give the NORAD_ID of the object to predict, or --all-below 300km"
                        + " for every object whose perigee is under 300 km");
            }
            try (Node node = reentry.parent.openNode()) {
                Product<ReentryPrediction> p = node.reentries().predict(noradId).orElseThrow(() ->
                        new IllegalArgumentException("no mean-element record of object " + noradId
                                + " on this node to predict from"));
                print(List.of(p));
                ReentryPrediction r = p.value();
                System.out.println("class " + r.reentryClass() + ", " + r.elementSets() + " element set(s) up to "
                        + r.basisEpoch() + r.ballistic().map(b -> String.format(", ballistic coefficient %.5f m²/kg"
                        + " (%s)", b.squareMetersPerKg(), b.source())).orElse(""));
                System.out.println("atmosphere " + r.atmosphere() + ", space weather: " + r.spaceWeatherSource());
                System.out.println(r.statement());
                printUnderWindow(r);
            }
            return 0;
        }
    }

    @Command(name = "predict-all", description = "Predict the re-entry of every object whose latest orbit has a perigee"
            + " under an altitude, one after the other, printing progress; store the predictions.")
    static final class PredictAll implements Callable<Integer> {

        @ParentCommand
        ReentryCommand reentry;

        @Option(names = "--perigee-below", defaultValue = "300km", description = "Perigee altitude under this, with its"
                + " unit: 300km (the default), 250000m") String perigeeBelow;

        @Override
        public Integer call() {
            return predictAll(reentry, Quantities.distanceMeters("--perigee-below", perigeeBelow,
                    MAX_PERIGEE_METERS));
        }
    }

    /** Predicts every object under the perigee altitude, printing progress to stderr and the outcomes. */
    private static int predictAll(ReentryCommand reentry, double meters) {
        try (Node node = reentry.parent.openNode()) {
            long start = System.nanoTime();
            List<Product<ReentryPrediction>> stored = node.reentries().predictAll(meters, (done, total) -> {
                if (done % 25 == 0 || done.equals(total)) {
                    System.err.printf("predicted %d of %d%n", done, total);
                }
            });
            Map<ReentryOutcome, Long> outcomes = new EnumMap<>(ReentryOutcome.class);
            stored.forEach(p -> outcomes.merge(p.value().outcome(), 1L, Long::sum));
            System.out.printf("%d objects predicted in %.1f s: %s%n", stored.size(),
                    (System.nanoTime() - start) / 1e9, outcomes);
        }
        return 0;
    }

    @Command(name = "reentries", description = "List re-entry predictions: the upcoming ones (the newest prediction"
            + " of each object, soonest first), or one object's history (newest first).")
    static final class ReentriesCommand implements Callable<Integer> {

        @ParentCommand
        ConcordCli parent;

        @Option(names = "--upcoming", description = "Nominal re-entry within this time from now, with its unit: 30d,"
                + " 36h") String upcoming;
        @Option(names = "--norad", description = "One object's predictions, newest first") String noradId;
        @Option(names = "--overflies", paramLabel = "ALPHA3", description = "Only the predictions whose window"
                + " overflies this state or territory (ISO 3166-1 alpha-3, such as FRA); alone, every such prediction,"
                + " newest first") String overflies;
        @Option(names = "--limit", defaultValue = "50") String limit;

        @Override
        public Integer call() {
            if (upcoming != null && noradId != null || upcoming == null && noradId == null && overflies == null) {
                throw new IllegalArgumentException("give either --upcoming (such as 30d) or --norad, or --overflies"
                        + " (such as FRA)");
            }
            ProductQuery query = ProductSearch.read(ReentryKind.INSTANCE, new OptionArguments()
                    .put("noradId", "--norad", noradId).put("overflies", "--overflies", overflies)
                    .put("sort", "--sort", "-predicted").put("limit", "--limit", limit)
                    .arguments(ProductSearch.parameters(ReentryKind.INSTANCE)));
            Optional<String> state = Optional.ofNullable((String) query.filters().get("overflies"));
            try (Node node = parent.openNode()) {
                if (upcoming != null) {
                    Instant now = Instant.now();
                    Duration within = Quantities.duration("--upcoming", upcoming, MAX_UPCOMING);
                    List<Product<ReentryPrediction>> coming = node.reentryReports().notReentered(
                            node.reentries().upcoming(now, now.plus(within), LabelFilter.UNRESTRICTED),
                            LabelFilter.UNRESTRICTED).stream()
                            .filter(p -> state.map(p.value()::overflies).orElse(true)).toList();
                    print(coming);
                    System.out.println(coming.size() + " object(s) predicted to re-enter by " + now.plus(within)
                            + state.map(s -> " over " + s).orElse(""));
                } else {
                    var page = node.products().list(ReentryKind.INSTANCE, query, LabelFilter.UNRESTRICTED);
                    print(page.items());
                    System.out.println(page.items().size() + " of " + page.total() + " predictions");
                }
            }
            return 0;
        }
    }

    @Command(name = "notices", description = "The re-entry notices this node holds, soonest re-entry first: those it"
            + " issued to states that may not see its predictions, and those other nodes issued to its party"
            + " (docs/reentry.md).")
    static final class Notices implements Callable<Integer> {

        @ParentCommand
        ReentryCommand reentry;

        @Option(names = "--party", paramLabel = "ALPHA3", description = "Only the notices to this state (ISO 3166-1"
                + " alpha-3, such as AUS)") String party;
        @Option(names = "--norad", paramLabel = "NORAD_ID", description = "Only the notices of this object")
        String noradId;
        @Option(names = "--limit", defaultValue = "50") String limit;

        @Override
        public Integer call() {
            ProductQuery query = ProductSearch.read(ReentryNoticeKind.INSTANCE, new OptionArguments()
                    .put("party", "--party", party).put("noradId", "--norad", noradId).put("limit", "--limit", limit)
                    .arguments(ProductSearch.parameters(ReentryNoticeKind.INSTANCE)));
            try (Node node = reentry.parent.openNode()) {
                var page = node.products().list(ReentryNoticeKind.INSTANCE, query, LabelFilter.UNRESTRICTED);
                System.out.printf("%-6s %-9s %-24s %-24s %-24s %-24s %-24s %-10s %s%n", "PARTY", "NORAD", "NAME",
                        "NOMINAL", "WINDOW_OPENS", "WINDOW_CLOSES", "FIRST_OVERFLIGHT_UTC", "ISSUER", "LABEL");
                for (Product<ReentryNotice> p : page.items()) {
                    ReentryNotice n = p.value();
                    System.out.printf("%-6s %-9d %-24s %-24s %-24s %-24s %-24s %-10s %s%n", n.party(), n.noradId(),
                            n.objectName().orElse("-"), n.nominalEpoch(), n.window().opens(), n.window().closes(),
                            n.overflown().stream().map(o -> o.first().toString()).findFirst().orElse("-"),
                            p.label().originator(), p.label().releasability() + " TLP:" + p.label().tlp().code());
                }
                System.out.println(page.items().size() + " of " + page.total() + " notices");
            }
            return 0;
        }
    }

    /** The states overflown, soonest first, and the size of the ground track (its GeoJSON is in the API's JSON). */
    private static void printUnderWindow(ReentryPrediction r) {
        if (r.overflown().isEmpty()) {
            return;
        }
        System.out.printf("ground track: %d line(s), %d points; states overflown (%d):%n",
                r.groundTrack().lines().size(), r.groundTrack().lines().stream().mapToInt(List::size).sum(),
                r.overflown().size());
        System.out.printf("  %-6s %-32s %-24s %s%n", "STATE", "NAME", "FIRST_OVERFLIGHT_UTC", "LAST_OVERFLIGHT_UTC");
        for (Overflight o : r.overflown()) {
            System.out.printf("  %-6s %-32s %-24s %s%n", o.territory().alpha3().orElse("-"), o.territory().name(),
                    o.first(), o.last());
        }
    }

    private static void print(List<Product<ReentryPrediction>> predictions) {
        System.out.printf("%-9s %-16s %-14s %-24s %-24s %-24s %-20s %s%n", "NORAD", "CLASS", "OUTCOME", "NOMINAL",
                "WINDOW_OPENS", "WINDOW_CLOSES", "PREDICTED", "LABEL");
        for (Product<ReentryPrediction> p : predictions) {
            ReentryPrediction r = p.value();
            System.out.printf("%-9d %-16s %-14s %-24s %-24s %-24s %-20s %s%n", r.noradId(), r.reentryClass(),
                    r.outcome(), r.nominal().map(Instant::toString).orElse("-"),
                    r.window().map(ReentryWindow::opens).map(Instant::toString).orElse("-"),
                    r.window().map(ReentryWindow::closes).map(Instant::toString).orElse("-"),
                    r.predictedAt().toString().substring(0, 19), p.label().releasability() + " TLP:"
                            + p.label().tlp().code());
        }
    }
}
