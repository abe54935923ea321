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

    /** By code. */
    private final Map<DataKind, ProductKind<?>> kinds;

    private ProductKinds(Map<DataKind, ProductKind<?>> kinds) {
        this.kinds = kinds;
    }

    public static ProductKinds of(List<ProductKind<?>> kinds) {
        Map<DataKind, ProductKind<?>> byKind = new LinkedHashMap<>();
        for (ProductKind<?> kind : kinds) {
            if (isOrbitRecord(kind.code()) || isOrbitRecord(kind.dataKind())
                    || byKind.putIfAbsent(kind.code(), kind) != null) {
                throw new IllegalArgumentException("product kind " + kind.code() + " is registered twice, or names"
                        + " itself or its data kind as orbit records");
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
        all.sort(java.util.Comparator.comparing(ProductKind::code));
        return List.copyOf(all);
    }

    /** The kind of this code. */
    public Optional<ProductKind<?>> of(DataKind code) {
        return Optional.ofNullable(kinds.get(code));
    }

    /** The kind of this code, or an error that lists the codes. */
    public ProductKind<?> parse(String code) {
        return kinds.values().stream().filter(k -> k.code().code().equals(code.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown product kind '" + code.trim()
                        + "': this node serves " + String.join(", ", all().stream().map(k -> k.code().code())
                        .toList())));
    }

    /** Orbits, ephemerides and the data kind of every product kind: what agreements may grant. */
    public DataKinds dataKinds() {
        List<DataKind> all = new ArrayList<>(List.of(DataKind.ORBITS, DataKind.EPHEMERIDES));
        kinds.values().forEach(k -> all.add(k.dataKind()));
        return DataKinds.of(all);
    }

    private static boolean isOrbitRecord(DataKind kind) {
        return kind.equals(DataKind.ORBITS) || kind.equals(DataKind.EPHEMERIDES);
    }
}
