package org.concord.label;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The label every record and product carries: who originated it, who may receive it, its TLP level, its
 * caveats and an optional expiry.
 */
public record Label(String originator, Releasability releasability, Tlp tlp, SortedSet<String> caveats,
                    Optional<Instant> expiry) {

    private static final Pattern PARTY_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,31}");

    public Label {
        if (!PARTY_CODE.matcher(originator).matches()) {
            throw new IllegalArgumentException("invalid originator party code '" + originator + "'");
        }
        caveats = Collections.unmodifiableSortedSet(new TreeSet<>(caveats));
    }

    public static Label publicFrom(String originator) {
        return new Label(originator, Releasability.PUBLIC, Tlp.CLEAR, Collections.emptySortedSet(), Optional.empty());
    }

    /**
     * The label of a product derived from records with these labels: releasability is the intersection, TLP the
     * stricter, caveats the union, expiry the earliest. The originator is the party that derived it.
     */
    public Label combine(Label other, String derivingParty) {
        TreeSet<String> allCaveats = new TreeSet<>(caveats);
        allCaveats.addAll(other.caveats);
        Optional<Instant> earliest = expiry.isEmpty() ? other.expiry
                : other.expiry.isEmpty() ? expiry
                : Optional.of(expiry.get().isBefore(other.expiry.get()) ? expiry.get() : other.expiry.get());
        return new Label(derivingParty, releasability.intersect(other.releasability), tlp.stricter(other.tlp),
                allCaveats, earliest);
    }

    public boolean isExpiredAt(Instant instant) {
        return expiry.map(e -> !e.isAfter(instant)).orElse(false);
    }

    /**
     * How this label admits more than {@code previous} did, one phrase each: a wider releasability (PUBLIC, or a party
     * not listed before; a group counts as new even when its members were listed), a lower TLP, a caveat dropped, a
     * later or no expiry. Empty when this label admits nobody that {@code previous} did not.
     */
    public List<String> wideningsOver(Label previous) {
        List<String> widenings = new ArrayList<>();
        if (!previous.releasability.isPublic()) {
            if (releasability.isPublic()) {
                widenings.add("releasability PUBLIC (was " + previous.releasability + ")");
            } else {
                TreeSet<String> added = new TreeSet<>(releasability.parties());
                added.removeAll(previous.releasability.parties());
                if (!added.isEmpty()) {
                    widenings.add("releasable also to " + String.join(",", added));
                }
            }
        }
        if (tlp.compareTo(previous.tlp) < 0) {
            widenings.add("TLP:" + tlp.code() + " (was TLP:" + previous.tlp.code() + ")");
        }
        TreeSet<String> dropped = new TreeSet<>(previous.caveats);
        dropped.removeAll(caveats);
        if (!dropped.isEmpty()) {
            widenings.add("caveats " + String.join(",", dropped) + " dropped");
        }
        if (previous.expiry.isPresent() && (expiry.isEmpty() || expiry.get().isAfter(previous.expiry.get()))) {
            widenings.add("expires " + expiry.map(Instant::toString).orElse("never") + " (was "
                    + previous.expiry.get() + ")");
        }
        return widenings;
    }

    public Label withOriginator(String party) {
        return new Label(party, releasability, tlp, caveats, expiry);
    }

    /**
     * Reads a label specification such as
     * {@code originator=USA;rel=REL TO GBR,USA;tlp=AMBER;caveats=PROPIN,NOFORN;expires=2027-01-01T00:00:00Z}.
     * Missing keys take their value from {@code defaults}. A key given twice (also under its other spelling, such as
     * {@code rel} and {@code releasability}) is an error: a later part must not quietly undo an earlier one.
     */
    public static Label parse(String spec, Label defaults) {
        String originator = defaults.originator();
        Releasability rel = defaults.releasability();
        Tlp level = defaults.tlp();
        SortedSet<String> cav = defaults.caveats();
        Optional<Instant> exp = defaults.expiry();
        java.util.Map<String, String> given = new java.util.HashMap<>();
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("label part '" + part.trim() + "' is not key=value");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            String earlier = given.put(canonicalKey(key), key);
            if (earlier != null) {
                throw new IllegalArgumentException("label key '" + key + "' is given twice"
                        + (earlier.equals(key) ? "" : " (as '" + earlier + "' and '" + key + "')")
                        + "; give each of originator, rel, tlp, caveats, expires at most once");
            }
            switch (key) {
                case "originator", "orig" -> originator = value.toUpperCase(Locale.ROOT);
                case "rel", "releasability" -> rel = Releasability.parse(value);
                case "tlp" -> level = Tlp.parse(value);
                case "caveats" -> cav = new TreeSet<>(Arrays.stream(value.split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList());
                case "expires", "expiry" -> {
                    try {
                        exp = value.isEmpty() || value.equalsIgnoreCase("never") ? Optional.empty()
                                : Optional.of(Instant.parse(value));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("label expiry '" + value
                                + "' is not an ISO-8601 instant such as 2027-01-01T00:00:00Z");
                    }
                }
                default -> throw new IllegalArgumentException("unknown label key '" + key
                        + "' (expected originator, rel, tlp, caveats, expires)");
            }
        }
        return new Label(originator, rel, level, cav, exp);
    }

    private static String canonicalKey(String key) {
        return switch (key) {
            case "orig" -> "originator";
            case "releasability" -> "rel";
            case "expiry" -> "expires";
            default -> key;
        };
    }

    @Override
    public String toString() {
        return "originator=" + originator + ";rel=" + releasability + ";tlp=" + tlp.code()
                + ";caveats=" + String.join(",", caveats) + ";expires=" + expiry.map(Instant::toString).orElse("never");
    }
}
