package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.label.Label;
import org.concord.product.Column;
import org.concord.product.ColumnType;
import org.concord.product.ProductInput;
import org.concord.product.ProductKind;
import org.concord.product.Row;
import org.concord.product.Rows;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The jOOQ view of one product kind's table: the template's columns (docs/products.md) and the kind's own. */
final class ProductTable<T> {

    final ProductKind<T> kind;
    final Table<?> table;
    final Field<Long> id;
    final Field<Long> labelId;
    final Field<String> key;
    final Field<String> labelOriginator;
    final Field<String> labelReleasability;
    final Field<String> labelTlp;
    final Field<String> labelCaveats;
    final Field<OffsetDateTime> labelExpiry;
    final Map<String, Field<?>> columns;

    ProductTable(ProductKind<T> kind) {
        this.kind = kind;
        this.table = table(unquotedName(kind.table()));
        this.id = qualified("id", SQLDataType.BIGINT);
        this.labelId = qualified("label_id", SQLDataType.BIGINT);
        this.key = qualified(kind.keyColumn(), SQLDataType.VARCHAR);
        this.labelOriginator = qualified("label_originator", SQLDataType.VARCHAR);
        this.labelReleasability = qualified("label_releasability", SQLDataType.VARCHAR);
        this.labelTlp = qualified("label_tlp", SQLDataType.VARCHAR);
        this.labelCaveats = qualified("label_caveats", SQLDataType.VARCHAR);
        this.labelExpiry = qualified("label_expiry", SQLDataType.TIMESTAMPWITHTIMEZONE);
        Map<String, Field<?>> own = new LinkedHashMap<>();
        for (Column<T> c : kind.columns()) {
            own.put(c.name(), qualified(c.name(), sqlType(c.type())));
        }
        this.columns = own;
    }

    private <V> Field<V> qualified(String column, DataType<V> type) {
        return field(unquotedName(kind.table(), column), type);
    }

    static DataType<?> sqlType(ColumnType type) {
        return switch (type) {
            case TEXT -> SQLDataType.VARCHAR;
            case WHOLE -> SQLDataType.BIGINT;
            case DECIMAL -> SQLDataType.DOUBLE;
            case INSTANT -> SQLDataType.TIMESTAMPWITHTIMEZONE;
            case BOOLEAN -> SQLDataType.BOOLEAN;
        };
    }

    @SuppressWarnings("unchecked")
    <V> Field<V> column(String name) {
        return (Field<V>) columns.get(name);
    }

    /** Every field a read selects. */
    List<Field<?>> selected() {
        List<Field<?>> all = new java.util.ArrayList<>(List.of(id, labelId, key, labelOriginator,
                labelReleasability, labelTlp, labelCaveats, labelExpiry));
        all.addAll(columns.values());
        return all;
    }

    /** A SQL value of a column as the database takes it. */
    static Object sqlValue(Optional<?> value) {
        return value.map(v -> v instanceof Instant i ? SqlValues.odt(i) : v).orElse(null);
    }

    Label label(Record r) {
        return LabelColumns.label(r.get(labelOriginator), r.get(labelReleasability), r.get(labelTlp),
                r.get(labelCaveats), r.get(labelExpiry));
    }

    Row row(Record r, Map<String, ProductInput> inputs) {
        return Rows.of(r.get(id), label(r), inputs, column -> {
            Field<?> f = columns.get(column);
            if (f == null) {
                throw new IllegalArgumentException("product kind " + kind.code() + " has no column " + column);
            }
            Object v = r.get(f);
            return v instanceof OffsetDateTime odt ? odt.toInstant() : v;
        });
    }
}
