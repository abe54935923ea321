package org.concord.cyber;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The OASIS STIX 2.1 JSON schemas (vendored under {@code org/concord/cyber/stix-schemas}, see SOURCES.md there),
 * applied by a maintained JSON-schema validator: each object against the schema of its type, an object of a type the
 * specification does not define against the common properties of every object.
 */
final class StixSchemas {

    /** Where the schemas name each other ({@code $id}), mapped to the copies on the class path. */
    private static final String SCHEMA_IDS =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final String BUNDLED = "classpath:org/concord/cyber/stix-schemas/";
    /** Schema problems reported per object: the first few say what is wrong; the rest are their echoes. */
    private static final int MAX_PROBLEMS = 8;

    static final Set<String> DOMAIN_OBJECTS = Set.of("attack-pattern", "campaign", "course-of-action", "grouping",
            "identity", "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware",
            "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability");
    static final Set<String> RELATIONSHIP_OBJECTS = Set.of("relationship", "sighting");
    static final Set<String> CYBER_OBSERVABLES = Set.of("artifact", "autonomous-system", "directory", "domain-name",
            "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic",
            "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate");
    private static final Map<String, String> META_OBJECTS = Map.of("marking-definition", "common/marking-definition.json",
            "language-content", "common/language-content.json",
            "extension-definition", "common/extension-definition.json");

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_IDS, BUNDLED)));
    private final Map<String, Schema> byFile = new ConcurrentHashMap<>();

    /** The schema problems of this object of this type. */
    List<StixProblem> check(String id, String type, JsonNode object) {
        Schema schema = byFile.computeIfAbsent(file(type), f -> {
            Schema s = registry.getSchema(SchemaLocation.of(SCHEMA_IDS + f));
            s.initializeValidators();
            return s;
        });
        Set<String> seen = new LinkedHashSet<>();
        List<StixProblem> problems = new ArrayList<>();
        for (Error e : schema.validate(object)) {
            String property = property(e);
            if (seen.add(property + e.getMessage()) && problems.size() < MAX_PROBLEMS) {
                problems.add(new StixProblem(id, property, "does not conform to the STIX 2.1 schema " + file(type)
                        + ": " + e.getMessage()));
            }
        }
        return problems;
    }

    private static String file(String type) {
        if (DOMAIN_OBJECTS.contains(type)) {
            return "sdos/" + type + ".json";
        }
        if (RELATIONSHIP_OBJECTS.contains(type)) {
            return "sros/" + type + ".json";
        }
        if (CYBER_OBSERVABLES.contains(type)) {
            return "observables/" + type + ".json";
        }
        return META_OBJECTS.getOrDefault(type, "common/core.json");
    }

    /** {@code $.external_references[0].url} → {@code external_references[0].url}; the root → (object). */
    private static String property(Error e) {
        String path = e.getInstanceLocation().toString();
        String property = path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "" : path;
        if (e.getProperty() != null && !e.getProperty().isEmpty()) {
            property = property.isEmpty() ? e.getProperty() : property + "." + e.getProperty();
        }
        return property.isEmpty() ? StixProblem.WHOLE_OBJECT : property;
    }
}
