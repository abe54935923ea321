package org.concord.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.catalog.Page;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.input.ProductSearch;
import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.concord.product.Column;
import org.concord.product.Product;
import org.concord.product.ProductKind;
import org.concord.product.ProductKinds;
import org.concord.product.ProductQuery;
import org.concord.product.ProductStore;

/**
 * The routes every product kind gets by registering: {@code GET /api/v1/<kind>} (its filters, {@code sort},
 * {@code limit}, {@code cursor}) and {@code GET /api/v1/<kind>/{id}}. The label filter is the store's (in SQL), and the
 * read is recorded here for the read audit, so that no kind can forget either.
 */
final class ProductApi {

    private final ProductKinds kinds;
    private final ProductStore store;
    private final SharingService sharing;
    /**
     * Views of kinds (by code) that have their own JSON shape (conjunctions, as before kinds existed); others get the
     * default.
     */
    private final Map<DataKind, View> views;

    /**
     * A kind's own JSON shape for the products of one answer (a page, or one item), for the caller at hand and what
     * its label filter admits.
     */
    interface View {
        List<Map<String, Object>> of(Context ctx, LabelFilter filter, List<Product<?>> answer);
    }

    ProductApi(ProductKinds kinds, ProductStore store, SharingService sharing, Map<DataKind, View> views) {
        this.kinds = kinds;
        this.store = store;
        this.sharing = sharing;
        this.views = Map.copyOf(views);
    }

    static String listPath(ProductKind<?> kind) {
        return "/api/v1/" + kind.path();
    }

    static String itemPath(ProductKind<?> kind) {
        return "/api/v1/" + kind.path() + "/{id}";
    }

    /** Registers the routes of every kind. */
    void register(io.javalin.config.RoutesConfig routes) {
        for (ProductKind<?> kind : kinds.all()) {
            routes.get(listPath(kind), ctx -> list(kind, ctx));
            routes.get(itemPath(kind), ctx -> item(kind, ctx));
        }
    }

    private <T> void list(ProductKind<T> kind, Context ctx) {
        ProductQuery query = ProductSearch.read(kind, RouteInputs.query(ctx));
        ApiServer.requireAnonymousPageSize(ctx, query.limit());
        LabelFilter filter = Callers.filter(ctx, sharing);
        Page<Product<T>> page = store.list(kind, query, filter);
        Callers.served(ctx, page.items().stream().map(Product::label).toList());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", view(kind, page.items(), ctx, filter));
        m.put("total", page.total());
        m.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(m);
    }

    private <T> void item(ProductKind<T> kind, Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("id"));
        LabelFilter filter = Callers.filter(ctx, sharing);
        Product<T> p = store.find(kind, id, filter)
                .orElseThrow(() -> new NotFoundException("no " + kind.code() + " product " + id));
        Callers.served(ctx, p.label());
        ctx.json(view(kind, List.of(p), ctx, filter).getFirst());
    }

    private <T> List<Map<String, Object>> view(ProductKind<T> kind, List<Product<T>> answer, Context ctx,
                                               LabelFilter filter) {
        View own = views.get(kind.code());
        return own != null ? own.of(ctx, filter, List.copyOf(answer))
                : answer.stream().map(p -> defaultView(kind, p)).toList();
    }

    /** The id, kind, key, label, inputs and every column by its JSON name (instants as ISO-8601 text). */
    static <T> Map<String, Object> defaultView(ProductKind<T> kind, Product<T> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("kind", kind.code().code());
        m.put("key", p.key().orElse(null));
        for (Column<T> c : kind.columns()) {
            m.put(c.jsonName(), c.valueOf(p.value()).map(v -> v instanceof Instant i ? i.toString() : v).orElse(null));
        }
        m.put("inputs", p.inputs().stream().map(i -> Map.of("role", i.role(), "kind", i.kind().code(), "id", i.id()))
                .toList());
        m.put("label", JsonViews.label(p.label()));
        return m;
    }
}
