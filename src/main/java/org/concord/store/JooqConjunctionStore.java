package org.concord.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.Page;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionKind;
import org.concord.conjunction.ConjunctionStore;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Conjunctions in PostgreSQL or H2, through jOOQ, as the product kind {@link ConjunctionKind}. */
public final class JooqConjunctionStore implements ConjunctionStore {

    private final DSLContext dsl;
    private final LabelIds labelIds;
    private final JooqProductStore products;
    private final ProductTable<Conjunction> table;

    public JooqConjunctionStore(Database database, JooqProductStore products) {
        this.dsl = database.dsl();
        this.labelIds = new LabelIds(database);
        this.products = products;
        this.table = products.table(ConjunctionKind.INSTANCE);
    }

    @Override
    public Optional<Conjunction> storeFromCdm(Conjunction conjunction, String cdmSha256) {
        Map<Label, Long> labels = Map.of(conjunction.label(), labelIds.idOf(conjunction.label()));
        try {
            return dsl.transactionResult(() -> products.insert(dsl, table,
                    List.of(ConjunctionKind.product(conjunction, Optional.of(cdmSha256))), labels).stream()
                    .findFirst().map(ConjunctionKind::stored));
        } catch (DataAccessException e) {
            if (SqlValues.isUniqueViolation(e)) {
                return Optional.empty(); // the same CDM stored by a concurrent ingest
            }
            throw e;
        }
    }

    @Override
    public Optional<Label> cdmLabel(String cdmSha256, String originator) {
        return dsl.select(table.selected()).from(table.table).where(table.key.eq(cdmSha256))
                .and(table.labelOriginator.eq(originator)).fetchOptional(table::label);
    }

    @Override
    public Optional<Conjunction> findConjunction(long id, LabelFilter filter) {
        return products.find(ConjunctionKind.INSTANCE, id, filter).map(Product::value);
    }

    @Override
    public Page<Conjunction> findConjunctions(ProductQuery query, LabelFilter filter) {
        Page<Product<Conjunction>> page = products.list(ConjunctionKind.INSTANCE, query, filter);
        return new Page<>(page.items().stream().map(Product::value).toList(), page.total(), page.nextCursor());
    }
}
