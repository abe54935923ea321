package org.concord.product;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A query parameter of a kind's list: {@code parameter=value} keeps the products whose {@code columns} (any of them,
 * for {@link Comparison#EQUALS}) compare so with the value. Values are read with the rules of the {@code input}
 * package within [{@code min}, {@code max}] (whole and decimal numbers); instants as dates or ISO-8601 times.
 */
public record Filter(String parameter, Comparison comparison, ColumnType type, List<String> columns, double min,
                     double max, String description, String template, Optional<Accepted> accepted) {

    /**
     * {@link #HOLDS}: the column's text holds the {@code template} with {@code %s} replaced by the value (a word of
     * {@link Accepted}, so that it needs no escaping).
     */
    public enum Comparison { EQUALS, AT_LEAST, AT_MOST, HOLDS }

    /** The only values a text filter takes (compared in upper case), and the rule they follow, in words. */
    public record Accepted(Set<String> values, String rule) {

        public Accepted {
            values = Set.copyOf(values);
        }
    }

    public Filter {
        columns = List.copyOf(columns);
        if (comparison == Comparison.HOLDS && (accepted.isEmpty() || !template.contains("%s"))) {
            throw new IllegalArgumentException("filter " + parameter + " holds a value of a closed set in a template");
        }
        if (columns.isEmpty() || type == ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("filter " + parameter + " needs columns of a comparable type");
        }
    }

    public static Filter equalsAny(String parameter, ColumnType type, List<String> columns, String description) {
        return new Filter(parameter, Comparison.EQUALS, type, columns, 0, Long.MAX_VALUE, description, "",
                Optional.empty());
    }

    public static Filter atLeast(String parameter, ColumnType type, String column, double min, double max,
                                 String description) {
        return new Filter(parameter, Comparison.AT_LEAST, type, List.of(column), min, max, description, "",
                Optional.empty());
    }

    public static Filter atMost(String parameter, ColumnType type, String column, double min, double max,
                                String description) {
        return new Filter(parameter, Comparison.AT_MOST, type, List.of(column), min, max, description, "",
                Optional.empty());
    }

    /**
     * The products whose text {@code column} holds {@code template} with the value in place of {@code %s}, the value
     * one of {@code accepted} (a code of a closed set, such as a state's in a JSON list).
     */
    public static Filter holds(String parameter, String column, String template, Accepted accepted,
                               String description) {
        return new Filter(parameter, Comparison.HOLDS, ColumnType.TEXT, List.of(column), 0, 0, description, template,
                Optional.of(accepted));
    }
}
