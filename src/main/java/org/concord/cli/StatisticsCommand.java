package org.concord.cli;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.statistics.Boxscore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "statistics", description = "Show the boxscore of the catalog: objects by owner (party codes), object"
        + " type, orbit regime, on orbit or decayed, and the age of their element sets (docs/api.md, statistics).")
final class StatisticsCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Override
    public Integer call() {
        try (Node node = parent.openNode()) {
            Boxscore b = Boxscore.of(node.catalogScan(), LabelFilter.UNRESTRICTED, Instant.now(),
                    node.config().staleness());
            System.out.println("at:       " + b.at());
            System.out.println("objects:  " + b.objects() + " (" + b.withoutOrbit() + " known by their SATCAT entry"
                    + " alone, " + b.withoutSatcat() + " without a SATCAT entry)");
            System.out.println("status:   " + b.onOrbit() + " on orbit, " + b.decayed() + " decayed, "
                    + b.withoutSatcat() + " unknown (no SATCAT entry)");
            print("regime", b.byRegime(), b.withoutOrbit(), "no orbit record");
            print("type", b.byObjectType(), b.withoutSatcat(), "no SATCAT entry");
            print("owner", b.byOwner(), b.ownerUnknown(), "unknown");
            System.out.println("element-set age (of the newest state of each object's newest orbit record):");
            for (Boxscore.AgeBand band : b.elementSetAge()) {
                System.out.printf("  %-12s %d%n", band.to().map(to -> days(band.from()) + "-" + days(to) + " d")
                        .orElse(">= " + days(band.from()) + " d"), band.objects());
            }
            System.out.println("stale:    " + b.stale() + " (older than their regime's staleness limit,"
                    + " docs/staleness.md)");
        }
        return 0;
    }

    private static void print(String what, Map<?, Long> counts, long unplaced, String unplacedAs) {
        System.out.println(what + ":");
        counts.forEach((key, count) -> System.out.printf("  %-12s %d%n", key, count));
        System.out.printf("  %-12s %d%n", "(" + unplacedAs + ")", unplaced);
    }

    private static long days(java.time.Duration duration) {
        return duration.toDays();
    }
}
