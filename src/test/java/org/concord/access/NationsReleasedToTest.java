package org.concord.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.TestNodes;
import org.concord.label.DataKind;
import org.concord.node.Node;
import org.concord.reentry.ReentryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nations a node's re-entries agreements release to (the parties a prediction may be marked for, docs/reentry.md):
 * nations named or members of a group named (nested too), not agencies or operators, not under another party's
 * agreement, another kind, or a revoked agreement.
 */
class NationsReleasedToTest {

    @TempDir
    Path dir;

    @Test
    void nationsNamedOrInAGroupUnderAnActiveReentriesAgreementOfTheNodesParty() {
        try (Node node = TestNodes.open(dir, Map.of("CONCORD_NODE_PARTY", "USA"))) {
            SharingService sharing = node.sharing();
            Principal admin = TestNodes.TEST_ADMIN;
            for (String nation : new String[] {"AUS", "FRA", "DEU", "JPN", "NOR", "ITA"}) {
                sharing.addParty(nation, nation, PartyKind.NATION, admin);
            }
            sharing.addParty("ESA", "an agency", PartyKind.AGENCY, admin);
            sharing.addParty("EUR", "a group", PartyKind.GROUP, admin);
            sharing.addParty("EUX", "a group in a group", PartyKind.GROUP, admin);
            sharing.addMember("EUR", "FRA", admin);
            sharing.addMember("EUR", "EUX", admin);
            sharing.addMember("EUX", "DEU", admin);
            sharing.addMember("EUX", "ESA", admin);
            assertThat(sharing.nationsReleasedTo(ReentryKind.REENTRIES)).isEmpty();

            agreement(sharing, "USA", "AUS,EUR,ESA", ReentryKind.REENTRIES);
            agreement(sharing, "USA", "JPN", new DataKind("orbits"));
            agreement(sharing, "NOR", "ITA", ReentryKind.REENTRIES);
            Agreement revoked = agreement(sharing, "USA", "NOR", ReentryKind.REENTRIES);
            sharing.revokeAgreement(revoked.id(), admin);

            assertThat(sharing.nationsReleasedTo(ReentryKind.REENTRIES)).containsExactly("AUS", "DEU", "FRA");
        }
    }

    private static Agreement agreement(SharingService sharing, String grantor, String to, DataKind kind) {
        return sharing.addAgreement(new SharingService.Terms(grantor, SharingService.parseParties(to), Set.of(kind),
                false, Instant.now().minusSeconds(60), Optional.empty()), TestNodes.TEST_ADMIN);
    }
}
