package org.concord.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StixValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StixValidator validator = new StixValidator();

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = StixValidatorTest.class.getResourceAsStream("/stix/" + name)) {
            return JSON.readTree(in);
        }
    }

    private List<StixProblem> checkAll(List<JsonNode> objects) {
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> StixValidator.idOf(o).ifPresent(ids::add));
        List<StixProblem> problems = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            problems.addAll(validator.check(objects.get(i), "objects[" + i + "]", ids::contains));
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"stix21_apt1.json", "stix21_indicator-for-c2-ip-address.json",
            "stix21_indicator-to-campaign-relationship.json", "stix21_indicators-for-C2-with-COA.json",
            "stix21_infrastructure.json",
            "stix21_malicious-email-indicator-with-attachment.json", "stix21_poisonivy.json"})
    void theOasisExampleBundlesAreAccepted(String name) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        resource(name).path("objects").forEach(objects::add);
        assertThat(objects).isNotEmpty();
        assertThat(checkAll(objects)).as(name).isEmpty();
    }

    @Test
    void theInteropMarkingObjectIsAcceptedBesideTheObjectsItNames() throws IOException {
        JsonNode campaign = resource("stix21_interop-objectmarking-test.json");
        assertThat(validator.check(campaign, "campaign", id -> false)).extracting(StixProblem::property)
                .containsExactly("created_by_ref", "object_marking_refs[1]");
        assertThat(validator.check(campaign, "campaign", Set.of("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
                "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ec")::contains)).isEmpty();
    }

    @Test
    void theMedallionSampleObjectsAreAccepted() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        resource("taxii21_medallion_default_data.json").path("trustgroup1").path("collections")
                .forEach(c -> c.path("objects").forEach(objects::add));
        assertThat(objects).hasSize(8);
        assertThat(checkAll(objects)).isEmpty();
    }

    static ObjectNode incident() {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "incident").put("spec_version", "2.1").put("id", "incident--0b5c8a5e-5b0a-4d9e-9b8e-2f0c7d1a3e11")
                .put("created", "2024-03-01T10:00:00.000Z").put("modified", "2024-03-01T10:00:00.000Z")
                .put("name", "Uplink jamming of a ground station");
        return o;
    }

    private List<StixProblem> check(JsonNode o) {
        return validator.check(o, "objects[0]", id -> false);
    }

    @Test
    void aValidIncidentPasses() {
        assertThat(check(incident())).isEmpty();
    }

    @Test
    void anIdOfAnotherTypeIsRefusedWithItsReason() {
        ObjectNode o = incident().put("id", "indicator--0b5c8a5e-5b0a-4d9e-9b8e-2f0c7d1a3e11");
        assertThat(check(o)).anySatisfy(p -> {
            assertThat(p.objectId()).isEqualTo("indicator--0b5c8a5e-5b0a-4d9e-9b8e-2f0c7d1a3e11");
            assertThat(p.property()).isEqualTo("id");
            assertThat(p.reason()).contains("names type 'indicator' but the object is a 'incident'");
        });
    }

    @Test
    void modifiedBeforeCreatedIsRefused() {
        ObjectNode o = incident().put("modified", "2024-02-29T10:00:00.000Z");
        assertThat(check(o)).singleElement().satisfies(p -> {
            assertThat(p.objectId()).isEqualTo("incident--0b5c8a5e-5b0a-4d9e-9b8e-2f0c7d1a3e11");
            assertThat(p.property()).isEqualTo("modified");
            assertThat(p.reason()).isEqualTo("2024-02-29T10:00:00Z is before created 2024-03-01T10:00:00Z");
        });
    }

    @Test
    void aDanglingReferenceIsRefused() {
        ObjectNode o = incident().put("created_by_ref", "identity--7a2b6d1e-3f4c-4a5b-8c9d-0e1f2a3b4c5d");
        assertThat(check(o)).singleElement().satisfies(p -> {
            assertThat(p.property()).isEqualTo("created_by_ref");
            assertThat(p.reason()).contains("dangling reference");
        });
        assertThat(validator.check(o, "objects[0]", "identity--7a2b6d1e-3f4c-4a5b-8c9d-0e1f2a3b4c5d"::equals))
                .isEmpty();
    }

    @Test
    void aReferenceToAnObjectOfTheWrongTypeIsRefused() {
        ObjectNode o = incident().put("created_by_ref", "malware--7a2b6d1e-3f4c-4a5b-8c9d-0e1f2a3b4c5d");
        assertThat(validator.check(o, "objects[0]", id -> true)).anySatisfy(p -> {
            assertThat(p.property()).isEqualTo("created_by_ref");
            assertThat(p.reason()).isEqualTo("refers to a malware; it must refer to identity");
        });
    }

    @Test
    void anUnknownTlpMarkingIdIsRefused() {
        ObjectNode marking = JSON.createObjectNode();
        marking.put("type", "marking-definition").put("spec_version", "2.1")
                .put("id", "marking-definition--1d3f2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c")
                .put("created", "2024-03-01T10:00:00.000Z").put("definition_type", "tlp")
                .putObject("definition").put("tlp", "red");
        assertThat(check(marking)).anySatisfy(p -> {
            assertThat(p.objectId()).isEqualTo("marking-definition--1d3f2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c");
            assertThat(p.property()).isEqualTo("id");
            assertThat(p.reason()).contains("published TLP 1.0 or 2.0 definitions");
        });
        ObjectNode marked = incident();
        marked.putArray("object_marking_refs").add("marking-definition--1d3f2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c");
        assertThat(check(marked)).anySatisfy(p -> assertThat(p.property()).isEqualTo("object_marking_refs[0]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T10:00:00.000Z", "2024-03-01 10:00:00Z", "2024-03-01T10:00:00.000+01:00",
            "yesterday"})
    void aBadTimestampIsRefused(String created) {
        ObjectNode o = incident().put("created", created).put("modified", "2024-03-02T10:00:00.000Z");
        assertThat(check(o)).anySatisfy(p -> {
            assertThat(p.property()).isEqualTo("created");
            assertThat(p.reason()).contains("is not a timestamp");
        });
    }

    @Test
    void aMissingRequiredPropertyIsFoundByTheSchema() {
        ObjectNode o = incident();
        o.remove("name");
        assertThat(check(o)).anySatisfy(p -> {
            assertThat(p.reason()).contains("STIX 2.1 schema sdos/incident.json").contains("name");
        });
    }

    private static ObjectNode attackPattern(String... spartaIds) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "attack-pattern").put("spec_version", "2.1")
                .put("id", "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061")
                .put("created", "2024-03-01T10:00:00.000Z").put("modified", "2024-03-01T10:00:00.000Z")
                .put("name", "Ground station intrusion");
        var refs = o.putArray("external_references");
        refs.addObject().put("source_name", "capec").put("external_id", "CAPEC-163");
        for (String id : spartaIds) {
            ObjectNode ref = refs.addObject().put("source_name", "sparta");
            if (!id.isEmpty()) {
                ref.put("external_id", id);
            }
        }
        return o;
    }

    @Test
    void spartaTechniquesAreNamedByWellFormedIds() {
        assertThat(validator.check(attackPattern("REC-0001", "IA-0001.01", "EXF-0010", "IMP-0004"), "o",
                id -> false)).isEmpty();
        for (String bad : List.of("REC-1", "rec-0001", "IA-0001.1", "XX-0001", "T1566", "IA-0001.01.02")) {
            assertThat(validator.check(attackPattern("REC-0001", bad), "o", id -> false)).as(bad)
                    .singleElement().satisfies(p -> {
                        assertThat(p.objectId()).isEqualTo("attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061");
                        assertThat(p.property()).isEqualTo("external_references[2].external_id");
                        assertThat(p.reason()).contains("SPARTA technique id").contains("REC-0001");
                    });
        }
    }

    @Test
    void isaAcsMarkingsAreRefusedAndSoAreObjectsMarkedWithThem() {
        ObjectNode acs = JSON.createObjectNode();
        String acsId = "marking-definition--75ad3822-3fbe-4de8-ac94-f02f01bf778b";
        acs.put("type", "marking-definition").put("spec_version", "2.1").put("id", acsId)
                .put("created", "2021-08-14T01:08:09.163Z").put("name", "ACS marking");
        acs.putObject("extensions").putObject(StixValidator.ACS_EXTENSION).put("extension_type", "property-extension")
                .put("identifier", "isa:guide.19001.ACS3-e0c28f68-5570-434a-9764-3e8498f0a59a")
                .put("create_date_time", "2021-08-14T01:08:08.432Z")
                .put("responsible_entity_originator", "CUST:USA.USG");
        assertThat(validator.check(acs, "o", id -> false)).anySatisfy(p -> {
            assertThat(p.objectId()).isEqualTo(acsId);
            assertThat(p.property()).isEqualTo("extensions." + StixValidator.ACS_EXTENSION);
            assertThat(p.reason()).contains("ISA ACS markings are not read");
        });
        ObjectNode incident = JSON.createObjectNode();
        incident.put("type", "incident").put("spec_version", "2.1")
                .put("id", "incident--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0062");
        incident.putArray("object_marking_refs").add("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb")
                .add(acsId);
        assertThat(StixValidator.acsReferences(incident, "incident--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0062",
                Set.of(acsId))).singleElement().satisfies(p -> {
                    assertThat(p.property()).isEqualTo("object_marking_refs[1]");
                    assertThat(p.reason()).contains("is an ISA ACS marking");
                });
    }
}
