package org.concord.store;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.concord.product.ColumnType;
import org.concord.product.SortOrder;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;


/**
 * Keyset paging of a product list in one sort order: the cursor holds the sort values and id of the last row shown,
 * so a page continues after it however many rows were stored or removed meanwhile (empty values sort last).
 */
final class ProductCursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProductTable<?> t;
    private final SortOrder sort;

    ProductCursor(ProductTable<?> t, SortOrder sort) {
        this.t = t;
        this.sort = sort;
    }

    List<SortField<?>> order() {
        List<SortField<?>> order = new ArrayList<>();
        for (SortOrder.Key k : sort.keys()) {
            Field<Object> c = t.column(k.column());
            order.add(k.descending() ? c.desc().nullsLast() : c.asc().nullsLast());
        }
        order.add(t.id.asc());
        return order;
    }

    /** The cursor that continues after this row. */
    String of(Record last) {
        ArrayNode values = JSON.createArrayNode();
        values.add(sort.name());
        for (SortOrder.Key k : sort.keys()) {
            Object v = last.get(t.column(k.column()));
            values.add(v == null ? null : JSON.valueToTree(v instanceof OffsetDateTime odt ? odt.toInstant().toString()
                    : v));
        }
        values.add(last.get(t.id));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(values.toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The rows after the one the cursor names, in this order. */
    Condition after(String cursor) {
        JsonNode values;
        try {
            values = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw notOurs(cursor);
        }
        if (!values.isArray() || values.size() != sort.keys().size() + 2
                || !values.get(0).asText().equals(sort.name()) || !values.get(values.size() - 1).canConvertToLong()) {
            throw notOurs(cursor);
        }
        return after(0, values);
    }

    private Condition after(int i, JsonNode values) {
        if (i == sort.keys().size()) {
            return t.id.gt(values.get(values.size() - 1).asLong());
        }
        SortOrder.Key k = sort.keys().get(i);
        Field<Object> c = t.column(k.column());
        JsonNode given = values.get(i + 1);
        if (given.isNull()) {
            return c.isNull().and(after(i + 1, values));
        }
        Object v = value(k.column(), given);
        return (k.descending() ? c.lt(v) : c.gt(v)).or(c.isNull()).or(c.eq(v).and(after(i + 1, values)));
    }

    private Object value(String column, JsonNode given) {
        ColumnType type = t.kind.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow()
                .type();
        try {
            return switch (type) {
                case TEXT -> given.asText();
                case WHOLE -> given.asLong();
                case DECIMAL -> given.asDouble();
                case BOOLEAN -> given.asBoolean();
                case INSTANT -> SqlValues.odt(java.time.Instant.parse(given.asText()));
            };
        } catch (java.time.format.DateTimeParseException e) {
            throw notOurs(given.toString());
        }
    }

    private static IllegalArgumentException notOurs(String cursor) {
        return new IllegalArgumentException("cursor '" + (cursor.length() > 64 ? cursor.substring(0, 64) + "..."
                : cursor) + "' is not one this list gave: pass nextCursor of the previous page unchanged, with the"
                + " same sort");
    }

}
