package org.concord.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.concord.catalog.OrbitKind;
import org.concord.digest.Sha256;
import org.concord.federation.Bundle;
import org.concord.federation.FeedCursors;
import org.concord.federation.Lane;
import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductKind;
import org.concord.product.ProductValues;
import org.concord.store.Tables.Orbit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The products in a federation feed, every kind the same way: in id order per kind, those the filter admits with every
 * input, each only once the recipient holds its inputs (this or an earlier bundle carried them, or they are its own);
 * the first that must wait stops its kind's lanes for this bundle.
 */
final class ProductFeed {

    private final DSLContext dsl;
    private final JooqProductStore products;

    ProductFeed(DSLContext dsl, JooqProductStore products) {
        this.dsl = dsl;
        this.products = products;
    }

    /** How a feed finds the lanes of one data kind the recipient may see. */
    interface Lanes extends Function<DataKind, List<Lane>> {
    }

    /** The next products of every kind after {@code from}; moves their lanes in {@code after}. */
    List<Bundle.ProductItem> next(FeedCursors from, LabelFilter filter, String recipient, int limit, Lanes lanes,
                                  TreeMap<Lane, Long> after) {
        List<Bundle.ProductItem> items = new ArrayList<>();
        for (ProductKind<?> kind : products.kinds().all()) {
            // the kind's own lanes: the labels its data kind is released under, kept apart from other kinds'
            List<Lane> own = lanes.apply(kind.dataKind()).stream().map(l -> new Lane(l.labelId(), kind.code()))
                    .toList();
            items.addAll(next(products.table(kind), from, filter, recipient, limit, own, after));
        }
        return items;
    }

    private <T> List<Bundle.ProductItem> next(ProductTable<T> t, FeedCursors from, LabelFilter filter,
                                              String recipient, int limit, List<Lane> lanes,
                                              TreeMap<Lane, Long> after) {
        if (lanes.isEmpty()) {
            return List.of();
        }
        // read before the products: every product up to it is committed (writers take turns), so the lanes may move
        // past it when fewer than limit come back
        long newestId = Optional.ofNullable(dsl.select(DSL.max(t.id)).from(t.table).fetchOne().value1()).orElse(0L);
        Condition beyond = DSL.or(lanes.stream().map(lane -> t.labelId.eq(lane.labelId())
                .and(t.id.gt(from.of(lane)))).toList());
        List<Record> rows = dsl.select(t.selected()).from(t.table).where(beyond)
                .and(products.visible(t, filter)).orderBy(t.id).limit(limit).fetch();
        List<Product<T>> found = products.read(t, rows);
        Map<ProductInput, InputRef> refs = inputRefs(found.stream().flatMap(p -> p.inputs().stream()).distinct()
                .toList());
        List<Bundle.ProductItem> items = new ArrayList<>();
        boolean waiting = false;
        for (Product<T> p : found) {
            Optional<Bundle.ProductItem> item = item(t, p, refs, recipient, after);
            if (item.isEmpty()) {
                waiting = true;
                break;
            }
            items.add(item.get());
        }
        long reached = waiting ? (items.isEmpty() ? -1 : found.get(items.size() - 1).id())
                : rows.size() == limit ? found.getLast().id()
                : Math.max(newestId, found.isEmpty() ? 0 : found.getLast().id());
        if (reached >= 0) {
            for (Lane lane : lanes) {
                after.merge(lane, reached, Math::max);
            }
        }
        return items;
    }

    /**
     * A product as a feed item, its inputs named as partners know them; nothing while the recipient does not hold an
     * input yet (neither its own nor released to it by this or an earlier bundle: {@code after}).
     */
    private <T> Optional<Bundle.ProductItem> item(ProductTable<T> t, Product<T> p, Map<ProductInput, InputRef> refs,
                                                  String recipient, Map<Lane, Long> after) {
        List<Bundle.InputRef> inputs = new ArrayList<>();
        for (ProductInput input : p.inputs()) {
            InputRef ref = refs.get(input);
            if (ref == null || !ref.originator().equals(recipient)
                    && after.getOrDefault(ref.lane(), 0L) < input.id()) {
                return Optional.empty();
            }
            inputs.add(new Bundle.InputRef(input.role(), input.kind(), ref.ref(), ref.originator()));
        }
        return Optional.of(new Bundle.ProductItem(t.kind.code(), p.key().orElseGet(() -> name(t, p, inputs)),
                p.label(), inputs, ProductValues.of(t.kind, p.value())));
    }

    /** The products restated after {@code restated} that a feed sends again, and the restatement cursor after them. */
    record Restated(List<Bundle.ProductItem> items, long cursor) {
    }

    /** A product's current state as the feed reads it, with the label id that names its lane. */
    private record Current<T>(ProductTable<T> table, Product<T> product, long labelId) {
    }

    /**
     * The products changed in place ({@link ProductRestatements}) after {@code from}'s restatement cursor that the
     * recipient was sent before, in their current state: those the filter admits now with every input, whose lane
     * (current label) the recipient may see and whose id an earlier bundle passed in that lane (a product beyond it
     * goes, as it is now, in the lane's own turn), each once. The recipient replaces its copy (same key). The first
     * whose new inputs the recipient does not hold yet (they travel in their own lanes) stops the restatements for
     * this bundle; the cursor stays before it. {@code after}: where this bundle leaves every lane.
     */
    Restated restated(FeedCursors from, LabelFilter filter, String recipient, int limit, Lanes lanes,
                      Map<Lane, Long> after) {
        // only the kinds the recipient may see: a peer that receives none never reads the log's rows
        Map<DataKind, List<Lane>> visibleLanes = new HashMap<>();
        for (ProductKind<?> kind : products.kinds().all()) {
            List<Lane> own = lanes.apply(kind.dataKind()).stream().map(l -> new Lane(l.labelId(), kind.code()))
                    .toList();
            if (!own.isEmpty()) {
                visibleLanes.put(kind.code(), own);
            }
        }
        List<Bundle.ProductItem> items = new ArrayList<>();
        long cursor = from.restated();
        if (visibleLanes.isEmpty()) {
            return new Restated(items, cursor);
        }
        java.util.Set<String> sent = new java.util.HashSet<>();
        // a bundle is built only when it carries something, so rows passed over without an item are passed in the
        // same call (not left for a cursor that would not be stored): page on until items or the log run out
        while (items.size() < limit) {
            List<org.jooq.Record3<Long, String, Long>> log = dsl.select(ProductRestatements.ID, ProductRestatements.PRODUCT_KIND,
                            ProductRestatements.PRODUCT_ID).from(ProductRestatements.T)
                    .where(ProductRestatements.ID.gt(cursor))
                    .and(ProductRestatements.PRODUCT_KIND.in(visibleLanes.keySet().stream().map(DataKind::code)
                            .toList()))
                    .orderBy(ProductRestatements.ID).limit(limit).fetch();
            Map<DataKind, List<Long>> named = new HashMap<>();
            log.forEach(r -> named.computeIfAbsent(DataKind.ofStored(r.get(ProductRestatements.PRODUCT_KIND)),
                    k -> new ArrayList<>()).add(r.get(ProductRestatements.PRODUCT_ID)));
            Map<String, Current<?>> current = new HashMap<>();
            named.forEach((code, ids) -> products.kinds().of(code).ifPresent(kind ->
                    read(products.table(kind), ids.stream().distinct().toList(), filter, current)));
            Map<ProductInput, InputRef> refs = inputRefs(current.values().stream()
                    .flatMap(c -> c.product().inputs().stream()).distinct().toList());
            for (org.jooq.Record3<Long, String, Long> r : log) {
                DataKind code = DataKind.ofStored(r.get(ProductRestatements.PRODUCT_KIND));
                String name = code.code() + " " + r.get(ProductRestatements.PRODUCT_ID);
                Current<?> c = current.get(name);
                if (c != null && !sent.contains(name)) {
                    Lane lane = new Lane(c.labelId(), code);
                    if (visibleLanes.get(code).contains(lane) && c.product().id() <= from.of(lane)) {
                        Optional<Bundle.ProductItem> item = item(c, refs, recipient, after);
                        if (item.isEmpty()) {
                            return new Restated(items, cursor);
                        }
                        items.add(item.get());
                        sent.add(name);
                        if (items.size() == limit) {
                            return new Restated(items, r.get(ProductRestatements.ID));
                        }
                    }
                }
                cursor = r.get(ProductRestatements.ID);
            }
            if (log.size() < limit) {
                break;
            }
        }
        return new Restated(items, cursor);
    }

    private <T> Optional<Bundle.ProductItem> item(Current<T> c, Map<ProductInput, InputRef> refs, String recipient,
                                                  Map<Lane, Long> after) {
        return item(c.table(), c.product(), refs, recipient, after);
    }

    /** The current state of these products of one kind that the filter admits with every input, by kind and id. */
    private <T> void read(ProductTable<T> t, List<Long> ids, LabelFilter filter, Map<String, Current<?>> current) {
        for (List<Long> chunk : ProductLinks.chunks(ids)) {
            List<Record> rows = dsl.select(t.selected()).from(t.table).where(SqlValues.idIn(t.id, chunk))
                    .and(products.visible(t, filter)).fetch();
            List<Product<T>> found = products.read(t, rows);
            for (int i = 0; i < found.size(); i++) {
                current.put(t.kind.code().code() + " " + found.get(i).id(),
                        new Current<>(t, found.get(i), rows.get(i).get(t.labelId)));
            }
        }
    }

    /**
     * The key of a product computed here, made the first time a feed sends it and stored with it, so that it names the
     * product for every partner and for products derived from it.
     */
    private <T> String name(ProductTable<T> t, Product<T> p, List<Bundle.InputRef> inputs) {
        StringBuilder b = new StringBuilder(t.kind.code().code()).append("/1|").append(p.label().originator())
                .append('|').append(t.kind.identity(p.value()));
        inputs.stream().sorted(java.util.Comparator.comparing(Bundle.InputRef::role))
                .forEach(i -> b.append('|').append(i.role()).append('=').append(i.ref()));
        String key = Sha256.hex(b.toString().getBytes(StandardCharsets.UTF_8));
        dsl.update(t.table).set(t.key, key).where(t.id.eq(p.id())).and(t.key.isNull()).execute();
        return key;
    }

    /** An input as partners name it, and the lane it travels in here. */
    private record InputRef(String ref, String originator, Lane lane) {
    }

    private Map<ProductInput, InputRef> inputRefs(List<ProductInput> inputs) {
        Map<ProductInput, InputRef> refs = new HashMap<>();
        Map<DataKind, List<ProductInput>> byKind = new HashMap<>();
        inputs.forEach(i -> byKind.computeIfAbsent(i.kind().equals(DataKind.EPHEMERIDES) ? DataKind.ORBITS
                : i.kind(), k -> new ArrayList<>()).add(i));
        byKind.forEach((kind, list) -> {
            Map<Long, InputRef> byId = new HashMap<>();
            for (List<Long> chunk : ProductLinks.chunks(list.stream().map(ProductInput::id).distinct().toList())) {
                if (kind.equals(DataKind.ORBITS)) {
                    dsl.select(Orbit.ID, Orbit.CONTENT_SHA256, Orbit.LABEL_ORIGINATOR, Orbit.LABEL_ID, Orbit.ORBIT_KIND)
                            .from(Orbit.T).where(Orbit.ID.in(chunk)).forEach(r -> byId.put(r.value1(),
                                    new InputRef(r.value2(), r.value3(), new Lane(r.value4(),
                                            OrbitKind.valueOf(r.value5()).dataKind()))));
                } else {
                    products.kinds().of(kind).ifPresent(k -> {
                        ProductTable<?> it = products.table(k);
                        dsl.select(it.id, it.key, it.labelOriginator, it.labelId).from(it.table).where(it.id.in(chunk))
                                .and(it.key.isNotNull()).forEach(r -> byId.put(r.value1(),
                                        new InputRef(r.value2(), r.value3(), new Lane(r.value4(), kind))));
                    });
                }
            }
            list.forEach(i -> Optional.ofNullable(byId.get(i.id())).ifPresent(ref -> refs.put(i, ref)));
        });
        return refs;
    }
}
