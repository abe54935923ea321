package org.concord.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.junit.jupiter.api.Test;

/** The access rules one by one, and the failure modes seen in MISP deployments. */
class AccessPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Principal GBR = user("GBR");
    private static final Principal USA = user("USA");
    private static final Principal AUS = user("AUS");

    private static Principal user(String party) {
        return Principal.of(new User(party.toLowerCase() + "-analyst", party, Role.ANALYST, NOW, false));
    }

    private static Label label(String originator, Releasability rel, Tlp tlp) {
        return new Label(originator, rel, tlp, new TreeSet<>(), Optional.empty());
    }

    private static Agreement agreement(String grantor, Set<String> to, boolean thirdParty) {
        return new Agreement(1, grantor, new TreeSet<>(to), java.util.Set.of(DataKind.ORBITS), thirdParty,
                NOW.minusSeconds(86400), Optional.empty(), Optional.empty(), 1, NOW, NOW, "test");
    }

    private static AccessPolicy gbrNode(List<Agreement> agreements, Map<String, Set<String>> groups) {
        return new AccessPolicy("GBR", groups, agreements, org.concord.node.Node.PRODUCT_KINDS.dataKinds());
    }

    @Test
    void anEmptyReleasabilityReachesNobodyButItsOriginator() {
        Label none = label("GBR", Releasability.NOBODY, Tlp.GREEN);
        AccessPolicy policy = gbrNode(List.of(agreement("GBR", Set.of("USA", "AUS"), true)), Map.of());
        assertThat(policy.mayRead(USA, none, DataKind.ORBITS, NOW)).isFalse();
        assertThat(policy.mayRead(AUS, none, DataKind.ORBITS, NOW)).isFalse();
        assertThat(policy.mayRead(Principal.anonymous(), none, DataKind.ORBITS, NOW)).isFalse();
        assertThat(policy.mayRead(GBR, none, DataKind.ORBITS, NOW)).isTrue();
        assertThat(Releasability.parse("REL TO ").isPublic()).isFalse();
        assertThat(Releasability.parse("").parties()).isEmpty();
    }

    @Test
    void aPartyNotInTheReleasabilitySeesNothingWhateverTheAgreements() {
        Label toUsa = label("GBR", Releasability.to("GBR", "USA"), Tlp.AMBER);
        AccessPolicy policy = gbrNode(List.of(agreement("GBR", Set.of("USA", "AUS"), true)), Map.of());
        assertThat(policy.mayRead(USA, toUsa, DataKind.ORBITS, NOW)).isTrue();
        assertThat(policy.mayRead(AUS, toUsa, DataKind.ORBITS, NOW)).isFalse();
    }

    @Test
    void withoutAnAgreementInForceNothingIsReleasedBeyondTheOriginator() {
        Label toUsa = label("GBR", Releasability.to("USA"), Tlp.GREEN);
        Agreement active = agreement("GBR", Set.of("USA"), false);
        assertThat(gbrNode(List.of(active), Map.of()).mayRead(USA, toUsa, DataKind.ORBITS, NOW)).isTrue();
        assertThat(gbrNode(List.of(), Map.of()).mayRead(USA, toUsa, DataKind.ORBITS, NOW)).isFalse();
        Agreement revoked = new Agreement(1, "GBR", new TreeSet<>(Set.of("USA")), java.util.Set.of(DataKind.ORBITS), false,
                NOW.minusSeconds(86400), Optional.empty(), Optional.of(NOW.minusSeconds(1)), 2, NOW, NOW, "test");
        assertThat(gbrNode(List.of(revoked), Map.of()).mayRead(USA, toUsa, DataKind.ORBITS, NOW)).isFalse();
        Agreement ended = new Agreement(1, "GBR", new TreeSet<>(Set.of("USA")), java.util.Set.of(DataKind.ORBITS), false,
                NOW.minusSeconds(86400), Optional.of(NOW), Optional.empty(), 1, NOW, NOW, "test");
        assertThat(gbrNode(List.of(ended), Map.of()).mayRead(USA, toUsa, DataKind.ORBITS, NOW)).isFalse();
        assertThat(gbrNode(List.of(active), Map.of()).mayRead(USA, toUsa, DataKind.CONJUNCTIONS, NOW))
                .as("an agreement releases only its kinds").isFalse();
    }

    @Test
    void anExpiredRecordReachesNobodyNotEvenItsOriginator() {
        Label expiring = new Label("GBR", Releasability.PUBLIC, Tlp.CLEAR, new TreeSet<>(),
                Optional.of(NOW.plusSeconds(1)));
        AccessPolicy policy = gbrNode(List.of(), Map.of());
        assertThat(policy.mayRead(Principal.anonymous(), expiring, DataKind.ORBITS, NOW)).isTrue();
        assertThat(policy.mayRead(Principal.anonymous(), expiring, DataKind.ORBITS, NOW.plusSeconds(1))).isFalse();
        assertThat(policy.mayRead(GBR, expiring, DataKind.ORBITS, NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void aGroupStandsForItsMembersAsTheyAreNow() {
        Label toCspo = label("GBR", Releasability.to("CSPO"), Tlp.GREEN);
        Agreement toGroup = agreement("GBR", Set.of("CSPO"), false);
        AccessPolicy withUsa = gbrNode(List.of(toGroup), Map.of("CSPO", Set.of("USA")));
        AccessPolicy withoutUsa = gbrNode(List.of(toGroup), Map.of("CSPO", Set.of("AUS")));
        assertThat(withUsa.mayRead(USA, toCspo, DataKind.ORBITS, NOW)).isTrue();
        assertThat(withoutUsa.mayRead(USA, toCspo, DataKind.ORBITS, NOW)).isFalse();
        assertThat(withoutUsa.mayRead(AUS, toCspo, DataKind.ORBITS, NOW)).isTrue();
        AccessPolicy nested = gbrNode(List.of(toGroup), Map.of("CSPO", Set.of("FVEY"), "FVEY", Set.of("AUS", "CSPO")));
        assertThat(nested.mayRead(AUS, toCspo, DataKind.ORBITS, NOW)).as("groups nest, cycles end").isTrue();
    }

    @Test
    void anonymousCallersSeeOpenDataOnly() {
        AccessPolicy policy = gbrNode(List.of(), Map.of());
        assertThat(policy.mayRead(Principal.anonymous(), label("USA", Releasability.PUBLIC, Tlp.CLEAR),
                DataKind.ORBITS, NOW)).isTrue();
        assertThat(policy.mayRead(Principal.anonymous(), label("GBR", Releasability.PUBLIC, Tlp.GREEN),
                DataKind.ORBITS, NOW)).as("TLP:GREEN is for the community, not the public").isFalse();
        assertThat(policy.mayRead(AUS, label("USA", Releasability.PUBLIC, Tlp.CLEAR), DataKind.ORBITS, NOW))
                .as("open data needs no agreement").isTrue();
    }

    @Test
    void anotherOriginatorsDataIsReReleasedOnlyWhereBothAgreementsAllow() {
        Label usaToAus = label("USA", Releasability.to("GBR", "AUS"), Tlp.GREEN);
        Agreement usaReleases = agreement("USA", Set.of("AUS"), false);
        Agreement gbrReReleases = agreement("GBR", Set.of("AUS"), true);
        Agreement gbrOwnOnly = agreement("GBR", Set.of("AUS"), false);
        assertThat(gbrNode(List.of(usaReleases, gbrReReleases), Map.of()).mayRead(AUS, usaToAus, DataKind.ORBITS, NOW))
                .isTrue();
        assertThat(gbrNode(List.of(gbrReReleases), Map.of()).mayRead(AUS, usaToAus, DataKind.ORBITS, NOW))
                .as("the originator has not released to AUS").isFalse();
        assertThat(gbrNode(List.of(usaReleases, gbrOwnOnly), Map.of()).mayRead(AUS, usaToAus, DataKind.ORBITS, NOW))
                .as("this node does not re-release third-party data to AUS").isFalse();
        assertThat(gbrNode(List.of(), Map.of()).mayRead(GBR, usaToAus, DataKind.ORBITS, NOW))
                .as("the node's own party sees what the label admits it to").isTrue();
    }

    @Test
    void redIsForNamedRecipientsAndStrictTlpIsNeverPassedOn() {
        Agreement all = new Agreement(1, "USA", new TreeSet<>(Set.of("AUS", "CSPO")), org.concord.node.Node.PRODUCT_KINDS.dataKinds().all(),
                true, NOW.minusSeconds(86400), Optional.empty(), Optional.empty(), 1, NOW, NOW, "test");
        Agreement gbrAll = new Agreement(2, "GBR", new TreeSet<>(Set.of("AUS", "CSPO")), org.concord.node.Node.PRODUCT_KINDS.dataKinds().all(),
                true, NOW.minusSeconds(86400), Optional.empty(), Optional.empty(), 1, NOW, NOW, "test");
        AccessPolicy policy = gbrNode(List.of(all, gbrAll), Map.of("CSPO", Set.of("AUS")));
        assertThat(policy.mayRead(AUS, label("GBR", Releasability.to("CSPO"), Tlp.RED), DataKind.ORBITS, NOW))
                .as("RED through a group").isFalse();
        assertThat(policy.mayRead(AUS, label("GBR", Releasability.to("AUS"), Tlp.RED), DataKind.ORBITS, NOW))
                .as("RED to a named party of our own data").isTrue();
        assertThat(policy.mayRead(AUS, label("USA", Releasability.to("GBR", "AUS"), Tlp.AMBER_STRICT),
                DataKind.ORBITS, NOW)).as("another originator's AMBER+STRICT is not passed on").isFalse();
        assertThat(policy.mayRead(GBR, label("USA", Releasability.to("GBR", "AUS"), Tlp.AMBER_STRICT),
                DataKind.ORBITS, NOW)).isTrue();
        assertThat(policy.mayRead(AUS, label("USA", Releasability.to("GBR", "AUS"), Tlp.AMBER),
                DataKind.ORBITS, NOW)).isTrue();
    }

    @Test
    void theFilterListsVisibleLabelsOrSaysAllWhenEveryLabelIsVisible() {
        AccessPolicy policy = gbrNode(List.of(), Map.of());
        Map<Long, Label> labels = Map.of(1L, label("GBR", Releasability.PUBLIC, Tlp.CLEAR),
                2L, label("GBR", Releasability.to("GBR"), Tlp.AMBER));
        LabelFilter anonymous = policy.filter(Principal.anonymous(), labels, 2, NOW);
        assertThat(anonymous.seesAllKnown(DataKind.ORBITS)).isFalse();
        assertThat(anonymous.idsFor(DataKind.ORBITS)).containsExactly(1L);
        LabelFilter own = policy.filter(GBR, labels, 2, NOW);
        assertThat(own.seesAllKnown(DataKind.ORBITS)).isTrue();
        assertThat(own.admits(3, DataKind.ORBITS)).as("a label stored after the decision").isFalse();
        assertThat(policy.filter(Principal.localOperator("root"), labels, 2, NOW).unrestricted()).isTrue();
    }
}
