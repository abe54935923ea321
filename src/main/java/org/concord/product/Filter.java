package org.concord.product;

import java.util.List;

/**
 * A query parameter of a kind's list: {@code parameter=value} keeps the products whose {@code columns} (any of them,
 * for {@link Comparison#EQUALS}) compare so with the value. Values are read with the rules of the {@code input}
 * package within [{@code min}, {@code max}] (whole and decimal numbers); instants as dates or ISO-8601 times.
 */
public record Filter(String parameter, Comparison comparison, ColumnType type, List<String> columns, double min,
                     double max, String description) {

    public enum Comparison { EQUALS, AT_LEAST, AT_MOST }

    public Filter {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || type == ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("filter " + parameter + " needs columns of a comparable type");
        }
    }

    public static Filter equalsAny(String parameter, ColumnType type, List<String> columns, String description) {
        return new Filter(parameter, Comparison.EQUALS, type, columns, 0, Long.MAX_VALUE, description);
    }

    public static Filter atLeast(String parameter, ColumnType type, String column, double min, double max,
                                 String description) {
        return new Filter(parameter, Comparison.AT_LEAST, type, List.of(column), min, max, description);
    }

    public static Filter atMost(String parameter, ColumnType type, String column, double min, double max,
                                String description) {
        return new Filter(parameter, Comparison.AT_MOST, type, List.of(column), min, max, description);
    }
}
