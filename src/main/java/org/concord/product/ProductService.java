package org.concord.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.concord.label.Label;

/**
 * Stores products with the label rule of their kind: a product with its own label keeps it; a derived product's label
 * is the combination of its inputs' labels (and of the label given, which can only make it stricter), and it names
 * every input, which must be stored; an issued product keeps the label its originator gives it and names its inputs,
 * which must be stored.
 */
public final class ProductService {

    private final ProductStore store;

    public ProductService(ProductStore store) {
        this.store = store;
    }

    public ProductStore store() {
        return store;
    }

    /**
     * Stores these products of one kind, made by {@code party}: their labels settled by the kind's rule. Returns the
     * products stored (a product already stored under its key and originator is not stored again).
     *
     * @throws IllegalArgumentException when a derived product names no input or an input that is not stored, or a
     *                                  product with its own label names inputs
     */
    public <T> List<Product<T>> store(ProductKind<T> kind, List<Product<T>> products, String party) {
        Map<ProductInput, Label> inputLabels = store.labelsOf(products.stream()
                .flatMap(p -> p.inputs().stream()).distinct().toList());
        List<Product<T>> settled = new ArrayList<>(products.size());
        for (Product<T> p : products) {
            settled.add(new Product<>(0, p.key(), settledLabel(kind, p.label(), p.inputs(), inputLabels, party),
                    p.inputs(), p.value()));
        }
        return store.store(kind, settled);
    }

    /**
     * Replaces these stored products of one kind (each by its id), made by {@code party}: their labels settled by the
     * kind's rule as {@link #store} settles them. Returns them as stored.
     */
    public <T> List<Product<T>> restate(ProductKind<T> kind, List<Product<T>> products, String party) {
        Map<ProductInput, Label> inputLabels = store.labelsOf(products.stream()
                .flatMap(p -> p.inputs().stream()).distinct().toList());
        List<Product<T>> settled = new ArrayList<>(products.size());
        for (Product<T> p : products) {
            settled.add(new Product<>(p.id(), p.key(), settledLabel(kind, p.label(), p.inputs(), inputLabels, party),
                    p.inputs(), p.value()));
        }
        return store.restate(kind, settled);
    }

    /**
     * The label of a product of this kind made by {@code party} from {@code given} and its inputs: {@code given} for a
     * kind with its own label; {@code given} as {@code party}'s for an issued kind; for a derived kind, {@code given}
     * combined with every input's label. Combining is associative, so a stored derived product given new inputs is
     * labelled by its stored label combined with theirs.
     *
     * @throws IllegalArgumentException when a derived or issued product names no input or an input
     *                                  {@code inputLabels} lacks (not stored), or a product with its own label names
     *                                  inputs
     */
    public Label settledLabel(ProductKind<?> kind, Label given, List<ProductInput> inputs,
                              Map<ProductInput, Label> inputLabels, String party) {
        if (kind.labelling() == Labelling.OWN) {
            if (!inputs.isEmpty()) {
                throw new IllegalArgumentException("a " + kind.code() + " product carries its own label and is"
                        + " derived from nothing; it names " + inputs.size() + " inputs");
            }
            return given;
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.code() + " product is made from stored inputs and"
                    + " names none");
        }
        for (ProductInput input : inputs) {
            if (!inputLabels.containsKey(input)) {
                throw new IllegalArgumentException("input " + input.kind() + " " + input.id() + " of a "
                        + kind.code() + " product is not stored");
            }
        }
        if (kind.labelling() == Labelling.ISSUED) {
            return given.withOriginator(party);
        }
        Label label = given;
        for (ProductInput input : inputs) {
            label = label.combine(inputLabels.get(input), party);
        }
        return label.withOriginator(party);
    }
}
