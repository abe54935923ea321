package org.concord.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.concord.audit.AuditEntry;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditJson;
import org.concord.audit.AuditVerification;
import org.concord.audit.Checkpoint;
import org.concord.audit.PartyView;
import org.concord.audit.ProofCheck;
import org.concord.identity.NodeIdentity;
import org.concord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", description = "The node's verifiable audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.SignCheckpoint.class, AuditCommand.Log.class,
            AuditCommand.CheckProof.class})
final class AuditCommand {

    @ParentCommand
    ConcordCli parent;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static String cliActor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @Command(name = "verify", description = "Check every stored entry and checkpoint; exit 0 when intact, 3 otherwise.")
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Override
        public Integer call() {
            try (Node node = audit.parent.openNode()) {
                AuditVerification report = node.audit().verify();
                System.out.println("entries:     " + report.entries());
                System.out.println("checkpoints: " + report.checkpoints() + " (key " + node.identity().fingerprint()
                        + ")");
                System.out.println("not yet covered by a checkpoint: " + report.uncoveredEntries() + " entries");
                if (report.intact()) {
                    System.out.println("intact");
                    return 0;
                }
                System.out.println("NOT INTACT: " + report.problems().size() + " problems, first bad index "
                        + report.firstBadIndex().orElseThrow());
                for (AuditVerification.Problem p : report.problems()) {
                    System.out.println("  " + p.kind() + " at " + p.index() + ": " + p.message());
                }
                return 3;
            }
        }
    }

    @Command(name = "checkpoint", description = "Sign a checkpoint of the log now and print it (JSON).")
    static final class SignCheckpoint implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Override
        public Integer call() throws IOException {
            try (Node node = audit.parent.openNode()) {
                Checkpoint checkpoint = node.audit().checkpointRequestedBy(cliActor(),
                        Optional.of(node.config().party()), "concord audit checkpoint");
                System.out.println(JSON.writeValueAsString(AuditJson.checkpoint(checkpoint)));
            }
            return 0;
        }
    }

    @Command(name = "log", description = "List audit entries, oldest first.")
    static final class Log implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Option(names = "--party", description = "Only entries concerning this party (its data, or its actors),"
                + " shown as that party may see them (docs/audit.md)")
        String party;

        @Option(names = "--after", defaultValue = "-1", description = "Only entries after this sequence number")
        long after;

        @Option(names = "--limit", defaultValue = "50") int limit;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new IllegalArgumentException("--limit must be at least 1");
            }
            try (Node node = audit.parent.openNode()) {
                List<AuditEntry> entries = party == null ? node.audit().entries(after + 1, limit)
                        : node.audit().entriesConcerning(party, after, limit);
                System.out.printf("%6s %-27s %-16s %-6s %-17s %-32s %s%n", "SEQ", "TIME", "ACTOR", "PARTY",
                        "ACTION", "SUBJECT", "ORIGINATORS");
                for (AuditEntry entry : entries) {
                    AuditEvent e = (party == null ? PartyView.whole(entry) : PartyView.of(entry, party)).event();
                    System.out.printf("%6d %-27s %-16s %-6s %-17s %-32s %s%n", entry.sequence(), e.time(),
                            e.actor(), e.actorParty().orElse("-"), e.action(), e.subject(),
                            String.join(",", e.originators()));
                }
                System.out.println(entries.size() + " entries");
            }
            return 0;
        }
    }

    @Command(name = "check-proof", description = "Check a proof offline against a signed checkpoint, with only the"
            + " node's public key (no database). Exit 0 when it holds, 3 otherwise.")
    static final class CheckProof implements Callable<Integer> {

        @Option(names = "--key", required = true, description = "The node's public key (PEM), from `concord node"
                + " key` or GET /api/v1/node/key")
        Path key;

        @Option(names = "--checkpoint", required = true, description = "A signed checkpoint (JSON)")
        Path checkpoint;

        @Option(names = "--proof", required = true, description = "An inclusion or consistency proof (JSON, as"
                + " GET /api/v1/audit/proofs/... serves it)")
        Path proof;

        @Option(names = "--entry", description = "For an inclusion proof: the entry's exact bytes (its canonical"
                + " JSON); default: the entry inside the proof")
        Path entry;

        @Option(names = "--old-checkpoint", description = "For a consistency proof: the signed checkpoint of the"
                + " older tree, to tie the proof's starting root to it")
        Path oldCheckpoint;

        @Override
        public Integer call() {
            PublicKey publicKey = NodeIdentity.parsePublicKeyPem(read(key));
            Checkpoint signed = AuditJson.checkpoint(json(checkpoint));
            JsonNode proofJson = json(proof);
            List<String> failures;
            String what;
            if (AuditJson.isConsistencyProof(proofJson)) {
                AuditJson.ConsistencyClaim claim = AuditJson.consistencyClaim(proofJson);
                failures = ProofCheck.consistency(publicKey, signed,
                        Optional.ofNullable(oldCheckpoint).map(p -> AuditJson.checkpoint(json(p))), claim);
                what = "the log of " + claim.toSize() + " entries signed at " + signed.signedAt() + " extends the log"
                        + " of " + claim.fromSize() + (oldCheckpoint == null ? " entries (root as the proof states;"
                        + " give --old-checkpoint to tie it to a signed checkpoint)"
                        : " entries of the older checkpoint");
            } else {
                AuditJson.InclusionClaim claim = AuditJson.inclusionClaim(proofJson);
                byte[] entryBytes = entry == null ? claim.entry()
                        : read(entry).stripTrailing().getBytes(StandardCharsets.UTF_8);
                failures = ProofCheck.inclusion(publicKey, signed, claim, entryBytes);
                what = "entry " + claim.index() + " is in the log of " + claim.treeSize() + " entries signed at "
                        + signed.signedAt();
            }
            System.out.println("key " + NodeIdentity.fingerprint(publicKey));
            if (failures.isEmpty()) {
                System.out.println("OK: " + what);
                return 0;
            }
            System.out.println("FAILED:");
            failures.forEach(f -> System.out.println("  " + f));
            return 3;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        private static JsonNode json(Path file) {
            try {
                return JSON.readTree(read(file));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
            }
        }
    }
}
