package org.concord.input;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Numbers a user gives: plain decimal notation, finite, inside the bounds the field names. */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?");

    private Numbers() {
    }

    /** A decimal number in [{@code min}, {@code max}]. */
    public static double decimal(String field, String text, double min, double max) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException(Texts.subject(field) + "'" + Texts.abbreviate(t) + "' is not a number");
        }
        return decimal(field, Double.parseDouble(t), min, max);
    }

    /** {@code value} itself when it is finite and in [{@code min}, {@code max}]. */
    public static double decimal(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(Texts.subject(field) + format(value) + " is outside the accepted range "
                    + format(min) + " to " + format(max));
        }
        return value;
    }

    /** A whole number in [{@code min}, {@code max}]. */
    public static long whole(String field, String text, long min, long max) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException(Texts.subject(field) + "'" + Texts.abbreviate(t) + "' is not a whole number");
        }
        BigDecimal value = new BigDecimal(t);
        if (value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(Texts.subject(field) + "'" + t + "' is not a whole number");
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(Texts.subject(field) + t + " is outside the accepted range " + min + " to "
                    + max);
        }
        return value.longValueExact();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%.0f", value)
                : Double.toString(value);
    }
}
