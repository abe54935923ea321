package org.concord.label;

import java.util.Arrays;
import java.util.Locale;

/** Traffic Light Protocol 2.0 levels, ordered from least to most restrictive. */
public enum Tlp {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    private final String code;

    Tlp(String code) {
        this.code = code;
    }

    /** The TLP 2.0 spelling, e.g. {@code AMBER+STRICT}. */
    public String code() {
        return code;
    }

    public Tlp stricter(Tlp other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Parses {@code CLEAR}, {@code TLP:GREEN}, {@code AMBER+STRICT} (case-insensitive; {@code WHITE} is TLP 1.0 for CLEAR). */
    public static Tlp parse(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT);
        if (normalized.startsWith("TLP:")) {
            normalized = normalized.substring(4);
        }
        if (normalized.equals("WHITE")) {
            return CLEAR;
        }
        for (Tlp level : values()) {
            if (level.code.equals(normalized) || level.name().equals(normalized)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown TLP level '" + text + "' (expected one of "
                + Arrays.stream(values()).map(Tlp::code).toList() + ")");
    }
}
