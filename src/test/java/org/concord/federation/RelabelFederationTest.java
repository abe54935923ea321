package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.concord.TestNodes;
import org.concord.access.SharingService;
import org.concord.catalog.OrbitRecord;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.junit.jupiter.api.Test;

/**
 * A re-label reaches the partners: those the new label no longer admits lose their copy, those it still admits hold
 * the record under the new label, and those it newly admits receive it.
 */
class RelabelFederationTest extends PartnersTest {

    private static Label label(String releasability, Tlp tlp) {
        return new Label("GBR", Releasability.parse(releasability), tlp, new TreeSet<>(), Optional.empty());
    }

    private static Optional<Label> heldLabel(Partners.Member m, String sha256) {
        return m.orbits().stream().filter(o -> o.contentSha256().equals(sha256)).findFirst().map(OrbitRecord::label);
    }

    /** GBR's agreement to release its orbits to these recipients. */
    private static void releaseOrbits(Partners.Member gbr, String recipients) {
        gbr.node.sharing().addAgreement(new SharingService.Terms("GBR", SharingService.parseParties(recipients),
                Set.of(DataKind.ORBITS), false, Instant.now().minusSeconds(60), Optional.empty()),
                TestNodes.TEST_ADMIN);
    }

    private static OrbitRecord record(Partners.Member m, String sha256) {
        return m.orbits().stream().filter(o -> o.contentSha256().equals(sha256)).findFirst().orElseThrow();
    }

    @Test
    void partnersHoldEachRecordExactlyAsItsNewLabelAllows() {
        start(List.of("GBR", "USA", "AUS"), Set.of(), Clock.systemUTC(), Map.of());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Partners.Member aus = partners.get("AUS");
        releaseOrbits(gbr, "USA,AUS");
        List<String> tles = Partners.tles();
        String narrowed = gbr.ingest("a.tle", tles.subList(0, 1), label("REL TO GBR,USA", Tlp.GREEN)).iterator().next();
        String stillShared = gbr.ingest("b.tle", tles.subList(1, 2), Label.publicFrom("GBR")).iterator().next();
        String widened = gbr.ingest("c.tle", tles.subList(2, 3), label("REL TO GBR", Tlp.AMBER)).iterator().next();
        usa.pullFrom("GBR");
        aus.pullFrom("GBR");
        assertThat(heldLabel(usa, narrowed)).isPresent();
        assertThat(heldLabel(usa, stillShared)).isPresent();
        assertThat(heldLabel(aus, narrowed)).isEmpty();
        assertThat(heldLabel(aus, stillShared)).isPresent();
        assertThat(heldLabel(aus, widened)).isEmpty();

        gbr.node.relabelAudited(record(gbr, narrowed), label("REL TO GBR", Tlp.GREEN), false, "no longer shared",
                "test", Optional.of("GBR"));
        gbr.node.relabelAudited(record(gbr, stillShared), label("REL TO GBR,USA", Tlp.AMBER), false, "", "test",
                Optional.of("GBR"));
        gbr.node.relabelAudited(record(gbr, widened), label("REL TO AUS,GBR", Tlp.AMBER), true, "for AUS", "test",
                Optional.of("GBR"));
        usa.pullFrom("GBR");
        aus.pullFrom("GBR");

        assertThat(heldLabel(usa, narrowed)).as("no longer released to USA").isEmpty();
        assertThat(heldLabel(usa, stillShared)).contains(label("REL TO GBR,USA", Tlp.AMBER));
        assertThat(heldLabel(usa, widened)).isEmpty();
        assertThat(heldLabel(aus, narrowed)).isEmpty();
        assertThat(heldLabel(aus, stillShared)).as("no longer released to AUS").isEmpty();
        assertThat(heldLabel(aus, widened)).contains(label("REL TO AUS,GBR", Tlp.AMBER));

        usa.pullFrom("GBR");
        aus.pullFrom("GBR");
        assertThat(heldLabel(usa, stillShared)).as("pulling again changes nothing")
                .contains(label("REL TO GBR,USA", Tlp.AMBER));
        assertThat(heldLabel(aus, widened)).contains(label("REL TO AUS,GBR", Tlp.AMBER));
    }

    /**
     * A partner several bundles behind when the record is re-labelled: the recall of its old copy waits for the bundle
     * that carries the record under its new label, so the partner never drops a record the new label still gives it.
     */
    @Test
    void aPartnerBehindGetsTheRecallOnlyWithTheRecordThatReplacesIt() {
        start(List.of("GBR", "USA"), Set.of(), Clock.systemUTC(), Map.of("CONCORD_FEDERATION_BUNDLE_RECORDS", "1"));
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        releaseOrbits(gbr, "USA");
        List<String> tles = Partners.tles();
        String shared = gbr.ingest("a.tle", tles.subList(0, 1), Label.publicFrom("GBR")).iterator().next();
        usa.pullFrom("GBR");
        assertThat(heldLabel(usa, shared)).contains(Label.publicFrom("GBR"));
        gbr.ingest("backlog.tle", tles.subList(1, 4), Label.publicFrom("GBR"));
        gbr.node.relabelAudited(record(gbr, shared), label("REL TO GBR,USA", Tlp.GREEN), false, "", "test",
                Optional.of("GBR"));

        usa.pullFrom("GBR");

        assertThat(heldLabel(usa, shared)).contains(label("REL TO GBR,USA", Tlp.GREEN));
        assertThat(usa.orbits()).hasSize(4);
    }
}
