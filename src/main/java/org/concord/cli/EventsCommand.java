package org.concord.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.catalog.Page;
import org.concord.catalog.SpaceObject;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventKind;
import org.concord.event.EventUpdate;
import org.concord.input.ProductSearch;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.spaceweather.SpaceWeatherService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "events", description = "List conjunction events: one per encounter across screenings, CDMs and"
        + " partners, with its latest state and how it changed (docs/events.md).",
        subcommands = {EventsCommand.Show.class, EventsCommand.Cdm.class})
final class EventsCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--norad", description = "Either object of the pair") String noradId;
    @Option(names = "--from", description = "Latest TCA at or after: a date such as 2024-07-05 (midnight UTC) or an"
            + " ISO-8601 time such as 2024-07-05T12:00:00Z") String from;
    @Option(names = "--to", description = "Latest TCA at or before, as --from") String to;
    @Option(names = "--max-miss-m", description = "Latest miss distance at most, metres") String maxMiss;
    @Option(names = "--min-pc", description = "Latest probability of collision at least, 0 to 1") String minPc;
    @Option(names = "--sort", defaultValue = "tca", description = "tca, -pc, miss or -updated") String sort;
    @Option(names = "--limit", defaultValue = "50") String limit;

    @Override
    public Integer call() {
        ProductQuery query = ProductSearch.read(EventKind.INSTANCE, new OptionArguments()
                .put("noradId", "--norad", noradId).put("from", "--from", from).put("to", "--to", to)
                .put("maxMissMeters", "--max-miss-m", maxMiss).put("minPc", "--min-pc", minPc)
                .put("sort", "--sort", sort).put("limit", "--limit", limit)
                .arguments(ProductSearch.parameters(EventKind.INSTANCE)));
        try (Node node = parent.openNode()) {
            Page<Product<ConjunctionEvent>> page = node.products().list(EventKind.INSTANCE, query,
                    LabelFilter.UNRESTRICTED);
            SpaceWeatherService.Storms storms = storms(node, page.items().stream()
                    .flatMap(p -> p.value().updates().stream()).toList());
            System.out.printf("%6s %-27s %-34s %-34s %10s %10s %-25s %3s  %-22s %-23s %s%n", "ID", "TCA", "PRIMARY",
                    "SECONDARY", "MISS_M", "PC", "PC_KIND", "UPD", "MISS_TREND_M", "STALE_AFTER_STORM", "LABEL");
            for (Product<ConjunctionEvent> p : page.items()) {
                ConjunctionEvent e = p.value();
                EventUpdate latest = e.latest();
                System.out.printf("%6d %-27s %-34s %-34s %10.1f %10s %-25s %3d  %-22s %-23s %s%n", p.id(),
                        latest.tca(), object(node, e.primaryNoradId()), object(node, e.secondaryNoradId()),
                        latest.missDistanceMeters(), pc(latest), pcKind(latest), e.updates().size(), trend(e),
                        storm(storms, latest), p.label().releasability() + " TLP:" + p.label().tlp().code());
            }
            System.out.println(page.items().size() + " of " + page.total() + " matching events");
        }
        return 0;
    }

    /** The catalog number, name and owner of an object, as far as the catalog knows them. */
    static String object(Node node, long noradId) {
        Optional<SpaceObject> o = node.catalog().findObject(noradId, LabelFilter.UNRESTRICTED);
        String name = o.map(SpaceObject::name).orElse("?");
        String owner = o.flatMap(SpaceObject::satcat).flatMap(SpaceObject.SatcatEntry::owner).orElse("?");
        String text = noradId + " " + name + " (" + owner + ")";
        return text.length() > 34 ? text.substring(0, 33) + "…" : text;
    }

    /**
     * The storms that may leave an input of these updates stale at its TCA (docs/space-weather.md), read once, in
     * every index this node holds (the command line reads unrestricted).
     */
    static SpaceWeatherService.Storms storms(Node node, List<EventUpdate> updates) {
        return node.spaceWeather().stormsUnseenBy(updates.stream().flatMap(u -> u.inputAges().stream()
                .map(a -> new SpaceWeatherService.Inputs(a.epochsAt(u.tca()), u.tca()))).toList(),
                LabelFilter.UNRESTRICTED);
    }

    /**
     * The update's stale-after-storm flag: the latest storm that leaves either input stale at its TCA, as its G level
     * and start ({@code G5 from 2024-05-10T15:00:00Z}), or "-" (none, or input ages unknown: CDMs, partners).
     */
    static String storm(SpaceWeatherService.Storms storms, EventUpdate u) {
        return u.inputAges().flatMap(a -> storms.unseenBy(new SpaceWeatherService.Inputs(a.epochsAt(u.tca()),
                u.tca()))).map(s -> "G" + s.gScale() + " from " + s.start()).orElse("-");
    }

    private static String pc(EventUpdate u) {
        return u.risk().map(r -> String.format("%.3e", r.probability())).orElse("-");
    }

    /** The Pc's kind; an ESTIMATED Pc with the maximum Pc beside it. */
    private static String pcKind(EventUpdate u) {
        return u.risk().map(r -> r.source().name() + r.maximumBeside(u.missDistanceMeters())
                .map(max -> String.format(" (max %.3e)", max)).orElse("")).orElse("-");
    }

    /** The miss distances of the updates in the order computed, first and last. */
    private static String trend(ConjunctionEvent e) {
        java.util.List<EventUpdate> ordered = e.updates().stream().sorted(java.util.Comparator
                .comparing(EventUpdate::computedAt).thenComparingInt(EventUpdate::number)).toList();
        return ordered.size() == 1 ? "-" : String.format("%.0f -> %.0f", ordered.getFirst().missDistanceMeters(),
                ordered.getLast().missDistanceMeters());
    }

    @Command(name = "show", description = "One conjunction event: its objects and every update.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        EventsCommand events;

        @Parameters(index = "0", description = "The event's id") long id;

        @Override
        public Integer call() {
            try (Node node = events.parent.openNode()) {
                Product<ConjunctionEvent> p = node.products().find(EventKind.INSTANCE, id, LabelFilter.UNRESTRICTED)
                        .orElseThrow(() -> new IllegalArgumentException("no event " + id));
                ConjunctionEvent e = p.value();
                System.out.println("event " + p.id() + ": " + object(node, e.primaryNoradId()) + " and "
                        + object(node, e.secondaryNoradId()) + "; label " + p.label().releasability() + " TLP:"
                        + p.label().tlp().code());
                SpaceWeatherService.Storms storms = storms(node, e.updates());
                System.out.printf("%3s %-9s %-25s %-24s %-27s %10s %9s %9s %9s %10s %-8s %-23s %s%n", "N", "SOURCE",
                        "BY", "COMPUTED", "TCA", "MISS_M", "R_M", "T_M", "N_M", "PC", "PC_KIND", "STALE_AFTER_STORM",
                        "AGES_S (FRAME)");
                for (EventUpdate u : e.updates()) {
                    System.out.printf("%3d %-9s %-25s %-24s %-27s %10.1f %9.1f %9.1f %9.1f %10s %-8s %-23s %s%n",
                            u.number(), u.source(), u.originator(), u.computedAt(), u.tca(), u.missDistanceMeters(),
                            u.radialMeters(), u.inTrackMeters(), u.crossTrackMeters(), pc(u), pcKind(u),
                            storm(storms, u), u.inputAges().map(a -> a.primary().toSeconds() + "/"
                                    + a.secondary().toSeconds()).orElse("-") + " (RTN of " + u.frameNoradId() + ")");
                }
            }
            return 0;
        }
    }

    @Command(name = "cdm", description = "One conjunction event's latest update as a CCSDS CDM on standard output:"
            + " covariances measured (from its CDM) or estimated from the element-set histories, else refused saying"
            + " why (docs/events.md).")
    static final class Cdm implements Callable<Integer> {

        @ParentCommand
        EventsCommand events;

        @Parameters(index = "0", description = "The event's id") long id;
        @Option(names = "--format", defaultValue = "kvn", description = "kvn or xml") String format;

        @Override
        public Integer call() {
            org.concord.event.EventCdm.Format chosen = org.concord.event.EventCdm.Format.parse(format);
            try (Node node = events.parent.openNode()) {
                Product<ConjunctionEvent> p = node.products().find(EventKind.INSTANCE, id, LabelFilter.UNRESTRICTED)
                        .orElseThrow(() -> new IllegalArgumentException("no event " + id));
                System.out.print(node.eventCdm().write(p, chosen));
            }
            return 0;
        }
    }
}
