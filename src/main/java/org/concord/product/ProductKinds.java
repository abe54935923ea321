package org.concord.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.label.DataKind;
import org.concord.label.DataKinds;

/**
 * The product kinds a node serves, in the order they were registered. With the orbit records' own kinds (orbits,
 * ephemerides) they make the {@link DataKinds} agreements may grant.
 */
public final class ProductKinds {

    private final Map<DataKind, ProductKind<?>> kinds;

    private ProductKinds(Map<DataKind, ProductKind<?>> kinds) {
        this.kinds = kinds;
    }

    public static ProductKinds of(List<ProductKind<?>> kinds) {
        Map<DataKind, ProductKind<?>> byKind = new LinkedHashMap<>();
        for (ProductKind<?> kind : kinds) {
            if (kind.dataKind().equals(DataKind.ORBITS) || kind.dataKind().equals(DataKind.EPHEMERIDES)
                    || byKind.putIfAbsent(kind.dataKind(), kind) != null) {
                throw new IllegalArgumentException("data kind " + kind.dataKind() + " is registered twice");
            }
            Schemas.check(kind);
        }
        return new ProductKinds(Map.copyOf(byKind));
    }

    /** These kinds and {@code more}. */
    public ProductKinds with(List<ProductKind<?>> more) {
        List<ProductKind<?>> all = new ArrayList<>(all());
        all.addAll(more);
        return of(all);
    }

    public List<ProductKind<?>> all() {
        List<ProductKind<?>> all = new ArrayList<>(kinds.values());
        all.sort(java.util.Comparator.comparing(ProductKind::dataKind));
        return List.copyOf(all);
    }

    public Optional<ProductKind<?>> of(DataKind kind) {
        return Optional.ofNullable(kinds.get(kind));
    }

    /** Orbits, ephemerides and every product kind. */
    public DataKinds dataKinds() {
        List<DataKind> all = new ArrayList<>(List.of(DataKind.ORBITS, DataKind.EPHEMERIDES));
        all.addAll(kinds.keySet());
        return DataKinds.of(all);
    }
}
