package org.concord.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.concord.connector.ConnectorRun;
import org.concord.connector.ConnectorState;
import org.concord.connector.Connectors;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code connectors}: the live source connectors of the configuration (docs/connectors.md). */
@Command(name = "connectors", description = "Live source connectors: their state and last runs, or a run now.",
        subcommands = {ConnectorsCommand.ListConnectors.class, ConnectorsCommand.Run.class})
final class ConnectorsCommand {

    @ParentCommand
    ConcordCli parent;

    @Command(name = "list", description = "List the configured connectors, their state and their last runs.")
    static final class ListConnectors implements Callable<Integer> {
        @ParentCommand
        ConnectorsCommand connectors;

        @Override
        public Integer call() {
            try (Node node = connectors.parent.openNode()) {
                List<Connectors.Status> all = node.connectors().status();
                if (all.isEmpty()) {
                    System.out.println("no connectors configured (configuration key connectors;"
                            + " docs/connectors.md)");
                }
                for (Connectors.Status status : all) {
                    ConnectorState s = status.state();
                    System.out.printf("%s (%s) %s every %s, label %s%n", status.definition().name(),
                            status.definition().type(), status.definition().url(), status.definition().period(),
                            status.definition().label());
                    System.out.printf("    last success %s; %s%n",
                            s.lastSuccessAt().map(Instant::toString).orElse("never"),
                            s.halted().map(h -> "HALTED until an administrator runs it: " + h)
                                    .orElse("next attempt " + s.nextAttemptAt()
                                            + (s.failures() > 0 ? " (" + s.failures() + " failures in a row)" : "")));
                    status.runs().forEach(run -> System.out.println("    " + line(run)));
                }
            }
            return 0;
        }
    }

    @Command(name = "run", description = "Run a connector now (within its source's etiquette), also when halted.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        ConnectorsCommand connectors;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Node node = connectors.parent.openNode()) {
                ConnectorRun run;
                try {
                    run = node.connectors().runNow(name);
                } catch (Connectors.TooSoonException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                System.out.println(line(run));
                return run.outcome() == ConnectorRun.Outcome.INGESTED
                        || run.outcome() == ConnectorRun.Outcome.UNCHANGED ? 0 : 1;
            }
        }
    }

    static String line(ConnectorRun run) {
        return run.startedAt() + " " + run.outcome() + (run.manual() ? " (by hand)" : "") + ", HTTP "
                + run.httpStatus().map(String::valueOf).orElse("-") + ", " + run.requests() + " requests, "
                + run.stored() + " stored, " + run.unchanged() + " unchanged, " + run.rejected() + " rejected"
                + run.error().map(e -> ": " + e).orElse("");
    }
}
