package org.concord.input;

import java.util.Collection;
import java.util.TreeSet;

/** The names of the keys and parameters a request may carry: an unknown one is refused, never ignored. */
public final class KnownNames {

    private KnownNames() {
    }

    /**
     * Refuses the first of {@code given} that is not in {@code known}; {@code what} says what the names are, such as
     * "query parameter" or "key of the body". A misspelled optional key would otherwise fall back to its default
     * silently (a {@code "treshold"} screened at 5 km, an {@code "until"} stored as open-ended).
     */
    public static void requireKnown(String what, Collection<String> given, Collection<String> known) {
        for (String name : given) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown " + what + " '" + Texts.abbreviate(name) + "' ("
                        + (known.isEmpty() ? "none is accepted here" : "known: " + String.join(", ",
                        new TreeSet<>(known))) + ")");
            }
        }
    }
}
