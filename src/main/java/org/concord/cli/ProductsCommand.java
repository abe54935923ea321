package org.concord.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.concord.catalog.Page;
import org.concord.input.Arguments;
import org.concord.input.ProductSearch;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Column;
import org.concord.product.Product;
import org.concord.product.ProductKind;
import org.concord.product.ProductQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Any product kind from the command line, the way its API routes read it: {@code concord products list KIND} with the
 * kind's filters as {@code --where name=value}, and {@code concord products show KIND ID}.
 */
@Command(name = "products", description = "List or show products of any kind this node serves (conjunctions, ...).",
        subcommands = {ProductsCommand.ListProducts.class, ProductsCommand.Show.class})
final class ProductsCommand {

    @ParentCommand
    ConcordCli parent;

    @Command(name = "list", description = "Products of one kind, filtered and sorted as GET /api/v1/<kind> does.")
    static final class ListProducts implements Callable<Integer> {

        @ParentCommand
        ProductsCommand products;

        @Parameters(index = "0", description = "The kind, e.g. conjunctions") String kind;
        @Option(names = "--where", description = "A filter of the kind as NAME=VALUE, e.g. --where minPc=1e-5"
                + " (repeatable)") List<String> where = new ArrayList<>();
        @Option(names = "--sort", description = "One of the kind's orders") String sort;
        @Option(names = "--limit", defaultValue = "50") String limit;
        @Option(names = "--cursor", description = "nextCursor of the previous page") String cursor;

        @Override
        public Integer call() {
            try (Node node = products.parent.openNode()) {
                ProductKind<?> k = kindOf(node, kind);
                Map<String, List<String>> given = new java.util.LinkedHashMap<>();
                for (String w : where) {
                    int eq = w.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--where '" + w + "' is not NAME=VALUE");
                    }
                    given.computeIfAbsent(w.substring(0, eq).strip(), n -> new ArrayList<>())
                            .add(w.substring(eq + 1));
                }
                putOption(given, "sort", sort);
                putOption(given, "limit", limit);
                putOption(given, "cursor", cursor);
                print(node, k, ProductSearch.read(k, Arguments.of(given, ProductSearch.parameters(k))));
            }
            return 0;
        }

        private static void putOption(Map<String, List<String>> given, String name, String value) {
            if (value != null) {
                given.put(name, List.of(value));
            }
        }

        private static <T> void print(Node node, ProductKind<T> kind, ProductQuery query) {
            Page<Product<T>> page = node.products().list(kind, query, LabelFilter.UNRESTRICTED);
            for (Product<T> p : page.items()) {
                System.out.println(String.join("  ", fields(kind, p, 60)));
            }
            System.out.println(page.items().size() + " of " + page.total() + " matching " + kind.code()
                    + page.nextCursor().map(c -> "; next page: --cursor " + c).orElse(""));
        }
    }

    @Command(name = "show", description = "One product, every column.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        ProductsCommand products;

        @Parameters(index = "0", description = "The kind, e.g. conjunctions") String kind;
        @Parameters(index = "1", description = "The product's id") long id;

        @Override
        public Integer call() {
            try (Node node = products.parent.openNode()) {
                show(node, kindOf(node, kind), id);
            }
            return 0;
        }

        private static <T> void show(Node node, ProductKind<T> kind, long id) {
            Product<T> p = node.products().find(kind, id, LabelFilter.UNRESTRICTED).orElseThrow(() ->
                    new IllegalArgumentException("no " + kind.code() + " product " + id));
            fields(kind, p, Integer.MAX_VALUE).forEach(System.out::println);
        }
    }

    private static ProductKind<?> kindOf(Node node, String code) {
        return node.productKinds().parse(code);
    }

    /**
     * {@code id=..}, {@code label=..}, each input and each column as {@code name=value}: instants in ISO-8601, absent
     * values as {@code -}, text longer than {@code maxText} characters cut (with its length said).
     */
    private static <T> List<String> fields(ProductKind<T> kind, Product<T> p, int maxText) {
        List<String> fields = new ArrayList<>(List.of("id=" + p.id(), "label=" + p.label()));
        p.inputs().forEach(i -> fields.add("input." + i.role() + "=" + i.kind() + " " + i.id()));
        for (Column<T> c : kind.columns()) {
            String value = c.valueOf(p.value()).map(v -> v instanceof Instant i ? i.toString() : v.toString())
                    .orElse("-");
            fields.add(c.jsonName() + "=" + (value.length() <= maxText ? value
                    : value.substring(0, maxText).replace('\n', ' ') + "... (" + value.length() + " characters)"));
        }
        return fields;
    }
}
