package org.concord.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.concord.catalog.OrbitRecord;
import org.concord.formats.CompatibleElementSets.Form;

/**
 * A query of CelesTrak's {@code gp.php}: exactly one of {@code CATNR} (a catalog number), {@code INTDES} (a COSPAR
 * designator {@code 1998-067A}, or a launch {@code 1998-067} for all its pieces), {@code GROUP} (the groups a node
 * can derive from the names it holds) and {@code NAME} (part of a name, ignoring case); and {@code FORMAT}.
 */
public record CelestrakQuery(Selector selector, Form form) {

    /** The parameters {@code gp.php} accepts. */
    public static final Set<String> PARAMETERS = Set.of("CATNR", "INTDES", "GROUP", "NAME", "FORMAT");
    /** CelesTrak's answer when no element set answers a query: a plain-text body, with status 404. */
    public static final String NO_DATA = "No GP data found";
    private static final List<String> SELECTORS = List.of("CATNR", "INTDES", "GROUP", "NAME");
    private static final Pattern DESIGNATOR = Pattern.compile("[0-9]{4}-[0-9]{3}[A-Z]{0,3}");
    private static final Map<String, Form> FORMATS = formats();

    /** What a query selects, one of CelesTrak's four ways. */
    public sealed interface Selector {
    }

    /** One object, by catalog number. */
    public record CatalogNumber(long noradId) implements Selector {
    }

    /** One piece ({@code 1998-067A}) or every piece of a launch ({@code 1998-067}). */
    public record Designator(String designator) implements Selector {
    }

    /** A group of objects. */
    public record Group(Groups group) implements Selector {
    }

    /** Objects whose name contains this text, ignoring case. */
    public record NameContains(String text) implements Selector {
    }

    /**
     * The groups a node can derive honestly: those CelesTrak makes by name. Its curated groups ({@code stations},
     * {@code visual}) and those made from operational status ({@code active}), which no SATCAT field here holds, are
     * refused rather than guessed.
     */
    public enum Groups {
        STARLINK("STARLINK"), ONEWEB("ONEWEB");

        private final String namePrefix;

        Groups(String namePrefix) {
            this.namePrefix = namePrefix;
        }
    }

    /** The query of {@code p}, its parameters among {@link #PARAMETERS}. */
    public static CelestrakQuery read(Arguments p) {
        List<String> given = SELECTORS.stream().filter(s -> p.text(s, 128).isPresent()).toList();
        if (given.size() != 1) {
            throw new IllegalArgumentException("give exactly one of " + String.join(", ", SELECTORS) + " (given: "
                    + (given.isEmpty() ? "none" : String.join(", ", given)) + ")");
        }
        Selector selector = switch (given.getFirst()) {
            case "CATNR" -> new CatalogNumber(p.whole("CATNR", 1, 999_999_999).orElseThrow());
            case "INTDES" -> new Designator(designator(p.text("INTDES", 32).orElseThrow()));
            case "GROUP" -> new Group(Choices.of("GROUP", p.text("GROUP", 64).orElseThrow(), Groups.class));
            default -> new NameContains(p.text("NAME", 128).orElseThrow().toUpperCase(Locale.ROOT));
        };
        Form form = p.text("FORMAT", 16).map(f -> Choices.of("FORMAT", f, FORMATS)).orElse(Form.NAMED_TLE);
        return new CelestrakQuery(selector, form);
    }

    /** The catalog number the query names, when it names one (the adapter reads one object then). */
    public Optional<Long> noradId() {
        return selector instanceof CatalogNumber(long noradId) ? Optional.of(noradId) : Optional.empty();
    }

    /** Whether an object's newest element set answers the query. */
    public boolean admits(OrbitRecord record) {
        String name = record.objectName().strip().toUpperCase(Locale.ROOT);
        return switch (selector) {
            case CatalogNumber(long noradId) -> record.noradId() == noradId;
            case Designator(String designator) -> record.internationalDesignator()
                    .map(d -> designator.length() == 8 ? d.startsWith(designator) : d.equals(designator))
                    .orElse(false);
            case Group(Groups group) -> name.startsWith(group.namePrefix);
            case NameContains(String text) -> name.contains(text);
        };
    }

    private static String designator(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        if (!DESIGNATOR.matcher(t).matches()) {
            throw new IllegalArgumentException("INTDES: '" + Texts.abbreviate(text) + "' is not a COSPAR designator"
                    + " such as 1998-067A, or a launch such as 1998-067");
        }
        return t;
    }

    private static Map<String, Form> formats() {
        Map<String, Form> formats = new LinkedHashMap<>();
        formats.put("TLE", Form.NAMED_TLE);
        formats.put("3LE", Form.THREE_LINE);
        formats.put("2LE", Form.TWO_LINE);
        formats.put("XML", Form.OMM_XML);
        formats.put("KVN", Form.OMM_KVN);
        formats.put("JSON", Form.OMM_JSON);
        formats.put("CSV", Form.OMM_CSV);
        return java.util.Collections.unmodifiableMap(formats);
    }
}
