package org.concord.cyber;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.label.Label;
import org.concord.label.Tlp;

/**
 * A space object of the catalog as a STIX 2.1 {@code infrastructure}, made from one catalog record on request: its name,
 * the {@code x-concord-space-object} extension with its NORAD id and COSPAR id, and markings that say its record's label
 * (the TLP 2.0 marking of its TLP; the releasability extension naming its parties unless it is public). Its id is a
 * name-based UUID (version 5) of the NORAD id, so every node names the same space object alike and objects posted on
 * different nodes link to the same infrastructure. A label's caveats and expiry have no STIX marking: they are named
 * in {@link Made#notCarried()}.
 */
public final class SpaceObjectStix {

    /** Name-based (version 5) UUIDs in Concord's own namespace (RFC 9562, section 5.5). */
    private static final NameBasedGenerator IDS = Generators.nameBasedGenerator(
            UUID.fromString("5c7f3a52-8f44-4b0e-9d1e-6a3c0f2b7e91"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Tlp, String> TLP_2_MARKINGS = Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    /** The STIX object, the label it was made under, and the parts of that label no STIX marking carries. */
    public record Made(ObjectNode object, Label label, List<String> notCarried) {

        public Made {
            notCarried = List.copyOf(notCarried);
        }
    }

    private SpaceObjectStix() {
    }

    /** The TLP 2.0 marking definition of a TLP. */
    public static String markingOf(Tlp tlp) {
        return TLP_2_MARKINGS.get(tlp);
    }

    /** The id of the infrastructure of this space object. */
    public static String idOf(long noradId) {
        return "infrastructure--" + IDS.generate("norad " + noradId);
    }

    /**
     * The infrastructure of a space object from its record: {@code version} (the record's epoch) is its
     * {@code created} and {@code modified}, to the millisecond.
     */
    public static Made of(long noradId, String name, Optional<String> cosparId, Label label, Instant version) {
        String at = Timestamps.format(version.truncatedTo(ChronoUnit.MILLIS));
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "infrastructure").put("spec_version", "2.1").put("id", idOf(noradId))
                .put("created", at).put("modified", at)
                .put("name", name.isBlank() ? "NORAD " + noradId : name);
        o.putArray("infrastructure_types").add("unknown");
        o.putArray("object_marking_refs").add(markingOf(label.tlp()));
        ObjectNode extensions = o.putObject("extensions");
        ObjectNode space = extensions.putObject(CyberService.SPACE_OBJECT_EXTENSION)
                .put("extension_type", "property-extension").put("norad_id", noradId);
        cosparId.filter(c -> !c.isBlank()).ifPresent(c -> space.put("cospar_id", c));
        if (!label.releasability().isPublic()) {
            ObjectNode releasability = extensions.putObject(StixMarkings.RELEASABILITY_EXTENSION)
                    .put("extension_type", "property-extension");
            if (!label.releasability().parties().isEmpty()) { // STIX has no empty lists: without it, nobody
                label.releasability().parties().forEach(releasability.putArray("releasable_to")::add);
            }
        }
        List<String> notCarried = new ArrayList<>();
        if (!label.caveats().isEmpty()) {
            notCarried.add("caveats " + String.join(",", label.caveats()) + " (STIX has no marking for them)");
        }
        label.expiry().ifPresent(e -> notCarried.add("expiry " + e + " (STIX has no marking for it)"));
        return new Made(o, label, notCarried);
    }
}
