package org.concord.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.Page;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionQuery;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "conjunctions", description = "List stored conjunctions (from screenings and CDMs).")
final class ConjunctionsCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--norad", description = "Either object of the pair") Long noradId;
    @Option(names = "--from", description = "TCA at or after (ISO-8601 UTC)") Instant from;
    @Option(names = "--to", description = "TCA at or before (ISO-8601 UTC)") Instant to;
    @Option(names = "--max-miss-m") Double maxMiss;
    @Option(names = "--min-pc") Double minPc;
    @Option(names = "--run", description = "Only this screening run") Long runId;
    @Option(names = "--sort", defaultValue = "tca", description = "tca or pc") String sort;
    @Option(names = "--limit", defaultValue = "50") int limit;

    @Override
    public Integer call() {
        ConjunctionQuery query = new ConjunctionQuery(Optional.ofNullable(noradId), Optional.ofNullable(from),
                Optional.ofNullable(to), Optional.ofNullable(maxMiss), Optional.ofNullable(minPc),
                Optional.ofNullable(runId), sort.equalsIgnoreCase("pc") ? ConjunctionQuery.Sort.PC
                : ConjunctionQuery.Sort.TCA, limit, 0);
        try (Node node = parent.openNode()) {
            Page<Conjunction> page = node.conjunctions().findConjunctions(query, LabelFilter.UNRESTRICTED);
            System.out.printf("%-27s %9s %9s %10s %9s %10s  %-8s %-5s %s%n", "TCA", "PRIMARY", "SECONDARY",
                    "MISS_M", "V_REL_MS", "PC", "PC_KIND", "STALE", "LABEL");
            for (Conjunction c : page.items()) {
                System.out.printf("%-27s %9d %9d %10.1f %9.1f %10s  %-8s %-5s %s%n", c.tca(), c.primaryNoradId(),
                        c.secondaryNoradId(), c.missDistanceMeters(), c.relativeSpeedMetersPerSecond(),
                        c.risk().map(r -> String.format("%.3e", r.probability())).orElse("-"),
                        c.risk().map(r -> r.source().name()).orElse("-"),
                        c.inputAges().map(a -> a.stale() ? "yes" : "no").orElse("-"),
                        c.label().releasability() + " TLP:" + c.label().tlp().code());
            }
            System.out.println(page.items().size() + " of " + page.total() + " matching conjunctions");
        }
        return 0;
    }
}
