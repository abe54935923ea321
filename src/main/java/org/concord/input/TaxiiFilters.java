package org.concord.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.concord.cyber.StixValidator;
import org.concord.cyber.TaxiiQuery;

/**
 * The TAXII 2.1 filters of a request (section 3.5 of the specification): {@code added_after} (a timestamp),
 * {@code limit}, {@code next}, and {@code match[id]}, {@code match[type]}, {@code match[version]} ({@code first},
 * {@code last}, {@code all} or timestamps) and {@code match[spec_version]}, each a comma-separated list whose items
 * any may match.
 */
public final class TaxiiFilters {

    public static final String ADDED_AFTER = "added_after";
    public static final String LIMIT = "limit";
    public static final String NEXT = "next";
    public static final String MATCH_ID = "match[id]";
    public static final String MATCH_TYPE = "match[type]";
    public static final String MATCH_VERSION = "match[version]";
    public static final String MATCH_SPEC_VERSION = "match[spec_version]";
    /** The parameters of the objects and manifest lists. */
    public static final Set<String> LIST = Set.of(ADDED_AFTER, LIMIT, NEXT, MATCH_ID, MATCH_TYPE, MATCH_VERSION,
            MATCH_SPEC_VERSION);
    /** The parameters of one object's versions. */
    public static final Set<String> VERSIONS = Set.of(ADDED_AFTER, LIMIT, NEXT, MATCH_SPEC_VERSION);
    /** The parameters of one object. */
    public static final Set<String> OBJECT = Set.of(ADDED_AFTER, LIMIT, NEXT, MATCH_VERSION, MATCH_SPEC_VERSION);
    /** The parameters of deleting one object. */
    public static final Set<String> DELETE = Set.of(MATCH_VERSION, MATCH_SPEC_VERSION);

    /** A page when {@code limit} is not given. */
    public static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_ITEMS = 1000;
    private static final int MAX_CHARACTERS = 400_000;

    private TaxiiFilters() {
    }

    /**
     * The query these arguments make for a collection (and one object, when {@code objectId} is given), with
     * {@code defaultVersions} when {@code match[version]} is absent ({@code last} for objects, {@code all} for
     * versions and deletions).
     */
    public static TaxiiQuery read(String collectionId, Optional<String> objectId, Arguments args,
                                  TaxiiQuery.Versions defaultVersions) {
        Optional<Instant> addedAfter = args.text(ADDED_AFTER, 64).map(v -> timestamp(ADDED_AFTER, v));
        int limit = (int) Math.min(args.whole(LIMIT, 1, Integer.MAX_VALUE).orElse((long) DEFAULT_LIMIT),
                TaxiiQuery.MAX_LIMIT);
        List<String> ids = new ArrayList<>(objectId.map(List::of).orElse(List.of()));
        ids.addAll(list(args, MATCH_ID));
        List<String> specVersions = list(args, MATCH_SPEC_VERSION);
        for (String v : specVersions) {
            Choices.of(MATCH_SPEC_VERSION, v, List.of("2.0", "2.1"));
        }
        TaxiiQuery.Versions versions = args.text(MATCH_VERSION, MAX_CHARACTERS).isPresent()
                ? versions(list(args, MATCH_VERSION)) : defaultVersions;
        return new TaxiiQuery(collectionId, addedAfter, ids, list(args, MATCH_TYPE), versions, specVersions, limit,
                args.text(NEXT, 200));
    }

    private static TaxiiQuery.Versions versions(List<String> items) {
        boolean all = false;
        boolean first = false;
        boolean last = false;
        Set<Instant> at = new HashSet<>();
        for (String item : items) {
            switch (item) {
                case "all" -> all = true;
                case "first" -> first = true;
                case "last" -> last = true;
                default -> at.add(timestamp(MATCH_VERSION, item));
            }
        }
        return new TaxiiQuery.Versions(all, first, last, at);
    }

    private static List<String> list(Arguments args, String name) {
        List<String> items = new ArrayList<>();
        args.text(name, MAX_CHARACTERS).ifPresent(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        });
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException(name + " lists " + items.size() + " values; at most " + MAX_ITEMS
                    + " are accepted");
        }
        return items;
    }

    private static Instant timestamp(String name, String text) {
        return StixValidator.timestamp(com.fasterxml.jackson.databind.node.TextNode.valueOf(text))
                .orElseThrow(() -> new IllegalArgumentException(name + ": '" + Texts.abbreviate(text)
                        + "' is not a timestamp (RFC 3339 in UTC, such as 2024-07-05T12:00:00.000Z)"
                        + (name.equals(MATCH_VERSION) ? ", nor first, last or all" : "")));
    }
}
