package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import java.util.ArrayList;
import java.util.List;

import org.concord.label.DataKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The log of products changed in place after they were stored (table {@code product_restated}): a conjunction event
 * that gained updates, a derived product restated onto other inputs. A row is written in the transaction of the
 * change, which holds the writers' turn, so rows become visible in id order; a federation feed reads the log from its
 * cursor and sends such a product again to a peer it released it to ({@link ProductFeed#restated}).
 */
final class ProductRestatements {

    static final Table<?> T = table(unquotedName("product_restated"));
    static final Field<Long> ID = field(unquotedName("product_restated", "id"), SQLDataType.BIGINT);
    static final Field<String> PRODUCT_KIND = field(unquotedName("product_restated", "product_kind"),
            SQLDataType.VARCHAR);
    static final Field<Long> PRODUCT_ID = field(unquotedName("product_restated", "product_id"), SQLDataType.BIGINT);

    private static final List<Field<?>> FIELDS = List.of(PRODUCT_KIND, PRODUCT_ID);

    private ProductRestatements() {
    }

    /** Records that these products of a kind changed, in the caller's transaction (which holds the writers' turn). */
    static void record(DSLContext tx, DataKind kind, List<Long> ids) {
        List<List<Object>> rows = new ArrayList<>(ids.size());
        for (long id : ids) {
            rows.add(List.of(kind.code(), id));
        }
        JooqProductStore.insertRows(tx, T, FIELDS, rows);
    }
}
