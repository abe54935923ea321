package org.concord.store;

import static org.jooq.impl.DSL.noCondition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.concord.catalog.Page;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.product.Column;
import org.concord.product.Filter;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductKind;
import org.concord.product.ProductKinds;
import org.concord.product.ProductQuery;
import org.concord.product.ProductStore;
import org.concord.store.Tables.Orbit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Every product kind's storage, through jOOQ: one implementation of the template, the links and the paging. */
public final class JooqProductStore implements ProductStore {

    private final DSLContext dsl;
    private final LabelIds labelIds;
    private final ProductKinds kinds;
    private final Map<DataKind, ProductTable<?>> tables = new java.util.concurrent.ConcurrentHashMap<>();

    public JooqProductStore(Database database, ProductKinds kinds) {
        this(database, new LabelIds(database), kinds);
    }

    JooqProductStore(Database database, LabelIds labelIds, ProductKinds kinds) {
        this.dsl = database.dsl();
        this.labelIds = labelIds;
        this.kinds = kinds;
    }

    ProductKinds kinds() {
        return kinds;
    }

    LabelIds labelIds() {
        return labelIds;
    }

    @SuppressWarnings("unchecked")
    <T> ProductTable<T> table(ProductKind<T> kind) {
        return (ProductTable<T>) tables.computeIfAbsent(kind.code(), k -> new ProductTable<>(kind));
    }

    @Override
    public <T> List<Product<T>> store(ProductKind<T> kind, List<Product<T>> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        Map<Label, Long> labels = labelIds.resolve(products.stream().map(Product::label).collect(Collectors.toSet()));
        try {
            return dsl.transactionResult(() -> insert(dsl, table(kind), products, labels));
        } catch (org.jooq.exception.DataAccessException e) {
            if (SqlValues.isUniqueViolation(e)) {
                throw e; // the same key stored meanwhile by a concurrent writer: the caller decides
            }
            // a value the table cannot keep (text longer than its column, ...): refused whole, nothing stored
            throw new IllegalArgumentException("the " + kind.code() + " products cannot be stored: the database does"
                    + " not keep their values as given", e);
        }
    }

    /**
     * Inserts in the caller's transaction, taking the writers' turn (so that a feed reading the newest id sees every
     * product up to it): each product once under its key and originator, with its links; returns those inserted.
     */
    <T> List<Product<T>> insert(DSLContext tx, ProductTable<T> t, List<Product<T>> products, Map<Label, Long> labels) {
        CatalogVersion.takeWritersTurn(tx);
        return insert(tx, t, products, labels, storedInputs(tx, products.stream().flatMap(p -> p.inputs().stream())
                .distinct().toList()));
    }

    /**
     * {@link #insert} with the inputs as stored known to the caller (read with the items they were given as): the
     * writers' turn is the caller's to take.
     */
    <T> List<Product<T>> insert(DSLContext tx, ProductTable<T> t, List<Product<T>> products, Map<Label, Long> labels,
                                Map<ProductInput, StoredInput> inputs) {
        Set<String> storedKeys = storedKeys(tx, t, products);
        List<Product<T>> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Product<T> p : products) {
            if (p.key().isEmpty() || !storedKeys.contains(keyOf(p)) && seen.add(keyOf(p))) {
                fresh.add(p);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        long before = Optional.ofNullable(tx.select(DSL.max(t.id)).from(t.table).fetchOne().value1()).orElse(0L);
        List<Field<?>> fields = new ArrayList<>(List.of(t.key, t.labelId, t.labelOriginator, t.labelReleasability,
                t.labelTlp, t.labelCaveats, t.labelExpiry));
        fields.addAll(t.columns.values());
        List<List<Object>> rows = new ArrayList<>(fresh.size());
        for (Product<T> p : fresh) {
            List<Object> values = new ArrayList<>(fields.size());
            values.add(p.key().orElse(null));
            values.addAll(labelAndColumnValues(t.kind, p, labels));
            rows.add(values);
        }
        insertRows(tx, t.table, fields, rows);
        // writers take turns, so the ids above the newest before are these products', in the order inserted
        List<Long> ids = tx.select(t.id).from(t.table).where(t.id.gt(before)).orderBy(t.id).fetch(t.id);
        if (ids.size() != fresh.size()) {
            throw new IllegalStateException(fresh.size() + " " + t.kind.code() + " products inserted but "
                    + ids.size() + " new rows found");
        }
        return link(tx, t, fresh, ids, inputs, Map.of());
    }

    /** The label columns' values (label id, originator, releasability, TLP, caveats, expiry) of a product's label. */
    static List<Object> labelValues(Label l, Map<Label, Long> labels) {
        List<Object> values = new ArrayList<>();
        values.add(labels.get(l));
        values.add(l.originator());
        values.add(l.releasability().toString());
        values.add(l.tlp().code());
        values.add(String.join(",", l.caveats()));
        values.add(l.expiry().map(SqlValues::odt).orElse(null));
        return values;
    }

    /** A product's label columns ({@link #labelValues}) and the kind's columns. */
    private static <T> List<Object> labelAndColumnValues(ProductKind<T> kind, Product<T> p, Map<Label, Long> labels) {
        List<Object> values = labelValues(p.label(), labels);
        for (Column<T> c : kind.columns()) {
            values.add(ProductTable.sqlValue(c.valueOf(p.value())));
        }
        return values;
    }

    /**
     * Links each product (its id at the same index) to its inputs, which must be stored, but for those {@code linked}
     * already (by product id and role); returns them stored.
     */
    private <T> List<Product<T>> link(DSLContext tx, ProductTable<T> t, List<Product<T>> products, List<Long> ids,
                                      Map<ProductInput, StoredInput> inputs,
                                      Map<Long, Map<String, ProductInput>> linked) {
        List<Product<T>> stored = new ArrayList<>(products.size());
        List<List<Object>> links = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            Product<T> p = products.get(i);
            long id = ids.get(i);
            List<ProductInput> named = new ArrayList<>();
            for (ProductInput input : p.inputs()) {
                ProductInput was = linked.getOrDefault(id, Map.of()).get(input.role());
                if (sameLink(was, input)) {
                    named.add(was);
                    continue;
                }
                named.add(linkRow(t.kind, id, input, inputs, links));
            }
            stored.add(new Product<>(id, p.key(), p.label(), named, p.value()));
        }
        insertRows(tx, ProductLinks.T, LINK_FIELDS, links);
        return stored;
    }

    /** Adds the link of product {@code id} to this input (which must be stored) to {@code links}; returns the input. */
    static ProductInput linkRow(ProductKind<?> kind, long id, ProductInput input, Map<ProductInput, StoredInput> inputs,
                                List<List<Object>> links) {
        StoredInput in = inputs.get(input);
        if (in == null) {
            throw new IllegalArgumentException("input " + input.kind() + " " + input.id() + " of a "
                    + kind.code() + " product is not stored");
        }
        // an issued product is withdrawn in place, by its withdrawal column (ProductLinks.withdrawDerivedFrom)
        links.add(java.util.Arrays.asList(kind.code().code(), id, input.role(), kind.table(), in.kind().code(),
                input.id(), in.labelId(), kind.labelling() == org.concord.product.Labelling.ISSUED
                        ? kind.withdrawalColumn().orElseThrow() : null));
        return new ProductInput(input.role(), in.kind(), input.id());
    }

    static final List<Field<?>> LINK_FIELDS = List.of(ProductLinks.PRODUCT_KIND, ProductLinks.PRODUCT_ID,
            ProductLinks.ROLE, ProductLinks.PRODUCT_TABLE, ProductLinks.INPUT_KIND, ProductLinks.INPUT_ID,
            ProductLinks.INPUT_LABEL_ID, ProductLinks.WITHDRAWAL_COLUMN);

    /**
     * Inserts the rows (values in the order of {@code fields}) in bulk: through COPY on PostgreSQL, in JDBC batches of
     * 5,000 elsewhere ({@link SqlValues#batch}).
     */
    static void insertRows(DSLContext tx, org.jooq.Table<?> table, List<Field<?>> fields, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (SqlValues.isPostgres(tx)) {
            PostgresCopy.copyRows(tx, table, fields, rows);
            return;
        }
        SqlValues.batch(tx, "INSERT INTO " + table.getName() + " (" + String.join(", ", fields.stream()
                .map(Field::getName).toList()) + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(
                fields.size(), "?")) + ")", rows);
    }

    @Override
    public <T> List<Product<T>> restate(ProductKind<T> kind, List<Product<T>> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        ProductTable<T> t = table(kind);
        Map<Label, Long> labels = labelIds.resolve(products.stream().map(Product::label).collect(Collectors.toSet()));
        List<Field<?>> fields = new ArrayList<>(List.of(t.labelId, t.labelOriginator, t.labelReleasability, t.labelTlp,
                t.labelCaveats, t.labelExpiry));
        fields.addAll(t.columns.values());
        try {
            return dsl.transactionResult(() -> {
                CatalogVersion.takeWritersTurn(dsl);
                List<Long> ids = products.stream().map(Product::id).toList();
                Map<Long, String> keys = new HashMap<>();
                for (List<Long> chunk : ProductLinks.chunks(ids)) {
                    dsl.select(t.id, t.key).from(t.table).where(SqlValues.idIn(t.id, chunk))
                            .forEach(r -> keys.put(r.value1(), r.value2()));
                }
                // only what changed is written: the links of new or changed roles, and the columns
                Map<Long, Map<String, ProductInput>> linked = links(t, ids);
                List<Product<T>> keyed = new ArrayList<>(products.size());
                org.jooq.BatchBindStep unlink = dsl.batch(dsl.deleteFrom(ProductLinks.T)
                        .where(ProductLinks.PRODUCT_KIND.eq((String) null)).and(ProductLinks.PRODUCT_ID.eq((Long) null))
                        .and(ProductLinks.ROLE.eq((String) null)));
                int unlinked = 0;
                for (Product<T> p : products) {
                    if (!keys.containsKey(p.id())) {
                        throw new IllegalArgumentException("no " + kind.code() + " product " + p.id() + " to restate");
                    }
                    keyed.add(new Product<>(p.id(), Optional.ofNullable(keys.get(p.id())), p.label(), p.inputs(),
                            p.value()));
                    Map<String, ProductInput> roles = new HashMap<>();
                    p.inputs().forEach(input -> roles.put(input.role(), input));
                    for (ProductInput was : linked.getOrDefault(p.id(), Map.of()).values()) {
                        if (!sameLink(was, roles.get(was.role()))) {
                            unlink = unlink.bind(kind.code().code(), p.id(), was.role());
                            unlinked++;
                        }
                    }
                }
                if (unlinked > 0) {
                    unlink.execute();
                }
                for (List<Product<T>> chunk : ProductLinks.chunks(keyed)) {
                    org.jooq.UpdateSetMoreStep<?> update = null;
                    for (Field<?> f : fields) {
                        @SuppressWarnings("unchecked") Field<Object> any = (Field<Object>) f;
                        update = update == null ? dsl.update(t.table).set(any, (Object) null)
                                : update.set(any, (Object) null);
                    }
                    org.jooq.BatchBindStep batch = dsl.batch(update.where(t.id.eq((Long) null)));
                    for (Product<T> p : chunk) {
                        List<Object> values = new ArrayList<>(labelAndColumnValues(kind, p, labels));
                        values.add(p.id());
                        batch = batch.bind(values.toArray());
                    }
                    batch.execute();
                }
                List<ProductInput> added = keyed.stream().flatMap(p -> p.inputs().stream()
                        .filter(input -> !sameLink(linked.getOrDefault(p.id(), Map.of()).get(input.role()), input)))
                        .distinct().toList();
                // partners that hold these products get them again (docs/federation.md)
                ProductRestatements.record(dsl, kind.code(), ids);
                return link(dsl, t, keyed, ids, storedInputs(dsl, added), linked);
            });
        } catch (org.jooq.exception.DataAccessException e) {
            throw new IllegalArgumentException("the " + kind.code() + " products cannot be restated: the database"
                    + " does not keep their values as given", e);
        }
    }

    /** Whether a stored link (null: none) names this input under its role (an orbit record's kind as stored). */
    private static boolean sameLink(ProductInput was, ProductInput input) {
        return was != null && input != null && was.role().equals(input.role()) && was.id() == input.id()
                && (was.kind().equals(input.kind()) || isOrbitRecord(was.kind()) && isOrbitRecord(input.kind()));
    }

    /** The stored links of these products of a kind, by product id and role. */
    private Map<Long, Map<String, ProductInput>> links(ProductTable<?> t, List<Long> ids) {
        Map<Long, Map<String, ProductInput>> inputs = new HashMap<>();
        linked(t, ids).forEach((id, roles) -> {
            Map<String, ProductInput> own = new java.util.TreeMap<>();
            roles.forEach((role, link) -> own.put(role, link.input()));
            inputs.put(id, own);
        });
        return inputs;
    }

    /** A stored link: the input as stored, and its label. */
    record Linked(ProductInput input, long labelId) {
    }

    /** The stored links of these products of a kind, by product id and role, with the labels of their inputs. */
    Map<Long, Map<String, Linked>> linked(ProductTable<?> t, List<Long> ids) {
        Map<Long, Map<String, Linked>> inputs = new HashMap<>();
        for (List<Long> chunk : ProductLinks.chunks(ids)) {
            dsl.select(ProductLinks.PRODUCT_ID, ProductLinks.ROLE, ProductLinks.INPUT_KIND, ProductLinks.INPUT_ID,
                            ProductLinks.INPUT_LABEL_ID)
                    .from(ProductLinks.T).where(ProductLinks.PRODUCT_KIND.eq(t.kind.code().code()))
                    .and(SqlValues.idIn(ProductLinks.PRODUCT_ID, chunk)).fetch()
                    .forEach(r -> inputs.computeIfAbsent(r.value1(), id -> new java.util.TreeMap<>())
                            .put(r.value2(), new Linked(new ProductInput(r.value2(), DataKind.ofStored(r.value3()),
                                    r.value4()), r.value5())));
        }
        return inputs;
    }

    private static String keyOf(Product<?> p) {
        return p.key().orElseThrow() + "|" + p.label().originator();
    }

    private static <T> Set<String> storedKeys(DSLContext tx, ProductTable<T> t, List<Product<T>> products) {
        List<String> keys = products.stream().flatMap(p -> p.key().stream()).distinct().toList();
        Set<String> stored = new HashSet<>();
        for (List<String> chunk : ProductLinks.chunks(keys)) {
            tx.select(t.key, t.labelOriginator).from(t.table).where(t.key.in(chunk)).fetch()
                    .forEach(r -> stored.add(r.value1() + "|" + r.value2()));
        }
        return stored;
    }

    /** A stored input: its kind as stored (an orbit record is an ephemeris or not by itself) and its label. */
    record StoredInput(DataKind kind, long labelId) {
    }

    /** Each input that is stored, as stored. */
    Map<ProductInput, StoredInput> storedInputs(DSLContext tx, List<ProductInput> inputs) {
        Map<DataKind, Map<Long, StoredInput>> byKind = new HashMap<>();
        inputs.stream().collect(Collectors.groupingBy(i -> isOrbitRecord(i.kind()) ? DataKind.ORBITS : i.kind()))
                .forEach((kind, list) -> {
                    List<Long> ids = list.stream().map(ProductInput::id).distinct().toList();
                    Map<Long, StoredInput> stored = new HashMap<>();
                    for (List<Long> chunk : ProductLinks.chunks(ids)) {
                        if (kind.equals(DataKind.ORBITS)) {
                            tx.select(Orbit.ID, Orbit.LABEL_ID, Orbit.ORBIT_KIND).from(Orbit.T)
                                    .where(SqlValues.idIn(Orbit.ID, chunk)).forEach(r -> stored.put(r.value1(),
                                            new StoredInput(org.concord.catalog.OrbitKind.valueOf(r.value3())
                                                    .dataKind(), r.value2())));
                        } else {
                            ProductTable<?> t = table(kinds.of(kind).orElseThrow(() -> new IllegalArgumentException(
                                    "an input of kind " + kind + ", which this node does not serve")));
                            tx.select(t.id, t.labelId).from(t.table).where(SqlValues.idIn(t.id, chunk))
                                    .forEach(r -> stored.put(r.value1(), new StoredInput(kind, r.value2())));
                        }
                    }
                    byKind.put(kind, stored);
                });
        Map<ProductInput, StoredInput> result = new HashMap<>();
        for (ProductInput input : inputs) {
            Optional.ofNullable(byKind.get(isOrbitRecord(input.kind()) ? DataKind.ORBITS : input.kind())
                    .get(input.id())).ifPresent(stored -> result.put(input, stored));
        }
        return result;
    }

    private static boolean isOrbitRecord(DataKind kind) {
        return kind.equals(DataKind.ORBITS) || kind.equals(DataKind.EPHEMERIDES);
    }

    @Override
    public Optional<Long> idOf(ProductKind<?> kind, String key, String originator) {
        ProductTable<?> t = table(kind);
        return dsl.select(t.id).from(t.table).where(t.key.eq(key)).and(t.labelOriginator.eq(originator))
                .fetchOptional(t.id);
    }

    @Override
    public Map<ProductInput, Label> labelsOf(List<ProductInput> inputs) {
        Map<ProductInput, StoredInput> stored = storedInputs(dsl, inputs);
        Map<Long, Label> labels = labelIds.labels(stored.values().stream().map(StoredInput::labelId).toList());
        Map<ProductInput, Label> result = new HashMap<>();
        stored.forEach((input, s) -> result.put(input, labels.get(s.labelId())));
        return result;
    }

    /**
     * The products of this kind the filter admits, with every input for a derived kind: the one visibility rule (an
     * issued product's inputs are its originator's business, {@link org.concord.product.Labelling#ISSUED}).
     */
    Condition visible(ProductTable<?> t, LabelFilter filter) {
        return visible(t.kind, t.labelId, t.id, filter);
    }

    /** The same rule over another reference to a kind's table (an alias in a subquery): its label and id columns. */
    Condition visible(ProductKind<?> kind, Field<Long> labelId, Field<Long> id, LabelFilter filter) {
        if (filter.unrestricted()) {
            return noCondition();
        }
        Condition own = LabelConditions.admitted(labelId, filter, kind.dataKind());
        return kind.labelling() == org.concord.product.Labelling.DERIVED
                ? own.and(ProductLinks.everyInputVisible(kind.code(), id, filter, kinds)) : own;
    }

    @Override
    public <T> Optional<Product<T>> find(ProductKind<T> kind, long id, LabelFilter filter) {
        ProductTable<T> t = table(kind);
        return read(t, dsl.select(t.selected()).from(t.table).where(t.id.eq(id)).and(visible(t, filter))
                .and(listed(t)).fetch()).stream().findFirst();
    }

    /** The rows that are products, not withdrawals of one ({@link ProductKind#withdrawalColumn()}). */
    private static Condition listed(ProductTable<?> t) {
        return t.kind.withdrawalColumn().map(c -> t.column(c).isNull()).orElse(noCondition());
    }

    @Override
    public <T> Page<Product<T>> list(ProductKind<T> kind, ProductQuery query, LabelFilter filter) {
        ProductTable<T> t = table(kind);
        Condition where = visible(t, filter).and(listed(t));
        for (Filter f : kind.filters()) {
            Object value = query.filters().get(f.parameter());
            if (value != null) {
                where = where.and(condition(t, f, value));
            }
        }
        long total = dsl.fetchCount(t.table, where);
        ProductCursor cursor = new ProductCursor(t, query.sort());
        Condition page = query.cursor().map(cursor::after).orElse(noCondition());
        List<SortField<?>> order = cursor.order();
        List<Record> rows = dsl.select(t.selected()).from(t.table).where(where).and(page).orderBy(order)
                .limit(query.limit() + 1).fetch();
        boolean more = rows.size() > query.limit();
        List<Record> shown = more ? rows.subList(0, query.limit()) : rows;
        return new Page<>(read(t, shown), total, more ? Optional.of(cursor.of(shown.getLast())) : Optional.empty());
    }

    private static Condition condition(ProductTable<?> t, Filter f, Object value) {
        Object sql = ProductTable.sqlValue(Optional.of(value));
        List<Condition> any = new ArrayList<>();
        for (String column : f.columns()) {
            Field<Object> c = t.column(column);
            any.add(switch (f.comparison()) {
                case EQUALS -> c.eq(sql);
                case AT_LEAST -> c.ge(sql);
                case AT_MOST -> c.le(sql);
                case HOLDS -> c.cast(String.class).like("%" + f.template().formatted(value) + "%");
            });
        }
        return DSL.or(any);
    }

    /**
     * Products just inserted ({@link #insert}: ids given, inputs as stored), as a read of them would give them back:
     * their labels and columns through the values the database keeps (instants to the microsecond, durations to the
     * second, ...), their inputs in role order. What a caller that hands them on without reading them back uses.
     */
    <T> List<Product<T>> asRead(ProductTable<T> t, List<Product<T>> inserted) {
        Map<Label, Label> labels = new HashMap<>();
        List<Product<T>> read = new ArrayList<>(inserted.size());
        for (Product<T> p : inserted) {
            Label label = labels.computeIfAbsent(p.label(), l -> LabelColumns.label(l.originator(),
                    l.releasability().toString(), l.tlp().code(), String.join(",", l.caveats()),
                    l.expiry().map(SqlValues::odt).orElse(null)));
            Map<String, ProductInput> inputs = new java.util.TreeMap<>();
            p.inputs().forEach(input -> inputs.put(input.role(), input));
            Map<String, Object> values = new HashMap<>();
            for (Column<T> c : t.kind.columns()) {
                Object v = ProductTable.sqlValue(c.valueOf(p.value()));
                values.put(c.name(), v instanceof java.time.OffsetDateTime odt ? odt.toInstant() : v);
            }
            read.add(new Product<>(p.id(), p.key(), label, List.copyOf(inputs.values()),
                    t.kind.read(org.concord.product.Rows.of(p.id(), label, inputs, values::get))));
        }
        return read;
    }

    /** Products from these rows, with their inputs (a derived kind's; an issued kind's are never read back). */
    <T> List<Product<T>> read(ProductTable<T> t, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return read(t, rows, t.kind.labelling() == org.concord.product.Labelling.DERIVED
                ? links(t, rows.stream().map(r -> r.get(t.id)).toList()) : Map.of());
    }

    /** Products from these rows, with these inputs (by product id and role). */
    <T> List<Product<T>> read(ProductTable<T> t, List<? extends Record> rows,
                              Map<Long, Map<String, ProductInput>> inputs) {
        List<Product<T>> products = new ArrayList<>(rows.size());
        for (Record r : rows) {
            Map<String, ProductInput> own = inputs.getOrDefault(r.get(t.id), Map.of());
            products.add(new Product<>(r.get(t.id), Optional.ofNullable(r.get(t.key)), t.label(r),
                    List.copyOf(own.values()), t.kind.read(t.row(r, own))));
        }
        return products;
    }
}
