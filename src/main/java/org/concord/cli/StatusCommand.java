package org.concord.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.CatalogFreshness;
import org.concord.catalog.CatalogStatistics;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Show the node's database, catalog size and data freshness.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Override
    public Integer call() {
        try (Node node = parent.openNode()) {
            CatalogStatistics s = node.catalog().statistics(LabelFilter.UNRESTRICTED);
            System.out.println("version:        " + Node.version());
            System.out.println("party:          " + node.config().party());
            System.out.println("database:       " + node.databaseDescription());
            System.out.println("objects:        " + s.objects());
            System.out.println("orbit records:  " + s.orbitRecords());
            System.out.println("SATCAT entries: " + s.satcatEntries());
            System.out.println("newest epoch:   " + s.newestEpoch().map(Instant::toString).orElse("-"));
            System.out.println("median epoch:   " + s.medianEpoch().map(Instant::toString).orElse("-"));
            CatalogFreshness f = node.catalog().freshness(LabelFilter.UNRESTRICTED, Instant.now());
            System.out.printf(Locale.ROOT, "freshness:      of %d objects at %s, %.1f %% have element sets older than"
                    + " 3 days, %.1f %% older than 7 days, %.1f %% older than 30 days%n", f.objects(), f.at(),
                    100 * f.share(f.olderThan3Days()), 100 * f.share(f.olderThan7Days()),
                    100 * f.share(f.olderThan30Days()));
            System.out.println("Earth orientation data: " + (node.orekit().earthOrientationLoaded() ? "loaded"
                    : "not loaded (ITRF and geodetic results are approximate; set orekit.data)"));
        }
        return 0;
    }
}
