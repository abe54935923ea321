package org.concord.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.catalog.OrbitRecord;
import org.concord.catalog.RecallOutcome;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "recall", description = "Recall an orbit record: remove it and the conjunctions computed from it;"
        + " the object's latest orbit is ranked again. Only records of this node's own party unless --any-originator.")
final class RecallCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--orbit", required = true, paramLabel = "ID", description = "The orbit record's id")
    long orbitId;

    @Option(names = "--reason", defaultValue = "", paramLabel = "TEXT", description = "Why, for the audit log")
    String reason;

    @Option(names = "--any-originator", description = "Also recall a record another party originated")
    boolean anyOriginator;

    @Override
    public Integer call() {
        try (Node node = parent.openNode()) {
            Optional<OrbitRecord> record = node.catalog().findOrbit(orbitId, LabelFilter.UNRESTRICTED);
            if (record.isEmpty()) {
                System.out.println("orbit record " + orbitId + " is not held; nothing recalled");
                return 0;
            }
            OwnRecords.check(node, record.get(), anyOriginator, "recalls");
            String originator = record.get().label().originator();
            RecallOutcome outcome = node.recallAudited(record.get().contentSha256(), originator, reason,
                    SharingCommands.localAdministrator().name(), Optional.empty());
            System.out.println("recalled orbit record " + orbitId + " of object " + record.get().noradId() + " from "
                    + originator + ": " + outcome.orbitRecordsRemoved() + " orbit record and "
                    + outcome.productsRemoved() + " derived products (conjunctions, ...) removed");
        }
        return 0;
    }
}
