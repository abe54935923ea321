package org.concord.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class LabelTest {

    private static final Label BASE = Label.publicFrom("USA");

    @Test
    void parsesAFullSpecification() {
        Label label = Label.parse("originator=gbr; rel=REL TO USA, GBR ;tlp=amber+strict;caveats=propin,noforn;"
                + "expires=2027-01-01T00:00:00Z", BASE);
        assertThat(label.originator()).isEqualTo("GBR");
        assertThat(label.releasability().parties()).containsExactly("GBR", "USA");
        assertThat(label.tlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(label.caveats()).containsExactly("NOFORN", "PROPIN");
        assertThat(label.expiry()).contains(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(Label.parse(label.toString(), BASE)).isEqualTo(label);
    }

    @Test
    void keysNotGivenComeFromTheDefaults() {
        Label label = Label.parse("tlp=GREEN", BASE);
        assertThat(label).isEqualTo(new Label("USA", Releasability.PUBLIC, Tlp.GREEN, new TreeSet<>(),
                Optional.empty()));
    }

    @Test
    void combiningIntersectsReleasabilityTakesTheStricterTlpUnitesCaveatsAndTheEarliestExpiry() {
        Label a = Label.parse("originator=GBR;rel=GBR,USA,AUS;tlp=GREEN;caveats=A;expires=2027-06-01T00:00:00Z",
                BASE);
        Label b = Label.parse("originator=USA;rel=USA,AUS,CAN;tlp=AMBER;caveats=B;expires=2027-01-01T00:00:00Z",
                BASE);
        Label combined = a.combine(b, "USA");
        assertThat(combined.releasability().parties()).containsExactly("AUS", "USA");
        assertThat(combined.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(combined.caveats()).containsExactly("A", "B");
        assertThat(combined.expiry()).contains(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(combined.originator()).isEqualTo("USA");
    }

    @Test
    void publicIsTheNeutralElementAndAnEmptySetReachesNobody() {
        Releasability some = Releasability.to("GBR");
        assertThat(Releasability.PUBLIC.intersect(some)).isEqualTo(some);
        assertThat(some.intersect(Releasability.PUBLIC)).isEqualTo(some);
        Releasability none = some.intersect(Releasability.to("USA"));
        assertThat(none.isPublic()).isFalse();
        assertThat(none.parties()).isEmpty();
        assertThat(none.toString()).isEqualTo("NONE");
        assertThat(Releasability.parse("NONE")).isEqualTo(Releasability.NOBODY);
        assertThat(Releasability.parse("")).isEqualTo(Releasability.NOBODY);
    }

    @Test
    void expiryIsInclusiveOfTheInstant() {
        Label label = Label.parse("expires=2027-01-01T00:00:00Z", BASE);
        assertThat(label.isExpiredAt(Instant.parse("2026-12-31T23:59:59Z"))).isFalse();
        assertThat(label.isExpiredAt(Instant.parse("2027-01-01T00:00:00Z"))).isTrue();
        assertThat(BASE.isExpiredAt(Instant.MAX)).isFalse();
    }

    @Test
    void invalidSpecificationsAreExplained() {
        assertThatThrownBy(() -> Label.parse("tlp=PURPLE", BASE)).hasMessageContaining("unknown TLP level 'PURPLE'");
        assertThatThrownBy(() -> Label.parse("colour=red", BASE)).hasMessageContaining("unknown label key 'colour'");
        assertThatThrownBy(() -> Label.parse("expires=tomorrow", BASE)).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> Label.parse("rel=GBR,U S A!", BASE)).hasMessageContaining("invalid party code");
        assertThatThrownBy(() -> Label.parse("originator", BASE)).hasMessageContaining("not key=value");
    }

    @Test
    void tlpAcceptsTlpTwoSpellings() {
        assertThat(Tlp.parse("TLP:AMBER+STRICT")).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("white")).isEqualTo(Tlp.CLEAR);
        assertThat(Tlp.RED.stricter(Tlp.CLEAR)).isEqualTo(Tlp.RED);
        assertThat(Tlp.CLEAR.stricter(Tlp.RED)).isEqualTo(Tlp.RED);
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNamingItNotTheLastOneWinning() {
        assertThatThrownBy(() -> Label.parse("rel=REL TO GBR;rel=PUBLIC", BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rel' is given twice");
        assertThatThrownBy(() -> Label.parse("rel=REL TO GBR;releasability=PUBLIC", BASE))
                .hasMessageContaining("'releasability' is given twice").hasMessageContaining("'rel'");
        assertThatThrownBy(() -> Label.parse("tlp=RED;TLP=CLEAR", BASE)).hasMessageContaining("'tlp' is given twice");
        assertThatThrownBy(() -> Label.parse("expires=2030-01-01T00:00:00Z;expiry=never", BASE))
                .hasMessageContaining("given twice");
    }
}
