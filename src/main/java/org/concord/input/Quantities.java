package org.concord.input;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distances and durations a user types, always with their unit: {@code 5km}, {@code 500m}; {@code 3d}, {@code 36h},
 * {@code 90m}, {@code 45s}. A bare number is refused: {@code 5} could be metres or kilometres, seconds or days, and a
 * misread screening threshold stores a believable empty result.
 */
public final class Quantities {

    private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+))\\s*([a-zA-Z]*)");
    private static final Map<String, Double> DISTANCE_UNITS = Map.of("km", 1000.0, "m", 1.0);
    private static final Map<String, Long> DURATION_UNITS = Map.of("d", 86_400L, "h", 3_600L, "m", 60L, "s", 1L);

    private Quantities() {
    }

    /** A distance in metres, more than zero and at most {@code maxMeters}, from text such as 5km or 500m. */
    public static double distanceMeters(String field, String text, double maxMeters) {
        Matcher m = match(field, text, "a distance such as 5km or 500m (units: km, m)");
        Double metresPerUnit = DISTANCE_UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (metresPerUnit == null) {
            throw unit(field, text, "a distance such as 5km or 500m (units: km, m)");
        }
        double meters = Double.parseDouble(m.group(1)) * metresPerUnit;
        if (!(meters > 0) || meters > maxMeters) {
            throw new IllegalArgumentException(Texts.subject(field) + "'" + text.strip() + "' is outside the accepted range: more"
                    + " than 0 m and at most " + describe(maxMeters));
        }
        return meters;
    }

    /** A duration of at least one second and at most {@code max}, from text such as 3d, 36h, 90m or 45s. */
    public static Duration duration(String field, String text, Duration max) {
        String accepted = "a duration such as 3d, 36h, 90m or 45s (units: d, h, m, s)";
        Matcher m = match(field, text, accepted);
        Long secondsPerUnit = DURATION_UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (secondsPerUnit == null) {
            throw unit(field, text, accepted);
        }
        double seconds = Double.parseDouble(m.group(1)) * secondsPerUnit;
        if (!(seconds >= 1) || seconds > max.toSeconds()) {
            throw new IllegalArgumentException(Texts.subject(field) + "'" + text.strip() + "' is outside the accepted range: at"
                    + " least 1 s and at most " + describe(max));
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** A duration as a person reads it: 30d, 36h, 90m, 45s. */
    public static String describe(Duration duration) {
        long s = duration.toSeconds();
        return s % 86_400 == 0 ? s / 86_400 + "d" : s % 3_600 == 0 ? s / 3_600 + "h" : s % 60 == 0 ? s / 60 + "m"
                : s + "s";
    }

    private static String describe(double meters) {
        return meters >= 1000 ? String.format(Locale.ROOT, "%.0f km", meters / 1000)
                : String.format(Locale.ROOT, "%.0f m", meters);
    }

    private static Matcher match(String field, String text, String accepted) {
        Matcher m = QUANTITY.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(Texts.subject(field) + "'" + Texts.abbreviate(text.strip()) + "' is not "
                    + accepted);
        }
        if (m.group(2).isEmpty()) {
            throw new IllegalArgumentException(Texts.subject(field) + "'" + text.strip() + "' has no unit; give " + accepted);
        }
        return m;
    }

    private static IllegalArgumentException unit(String field, String text, String accepted) {
        return new IllegalArgumentException(Texts.subject(field) + "'" + Texts.abbreviate(text.strip()) + "' has a unit that is"
                + " not accepted; give " + accepted);
    }
}
