package org.concord.http;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON response against the schema the OpenAPI document gives for a path, method and status. It covers
 * the subset of OpenAPI 3.0 schema keywords the document uses and fails on any keyword it does not know, so that
 * the document cannot silently outgrow the check.
 */
final class OpenApiValidator {

    private static final Set<String> KNOWN_KEYWORDS = Set.of("type", "required", "properties",
            "additionalProperties", "items", "enum", "nullable", "$ref", "allOf", "pattern", "format", "description",
            "minimum", "maximum", "default");

    private final JsonNode document;

    OpenApiValidator(JsonNode document) {
        this.document = document;
    }

    /** The errors of {@code body} against the documented response; empty when it conforms. */
    List<String> validate(String path, String method, int status, JsonNode body) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return List.of("no operation " + method + " " + path + " in the OpenAPI document");
        }
        JsonNode response = resolve(operation.path("responses").path(Integer.toString(status)));
        if (response.isMissingNode()) {
            return List.of("status " + status + " is not documented for " + method + " " + path);
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of("no application/json schema for " + status + " of " + method + " " + path);
        }
        List<String> errors = new ArrayList<>();
        check(schema, body, "$", errors);
        return errors;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $ref supported: " + ref);
            }
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("dangling $ref " + ref);
            }
        }
        return current;
    }

    private void check(JsonNode schemaOrRef, JsonNode value, String where, List<String> errors) {
        JsonNode schema = resolve(schemaOrRef);
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!KNOWN_KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("schema keyword '" + keyword + "' at " + where + " not supported");
            }
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                errors.add(where + ": null but not nullable");
            }
            return;
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                check(part, value, where, errors);
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(schema, value, where, errors);
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(where + ": expected array, got " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), where + "[" + i + "]", errors);
                }
            }
            case "string" -> checkString(schema, value, where, errors);
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(where + ": expected integer, got " + value);
                } else {
                    checkBounds(schema, value, where, errors);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(where + ": expected number, got " + value);
                } else {
                    checkBounds(schema, value, where, errors);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(where + ": expected boolean, got " + value);
                }
            }
            case "" -> { }
            default -> throw new IllegalArgumentException("type " + type + " not supported");
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                errors.add(where + ": " + value + " not in " + schema.get("enum"));
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String where, List<String> errors) {
        if (!value.isObject()) {
            errors.add(where + ": expected object, got " + value.getNodeType());
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(where + ": missing required property '" + required.asText() + "'");
            }
        }
        JsonNode properties = schema.path("properties");
        Set<String> seen = new HashSet<>();
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            seen.add(name);
            if (properties.has(name)) {
                check(properties.get(name), value.get(name), where + "." + name, errors);
            } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
                errors.add(where + ": undocumented property '" + name + "'");
            }
        }
    }

    private static void checkString(JsonNode schema, JsonNode value, String where, List<String> errors) {
        if (!value.isTextual()) {
            errors.add(where + ": expected string, got " + value);
            return;
        }
        String text = value.asText();
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            errors.add(where + ": '" + text + "' does not match " + schema.get("pattern").asText());
        }
        String format = schema.path("format").asText("");
        try {
            if (format.equals("date-time")) {
                OffsetDateTime.parse(text);
            } else if (format.equals("date")) {
                LocalDate.parse(text);
            }
        } catch (RuntimeException e) {
            errors.add(where + ": '" + text + "' is not a " + format);
        }
    }

    private static void checkBounds(JsonNode schema, JsonNode value, String where, List<String> errors) {
        if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(where + ": " + value + " below minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
            errors.add(where + ": " + value + " above maximum " + schema.get("maximum"));
        }
    }
}
