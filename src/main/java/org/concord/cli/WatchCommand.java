package org.concord.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.input.WatchInput;
import org.concord.node.Node;
import org.concord.watch.Notification;
import org.concord.watch.Watch;
import org.concord.watch.WatchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code watch}: a party's watch list and its notifications (docs/watches.md). */
@Command(name = "watch", description = "Watch objects: be notified of the events that cross your thresholds.",
        subcommands = {WatchCommand.Add.class, WatchCommand.ListWatches.class, WatchCommand.Remove.class,
            WatchCommand.Notifications.class})
final class WatchCommand {

    @ParentCommand
    ConcordCli parent;

    /** The party the command acts for: the node's own unless named. */
    static final class PartyOption {
        @Option(names = "--party", paramLabel = "CODE", description = "The party whose watches these are (default:"
                + " the node's party).")
        Optional<String> party = Optional.empty();

        String of(Node node) {
            return party.map(p -> p.toUpperCase(Locale.ROOT)).orElse(node.config().party());
        }
    }

    @Command(name = "add", description = "Watch an object: thresholds of miss distance and/or Pc, how far ahead.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        WatchCommand watch;
        @Parameters(paramLabel = "NORAD_ID", description = "The catalog number of the object to watch.")
        String noradId;
        @Option(names = "--miss", paramLabel = "DISTANCE", description = "Notify when the miss distance is at most"
                + " this, with its unit (1km, 500m).")
        Optional<String> miss = Optional.empty();
        @Option(names = "--pc", paramLabel = "P", description = "Notify when the probability of collision is at"
                + " least this (1e-4).")
        Optional<String> pc = Optional.empty();
        @Option(names = "--within", paramLabel = "DURATION", description = "Only events whose TCA is at most this far"
                + " ahead, with its unit (3d, 36h; default 7d).")
        Optional<String> within = Optional.empty();
        @Option(names = "--webhook", paramLabel = "URL", description = "Deliver each notification to this https URL,"
                + " signed with the node's key.")
        Optional<String> webhook = Optional.empty();
        @picocli.CommandLine.Mixin
        PartyOption party = new PartyOption();

        @Override
        public Integer call() {
            try (Node node = watch.parent.openNode()) {
                Watch.Terms terms = WatchInput.terms(noradId, miss, pc, within, webhook,
                        node.watches().settings().allowLoopbackHttp());
                Watch added = node.watches().add(party.of(node), terms, SharingCommands.localAdministrator());
                System.out.println("watch " + added.id() + ": " + line(added));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List a party's watches.")
    static final class ListWatches implements Callable<Integer> {
        @ParentCommand
        WatchCommand watch;
        @picocli.CommandLine.Mixin
        PartyOption party = new PartyOption();

        @Override
        public Integer call() {
            try (Node node = watch.parent.openNode()) {
                List<Watch> all = node.watches().watches(party.of(node), SharingCommands.localAdministrator());
                if (all.isEmpty()) {
                    System.out.println("no watches of party " + party.of(node));
                }
                all.forEach(w -> System.out.println(w.id() + "  " + line(w)));
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a watch with its notifications.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        WatchCommand watch;
        @Parameters(paramLabel = "ID")
        long id;
        @picocli.CommandLine.Mixin
        PartyOption party = new PartyOption();

        @Override
        public Integer call() {
            try (Node node = watch.parent.openNode()) {
                if (!node.watches().remove(party.of(node), id, SharingCommands.localAdministrator())) {
                    throw new IllegalArgumentException("no watch " + id + " of party " + party.of(node));
                }
                System.out.println("removed watch " + id);
            }
            return 0;
        }
    }

    @Command(name = "notifications", description = "List a party's notifications and their deliveries.")
    static final class Notifications implements Callable<Integer> {
        @ParentCommand
        WatchCommand watch;
        @Option(names = "--limit", paramLabel = "N", description = "At most this many, newest first (default 100).")
        int limit = 100;
        @picocli.CommandLine.Mixin
        PartyOption party = new PartyOption();

        @Override
        public Integer call() {
            try (Node node = watch.parent.openNode()) {
                for (WatchService.Shown shown : node.watches().notifications(party.of(node), limit,
                        SharingCommands.localAdministrator())) {
                    Notification n = shown.notification();
                    System.out.printf(Locale.ROOT, "%s %s watch %d: event %d (%d-%d) update %d, TCA %s, miss %.0f m,"
                                    + " Pc %s; %s%n", n.createdAt(), n.reason(), n.watchId(), n.eventId(),
                            n.primaryNoradId(), n.secondaryNoradId(), n.updateNumber(), n.tca(),
                            n.missDistanceMeters(), n.probability().map(p -> String.format(Locale.ROOT, "%.2e", p))
                                    .orElse("-"), n.status());
                    n.attempts().forEach(a -> System.out.println("    attempt " + a.attempt() + " at " + a.at()
                            + ": HTTP " + a.httpStatus().map(String::valueOf).orElse("-")
                            + a.error().map(e -> ", " + e).orElse("")));
                }
            }
            return 0;
        }
    }

    private static String line(Watch w) {
        Watch.Terms t = w.terms();
        return "object " + t.noradId() + t.missDistanceMeters().map(m -> String.format(Locale.ROOT,
                ", miss <= %.0f m", m)).orElse("") + t.probability().map(p -> ", Pc >= " + p).orElse("")
                + ", TCA within " + org.concord.input.Quantities.describe(t.within())
                + t.webhook().map(u -> ", webhook " + u).orElse(", no webhook") + " (party " + w.party() + ", by "
                + w.createdBy() + " at " + w.createdAt() + ")";
    }
}
