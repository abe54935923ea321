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
            List<Bundle.InputRef> inputs = new ArrayList<>();
            for (ProductInput input : p.inputs()) {
                InputRef ref = refs.get(input);
                if (ref == null || !ref.originator().equals(recipient)
                        && after.getOrDefault(ref.lane(), 0L) < input.id()) {
                    waiting = true;
                    break;
                }
                inputs.add(new Bundle.InputRef(input.role(), input.kind(), ref.ref(), ref.originator()));
            }
            if (waiting) {
                break;
            }
            items.add(new Bundle.ProductItem(t.kind.code(), p.key().orElseGet(() -> name(t, p, inputs)),
                    p.label(), inputs, ProductValues.of(t.kind, p.value())));
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
