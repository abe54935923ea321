package org.concord.label;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A kind of data an agreement releases: every record and product is of one kind. The node's own kinds are the
 * constants; each product kind names its own ({@code space-weather}, ...), and a node knows only the kinds it serves
 * ({@link DataKinds}). {@code code} is the spelling of the CLI, the API, the agreements and the federation bundle.
 */
public record DataKind(String code) implements Comparable<DataKind> {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public static final DataKind ORBITS = new DataKind("orbits");
    public static final DataKind EPHEMERIDES = new DataKind("ephemerides");
    public static final DataKind CONJUNCTIONS = new DataKind("conjunctions");

    public DataKind {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a data kind is 1 to 32 lower-case letters, digits and '-', starting"
                    + " with a letter: '" + code + "'");
        }
    }

    /**
     * The kind as stored by this or an earlier version: {@code space-weather}, or the upper-case constant names of
     * versions before product kinds ({@code SPACE_WEATHER}).
     */
    public static DataKind ofStored(String text) {
        return new DataKind(text.trim().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @Override
    public int compareTo(DataKind other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
