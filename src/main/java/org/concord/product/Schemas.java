package org.concord.product;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks a kind's declaration passes when it is registered, so that a mistake fails at start, not at a read. */
final class Schemas {

    private static final Pattern SQL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** The template's columns, which a kind does not declare. */
    static final Set<String> TEMPLATE = Set.of("id", "label_id", "label_originator", "label_releasability",
            "label_tlp", "label_caveats", "label_expiry");
    /** Query parameters of every list. */
    static final Set<String> LIST_PARAMETERS = Set.of("sort", "limit", "cursor");

    private Schemas() {
    }

    static void check(ProductKind<?> kind) {
        String what = "product kind " + kind.code();
        requireSqlName(what + " table", kind.table());
        requireSqlName(what + " key column", kind.keyColumn());
        Set<String> columns = new HashSet<>();
        for (Column<?> c : kind.columns()) {
            requireSqlName(what + " column", c.name());
            if (TEMPLATE.contains(c.name()) || c.name().equals(kind.keyColumn()) || !columns.add(c.name())) {
                throw new IllegalArgumentException(what + " declares column " + c.name() + " twice or over the"
                        + " template's");
            }
        }
        Set<String> parameters = new HashSet<>(LIST_PARAMETERS);
        for (Filter f : kind.filters()) {
            if (!parameters.add(f.parameter())) {
                throw new IllegalArgumentException(what + " declares query parameter " + f.parameter() + " twice");
            }
            f.columns().forEach(c -> requireColumn(kind, columns, c));
        }
        if (kind.sorts().isEmpty()) {
            throw new IllegalArgumentException(what + " declares no sort order");
        }
        kind.sorts().forEach(s -> s.keys().forEach(k -> requireColumn(kind, columns, k.column())));
        kind.withdrawalColumn().ifPresent(c -> requireColumn(kind, columns, c));
        if (kind.labelling() == Labelling.ISSUED && kind.withdrawalColumn().flatMap(c -> kind.columns().stream()
                .filter(d -> d.name().equals(c)).findFirst()).filter(d -> d.type() == ColumnType.INSTANT
                        && d.shared()).isEmpty()) {
            throw new IllegalArgumentException(what + " is issued: it declares a withdrawal column of instants that"
                    + " travels to partners (it is marked when its inputs are withdrawn)");
        }
    }

    private static void requireColumn(ProductKind<?> kind, Set<String> columns, String column) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("product kind " + kind.code() + " refers to column " + column
                    + ", which it does not declare");
        }
    }

    private static void requireSqlName(String what, String name) {
        if (!SQL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a lower-case SQL name");
        }
    }
}
