package org.concord.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.concord.catalog.OrbitRecord;
import org.concord.catalog.RelabelOutcome;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "relabel", description = "Give a stored orbit record another label (the originator stays): it is"
        + " stored again under the new label with a new id, partners that were sent it under the old label are sent"
        + " its recall, and those the new label admits get it again. A label that publishes it more widely needs"
        + " --widen. Only records of this node's own party unless --any-originator.")
final class RelabelCommand implements Callable<Integer> {

    @ParentCommand
    ConcordCli parent;

    @Option(names = "--orbit", required = true, paramLabel = "ID", description = "The orbit record's id")
    long orbitId;

    @Option(names = "--label", required = true, paramLabel = "SPEC", description = "The new label, e.g."
            + " 'rel=REL TO GBR;tlp=RED' (keys not given keep the record's current values)")
    String label;

    @Option(names = "--widen", description = "Confirm a label that admits parties the current one does not (wider"
            + " releasability, lower TLP, fewer caveats, later expiry)")
    boolean widen;

    @Option(names = "--reason", defaultValue = "", paramLabel = "TEXT", description = "Why, for the audit log")
    String reason;

    @Option(names = "--any-originator", description = "Also re-label a record another party originated")
    boolean anyOriginator;

    @Override
    public Integer call() {
        try (Node node = parent.openNode()) {
            OrbitRecord record = node.catalog().findOrbit(orbitId, LabelFilter.UNRESTRICTED).orElseThrow(() ->
                    new IllegalArgumentException("orbit record " + orbitId + " is not held"));
            OwnRecords.check(node, record, anyOriginator, "re-labels");
            RelabelOutcome.Relabelled done = node.relabelAudited(record, Label.parse(label, record.label()), widen,
                    reason, SharingCommands.localAdministrator().name(), Optional.empty()).relabelled().orElseThrow(
                    () -> new IllegalArgumentException("orbit record " + orbitId + " went meanwhile (recalled)"));
            System.out.println(done.oldId() == done.newId()
                    ? "orbit record " + orbitId + " already has the label " + done.newLabel() + "; nothing changed"
                    : "re-labelled orbit record " + orbitId + " of object " + done.noradId() + " from "
                    + done.oldLabel() + " to " + done.newLabel() + ": now orbit record " + done.newId() + " ("
                    + done.products() + " derived products follow it)");
        }
        return 0;
    }
}
