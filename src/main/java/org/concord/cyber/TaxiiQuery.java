package org.concord.cyber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which versions of a collection's objects a TAXII request asks for: added after an instant, of these ids, types and
 * STIX versions (empty lists: any), which versions of each object, a page of at most {@code limit}, continuing after
 * {@code next}. Every filter given must hold.
 *
 * @param versions the {@code match[version]} keywords and timestamps
 */
public record TaxiiQuery(String collectionId, Optional<Instant> addedAfter, List<String> ids, List<String> types,
                         Versions versions, List<String> specVersions, int limit, Optional<String> next) {

    /** The largest page a TAXII request gets (a larger {@code limit} is lowered to it, as TAXII allows). */
    public static final int MAX_LIMIT = 10_000;

    public TaxiiQuery {
        ids = List.copyOf(ids);
        types = List.copyOf(types);
        specVersions = List.copyOf(specVersions);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /**
     * {@code match[version]}: every version ({@code all}), or those that are the first or last version of their object
     * (among those the reader may see), or modified at one of these instants; several are a union.
     */
    public record Versions(boolean all, boolean first, boolean last, Set<Instant> at) {

        public static final Versions LAST = new Versions(false, false, true, Set.of());
        public static final Versions ALL = new Versions(true, false, false, Set.of());

        public Versions {
            at = Set.copyOf(at);
        }
    }

    /** All versions of one object in the collection. */
    public static TaxiiQuery versionsOf(String collectionId, String stixId, Versions versions, int limit) {
        return new TaxiiQuery(collectionId, Optional.empty(), List.of(stixId), List.of(), versions, List.of(), limit,
                Optional.empty());
    }
}
