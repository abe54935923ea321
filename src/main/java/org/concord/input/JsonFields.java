package org.concord.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a JSON object a user sent, read by the same rules as the command line's options: every key known,
 * every value of the right JSON type, every time and number inside its range. A field given as {@code null} is
 * absent.
 */
public final class JsonFields {

    private final JsonNode object;
    private final String prefix;

    private JsonFields(JsonNode object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    /** The fields of {@code object}, refusing any key not in {@code known}. */
    public static JsonFields of(JsonNode object, Collection<String> known) {
        return of(object, known, "");
    }

    private static JsonFields of(JsonNode object, Collection<String> known, String prefix) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        KnownNames.requireKnown("key " + (prefix.isEmpty() ? "of the body" : "in " + prefix.substring(0,
                prefix.length() - 1)), keys, known);
        return new JsonFields(object, prefix);
    }

    public boolean has(String key) {
        return object.hasNonNull(key);
    }

    public String requiredText(String key, int maxCharacters) {
        return text(key, maxCharacters).orElseThrow(() -> new IllegalArgumentException(prefix + key
                + " is required (a string)"));
    }

    public Optional<String> text(String key, int maxCharacters) {
        return value(key).map(n -> {
            if (!n.isTextual()) {
                throw type(key, "a string", n);
            }
            return Texts.bounded(prefix + key, n.asText(), maxCharacters).strip();
        }).filter(s -> !s.isEmpty());
    }

    public Optional<Instant> instant(String key) {
        return value(key).map(n -> {
            if (!n.isTextual()) {
                throw type(key, "a string such as \"2024-07-05T00:00:00Z\"", n);
            }
            return Instants.parse(prefix + key, n.asText());
        });
    }

    public Optional<Double> decimal(String key, double min, double max) {
        return value(key).map(n -> {
            if (!n.isNumber()) {
                throw type(key, "a number", n);
            }
            return Numbers.decimal(prefix + key, n.asText(), min, max);
        });
    }

    public Optional<Long> whole(String key, long min, long max) {
        return value(key).map(n -> {
            if (!n.isNumber()) {
                throw type(key, "a whole number", n);
            }
            return Numbers.whole(prefix + key, n.asText(), min, max);
        });
    }

    public Optional<Boolean> bool(String key) {
        return value(key).map(n -> {
            if (!n.isBoolean()) {
                throw type(key, "true or false", n);
            }
            return n.asBoolean();
        });
    }

    /** An array of strings, each of at most {@code maxCharacters}. */
    public Optional<List<String>> texts(String key, int maxCharacters) {
        return value(key).map(n -> {
            if (!n.isArray()) {
                throw type(key, "an array of strings", n);
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : n) {
                if (!item.isTextual()) {
                    throw type(key, "an array of strings", n);
                }
                items.add(Texts.bounded(prefix + key, item.asText(), maxCharacters));
            }
            return items;
        });
    }

    /** A nested object, refusing any key not in {@code known}. */
    public Optional<JsonFields> object(String key, Collection<String> known) {
        return value(key).map(n -> {
            if (!n.isObject()) {
                throw type(key, "an object with " + String.join(", ", known), n);
            }
            return of(n, known, prefix + key + ".");
        });
    }

    private Optional<JsonNode> value(String key) {
        return Optional.ofNullable(object.get(key)).filter(n -> !n.isNull());
    }

    private IllegalArgumentException type(String key, String expected, JsonNode given) {
        return new IllegalArgumentException(prefix + key + " must be " + expected + ", was "
                + Texts.abbreviate(given.toString()));
    }
}
