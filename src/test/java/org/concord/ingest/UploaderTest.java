package org.concord.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.concord.access.Principal;
import org.concord.access.Role;
import org.concord.ingest.Uploader.UploadRefusedException;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.junit.jupiter.api.Test;

/** Who may upload for which originator, and the label an upload gets when it names none. */
class UploaderTest {

    private static final String NODE = "GBR";
    private static final LabelRules RULES = new LabelRules(Label.publicFrom(NODE), List.of(
            new LabelRules.Rule("fra-*.oem", Label.parse("originator=FRA;rel=REL TO FRA,GBR;tlp=GREEN",
                    Label.publicFrom(NODE)))));

    private static Principal user(String party, Role role) {
        return new Principal(party.toLowerCase() + "-" + role.name().toLowerCase(), Optional.of(party),
                Optional.of(role), false);
    }

    @Test
    void aRoleThatMayNotIngestIsRefused() {
        for (Principal principal : List.of(user(NODE, Role.ANALYST), user("USA", Role.VIEWER), Principal.anonymous())) {
            assertThatThrownBy(() -> Uploader.of(principal, NODE)).isInstanceOf(UploadRefusedException.class)
                    .hasMessage("ingest needs the operator or admin role");
        }
    }

    @Test
    void aPartnersUploadIsPrivateToThePartnerAndTheNodeByDefault() {
        Label label = Uploader.of(user("USA", Role.OPERATOR), NODE).labelFor("upload.tle", Optional.empty(), RULES,
                NODE);
        assertThat(label.originator()).isEqualTo("USA");
        assertThat(label.releasability()).isEqualTo(Releasability.to("USA", NODE));
        assertThat(label.tlp()).isEqualTo(Tlp.AMBER);
    }

    @Test
    void aPartnerIngestsOnlyAsItsOwnParty() {
        Uploader partnerAdmin = Uploader.of(user("USA", Role.ADMIN), NODE);
        assertThat(partnerAdmin.onlyAsOriginator()).contains("USA");
        assertThatThrownBy(() -> partnerAdmin.labelFor("upload.tle", Optional.of("originator=AUS"), RULES, NODE))
                .isInstanceOf(UploadRefusedException.class).hasMessage("you may ingest only as originator USA");
        // a file-name rule's label is taken, but under the uploader's own name
        Label ruled = partnerAdmin.labelFor("fra-1.oem", Optional.empty(), RULES, NODE);
        assertThat(ruled.originator()).isEqualTo("USA");
        assertThat(ruled.tlp()).isEqualTo(Tlp.GREEN);
    }

    @Test
    void onlyTheNodesOwnAdministratorsIngestForAnyOriginator() {
        assertThat(Uploader.of(user(NODE, Role.ADMIN), NODE).labelFor("upload.tle", Optional.of("originator=AUS"),
                RULES, NODE).originator()).isEqualTo("AUS");
        assertThat(Uploader.of(Principal.localOperator("ops"), NODE).labelFor("fra-1.oem", Optional.empty(), RULES,
                NODE).originator()).isEqualTo("FRA");
        Uploader nodeOperator = Uploader.of(user(NODE, Role.OPERATOR), NODE);
        assertThat(nodeOperator.labelFor("upload.tle", Optional.empty(), RULES, NODE).originator()).isEqualTo(NODE);
        assertThatThrownBy(() -> nodeOperator.labelFor("upload.tle", Optional.of("originator=AUS"), RULES, NODE))
                .isInstanceOf(UploadRefusedException.class).hasMessage("you may ingest only as originator GBR");
    }
}
