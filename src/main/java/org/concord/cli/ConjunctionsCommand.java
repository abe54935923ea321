package org.concord.cli;

import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.Page;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionKind;
import org.concord.input.ProductSearch;
import org.concord.product.ProductQuery;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "conjunctions", description = "List stored conjunctions (from screenings and CDMs).")
final class ConjunctionsCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--norad", description = "Either object of the pair") String noradId;
    @Option(names = "--from", description = "TCA at or after: a date such as 2024-07-05 (midnight UTC) or an ISO-8601"
            + " time such as 2024-07-05T12:00:00Z") String from;
    @Option(names = "--to", description = "TCA at or before, as --from") String to;
    @Option(names = "--max-miss-m", description = "Miss distance at most, metres") String maxMiss;
    @Option(names = "--min-pc", description = "Probability of collision at least, 0 to 1") String minPc;
    @Option(names = "--run", description = "Only this screening run") String runId;
    @Option(names = "--sort", defaultValue = "tca", description = "tca or pc") String sort;
    @Option(names = "--limit", defaultValue = "50") String limit;

    @Override
    public Integer call() {
        ProductQuery query = ProductSearch.read(ConjunctionKind.INSTANCE, new OptionArguments().put("noradId", "--norad", noradId)
                .put("from", "--from", from).put("to", "--to", to).put("maxMissMeters", "--max-miss-m", maxMiss)
                .put("minPc", "--min-pc", minPc).put("runId", "--run", runId).put("sort", "--sort", sort)
                .put("limit", "--limit", limit).arguments(ProductSearch.parameters(ConjunctionKind.INSTANCE)));
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
