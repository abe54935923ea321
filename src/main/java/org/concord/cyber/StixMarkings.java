package org.concord.cyber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;

/**
 * What an object's markings say about who may see it: the TLP of the TLP 2.0 marking definitions (OASIS extension
 * {@value #TLP_2_EXTENSION}) and of the TLP 1.0 ones STIX 2.1 predefines, and the parties Concord's releasability
 * extension ({@value #RELEASABILITY_EXTENSION}, {@code releasable_to}: party codes; the extension without it names
 * nobody, as STIX has no empty lists) names.
 */
public final class StixMarkings {

    /** The OASIS extension that defines the TLP 2.0 marking definitions. */
    public static final String TLP_2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** Concord's property extension {@code x-concord-releasability}: {@code releasable_to}, a list of party codes. */
    public static final String RELEASABILITY_EXTENSION = "extension-definition--2b0e8808-d9ef-4fc8-ad25-7fef80385d73";

    /** The predefined TLP marking definitions: TLP 2.0 (OASIS common objects) and TLP 1.0 (STIX 2.1, 7.2.1.4). */
    static final Map<String, Tlp> TLP_MARKINGS = Map.of(
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp.CLEAR,
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp.GREEN,
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp.AMBER,
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp.AMBER_STRICT,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp.RED,
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);

    private StixMarkings() {
    }

    /**
     * The label of an object posted to this collection by {@code originator}: the strictest TLP its markings carry (the
     * collection's default without one); the collection's community, narrowed to the parties the releasability
     * extension names when the object carries it (an empty list: nobody but the originator).
     *
     * @throws IllegalArgumentException when the releasability extension is not a list of party codes
     */
    static Label label(JsonNode object, CyberCollection collection, String originator) {
        Releasability community = collection.community();
        Releasability releasability = releasability(object).map(r -> r.intersect(community)).orElse(community);
        return new Label(originator, releasability, tlp(object).orElse(collection.defaultTlp()),
                java.util.Collections.emptySortedSet(), Optional.empty());
    }

    /** The TLP marking definition of this id, if it is one of the predefined ones. */
    public static Optional<Tlp> tlpOf(String markingId) {
        return Optional.ofNullable(TLP_MARKINGS.get(markingId));
    }

    /**
     * The strictest TLP among the object's markings, the object's own ({@code object_marking_refs}) and those of parts
     * of it ({@code granular_markings}): a granular marking is honoured by applying it to the whole object, which
     * never shows a part to a reader its marking excludes. Empty when the object carries no TLP marking.
     */
    static Optional<Tlp> tlp(JsonNode object) {
        Optional<Tlp> strictest = Optional.empty();
        for (String ref : markingRefs(object)) {
            Optional<Tlp> tlp = tlpOf(ref);
            if (tlp.isPresent()) {
                strictest = Optional.of(strictest.map(s -> s.stricter(tlp.get())).orElse(tlp.get()));
            }
        }
        return strictest;
    }

    /** Every marking the object references, whole or granular. */
    static List<String> markingRefs(JsonNode object) {
        List<String> refs = new ArrayList<>();
        object.path("object_marking_refs").forEach(r -> refs.add(r.asText()));
        object.path("granular_markings").forEach(g -> {
            if (g.path("marking_ref").isTextual()) {
                refs.add(g.path("marking_ref").asText());
            }
        });
        return refs;
    }

    /**
     * The parties the releasability extension names (without {@code releasable_to}: nobody), or empty when the object
     * does not carry it.
     *
     * @throws IllegalArgumentException when the extension is not a list of party codes
     */
    static Optional<Releasability> releasability(JsonNode object) {
        JsonNode ext = object.path("extensions").path(RELEASABILITY_EXTENSION);
        if (ext.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode parties = ext.path("releasable_to");
        if (parties.isMissingNode()) {
            return Optional.of(Releasability.NOBODY); // STIX has no empty lists: the extension naming nobody
        }
        if (!parties.isArray()) {
            throw new IllegalArgumentException("releasable_to must be a list of party codes (the extension without"
                    + " it reaches nobody)");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode p : parties) {
            if (!p.isTextual()) {
                throw new IllegalArgumentException("releasable_to holds " + p + ", not a party code");
            }
            codes.add(p.asText());
        }
        return Optional.of(Releasability.to(codes));
    }
}
