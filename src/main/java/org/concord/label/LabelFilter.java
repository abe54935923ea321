package org.concord.label;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rows a caller may see: for each kind of data, the ids of the stored labels it may see. Every read path of the
 * stores applies it in SQL, so that items, counts, cursors and aggregates all exclude what the caller may not see.
 * <p>
 * When the caller may see every label known when the filter was made ({@code ids <= knownUpTo}), the kind is in
 * {@code allKnown} and the stores test {@code label_id <= knownUpTo}, which is cheaper than a list and still hides a
 * label stored after the decision. {@link #UNRESTRICTED} is the node's own local operator (command line).
 */
public final class LabelFilter {

    public static final LabelFilter UNRESTRICTED = new LabelFilter(true, Long.MAX_VALUE, Set.of(), Map.of(),
            Map.of());

    private final boolean unrestricted;
    private final long knownUpTo;
    private final Set<DataKind> allKnown;
    private final Map<DataKind, Set<Long>> labelIds;
    private final Map<DataKind, Set<Long>> hiddenIds;
    /**
     * Stores key their caches on filters, several times a request, and the id sets can be large: the hash is computed
     * once (the reason this is not a record).
     */
    private final int hash;

    public LabelFilter(boolean unrestricted, long knownUpTo, Set<DataKind> allKnown,
                       Map<DataKind, Set<Long>> labelIds, Map<DataKind, Set<Long>> hiddenIds) {
        this.unrestricted = unrestricted;
        this.knownUpTo = knownUpTo;
        this.allKnown = Set.copyOf(allKnown);
        Map<DataKind, Set<Long>> copy = new HashMap<>();
        labelIds.forEach((kind, ids) -> copy.put(kind, Set.copyOf(ids)));
        this.labelIds = Collections.unmodifiableMap(copy);
        Map<DataKind, Set<Long>> hidden = new HashMap<>();
        hiddenIds.forEach((kind, ids) -> hidden.put(kind, Set.copyOf(ids)));
        this.hiddenIds = Collections.unmodifiableMap(hidden);
        this.hash = Objects.hash(unrestricted, knownUpTo, this.allKnown, this.labelIds, this.hiddenIds);
    }

    public boolean unrestricted() {
        return unrestricted;
    }

    public long knownUpTo() {
        return knownUpTo;
    }

    public Set<DataKind> allKnown() {
        return allKnown;
    }

    public Map<DataKind, Set<Long>> labelIds() {
        return labelIds;
    }

    public Map<DataKind, Set<Long>> hiddenIds() {
        return hiddenIds;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof LabelFilter f && hash == f.hash && unrestricted == f.unrestricted
                && knownUpTo == f.knownUpTo && allKnown.equals(f.allKnown) && labelIds.equals(f.labelIds)
                && hiddenIds.equals(f.hiddenIds);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "LabelFilter[unrestricted=" + unrestricted + ", knownUpTo=" + knownUpTo + ", allKnown=" + allKnown
                + ", labelIds=" + labelIds + ", hiddenIds=" + hiddenIds + "]";
    }

    /** The labels visible for this kind, when it is not {@link #seesAllKnown}; empty means nothing visible. */
    public Set<Long> idsFor(DataKind kind) {
        return labelIds.getOrDefault(kind, Set.of());
    }

    /** The known labels not visible for this kind (those stored after the decision are hidden as well). */
    public Set<Long> hiddenIdsFor(DataKind kind) {
        return hiddenIds.getOrDefault(kind, Set.of());
    }

    public boolean seesAllKnown(DataKind kind) {
        return unrestricted || allKnown.contains(kind);
    }

    public boolean admits(long labelId, DataKind kind) {
        return unrestricted || (allKnown.contains(kind) ? labelId <= knownUpTo : idsFor(kind).contains(labelId));
    }
}
