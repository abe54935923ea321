package org.concord.cli;

import org.concord.catalog.OrbitRecord;
import org.concord.node.Node;

/** The rule of the commands that change a stored record: the node's own party's records, others' only when asked. */
final class OwnRecords {

    private OwnRecords() {
    }

    /** Refuses a record another party originated unless {@code anyOriginator}; {@code verb} names the change. */
    static void check(Node node, OrbitRecord record, boolean anyOriginator, String verb) {
        String originator = record.label().originator();
        if (!anyOriginator && !originator.equals(node.config().party())) {
            throw new IllegalArgumentException("orbit record " + record.id() + " was originated by " + originator
                    + ", not by this node's party " + node.config().party() + "; --any-originator " + verb + " it");
        }
    }
}
