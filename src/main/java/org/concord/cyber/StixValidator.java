package org.concord.cyber;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a STIX object: against the OASIS STIX 2.1 JSON schema of its type, then by the specification's rules the schemas
 * cannot express: the id is {@code type--UUID} of the object's own type; timestamps are real RFC 3339 instants in UTC;
 * {@code modified} is not before {@code created} (nor an end before its start); every reference is an id of a type the
 * property allows and names an object that exists (in the same envelope, stored here, or predefined); a TLP marking
 * definition is one of the published ones; an attack pattern's SPARTA references name techniques by well-formed ids;
 * ISA ACS markings are refused (this node does not read them). An object without {@code spec_version} is STIX 2.0 (as TAXII servers still
 * hold): the 2.1 schemas do not apply to it, the rules do.
 */
public final class StixValidator {

    /** RFC 4122 reads UUIDs in either case (an OASIS example has upper-case digits). */
    private static final Pattern ID = Pattern.compile("([a-z][a-z0-9-]{0,248}[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}"
            + "-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final Set<String> TIMESTAMPS = Set.of("created", "modified", "valid_from", "valid_until",
            "first_seen", "last_seen", "published", "first_observed", "last_observed", "start_time", "stop_time",
            "analysis_started", "analysis_ended", "submitted", "ctime", "mtime", "atime", "date");
    /** Pairs that must not run backwards: the first is not after the second. */
    private static final List<List<String>> ORDERED = List.of(List.of("created", "modified"),
            List.of("valid_from", "valid_until"), List.of("first_seen", "last_seen"),
            List.of("first_observed", "last_observed"), List.of("start_time", "stop_time"));
    /** The types a reference property allows, where the specification restricts them. */
    private static final Map<String, Set<String>> REFERENCE_TYPES = Map.of(
            "created_by_ref", Set.of("identity"),
            "object_marking_refs", Set.of("marking-definition"),
            "where_sighted_refs", Set.of("identity", "location"),
            "observed_data_refs", Set.of("observed-data"),
            "sighting_of_ref", StixSchemas.DOMAIN_OBJECTS,
            "sample_refs", Set.of("file", "artifact"),
            "operating_system_refs", Set.of("software"),
            "installed_software_refs", Set.of("software"),
            "host_vm_ref", Set.of("software"));

    /**
     * A SPARTA technique id (sparta.aerospace.org, "Updates"): its tactic's prefix, '-', four digits, and for a
     * sub-technique '.' and two digits ({@code REC-0001}, {@code IA-0001.01}).
     */
    private static final Pattern SPARTA_TECHNIQUE = Pattern.compile("(REC|RD|IA|EX|PER|DE|LM|EXF|IMP)-\\d{4}"
            + "(\\.\\d{2})?");
    /** The ISA ACS 3.0 marking extension (OASIS), which this node does not read (docs/cyber.md). */
    public static final String ACS_EXTENSION = "extension-definition--3a65884d-005a-4290-8335-cb2d778a83ce";
    static final String ACS_REFUSED = "ISA ACS markings are not read by this node: their access rules (shareability,"
            + " entity, caveats) would not limit who sees the object; mark who may see it with the releasability"
            + " extension " + StixMarkings.RELEASABILITY_EXTENSION + " (docs/cyber.md)";

    private final StixSchemas schemas = new StixSchemas();

    /** The object's id, if it has a textual one. */
    public static Optional<String> idOf(JsonNode object) {
        return object.path("id").isTextual() ? Optional.of(object.path("id").asText()) : Optional.empty();
    }

    /**
     * The problems of this object ({@code place} names it where it has no id); {@code exists} says whether an id it
     * references names an object beside it or stored. Empty when the object is valid.
     */
    public List<StixProblem> check(JsonNode object, String place, Predicate<String> exists) {
        if (!object.isObject()) {
            return List.of(new StixProblem(place, StixProblem.WHOLE_OBJECT, "a STIX object is a JSON object, not "
                    + object.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        String id = idOf(object).orElse(place);
        if (!object.path("type").isTextual()) {
            return List.of(new StixProblem(id, "type", "missing: every STIX object has a type"));
        }
        String type = object.path("type").asText();
        List<StixProblem> problems = new ArrayList<>();
        Optional<String> specVersion = specVersion(object, type);
        if (specVersion.isEmpty()) {
            problems.add(new StixProblem(id, "spec_version", "'" + object.path("spec_version").asText()
                    + "' is not a STIX version this node reads (2.1, or 2.0 when absent)"));
        } else if (specVersion.get().equals("2.1")) {
            problems.addAll(schemas.check(id, type, object));
        }
        checkId(object, id, type, problems);
        checkTimestamps(object, id, problems);
        checkReferences(object, id, exists, problems);
        checkTlpDefinition(object, id, type, problems);
        checkSpartaReferences(object, id, type, problems);
        if (object.path("extensions").has(ACS_EXTENSION)) {
            problems.add(new StixProblem(id, "extensions." + ACS_EXTENSION, ACS_REFUSED));
        }
        return problems;
    }

    /** Whether this object is an ISA ACS marking definition (or carries the ACS extension). */
    public static boolean isAcsMarking(JsonNode object) {
        return object.path("extensions").has(ACS_EXTENSION);
    }

    /** The object's references to these ISA ACS marking definitions, each refused. */
    public static List<StixProblem> acsReferences(JsonNode object, String id, Set<String> acsMarkings) {
        List<StixProblem> problems = new ArrayList<>();
        int i = 0;
        for (JsonNode ref : object.path("object_marking_refs")) {
            if (acsMarkings.contains(ref.asText())) {
                problems.add(new StixProblem(id, "object_marking_refs[" + i + "]", ref.asText() + " is an ISA ACS"
                        + " marking. " + ACS_REFUSED));
            }
            i++;
        }
        i = 0;
        for (JsonNode granular : object.path("granular_markings")) {
            if (acsMarkings.contains(granular.path("marking_ref").asText())) {
                problems.add(new StixProblem(id, "granular_markings[" + i + "].marking_ref",
                        granular.path("marking_ref").asText() + " is an ISA ACS marking. " + ACS_REFUSED));
            }
            i++;
        }
        return problems;
    }

    /** An attack pattern's {@code external_references} with {@code source_name} sparta name a technique by its id. */
    private static void checkSpartaReferences(JsonNode object, String id, String type, List<StixProblem> problems) {
        if (!type.equals("attack-pattern")) {
            return;
        }
        int i = 0;
        for (JsonNode ref : object.path("external_references")) {
            if (ref.path("source_name").asText().equalsIgnoreCase("sparta")) {
                JsonNode external = ref.path("external_id");
                if (!external.isTextual() || !SPARTA_TECHNIQUE.matcher(external.asText()).matches()) {
                    problems.add(new StixProblem(id, "external_references[" + i + "].external_id",
                            (external.isTextual() ? "'" + external.asText() + "' is not" : "missing: a SPARTA"
                                    + " reference names") + " a SPARTA technique id: a tactic's prefix (REC, RD, IA,"
                                    + " EX, PER, DE, LM, EXF, IMP), '-', four digits, and for a sub-technique '.' and"
                                    + " two digits, such as REC-0001 or IA-0001.01"));
                }
            }
            i++;
        }
    }

    /**
     * The object's STIX version: its {@code spec_version}, or when absent 2.1 for a cyber observable (optional there)
     * and 2.0 for others; empty for a version this node does not read.
     */
    public static Optional<String> specVersion(JsonNode object, String type) {
        JsonNode v = object.path("spec_version");
        if (v.isMissingNode()) {
            return Optional.of(StixSchemas.CYBER_OBSERVABLES.contains(type) ? "2.1" : "2.0");
        }
        return v.isTextual() && (v.asText().equals("2.1") || v.asText().equals("2.0")) ? Optional.of(v.asText())
                : Optional.empty();
    }

    private static void checkId(JsonNode object, String id, String type, List<StixProblem> problems) {
        if (!object.path("id").isTextual()) {
            problems.add(new StixProblem(id, "id", "missing: every STIX object has an id"));
            return;
        }
        var m = ID.matcher(id);
        if (!m.matches()) {
            problems.add(new StixProblem(id, "id", "not an identifier of the form type--UUID (RFC 4122)"));
        } else if (!m.group(1).equals(type)) {
            problems.add(new StixProblem(id, "id", "names type '" + m.group(1) + "' but the object is a '" + type
                    + "'"));
        }
    }

    /** A STIX timestamp: RFC 3339 in UTC ('Z'), a real date and time. */
    public static Optional<Instant> timestamp(JsonNode value) {
        if (!value.isTextual() || !TIMESTAMP.matcher(value.asText()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void checkTimestamps(JsonNode object, String id, List<StixProblem> problems) {
        for (String name : TIMESTAMPS) {
            JsonNode v = object.path(name);
            if (!v.isMissingNode() && v.isTextual() && timestamp(v).isEmpty()) {
                problems.add(new StixProblem(id, name, "'" + v.asText() + "' is not a timestamp"
                        + " (RFC 3339 in UTC, such as 2024-07-05T12:00:00.000Z, a date and time that exist)"));
            }
        }
        for (List<String> pair : ORDERED) {
            Optional<Instant> first = timestamp(object.path(pair.get(0)));
            Optional<Instant> second = timestamp(object.path(pair.get(1)));
            if (first.isPresent() && second.isPresent() && second.get().isBefore(first.get())) {
                problems.add(new StixProblem(id, pair.get(1), second.get() + " is before " + pair.get(0) + " "
                        + first.get()));
            }
        }
    }

    private static void checkReferences(JsonNode object, String id, Predicate<String> exists,
                                        List<StixProblem> problems) {
        for (var it = object.fields(); it.hasNext(); ) {
            var field = it.next();
            String name = field.getKey();
            if (name.endsWith("_ref") && field.getValue().isTextual()) {
                checkReference(name, field.getValue().asText(), id, exists, problems);
            } else if (name.endsWith("_refs") && field.getValue().isArray()) {
                int i = 0;
                for (JsonNode ref : field.getValue()) {
                    if (ref.isTextual()) {
                        checkReference(name + "[" + i + "]", ref.asText(), id, exists, problems);
                    }
                    i++;
                }
            }
        }
        int i = 0;
        for (JsonNode granular : object.path("granular_markings")) {
            if (granular.path("marking_ref").isTextual()) {
                checkReference("granular_markings[" + i + "].marking_ref", granular.path("marking_ref").asText(), id,
                        exists, problems);
            }
            i++;
        }
    }

    private static void checkReference(String property, String ref, String id, Predicate<String> exists,
                                       List<StixProblem> problems) {
        var m = ID.matcher(ref);
        if (!m.matches()) {
            problems.add(new StixProblem(id, property, "'" + ref + "' is not an identifier of the form type--UUID"));
            return;
        }
        String base = property.replaceAll("\\[\\d+]$", "");
        Set<String> allowed = property.startsWith("granular_markings[") ? Set.of("marking-definition")
                : REFERENCE_TYPES.get(base);
        if (allowed != null && !allowed.contains(m.group(1))) {
            problems.add(new StixProblem(id, property, "refers to a " + m.group(1) + "; it must refer to "
                    + String.join(" or ", new java.util.TreeSet<>(allowed))));
        } else if (StixMarkings.tlpOf(ref).isEmpty() && !exists.test(ref)) {
            problems.add(new StixProblem(id, property, "refers to " + ref + ", which is neither in the envelope nor"
                    + " stored here (a dangling reference)"));
        }
    }

    private static void checkTlpDefinition(JsonNode object, String id, String type, List<StixProblem> problems) {
        if (!type.equals("marking-definition")) {
            return;
        }
        boolean tlp1 = object.path("definition_type").asText().equals("tlp");
        boolean tlp2 = object.path("extensions").has(StixMarkings.TLP_2_EXTENSION);
        if ((tlp1 || tlp2) && StixMarkings.tlpOf(id).isEmpty()) {
            problems.add(new StixProblem(id, "id", "a TLP marking definition must be one of the published TLP 1.0"
                    + " or 2.0 definitions; this id is none of them"));
        }
    }
}
