package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.concord.product.ProductKind;
import org.concord.product.ProductKinds;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The derivation links of every product kind ({@code product_input}): which stored items each product was computed
 * from. The one place of the rule "a derived product is visible only where every input is", of the recall cascade
 * (withdrawing an input withdraws, transitively, every product derived from it, of any kind) and of re-pointing the
 * products of a re-labelled record.
 */
final class ProductLinks {

    static final Table<?> T = table(unquotedName("product_input"));
    static final Field<String> PRODUCT_KIND = field(unquotedName("product_input", "product_kind"), SQLDataType.VARCHAR);
    static final Field<Long> PRODUCT_ID = field(unquotedName("product_input", "product_id"), SQLDataType.BIGINT);
    static final Field<String> ROLE = field(unquotedName("product_input", "role"), SQLDataType.VARCHAR);
    static final Field<String> PRODUCT_TABLE = field(unquotedName("product_input", "product_table"),
            SQLDataType.VARCHAR);
    static final Field<String> INPUT_KIND = field(unquotedName("product_input", "input_kind"), SQLDataType.VARCHAR);
    static final Field<Long> INPUT_ID = field(unquotedName("product_input", "input_id"), SQLDataType.BIGINT);
    static final Field<Long> INPUT_LABEL_ID = field(unquotedName("product_input", "input_label_id"),
            SQLDataType.BIGINT);
    /**
     * For an issued product (V34), the column of its table that marks it withdrawn: withdrawing the input marks the
     * product there (and logs it restated, so that partners holding it get it again) rather than deleting it. NULL:
     * the product is deleted.
     */
    static final Field<String> WITHDRAWAL_COLUMN = field(unquotedName("product_input", "withdrawal_column"),
            SQLDataType.VARCHAR);

    private static final Pattern SQL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private ProductLinks() {
    }

    /**
     * The products of this kind (code; ids in {@code productId}) that have no input the filter hides: with the
     * product's own label admitted, the rule for derived products. An orbit record input is checked as its kind, a
     * product input as its kind's data kind; an input of a kind {@code kinds} does not know is not admitted.
     */
    static Condition everyInputVisible(DataKind productKind, Field<Long> productId, LabelFilter filter,
                                       ProductKinds kinds) {
        if (filter.unrestricted()) {
            return DSL.noCondition();
        }
        List<Condition> admitted = new ArrayList<>();
        for (DataKind orbitKind : List.of(DataKind.ORBITS, DataKind.EPHEMERIDES)) {
            admitted.add(INPUT_KIND.eq(orbitKind.code())
                    .and(LabelConditions.admitted(INPUT_LABEL_ID, filter, orbitKind)));
        }
        for (ProductKind<?> kind : kinds.all()) {
            admitted.add(INPUT_KIND.eq(kind.code().code())
                    .and(LabelConditions.admitted(INPUT_LABEL_ID, filter, kind.dataKind())));
        }
        return DSL.notExists(DSL.selectOne().from(T).where(PRODUCT_KIND.eq(productKind.code()))
                .and(PRODUCT_ID.eq(productId)).and(DSL.not(DSL.or(admitted))));
    }

    /**
     * Withdraws every product derived from these items, and every product derived from those, whatever their kind
     * (known to this version or not); returns how many of each kind. A product is deleted, but for an issued one
     * (its links name a {@link #WITHDRAWAL_COLUMN}): it is marked withdrawn now in that column and logged restated,
     * so that the partners it was sent to, which hold none of its inputs, withdraw their copies when they get it again.
     */
    static Map<DataKind, Integer> withdrawDerivedFrom(DSLContext tx, DataKind inputKind, Collection<Long> inputIds) {
        Map<DataKind, Integer> removed = new TreeMap<>();
        Map<DataKind, List<Long>> level = Map.of(inputKind, List.copyOf(inputIds));
        while (!level.isEmpty()) {
            Map<DataKind, List<Long>> next = new HashMap<>();
            for (Map.Entry<DataKind, List<Long>> inputs : level.entrySet()) {
                for (List<Long> chunk : chunks(inputs.getValue())) {
                    Map<String, List<Record>> byTable = new HashMap<>();
                    tx.selectDistinct(PRODUCT_KIND, PRODUCT_ID, PRODUCT_TABLE, WITHDRAWAL_COLUMN).from(T)
                            .where(INPUT_KIND.eq(inputs.getKey().code())).and(INPUT_ID.in(chunk)).fetch()
                            .forEach(r -> byTable.computeIfAbsent(r.get(PRODUCT_TABLE) + "|"
                                    + r.get(WITHDRAWAL_COLUMN), t -> new ArrayList<>()).add(r));
                    byTable.forEach((tableAndColumn, rows) -> {
                        DataKind kind = DataKind.ofStored(rows.getFirst().get(PRODUCT_KIND));
                        Table<?> productTable = table(unquotedName(checked(rows.getFirst().get(PRODUCT_TABLE))));
                        Field<Long> id = field(unquotedName("id"), SQLDataType.BIGINT);
                        String withdrawal = rows.getFirst().get(WITHDRAWAL_COLUMN);
                        List<Long> ids = rows.stream().map(r -> r.get(PRODUCT_ID)).distinct().toList();
                        int withdrawn;
                        if (withdrawal == null) {
                            withdrawn = tx.deleteFrom(productTable).where(id.in(ids)).execute();
                        } else {
                            // the restatement log is followed by id: its rows are written in the writers' turn
                            CatalogVersion.takeWritersTurn(tx);
                            Field<java.time.OffsetDateTime> at = field(unquotedName(checked(withdrawal)),
                                    SQLDataType.TIMESTAMPWITHTIMEZONE);
                            List<Long> marked = tx.select(id).from(productTable).where(id.in(ids)).and(at.isNull())
                                    .fetch(id);
                            withdrawn = marked.isEmpty() ? 0 : tx.update(productTable)
                                    .set(at, SqlValues.odt(java.time.Instant.now())).where(id.in(marked)).execute();
                            ProductRestatements.record(tx, kind, marked);
                        }
                        tx.deleteFrom(T).where(PRODUCT_KIND.eq(kind.code())).and(PRODUCT_ID.in(ids)).execute();
                        removed.merge(kind, withdrawn, Integer::sum);
                        next.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(ids);
                    });
                }
            }
            level = next;
        }
        return removed;
    }

    /** The products derived from {@code oldId} now name {@code newId}, under its label: a re-labelled record. */
    static int repoint(DSLContext tx, DataKind inputKind, long oldId, long newId, long newLabelId) {
        return tx.update(T).set(INPUT_ID, newId).set(INPUT_LABEL_ID, newLabelId)
                .where(INPUT_KIND.eq(inputKind.code())).and(INPUT_ID.eq(oldId)).execute();
    }

    private static String checked(String sqlName) {
        if (!SQL_NAME.matcher(sqlName).matches()) {
            throw new IllegalStateException("product_input names table '" + sqlName + "', not a table name");
        }
        return sqlName;
    }

    static <V> List<List<V>> chunks(List<V> values) {
        List<List<V>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += 1000) {
            chunks.add(values.subList(from, Math.min(values.size(), from + 1000)));
        }
        return chunks;
    }
}
