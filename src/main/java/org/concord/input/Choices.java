package org.concord.input;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A value from a closed set a user names: an unknown one is refused with the accepted values listed. */
public final class Choices {

    private Choices() {
    }

    /**
     * The constant of {@code type} that {@code text} names, ignoring case and reading '-' and ' ' as '_'; the accepted
     * values are listed in lower case.
     */
    public static <E extends Enum<E>> E of(String field, String text, Class<E> type) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(key)).findFirst()
                .orElseThrow(() -> unknown(field, text, Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /** The value {@code text} names among {@code accepted} (keys compared ignoring case). */
    public static <T> T of(String field, String text, Map<String, T> accepted) {
        String key = text.strip();
        return accepted.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> unknown(field, text, accepted.keySet()));
    }

    /** {@code text} as spelled in {@code accepted} (compared ignoring case). */
    public static String of(String field, String text, Collection<String> accepted) {
        String key = text.strip();
        Optional<String> match = accepted.stream().filter(a -> a.equalsIgnoreCase(key)).findFirst();
        return match.orElseThrow(() -> unknown(field, text, accepted));
    }

    private static IllegalArgumentException unknown(String field, String text, Collection<String> accepted) {
        return new IllegalArgumentException(Texts.subject(field) + "'" + Texts.abbreviate(text.strip()) + "' is not an accepted"
                + " value (accepted: " + String.join(", ", accepted) + ")");
    }
}
