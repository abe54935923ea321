package org.concord.formats.rdm;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.concord.formats.UtcEpochs;

/**
 * What an RDM keyword's value may be, as the NDM/XML 2.0.0 schema types it: free text, an epoch (the schema's
 * {@code epochType}, and a real UTC date from 1900 to 2200: {@link UtcEpochs}), one of a closed set
 * of words, a whole count, or a number in a range with its unit (the only unit the schema accepts for it).
 *
 * @param unit    the CCSDS unit a number is in, as the schema spells it; empty for text and for dimensionless numbers
 * @param choices the words accepted (ignoring case), for a closed set
 */
public record RdmType(Kind kind, Optional<String> unit, double min, double max, boolean minExclusive,
                      List<String> choices) {

    /** The shapes of values. */
    public enum Kind {
        TEXT, EPOCH, CHOICE, COUNT, NUMBER
    }

    private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public static final RdmType TEXT = new RdmType(Kind.TEXT, Optional.empty(), 0, 0, false, List.of());
    public static final RdmType EPOCH = new RdmType(Kind.EPOCH, Optional.empty(), 0, 0, false, List.of());
    public static final RdmType COUNT = new RdmType(Kind.COUNT, Optional.empty(), 1, Integer.MAX_VALUE, false,
            List.of());
    public static final RdmType YES_NO = choice("YES", "NO");
    public static final RdmType CONTROLLED = choice("YES", "NO", "UNKNOWN");
    public static final RdmType OBJECT_TYPE = choice("PAYLOAD", "ROCKET BODY", "UPPER STAGE", "DEBRIS", "UNKNOWN",
            "OTHER");
    public static final RdmType DISINTEGRATION = choice("NONE", "MASS-LOSS", "BREAK-UP", "MASS-LOSS + BREAK-UP");

    /**
     * Spellings of a word of a closed set that the standard itself uses but its schema does not: Annex C's example
     * C-4 writes {@code MASS-LOSS + BREAKUP}. Read as the schema's word.
     */
    private static final Map<String, String> ALIASES = Map.of("BREAKUP", "BREAK-UP",
            "MASS-LOSS + BREAKUP", "MASS-LOSS + BREAK-UP");
    public static final RdmType UNCERTAINTY_METHOD = choice("NONE", "ANALYTICAL", "STOCHASTIC", "EMPIRICAL");
    public static final RdmType DAYS = positive("d");
    public static final RdmType KM = number("km", -Double.MAX_VALUE, Double.MAX_VALUE);
    public static final RdmType KM_PER_S = number("km/s", -Double.MAX_VALUE, Double.MAX_VALUE);
    public static final RdmType KG = number("kg", 0, Double.MAX_VALUE);
    public static final RdmType M2 = number("m**2", 0, Double.MAX_VALUE);
    public static final RdmType M_PER_S2 = number("m/s**2", -Double.MAX_VALUE, Double.MAX_VALUE);
    public static final RdmType KG_PER_M2 = number("kg/m**2", 0, Double.MAX_VALUE);
    public static final RdmType LONGITUDE = number("deg", -180, 180);
    public static final RdmType LATITUDE = number("deg", -90, 90);
    /** The schema's {@code altType}: metres, from the Dead Sea shore to Everest's summit. */
    public static final RdmType ALTITUDE = number("m", -430.5, 8848);
    public static final RdmType PERCENT = number("%", 0, 100);
    public static final RdmType PROBABILITY = new RdmType(Kind.NUMBER, Optional.empty(), 0, 1, false, List.of());
    public static final RdmType NON_NEGATIVE = new RdmType(Kind.NUMBER, Optional.empty(), 0, Double.MAX_VALUE, false,
            List.of());
    public static final RdmType KM2 = number("km**2", -Double.MAX_VALUE, Double.MAX_VALUE);
    public static final RdmType KM2_PER_S = number("km**2/s", -Double.MAX_VALUE, Double.MAX_VALUE);
    public static final RdmType KM2_PER_S2 = number("km**2/s**2", -Double.MAX_VALUE, Double.MAX_VALUE);

    private static RdmType choice(String... words) {
        return new RdmType(Kind.CHOICE, Optional.empty(), 0, 0, false, List.of(words));
    }

    private static RdmType number(String unit, double min, double max) {
        return new RdmType(Kind.NUMBER, Optional.of(unit), min, max, false, List.of());
    }

    private static RdmType positive(String unit) {
        return new RdmType(Kind.NUMBER, Optional.of(unit), 0, Double.MAX_VALUE, true, List.of());
    }

    /** Why {@code text} is not a value of this type; empty when it is. */
    public Optional<String> problem(String text) {
        return switch (kind) {
            case TEXT -> text.isBlank() ? Optional.of("is empty") : Optional.empty();
            case EPOCH -> UtcEpochs.read(text, UtcEpochs.Shape.CCSDS).problem();
            case CHOICE -> choices.contains(canonical(text)) ? Optional.empty()
                    : Optional.of("'" + text + "' is not one of " + choices);
            case COUNT -> text.matches("\\d{1,9}") && Integer.parseInt(text) >= 1 ? Optional.empty()
                    : Optional.of("'" + text + "' is not a whole number of at least 1");
            case NUMBER -> numberProblem(text);
        };
    }

    /**
     * The value as it is kept: a word of a closed set in the schema's spelling (upper case; the schema accepts lower
     * case too), anything else as written.
     */
    public String canonical(String text) {
        if (kind != Kind.CHOICE) {
            return text;
        }
        String upper = text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return ALIASES.getOrDefault(upper, upper);
    }

    private Optional<String> numberProblem(String text) {
        if (!NUMBER_TEXT.matcher(text).matches()) {
            return Optional.of("'" + text + "' is not a decimal number");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value) || value < min || value > max || minExclusive && value == min) {
            return Optional.of(text + " is outside " + (minExclusive ? "(" : "[") + (min == -Double.MAX_VALUE
                    ? "-inf" : Double.toString(min)) + ", " + (max == Double.MAX_VALUE ? "inf" : Double.toString(max))
                    + "]" + unit.map(u -> " " + u).orElse(""));
        }
        return Optional.empty();
    }
}
