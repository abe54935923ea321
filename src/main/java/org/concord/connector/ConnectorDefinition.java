package org.concord.connector;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.concord.label.Label;

/**
 * One configured connector: its name, its source type, where its source is, how often it pulls, the label its data
 * is stored under, whether records that fail the checks are skipped (else one fails the whole answer), the settings
 * its type reads ({@code connector.NAME.KEY} by {@code KEY}), and its password when its source needs one.
 */
public record ConnectorDefinition(String name, String type, URI url, Duration period, Label label,
                                  boolean skipInvalid, Map<String, String> settings, Optional<Secret> password) {

    public ConnectorDefinition {
        settings = Map.copyOf(settings);
    }

    /** A type-specific setting; the key is refused with its name when absent. */
    public String required(String key) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("connector." + name + "." + key + " is required for a connector of"
                    + " type " + type);
        }
        return value;
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
    }

    /** The name under which its data is ingested: its provenance, and the actor of its audit entries. */
    public String sourceName() {
        return "connector:" + name;
    }
}
