package org.concord.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.concord.label.LabelFilter;
import org.concord.catalog.OrbitRecord;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "orbits", description = "The orbit history of an object, newest first, with provenance and labels.")
final class OrbitsCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Parameters(paramLabel = "NORAD") long noradId;

    @Override
    public Integer call() {
        try (Node node = parent.openNode()) {
            List<OrbitRecord> history = node.catalog().orbitHistory(noradId, LabelFilter.UNRESTRICTED);
            if (history.isEmpty()) {
                System.err.println("no object " + noradId + " in this catalog");
                return 1;
            }
            history.forEach(ObjectCommand::printOrbit);
        }
        return 0;
    }
}
