package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.concord.TestNodes;
import org.concord.access.Agreement;
import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.catalog.OrbitRecord;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.junit.jupiter.api.Test;

/**
 * GBR (H2), USA (PostgreSQL) and AUS (H2), each its own node with its own database and HTTP server on loopback,
 * registered with each other, exchanging real TLEs under their agreements: what reaches whom, labels and provenance
 * kept, nothing re-released beyond the label, and a revoked agreement stopping the next sync.
 */
class ThreeNodeFederationTest extends PartnersTest {

    private static Label label(String originator, String releasability, Tlp tlp) {
        return new Label(originator, Releasability.parse(releasability), tlp, new TreeSet<>(), Optional.empty());
    }

    private static SharingService.Terms terms(String grantor, String recipients, boolean thirdParty) {
        return new SharingService.Terms(grantor, SharingService.parseParties(recipients), Set.of(DataKind.ORBITS),
                thirdParty, Instant.now().minusSeconds(60), Optional.empty());
    }

    @Test
    void recordsReachOnlyThePartnersTheirLabelsAndAgreementsAllow() {
        start(List.of("GBR", "USA", "AUS"), Set.of("USA"), Clock.systemUTC(), Map.of());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Partners.Member aus = partners.get("AUS");
        // GBR releases its orbits to USA and AUS; USA releases its own and third-party orbits to AUS, and knows of
        // GBR's agreement (the treaty) so that it may re-release GBR data whose label admits AUS.
        Agreement gbrToUsa = gbr.node.sharing().addAgreement(terms("GBR", "USA", false), TestNodes.TEST_ADMIN);
        gbr.node.sharing().addAgreement(terms("GBR", "AUS", false), TestNodes.TEST_ADMIN);
        usa.node.sharing().addAgreement(terms("USA", "AUS", true), TestNodes.TEST_ADMIN);
        usa.node.sharing().addAgreement(terms("GBR", "USA,AUS", false), TestNodes.TEST_ADMIN);

        List<String> tles = Partners.tles();
        Set<String> gbrUsaOnly = gbr.ingest("gbr-usa.tle", tles.subList(0, 10), label("GBR", "REL TO GBR,USA",
                Tlp.AMBER));
        Set<String> gbrPublic = gbr.ingest("gbr-public.tle", tles.subList(10, 20), Label.publicFrom("GBR"));
        Set<String> gbrToAll3 = gbr.ingest("gbr-three.tle", tles.subList(20, 30), label("GBR",
                "REL TO AUS,GBR,USA", Tlp.GREEN));
        Set<String> gbrOnly = gbr.ingest("gbr-only.tle", tles.subList(30, 35), label("GBR", "REL TO GBR",
                Tlp.AMBER));
        Set<String> usaAus = usa.ingest("usa-aus.tle", tles.subList(40, 45), label("USA", "REL TO AUS,USA",
                Tlp.GREEN));

        // USA first takes GBR's feed, then AUS takes USA's (which carries GBR data USA may re-release) and GBR's.
        FeedPuller.SyncReport usaFromGbr = usa.pullFrom("GBR");
        assertThat(usaFromGbr.stored()).isEqualTo(30);
        FeedPuller.SyncReport ausFromUsa = aus.pullFrom("USA");
        aus.pullFrom("GBR");
        gbr.pullFrom("USA");
        gbr.pullFrom("AUS");
        usa.pullFrom("AUS");

        Set<String> atUsa = usa.hashes();
        assertThat(atUsa).containsAll(gbrUsaOnly).containsAll(gbrPublic).containsAll(gbrToAll3)
                .doesNotContainAnyElementsOf(gbrOnly);
        Set<String> atAus = aus.hashes();
        Set<String> expectedAtAus = new HashSet<>(gbrPublic);
        expectedAtAus.addAll(gbrToAll3);
        expectedAtAus.addAll(usaAus);
        assertThat(atAus).as("AUS holds exactly what GBR and USA may release to it").isEqualTo(expectedAtAus);
        // AUS got GBR's re-releasable records from USA first: USA's feed re-released them, never the GBR,USA ones.
        assertThat(ausFromUsa.stored()).isEqualTo(gbrPublic.size() + gbrToAll3.size() + usaAus.size());
        assertThat(gbr.hashes()).as("GBR gets nothing back of its own, and nothing USA may not release to it")
                .isEqualTo(union(gbrUsaOnly, gbrPublic, gbrToAll3, gbrOnly));

        // Labels and provenance survive the trip.
        for (OrbitRecord o : usa.orbits()) {
            if (gbrUsaOnly.contains(o.contentSha256())) {
                assertThat(o.label()).isEqualTo(label("GBR", "REL TO GBR,USA", Tlp.AMBER));
                assertThat(o.provenance().ingestedBy()).isEqualTo(usa.peer("GBR").ingester());
                assertThat(o.provenance().sourceName()).startsWith("bundle 1 from GBR");
            }
        }
        for (OrbitRecord o : aus.orbits()) {
            if (gbrPublic.contains(o.contentSha256())) {
                assertThat(o.label()).isEqualTo(Label.publicFrom("GBR"));
            }
        }

        // Syncing again brings nothing: no duplicates, no new bundles.
        assertThat(usa.pullFrom("GBR").bundles()).isZero();
        assertThat(aus.pullFrom("USA").bundles()).isZero();
        assertThat(usa.orbits()).hasSize(usa.hashes().size());

        // GBR revokes its agreement with USA: GBR-restricted records stop at once, PUBLIC ones still flow.
        gbr.node.sharing().revokeAgreement(gbrToUsa.id(), TestNodes.TEST_ADMIN);
        Set<String> laterRestricted = gbr.ingest("gbr-usa-2.tle", tles.subList(50, 55),
                label("GBR", "REL TO GBR,USA", Tlp.AMBER));
        Set<String> laterPublic = gbr.ingest("gbr-public-2.tle", tles.subList(55, 57), Label.publicFrom("GBR"));
        FeedPuller.SyncReport afterRevocation = usa.pullFrom("GBR");
        assertThat(afterRevocation.stored()).isEqualTo(laterPublic.size());
        assertThat(usa.hashes()).containsAll(laterPublic).doesNotContainAnyElementsOf(laterRestricted);

        // Every bundle is in both audit logs: sent at the sender, accepted at the recipient.
        gbr.node.audit().flush();
        usa.node.audit().flush();
        assertThat(actions(gbr, AuditAction.FEDERATION_SEND)).isGreaterThanOrEqualTo(3);
        assertThat(actions(usa, AuditAction.FEDERATION_RECEIVE)).isGreaterThanOrEqualTo(2);

        // Status: what was sent and received, nothing pending for USA but the withheld records.
        Peers.PeerStatus usaAtGbr = gbr.node.federation().status().stream()
                .filter(s -> s.peer().party().equals("USA")).findFirst().orElseThrow();
        assertThat(usaAtGbr.state().ackedSequence()).isEqualTo(usaAtGbr.state().servedSequence());
        assertThat(usaAtGbr.pendingRecords()).isZero();
        assertThat(usaAtGbr.state().itemsServed()).isEqualTo(30 + laterPublic.size());
        PeerState gbrAtUsa = usa.node.federation().status().stream()
                .filter(s -> s.peer().party().equals("GBR")).findFirst().orElseThrow().state();
        assertThat(gbrAtUsa.receivedSequence()).isEqualTo(usaAtGbr.state().servedSequence());
        assertThat(gbrAtUsa.itemsReceived()).isEqualTo(30 + laterPublic.size());
        assertThat(gbrAtUsa.errors()).isZero();
    }

    @Test
    void aNewAgreementReleasesTheBacklogAndRenewalReleasesWhatWasMissed() {
        start(List.of("GBR", "USA"), Set.of(), Clock.systemUTC(), Map.of());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        List<String> tles = Partners.tles();
        Set<String> early = gbr.ingest("early.tle", tles.subList(0, 8), label("GBR", "REL TO GBR,USA", Tlp.GREEN));
        Set<String> open = gbr.ingest("open.tle", tles.subList(8, 12), Label.publicFrom("GBR"));
        assertThat(usa.pullFrom("GBR").stored()).as("without an agreement only PUBLIC data flows")
                .isEqualTo(open.size());

        Agreement agreement = gbr.node.sharing().addAgreement(terms("GBR", "USA", false), TestNodes.TEST_ADMIN);
        assertThat(usa.pullFrom("GBR").stored()).as("the agreement releases what was held back").isEqualTo(early.size());

        gbr.node.sharing().revokeAgreement(agreement.id(), TestNodes.TEST_ADMIN);
        Set<String> during = gbr.ingest("during.tle", tles.subList(12, 15), label("GBR", "REL TO GBR,USA",
                Tlp.GREEN));
        assertThat(usa.pullFrom("GBR").stored()).isZero();
        gbr.node.sharing().addAgreement(terms("GBR", "USA", false), TestNodes.TEST_ADMIN);
        assertThat(usa.pullFrom("GBR").stored()).as("renewal releases what the gap held back, once")
                .isEqualTo(during.size());
        assertThat(usa.hashes()).isEqualTo(union(early, open, during));
        assertThat(usa.orbits()).hasSize(early.size() + open.size() + during.size());
    }

    @Test
    void aConjunctionComputedFromAnotherPartysRestrictedRecordGoesOnlyWhereThatRecordMay() {
        start(List.of("GBR", "USA", "AUS"), Set.of("USA"), Clock.systemUTC(), Map.of());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Partners.Member aus = partners.get("AUS");
        gbr.node.sharing().addAgreement(terms("GBR", "USA", false), TestNodes.TEST_ADMIN);
        usa.node.sharing().addAgreement(new SharingService.Terms("USA", SharingService.parseParties("AUS"),
                Set.of(DataKind.ORBITS, DataKind.CONJUNCTIONS), true, Instant.now().minusSeconds(60),
                Optional.empty()), TestNodes.TEST_ADMIN);
        List<String> tles = Partners.tles();
        String iss = tles.getLast();
        assertThat(iss).contains("25544");
        gbr.ingest("gbr-iss.tle", List.of(iss), label("GBR", "REL TO GBR,USA", Tlp.AMBER));
        usa.ingest("usa.tle", tles.subList(0, tles.size() - 1), label("USA", "REL TO AUS,USA", Tlp.GREEN));
        usa.pullFrom("GBR");

        // USA screens its whole catalog, GBR's ISS record included.
        usa.node.screening().run(new org.concord.screening.ScreeningService.Request(
                Instant.parse("2024-07-05T12:00:00Z"), java.time.Duration.ofDays(1), 100_000.0, Optional.empty()),
                "test", progress -> { });
        List<org.concord.conjunction.Conjunction> computed = usa.node.conjunctions().findConjunctions(
                new org.concord.product.ProductQuery(java.util.Map.of(), org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().get(0), 10_000, Optional.empty()),
                org.concord.label.LabelFilter.UNRESTRICTED).items();
        Set<String> withIss = new HashSet<>();
        Set<String> usaOnly = new HashSet<>();
        for (org.concord.conjunction.Conjunction c : computed) {
            (c.primaryNoradId() == 25544 || c.secondaryNoradId() == 25544 ? withIss : usaOnly).add(key(c));
        }
        assertThat(withIss).as("the screening found approaches of GBR's ISS record").isNotEmpty();
        assertThat(usaOnly).as("and approaches between USA's own records").isNotEmpty();

        FeedPuller.SyncReport ausFromUsa = aus.pullFrom("USA");
        List<org.concord.conjunction.Conjunction> atAus = aus.node.conjunctions().findConjunctions(
                new org.concord.product.ProductQuery(java.util.Map.of(), org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().get(0), 10_000, Optional.empty()),
                org.concord.label.LabelFilter.UNRESTRICTED).items();
        long eventsAtAus = aus.node.products().list(org.concord.event.EventKind.INSTANCE,
                new org.concord.product.ProductQuery(java.util.Map.of(),
                        org.concord.event.EventKind.INSTANCE.sorts().get(0), 1, Optional.empty()),
                org.concord.label.LabelFilter.UNRESTRICTED).total();
        assertThat(ausFromUsa.productsStored()).as("USA's own conjunctions and the events holding them")
                .isEqualTo(usaOnly.size() + eventsAtAus);
        assertThat(atAus.stream().map(ThreeNodeFederationTest::key).toList())
                .as("AUS gets USA's own conjunctions and none computed from GBR's REL TO GBR,USA record")
                .containsExactlyInAnyOrderElementsOf(usaOnly);
        assertThat(atAus).allSatisfy(c -> {
            assertThat(c.primaryOrbitId()).as("inputs resolved to AUS's copies").isPresent();
            assertThat(c.secondaryOrbitId()).isPresent();
            assertThat(c.label().originator()).isEqualTo("USA");
        });
        assertThat(aus.orbits()).noneMatch(o -> o.noradId() == 25544);
        assertThat(aus.pullFrom("USA").productsStored()).as("nothing twice").isZero();
    }

    @Test
    void aRecallReachesEveryNodeTheRecordWasReleasedToAlsoThroughARelay() {
        start(List.of("GBR", "USA", "AUS"), Set.of(), Clock.systemUTC(), Map.of());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Partners.Member aus = partners.get("AUS");
        // GBR releases to USA only; USA may re-release GBR data to AUS under GBR's treaty with AUS.
        gbr.node.sharing().addAgreement(terms("GBR", "USA", false), TestNodes.TEST_ADMIN);
        usa.node.sharing().addAgreement(terms("GBR", "USA,AUS", false), TestNodes.TEST_ADMIN);
        usa.node.sharing().addAgreement(terms("USA", "AUS", true), TestNodes.TEST_ADMIN);
        List<String> tles = Partners.tles();
        Set<String> shared = gbr.ingest("gbr.tle", tles.subList(0, 4), label("GBR", "REL TO AUS,GBR,USA",
                Tlp.GREEN));
        usa.pullFrom("GBR");
        aus.pullFrom("GBR");
        assertThat(aus.hashes()).as("GBR itself releases nothing to AUS").isEmpty();
        aus.pullFrom("USA");
        assertThat(aus.hashes()).as("USA re-released GBR's records to AUS").isEqualTo(shared);

        OrbitRecord recalled = gbr.orbits().stream().filter(o -> shared.contains(o.contentSha256())).findFirst()
                .orElseThrow();
        gbr.node.recallAudited(recalled.contentSha256(), "GBR", "elements from a mis-tagged track", "test",
                Optional.of("GBR"));
        assertThat(gbr.hashes()).doesNotContain(recalled.contentSha256());

        FeedPuller.SyncReport usaSync = usa.pullFrom("GBR");
        assertThat(usaSync.bundles()).isEqualTo(1);
        assertThat(usa.hashes()).hasSize(3).doesNotContain(recalled.contentSha256());
        aus.pullFrom("GBR");
        assertThat(aus.hashes()).as("GBR never sent AUS the record, so it sends AUS no recall").hasSize(4);
        aus.pullFrom("USA");
        assertThat(aus.hashes()).as("USA passed the recall on").hasSize(3).doesNotContain(recalled.contentSha256());
        for (Partners.Member m : List.of(usa, aus)) {
            m.node.audit().flush();
            assertThat(m.node.audit().entries(0, Integer.MAX_VALUE)).anySatisfy(e -> {
                assertThat(e.event().action()).isEqualTo(AuditAction.RECALL);
                assertThat(e.event().detail()).contains("mis-tagged track");
            });
        }
    }

    @Test
    void aLaterUpdateOfAnEventReachesThePartnerAgainOnH2() {
        aLaterUpdateOfAnEventReachesThePartnerAgain(Set.of());
    }

    @Test
    void aLaterUpdateOfAnEventReachesThePartnerAgainFromPostgres() {
        org.concord.store.TestDatabases.PgServer.requiredForTests();
        aLaterUpdateOfAnEventReachesThePartnerAgain(Set.of("USA"));
    }

    /**
     * USA screens the ISS against its catalog twice, over windows that overlap by half a day: the events of the
     * overlap gain a second update after AUS received them, and the next pull brings AUS their newest state and
     * history (issue 15), the updates' conjunctions resolved to AUS's copies; a pull after that brings nothing.
     */
    private void aLaterUpdateOfAnEventReachesThePartnerAgain(Set<String> onPostgres) {
        start(List.of("USA", "AUS"), onPostgres, Clock.systemUTC(), Map.of());
        Partners.Member usa = partners.get("USA");
        Partners.Member aus = partners.get("AUS");
        usa.node.sharing().addAgreement(new SharingService.Terms("USA", SharingService.parseParties("AUS"),
                Set.of(DataKind.ORBITS, DataKind.CONJUNCTIONS), false, Instant.now().minusSeconds(60),
                Optional.empty()), TestNodes.TEST_ADMIN);
        usa.ingest("usa.tle", Partners.tles(), label("USA", "REL TO AUS,USA", Tlp.GREEN));
        screenTheIss(usa, Instant.parse("2024-07-05T00:00:00Z"));
        aus.pullFrom("USA");
        Map<String, org.concord.product.Product<org.concord.event.ConjunctionEvent>> before = events(aus);
        assertThat(before).as("AUS received USA's events").isNotEmpty()
                .allSatisfy((k, e) -> assertThat(e.value().updates()).hasSize(1));

        screenTheIss(usa, Instant.parse("2024-07-05T12:00:00Z"));
        Map<String, org.concord.product.Product<org.concord.event.ConjunctionEvent>> atUsa = events(usa);
        List<String> updated = atUsa.entrySet().stream().filter(e -> e.getValue().value().updates().size() == 2
                && before.containsKey(e.getKey())).map(Map.Entry::getKey).toList();
        assertThat(updated).as("events AUS holds that USA's second screening updated").isNotEmpty();

        FeedPuller.SyncReport again = aus.pullFrom("USA");
        assertThat(again.bundles()).isPositive();
        Map<String, org.concord.product.Product<org.concord.event.ConjunctionEvent>> after = events(aus);
        atUsa = events(usa);
        assertThat(after.keySet()).as("every event USA holds, once").isEqualTo(atUsa.keySet());
        for (String key : updated) {
            org.concord.product.Product<org.concord.event.ConjunctionEvent> there = after.get(key);
            assertThat(there.id()).as("the same event at AUS").isEqualTo(before.get(key).id());
            assertThat(there.value()).as("its newest state and history").isEqualTo(atUsa.get(key).value());
            assertThat(there.label()).isEqualTo(atUsa.get(key).label());
            assertThat(there.inputs()).as("both updates' conjunctions and records, AUS's copies")
                    .hasSize(6).allSatisfy(i -> assertThat(aus.node.conjunctions().findConjunction(i.id(),
                            org.concord.label.LabelFilter.UNRESTRICTED).isPresent()
                            || i.kind().equals(DataKind.ORBITS)).isTrue());
        }
        assertThat(aus.pullFrom("USA").bundles()).as("nothing twice").isZero();
    }

    private static void screenTheIss(Partners.Member m, Instant start) {
        org.concord.screening.ScreeningRun run = m.node.screening().run(
                new org.concord.screening.ScreeningService.Request(start, java.time.Duration.ofDays(1), 300_000.0,
                        Optional.of(25544L)), "test", progress -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(org.concord.screening.ScreeningRun.Status.DONE);
        m.node.events().update();
    }

    /** The events a node holds, by key. */
    private static Map<String, org.concord.product.Product<org.concord.event.ConjunctionEvent>> events(
            Partners.Member m) {
        Map<String, org.concord.product.Product<org.concord.event.ConjunctionEvent>> byKey = new java.util.HashMap<>();
        m.node.products().listAll(org.concord.event.EventKind.INSTANCE, new org.concord.product.ProductQuery(Map.of(),
                org.concord.event.EventKind.INSTANCE.sorts().get(0), 1000, Optional.empty()),
                org.concord.label.LabelFilter.UNRESTRICTED).forEach(p -> byKey.put(p.key().orElse("not sent yet: " + p.id()), p));
        return byKey;
    }

    private static String key(org.concord.conjunction.Conjunction c) {
        return c.primaryNoradId() + "-" + c.secondaryNoradId() + "@" + c.tca();
    }

    private static long actions(Partners.Member m, AuditAction action) {
        return m.node.audit().entries(0, Integer.MAX_VALUE).stream().filter(e -> e.event().action() == action).count();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
