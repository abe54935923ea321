package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.concord.node.Node;
import org.concord.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator's commands: parties, groups, users, tokens, agreements, each change in the audit log. */
class SharingCommandsTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("node"), args);
    }

    @Test
    void aFreshNodeTakesUsersOfItsOwnPartyAtOnce() {
        CliRun root = run("user", "add", "root", "--party", "LOCAL", "--role", "admin");
        assertThat(root.exitCode()).as(root.err()).isZero();
        assertThat(run("party", "list").out()).containsPattern("LOCAL +operator +priority 0 +this node \\(LOCAL\\)");
    }

    @Test
    void anAdministratorDeclaresPartiesUsersTokensAndAgreements() {
        assertThat(run("party", "add", "GBR", "--name", "United Kingdom", "--kind", "nation").exitCode()).isZero();
        assertThat(run("party", "add", "usa", "--name", "United States", "--kind", "nation").out())
                .contains("added party USA (nation)");
        assertThat(run("party", "add", "CSPO", "--name", "Combined Space Operations", "--kind", "group").exitCode())
                .isZero();
        assertThat(run("party", "member-add", "CSPO", "USA").exitCode()).isZero();
        assertThat(run("party", "list").out()).contains("CSPO").contains("members: USA");

        CliRun twice = run("party", "add", "GBR", "--name", "again", "--kind", "nation");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).contains("party GBR exists already");
        CliRun badKind = run("party", "add", "FRA", "--name", "France", "--kind", "empire");
        assertThat(badKind.err()).contains("unknown party kind 'empire'");
        CliRun groupUser = run("user", "add", "bob", "--party", "CSPO", "--role", "viewer");
        assertThat(groupUser.exitCode()).isEqualTo(1);
        assertThat(groupUser.err()).contains("not to the group CSPO");

        assertThat(run("user", "add", "alice", "--party", "GBR", "--role", "analyst").out())
                .contains("added user alice of GBR as analyst");
        CliRun token = run("token", "create", "--user", "alice", "--days", "7", "--description", "laptop");
        assertThat(token.exitCode()).as(token.err()).isZero();
        String secret = token.out().trim();
        assertThat(secret).startsWith("concord_").hasSize("concord_".length() + 43);
        assertThat(token.err()).contains("shown only now");
        CliRun tokens = run("token", "list");
        assertThat(tokens.out()).contains("alice").contains("laptop").doesNotContain(secret)
                .doesNotContain(secret.substring(8, 20));

        CliRun agreement = run("agreement", "add", "--grantor", "GBR", "--to", "USA,CSPO", "--kinds",
                "orbits,conjunctions", "--third-party");
        assertThat(agreement.out()).contains("agreement 1 v1: GBR releases conjunctions,orbits (own and third-party)"
                + " to CSPO,USA");
        assertThat(run("agreement", "amend", "1", "--grantor", "GBR", "--to", "USA", "--kinds", "orbits").out())
                .contains("agreement 1 v2: GBR releases orbits (own) to USA");
        assertThat(run("agreement", "revoke", "1").out()).contains("v3").contains("REVOKED");
        CliRun again = run("agreement", "revoke", "1");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("agreement 1 was revoked already");
        CliRun unknownParty = run("agreement", "add", "--grantor", "GBR", "--to", "JPN", "--kinds", "orbits");
        assertThat(unknownParty.err()).contains("no party JPN");

        try (Node node = Node.open(NodeConfig.load(dir.resolve("node"), Optional.empty(), Map.of()))) {
            assertThat(node.sharing().authenticate(secret)).hasValueSatisfying(p -> {
                assertThat(p.name()).isEqualTo("alice");
                assertThat(p.party()).contains("GBR");
            });
        }
        assertThat(run("token", "revoke", "1").exitCode()).isZero();
        try (Node node = Node.open(NodeConfig.load(dir.resolve("node"), Optional.empty(), Map.of()))) {
            assertThat(node.sharing().authenticate(secret)).isEmpty();
        }

        CliRun log = run("audit", "log", "--limit", "100");
        assertThat(log.out()).contains("PARTY_CHANGE").contains("USER_CHANGE").contains("TOKEN_CHANGE")
                .contains("AGREEMENT_CHANGE").doesNotContain(secret.substring(8));
        assertThat(run("audit", "verify").exitCode()).isZero();
    }
}
