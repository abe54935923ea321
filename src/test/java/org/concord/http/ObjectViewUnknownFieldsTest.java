package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.Provenance;
import org.concord.catalog.SpaceObject;
import org.concord.input.Arguments;
import org.concord.input.ObjectSearch;
import org.concord.label.Label;
import org.junit.jupiter.api.Test;

/** The object view says which SATCAT fields are unknown and where each known one came from. */
class ObjectViewUnknownFieldsTest {

    private static final Provenance SOURCE = new Provenance("bundled:satcat_2025-01_merged.csv", "0".repeat(64),
            Instant.parse("2026-12-03T00:00:00Z"), "concord:sample");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> satcatView(SpaceObject.SatcatEntry entry) {
        return (Map<String, Object>) JsonViews.object(new SpaceObject(48880, "STARLINK-3004",
                Optional.of("2021-059B"), Optional.of(entry), Optional.empty())).get("satcat");
    }

    @Test
    void anUnknownOwnerIsNullAndListedAsUnknown() {
        Map<String, Object> view = satcatView(new SpaceObject.SatcatEntry("UNKNOWN", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("LARGE"),
                Map.of("rcsSize", "mizuba-2025-01"), Label.publicFrom("LOCAL"), SOURCE));
        assertThat(view).containsEntry("owner", null).containsEntry("satcatOwner", null)
                .containsEntry("objectType", "UNKNOWN");
        assertThat(view.get("unknown")).asList().containsExactly("objectType", "owner", "launchDate", "launchSite");
        assertThat(view.get("fieldSources")).isEqualTo(Map.of("rcsSize", "mizuba-2025-01"));
    }

    @Test
    void aKnownOwnerIsItsPartyCodeBesideTheSatcatCodeWithItsSource() {
        Map<String, Object> view = satcatView(new SpaceObject.SatcatEntry("PAYLOAD", Optional.of("US"),
                Optional.of(LocalDate.of(2021, 5, 26)), Optional.of("AFETR"), Optional.empty(), Optional.empty(),
                Map.of("owner", "inferred-from-name", "objectType", "inferred-from-name"), Label.publicFrom("LOCAL"),
                SOURCE));
        assertThat(view).containsEntry("owner", "USA").containsEntry("satcatOwner", "US");
        assertThat(view.get("unknown")).asList().containsExactly("rcsSize");
        assertThat(view.get("fieldSources")).isEqualTo(Map.of("objectType", "inferred-from-name", "owner",
                "inferred-from-name", "launchDate", SOURCE.sourceName(), "launchSite", SOURCE.sourceName()));
    }

    @Test
    void anOwnerQueryTakesPartyAndSatcatCodesAndRefusesOthersNamingTheAccepted() {
        assertThat(ObjectSearch.read(Arguments.of(Map.of("owner", List.of("US")), ObjectSearch.PARAMETERS), Instant.now()).owner()).contains("USA");
        assertThat(ObjectSearch.read(Arguments.of(Map.of("owner", List.of("CHN")), ObjectSearch.PARAMETERS), Instant.now()).owner())
                .contains("CHN");
        assertThatThrownBy(() -> ObjectSearch.read(Arguments.of(Map.of("owner", List.of("BOGUS")), ObjectSearch.PARAMETERS), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown owner 'BOGUS'")
                .hasMessageContaining("USA");
    }
}
