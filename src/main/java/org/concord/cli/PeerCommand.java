package org.concord.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.concord.federation.FeedPuller;
import org.concord.federation.Peer;
import org.concord.federation.PeerState;
import org.concord.federation.Peers;
import org.concord.node.Node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code peer}: the partner nodes this node exchanges data with. */
@Command(name = "peer", description = "Partner nodes: register their keys, see the exchange, sync now.",
        subcommands = {PeerCommand.Add.class, PeerCommand.ListPeers.class, PeerCommand.Remove.class,
            PeerCommand.Sync.class})
final class PeerCommand {

    @ParentCommand
    ConcordCli parent;

    @Command(name = "add", description = "Register a partner node, e.g. peer add --party USA --key usa-node.pub.pem"
            + " --endpoint https://concord.usa.example:8443 (the key is what `concord node key` prints there).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        PeerCommand peer;
        @Option(names = "--party", required = true, description = "The party the node belongs to")
        String party;
        @Option(names = "--key", required = true, description = "File with the node's Ed25519 public key (PEM)")
        Path key;
        @Option(names = "--endpoint", required = true, description = "The node's base URL")
        String endpoint;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(key)) {
                throw new IllegalArgumentException("--key: cannot read " + key);
            }
            String pem = Files.readString(key);
            try {
                org.concord.identity.NodeIdentity.parsePublicKeyPem(pem);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--key " + key + ": " + e.getMessage(), e);
            }
            try (Node node = peer.parent.openNode()) {
                Peer p = node.federation().addPeer(party.toUpperCase(java.util.Locale.ROOT), pem,
                        URI.create(endpoint), SharingCommands.localAdministrator());
                System.out.println("added peer " + p.id() + ": " + p.party() + " at " + p.endpoint() + ", key "
                        + p.fingerprint());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the peers with the state of the exchange in both directions.")
    static final class ListPeers implements Callable<Integer> {
        @ParentCommand
        PeerCommand peer;

        @Override
        public Integer call() {
            try (Node node = peer.parent.openNode()) {
                List<Peers.PeerStatus> all = node.federation().status();
                if (all.isEmpty()) {
                    System.out.println("no peers; add one with: concord peer add --party P --key FILE --endpoint URL");
                }
                for (Peers.PeerStatus s : all) {
                    Peer p = s.peer();
                    PeerState st = s.state();
                    System.out.printf("%d %s %s %s%s%n", p.id(), p.party(), p.endpoint(), p.fingerprint(),
                            p.isActive() ? "" : "  (removed " + p.removedAt().orElseThrow() + ")");
                    System.out.printf("    sent: bundle %d (acknowledged %d), %d records, %d pending%n",
                            st.servedSequence(), st.ackedSequence(), st.itemsServed(), s.pendingRecords());
                    System.out.printf("    received: bundle %d, %d records, last %s%n", st.receivedSequence(),
                            st.itemsReceived(), st.lastReceivedAt().map(Instant::toString).orElse("never"));
                    s.heldItems().forEach((kind, count) -> System.out.printf("    held: %d %s items (this node does"
                            + " not serve %s: an upgrade that does stores them)%n", count, kind, kind));
                    if (st.errors() > 0) {
                        System.out.printf("    errors: %d, last at %s: %s%n", st.errors(),
                                st.lastErrorAt().map(Instant::toString).orElse("?"), st.lastError().orElse(""));
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "End a peer: it can no longer pull from this node nor is it pulled from.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        PeerCommand peer;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Node node = peer.parent.openNode()) {
                Peer p = node.federation().removePeer(id, SharingCommands.localAdministrator());
                System.out.println("removed peer " + p.id() + " (" + p.party() + ")");
            }
            return 0;
        }
    }

    @Command(name = "sync", description = "Pull now from one peer (by id) or from every active peer.")
    static final class Sync implements Callable<Integer> {
        @ParentCommand
        PeerCommand peer;
        @Parameters(paramLabel = "ID", arity = "0..1")
        Long id;

        @Override
        public Integer call() {
            int failures = 0;
            try (Node node = peer.parent.openNode()) {
                for (Peer p : node.federation().peers()) {
                    if (!p.isActive() || id != null && p.id() != id) {
                        continue;
                    }
                    FeedPuller.SyncReport r = node.federation().pull(p, Integer.MAX_VALUE);
                    System.out.printf("%s: %d bundles, %d records stored, %d unchanged, %d rejected%s%n", p.party(),
                            r.bundles(), r.stored(), r.unchanged(), r.rejected(),
                            r.error().map(e -> "; FAILED: " + e).orElse(""));
                    if (r.error().isPresent()) {
                        failures++;
                    }
                }
            }
            return failures == 0 ? 0 : 1;
        }
    }
}
