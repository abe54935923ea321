package org.concord.label;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may receive a record: everybody ({@link #PUBLIC}) or exactly the listed parties. A party code is an
 * ISO 3166-1 alpha-3 nation code, a registered agency or operator id, or a named group (such as {@code CSPO})
 * that is expanded to its members when access is decided, so that a membership change takes effect at once.
 * An empty set reaches nobody.
 */
public record Releasability(boolean isPublic, SortedSet<String> parties) {

    public static final Releasability PUBLIC = new Releasability(true, Collections.emptySortedSet());
    public static final Releasability NOBODY = new Releasability(false, Collections.emptySortedSet());

    private static final Pattern PARTY_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,31}");

    public Releasability {
        if (isPublic && !parties.isEmpty()) {
            throw new IllegalArgumentException("a PUBLIC releasability lists no parties");
        }
        for (String party : parties) {
            if (!PARTY_CODE.matcher(party).matches()) {
                throw new IllegalArgumentException("invalid party code '" + party
                        + "' (upper-case letters, digits, '-' or '_', 2 to 32 characters)");
            }
        }
        parties = Collections.unmodifiableSortedSet(new TreeSet<>(parties));
    }

    public static Releasability to(Collection<String> parties) {
        return new Releasability(false, new TreeSet<>(parties));
    }

    public static Releasability to(String... parties) {
        return to(Arrays.asList(parties));
    }

    /** Parses {@code PUBLIC}, {@code REL TO GBR, USA}, or a bare list {@code GBR,USA}; {@code NONE} or an empty list is nobody. */
    public static Releasability parse(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("PUBLIC")) {
            return PUBLIC;
        }
        if (normalized.startsWith("REL TO")) {
            normalized = normalized.substring("REL TO".length());
        }
        if (normalized.isBlank() || normalized.trim().equals("NONE")) {
            return NOBODY;
        }
        Set<String> parties = Arrays.stream(normalized.split("[,\\s]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        return to(parties);
    }

    /** Intersection; PUBLIC is the neutral element. */
    public Releasability intersect(Releasability other) {
        if (isPublic) {
            return other;
        }
        if (other.isPublic) {
            return this;
        }
        TreeSet<String> common = new TreeSet<>(parties);
        common.retainAll(other.parties);
        return new Releasability(false, common);
    }

    /** {@code PUBLIC}, {@code REL TO A,B} or {@code NONE}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        if (isPublic) {
            return "PUBLIC";
        }
        return parties.isEmpty() ? "NONE" : "REL TO " + String.join(",", parties);
    }
}
