package org.concord.label;

import java.util.Locale;

/** The kinds of data an agreement releases; every record and product is of one kind. */
public enum DataKind {
    ORBITS,
    EPHEMERIDES,
    CONJUNCTIONS,
    REENTRIES,
    SPACE_WEATHER,
    CYBER;

    /** {@code orbits}, {@code space-weather} ...: the spelling of the CLI and the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DataKind parse(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DataKind kind : values()) {
            if (kind.name().equals(normalized)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown data kind '" + text + "' (expected orbits, ephemerides,"
                + " conjunctions, reentries, space-weather or cyber)");
    }
}
