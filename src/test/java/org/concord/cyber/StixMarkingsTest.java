package org.concord.cyber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StixMarkingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CyberCollection COALITION = new CyberCollection("concord", "coalition", "Coalition", "",
            Releasability.to("GBR", "USA", "AUS"), Set.of("GBR", "USA", "AUS"), Set.of("GBR"), Tlp.AMBER);

    private static ObjectNode marked(String... markings) {
        ObjectNode o = JSON.createObjectNode().put("type", "incident").put("id",
                "incident--0b5c8a5e-5b0a-4d9e-9b8e-2f0c7d1a3e11");
        var refs = o.putArray("object_marking_refs");
        for (String m : markings) {
            refs.add(m);
        }
        return o;
    }

    @ParameterizedTest
    @CsvSource({
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487, CLEAR",
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb, GREEN",
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421, AMBER",
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003, AMBER_STRICT",
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1, RED",
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9, CLEAR",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da, GREEN",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82, AMBER",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed, RED"})
    void eachPublishedTlpMarkingGivesItsLevel(String marking, Tlp tlp) {
        assertThat(StixMarkings.label(marked(marking), COALITION, "GBR").tlp()).isEqualTo(tlp);
    }

    @Test
    void theStrictestMarkingWinsAndAGranularMarkingMarksTheWholeObject() {
        ObjectNode o = marked("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
        o.putArray("granular_markings").addObject()
                .put("marking_ref", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1")
                .putArray("selectors").add("description");
        assertThat(StixMarkings.label(o, COALITION, "GBR").tlp()).isEqualTo(Tlp.RED);
        assertThat(StixMarkings.label(marked("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
                "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"), COALITION, "GBR").tlp())
                .isEqualTo(Tlp.AMBER_STRICT);
    }

    @Test
    void withoutATlpMarkingTheCollectionsTlpAndCommunityApply() {
        Label label = StixMarkings.label(marked(), COALITION, "USA");
        assertThat(label.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(label.releasability()).isEqualTo(Releasability.to("AUS", "GBR", "USA"));
        assertThat(label.originator()).isEqualTo("USA");
    }

    @Test
    void theReleasabilityExtensionNarrowsTheCommunityAndNeverWidensIt() {
        ObjectNode o = marked();
        o.putObject("extensions").putObject(StixMarkings.RELEASABILITY_EXTENSION)
                .put("extension_type", "property-extension").putArray("releasable_to").add("USA").add("FRA");
        assertThat(StixMarkings.label(o, COALITION, "GBR").releasability()).isEqualTo(Releasability.to("USA"));
        ObjectNode none = marked();
        none.putObject("extensions").putObject(StixMarkings.RELEASABILITY_EXTENSION)
                .put("extension_type", "property-extension");
        assertThat(StixMarkings.label(none, COALITION, "GBR").releasability()).isEqualTo(Releasability.NOBODY);
        ObjectNode bad = marked();
        bad.putObject("extensions").putObject(StixMarkings.RELEASABILITY_EXTENSION).put("releasable_to", "USA");
        assertThatThrownBy(() -> StixMarkings.label(bad, COALITION, "GBR"))
                .hasMessageContaining("releasable_to must be a list of party codes");
    }
}
