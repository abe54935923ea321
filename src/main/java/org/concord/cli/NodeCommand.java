package org.concord.cli;

import java.util.concurrent.Callable;

import org.concord.identity.NodeIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "node", description = "The node's identity.", subcommands = NodeCommand.Key.class)
final class NodeCommand {

    @ParentCommand
    ConcordCli parent;

    @Command(name = "key", description = "Print the node's public key (PEM) and its fingerprint (SHA-256 of the"
            + " encoded key); generates the key pair on first use.")
    static final class Key implements Callable<Integer> {

        @ParentCommand
        NodeCommand node;

        @Override
        public Integer call() {
            NodeIdentity identity = NodeIdentity.loadOrCreate(node.parent.config().dataDirectory());
            System.out.print(identity.publicKeyPem());
            System.out.println("fingerprint (SHA-256): " + identity.fingerprint());
            return 0;
        }
    }
}
