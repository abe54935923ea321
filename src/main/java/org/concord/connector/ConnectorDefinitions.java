package org.concord.connector;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;

/**
 * Reads the connectors of the configuration: {@code connectors} names them (none by default: a node makes no outside
 * call unless told to), {@code connector.NAME.KEY} configures each (docs/configuration.md, docs/connectors.md).
 * Every mistake is refused when the node opens, naming the key and what it accepts.
 */
public final class ConnectorDefinitions {

    /** The keys every connector takes; its type adds its own ({@link ConnectorType#keys()}). */
    public static final Set<String> COMMON_KEYS = Set.of("type", "url", "period", "label", "skip-invalid");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private ConnectorDefinitions() {
    }

    /**
     * The connectors {@code keys} configure, of the types {@code types}; their data is labelled, unless their
     * {@code label} says otherwise, releasable to the node's {@code party} only (TLP:AMBER), never public.
     */
    public static List<ConnectorDefinition> read(ConfigKeys keys, List<ConnectorType> types, String party,
                                                 Path dataDirectory) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : keys.optional("connectors").orElse("").split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(trimmed).matches()) {
                throw new IllegalArgumentException(keys.origin("connectors") + ": connectors: '" + trimmed
                        + "' is not a connector name (lower-case letters, digits and '-', at most 63)");
            }
            if (!names.add(trimmed)) {
                throw new IllegalArgumentException(keys.origin("connectors") + ": connectors: '" + trimmed
                        + "' is named twice");
            }
        }
        Map<String, ConnectorType> byName = new HashMap<>();
        types.forEach(t -> byName.put(t.name(), t));
        Map<String, ConnectorType> typeOf = new HashMap<>();
        for (String name : names) {
            String key = "connector." + name + ".type";
            String typeName = keys.optional(key).orElseThrow(() -> new IllegalArgumentException(
                    keys.origin(key) + ": " + key + " is missing; one of " + new TreeSet<>(byName.keySet())));
            ConnectorType type = byName.get(typeName);
            if (type == null) {
                throw new IllegalArgumentException(keys.origin(key) + ": " + key + " = '" + typeName
                        + "' is not a connector type; one of " + new TreeSet<>(byName.keySet()));
            }
            typeOf.put(name, type);
        }
        for (String key : keys.fileKeys()) {
            if (key.startsWith("connector.")) {
                checkKnown(keys, key, typeOf);
            }
        }
        Label base = new Label(party, Releasability.to(party), Tlp.AMBER, Collections.emptySortedSet(),
                Optional.empty());
        List<ConnectorDefinition> definitions = new ArrayList<>();
        for (String name : names) {
            ConnectorDefinition definition = definition(keys, name, typeOf.get(name), base, dataDirectory);
            typeOf.get(name).source(definition);
            definitions.add(definition);
        }
        return List.copyOf(definitions);
    }

    private static void checkKnown(ConfigKeys keys, String key, Map<String, ConnectorType> typeOf) {
        String rest = key.substring("connector.".length());
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        ConnectorType type = typeOf.get(name);
        if (type == null || dot < 0) {
            throw new IllegalArgumentException(keys.origin(key) + ": " + key + ": '" + name
                    + "' is not a connector named in connectors (" + String.join(",", typeOf.keySet()) + ")");
        }
        String own = rest.substring(dot + 1);
        Set<String> accepted = new TreeSet<>(COMMON_KEYS);
        accepted.addAll(type.keys());
        if (!accepted.contains(own)) {
            throw new IllegalArgumentException(keys.origin(key) + ": " + key + ": a connector of type " + type.name()
                    + " takes " + accepted.stream().map(k -> "connector." + name + "." + k).toList());
        }
    }

    private static ConnectorDefinition definition(ConfigKeys keys, String name, ConnectorType type, Label base,
                                                  Path dataDirectory) {
        String prefix = "connector." + name + ".";
        URI url = keys.optional(prefix + "url").map(text -> url(keys, prefix + "url", text))
                .or(type::defaultUrl).orElseThrow(() -> new IllegalArgumentException(keys.origin(prefix + "url")
                        + ": " + prefix + "url is required for a connector of type " + type.name()));
        Duration period = keys.duration(prefix + "period", type.defaultPeriod());
        if (period.compareTo(type.minimumPeriod()) < 0) {
            throw new IllegalArgumentException(keys.origin(prefix + "period") + ": " + prefix + "period = " + period
                    + " is shorter than " + type.minimumPeriod() + ", the shortest period its source accepts"
                    + " (docs/connectors.md)");
        }
        Label label;
        try {
            label = keys.optional(prefix + "label").map(spec -> Label.parse(spec, base)).orElse(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(keys.origin(prefix + "label") + ": " + prefix + "label: "
                    + e.getMessage(), e);
        }
        String skip = keys.optional(prefix + "skip-invalid").orElse("false").toLowerCase(Locale.ROOT);
        if (!skip.equals("true") && !skip.equals("false")) {
            throw new IllegalArgumentException(keys.origin(prefix + "skip-invalid") + ": " + prefix
                    + "skip-invalid = '" + skip + "': true or false");
        }
        Map<String, String> settings = new HashMap<>();
        for (String key : type.keys()) {
            keys.optional(prefix + key).ifPresent(value -> settings.put(key, value));
        }
        return new ConnectorDefinition(name, type.name(), url, period, label, skip.equals("true"), settings,
                password(keys, prefix, settings, dataDirectory));
    }

    private static URI url(ConfigKeys keys, String key, String text) {
        try {
            URI url = new URI(text);
            String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
                throw new URISyntaxException(text, "not an http or https URL");
            }
            if (url.getUserInfo() != null) {
                throw new URISyntaxException(text, "credentials do not belong in a URL (use password-file)");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(keys.origin(key) + ": " + key + ": " + e.getReason(), e);
        }
    }

    /** The password of {@code password-file} (relative to the data directory) or {@code password-env}, if either. */
    private static Optional<Secret> password(ConfigKeys keys, String prefix, Map<String, String> settings,
                                             Path dataDirectory) {
        Optional<String> file = Optional.ofNullable(settings.get("password-file"));
        Optional<String> variable = Optional.ofNullable(settings.get("password-env"));
        if (file.isPresent() && variable.isPresent()) {
            throw new IllegalArgumentException(keys.origin(prefix + "password-file") + ": " + prefix
                    + "password-file and " + prefix + "password-env: give one, not both");
        }
        if (file.isPresent()) {
            Path path = dataDirectory.resolve(file.get());
            try {
                return Optional.of(new Secret(Files.readString(path, StandardCharsets.UTF_8).strip(),
                        prefix + "password-file " + path));
            } catch (IOException e) {
                throw new IllegalArgumentException(keys.origin(prefix + "password-file") + ": " + prefix
                        + "password-file: cannot read " + path, e);
            }
        }
        return variable.map(name -> new Secret(keys.environment(name).orElseThrow(() -> new IllegalArgumentException(
                keys.origin(prefix + "password-env") + ": " + prefix + "password-env: the environment variable "
                        + name + " is not set")).strip(), "environment variable " + name));
    }
}
