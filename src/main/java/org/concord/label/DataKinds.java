package org.concord.label;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The kinds of data this node holds and serves: orbits, ephemerides and each registered product kind. Only these may be
 * granted by an agreement, so that no agreement seems to release data the node cannot have.
 */
public record DataKinds(SortedSet<DataKind> all) {

    public DataKinds {
        all = Collections.unmodifiableSortedSet(new TreeSet<>(all));
    }

    public static DataKinds of(Collection<DataKind> kinds) {
        return new DataKinds(new TreeSet<>(kinds));
    }

    public boolean contains(DataKind kind) {
        return all.contains(kind);
    }

    /** One kind by its code, or an error that lists the kinds this node serves. */
    public DataKind parse(String text) {
        String code = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DataKind kind : all) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown data kind '" + text.trim() + "': this node serves "
                + String.join(", ", all.stream().map(DataKind::code).toList()));
    }

    /** {@code orbits,conjunctions}, or {@code all} for every kind this node serves. */
    public Set<DataKind> parseList(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return all;
        }
        SortedSet<DataKind> kinds = new TreeSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                kinds.add(parse(part));
            }
        }
        return kinds;
    }
}
