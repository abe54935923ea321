package org.concord.federation;

import org.concord.label.DataKind;

/** The records of one label and one kind of data: the unit in which the feed decides and keeps its place. */
public record Lane(long labelId, DataKind kind) implements Comparable<Lane> {

    @Override
    public int compareTo(Lane other) {
        int byLabel = Long.compare(labelId, other.labelId);
        return byLabel != 0 ? byLabel : kind.compareTo(other.kind);
    }
}
