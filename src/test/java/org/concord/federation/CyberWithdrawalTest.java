package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.federation.CyberSharingTest.COALITION;
import static org.concord.federation.CyberSharingTest.TLP_GREEN;
import static org.concord.federation.CyberSharingTest.incident;
import static org.concord.federation.CyberSharingTest.post;
import static org.concord.federation.CyberSharingTest.read;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.cyber.CyberKind;
import org.concord.cyber.StixObject;
import org.concord.cyber.TaxiiQuery;
import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.junit.jupiter.api.Test;

/**
 * Who may withdraw a partner's copy of a STIX object, between GBR (the originator), USA and AUS, all on H2: GBR
 * releases its objects to USA and AUS, and AUS may re-release them to USA, so USA holds copies delivered by GBR and
 * copies relayed by AUS. A withdrawal is taken from the originator or from the peer that delivered the copy; a third
 * node's withdrawal of another party's object is refused; a stale copy relayed after the originator deleted the version
 * does not bring it back, while the same version posted again does come.
 */
class CyberWithdrawalTest extends PartnersTest {

    private record Three(Partners.Member gbr, Partners.Member usa, Partners.Member aus, String gbrToken,
                         String usaToken) {
    }

    private Three three() {
        start(List.of("GBR", "USA", "AUS"), Set.of(), Clock.systemUTC(), CyberSharingTest.coalition());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Partners.Member aus = partners.get("AUS");
        agree(gbr, "GBR", "USA,AUS", false);
        // AUS re-releases third-party data to USA, and knows GBR's agreement (the treaty) that admits USA
        agree(aus, "AUS", "USA", true);
        agree(aus, "GBR", "USA,AUS", false);
        return new Three(gbr, usa, aus, TestNodes.token(gbr.node, "GBR", Role.OPERATOR),
                TestNodes.token(usa.node, "USA", Role.OPERATOR));
    }

    private static void agree(Partners.Member m, String grantor, String recipients, boolean thirdParty) {
        m.node.sharing().addAgreement(new SharingService.Terms(grantor, SharingService.parseParties(recipients),
                Set.of(CyberKind.CYBER, DataKind.ORBITS), thirdParty, Instant.now().minusSeconds(60),
                Optional.empty()), TestNodes.TEST_ADMIN);
    }


    private static Product<StixObject> held(Partners.Member m, String stixId) {
        return m.node.cyber().find(TaxiiQuery.versionsOf(COALITION, stixId, TaxiiQuery.Versions.LAST, 10),
                LabelFilter.UNRESTRICTED).items().getFirst();
    }

    @Test
    void aThirdNodeCannotWithdrawAnotherPartysObjectButThePeerThatDeliveredTheCopyCan() throws Exception {
        Three t = three();
        String direct = "incident--5e0d0006-0000-4000-8000-000000000001";
        String relayed = "incident--5e0d0006-0000-4000-8000-000000000002";
        String v = "2024-03-01T10:00:00.000Z";
        post(t.gbr(), t.gbrToken(), incident(direct, v, TLP_GREEN));
        t.usa().pullFrom("GBR");
        t.aus().pullFrom("GBR");
        post(t.gbr(), t.gbrToken(), incident(relayed, v, TLP_GREEN));
        t.aus().pullFrom("GBR");
        t.usa().pullFrom("AUS");
        assertThat(held(t.usa(), direct).value().receivedFrom()).as("delivered by GBR")
                .contains(t.usa().peer("GBR").ingester());
        assertThat(held(t.usa(), relayed).value().receivedFrom()).as("relayed by AUS")
                .contains(t.usa().peer("AUS").ingester());

        // GBR deletes the relayed one; AUS, which delivered USA's copy of it, passes the withdrawal on
        assertThat(CyberSharingTest.delete(t.gbr(), t.gbrToken(), relayed)).isEqualTo(200);
        t.aus().pullFrom("GBR");
        // AUS's node (compromised, or mistaken) withdraws GBR's other object, which GBR never deleted
        Product<StixObject> copy = held(t.aus(), direct);
        StixObject forged = copy.value().withdrawal(Instant.now());
        assertThat(t.aus().node.products().store(CyberKind.INSTANCE, List.of(Product.of(forged, copy.label(),
                List.of()).withKey(CyberKind.key(forged))))).hasSize(1);

        t.usa().pullFrom("AUS");
        assertThat(read(t.usa(), t.usaToken(), "")).as("the third node's withdrawal refused; the relay's taken")
                .containsExactly(direct + "@" + v);
        assertThat(t.usa().node.cyber().withdrawnAt(COALITION, direct, Instant.parse(v), "GBR"))
                .as("nothing of the refused withdrawal stored").isEmpty();
        assertThat(t.usa().node.cyber().withdrawnAt(COALITION, relayed, Instant.parse(v), "GBR"))
                .as("the relayed withdrawal stored").isPresent();
        t.usa().node.audit().flush();
        assertThat(t.usa().node.audit().entries(0, Integer.MAX_VALUE).stream()
                .filter(e -> e.event().action() == AuditAction.FEDERATION_RECEIVE)
                .map(e -> e.event().detail()))
                .anySatisfy(d -> assertThat(d).contains("the withdrawal of " + direct)
                        .contains("comes from AUS, which neither originated it nor delivered this node's copy"));

        t.usa().pullFrom("GBR");
        assertThat(read(t.usa(), t.usaToken(), "")).as("the originator's own feed withdraws nothing more")
                .containsExactly(direct + "@" + v);
    }

    @Test
    void aWithdrawnVersionDoesNotComeBackFromAStaleCopyButDoesWhenPostedAgain() throws Exception {
        Three t = three();
        String id = "incident--5e0d0007-0000-4000-8000-000000000001";
        String kept = "incident--5e0d0007-0000-4000-8000-000000000002";
        String v1 = "2024-03-01T10:00:00.000Z";
        String v2 = "2024-03-02T10:00:00.000Z";
        post(t.gbr(), t.gbrToken(), incident(id, v1, TLP_GREEN), incident(id, v2, TLP_GREEN),
                incident(kept, v1, TLP_GREEN));
        t.usa().pullFrom("GBR");
        t.aus().pullFrom("GBR"); // AUS holds copies it has not yet relayed to USA

        assertThat(CyberSharingTest.delete(t.gbr(), t.gbrToken(), id)).isEqualTo(200);
        t.usa().pullFrom("GBR");
        assertThat(read(t.usa(), t.usaToken(), "?match%5Bversion%5D=all")).containsExactly(kept + "@" + v1);

        t.usa().pullFrom("AUS"); // AUS relays its stale copies of both versions
        assertThat(read(t.usa(), t.usaToken(), "?match%5Bversion%5D=all")).as("withdrawn versions stay withdrawn")
                .containsExactly(kept + "@" + v1);
        for (String version : List.of(v1, v2)) {
            assertThat(t.usa().node.cyber().withdrawnAt(COALITION, id, Instant.parse(version), "GBR"))
                    .as("the withdrawal of " + version + " is kept").isPresent();
        }

        post(t.gbr(), t.gbrToken(), incident(id, v1, TLP_GREEN));
        t.aus().pullFrom("GBR"); // the withdrawals, then the version posted again
        t.usa().pullFrom("AUS"); // relayed to USA before GBR's own feed brings it
        assertThat(read(t.usa(), t.usaToken(), "?match%5Bversion%5D=all")).as("posted again after its deletion")
                .containsExactlyInAnyOrder(kept + "@" + v1, id + "@" + v1);
        t.usa().pullFrom("GBR");
        assertThat(read(t.usa(), t.usaToken(), "?match%5Bversion%5D=all"))
                .containsExactlyInAnyOrder(kept + "@" + v1, id + "@" + v1);
    }
}
