package org.concord.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SATCAT's owner codes ({@code US}, {@code PRC}, {@code CIS}, ...) and the party codes they stand for: ISO 3166-1
 * alpha-3 for a nation ({@code USA}, {@code CHN}, {@code RUS}), the SATCAT's own code for an organisation or a joint
 * owner ({@code ESA}, {@code ISS}, {@code CHBZ}), none for {@code TBD} and {@code UNK}. The table, with the reason
 * for each choice, is the bundled {@code satcat/owner-codes.csv} (docs/satcat.md).
 */
public final class OwnerCodes {

    private static final String TABLE = "/satcat/owner-codes.csv";
    private static final Map<String, Optional<String>> PARTY_BY_SATCAT_CODE = load();
    private static final SortedSet<String> PARTY_CODES = new TreeSet<>(PARTY_BY_SATCAT_CODE.values().stream()
            .flatMap(Optional::stream).toList());

    private OwnerCodes() {
    }

    /**
     * The party code of a SATCAT owner code (a party code written as the owner is itself); empty when the SATCAT says
     * the owner is unknown ({@code TBD}) or the code is in neither list.
     */
    public static Optional<String> partyOf(String satcatCode) {
        String code = satcatCode.strip().toUpperCase(Locale.ROOT);
        Optional<String> mapped = PARTY_BY_SATCAT_CODE.get(code);
        if (mapped != null) {
            return mapped;
        }
        return PARTY_CODES.contains(code) ? Optional.of(code) : Optional.empty();
    }

    /** The owner codes a stored SATCAT row may carry for this party: the SATCAT codes mapped to it, and itself. */
    public static SortedSet<String> ownerCodesOf(String partyCode) {
        SortedSet<String> codes = new TreeSet<>();
        codes.add(partyCode);
        PARTY_BY_SATCAT_CODE.forEach((satcat, party) -> {
            if (party.filter(partyCode::equals).isPresent()) {
                codes.add(satcat);
            }
        });
        return codes;
    }

    /** Every party code an owner can have. */
    public static SortedSet<String> partyCodes() {
        return java.util.Collections.unmodifiableSortedSet(PARTY_CODES);
    }

    /** Every SATCAT owner code of the table, with its party code (empty: the owner is unknown). */
    public static Map<String, Optional<String>> table() {
        return PARTY_BY_SATCAT_CODE;
    }

    /**
     * The party code an owner filter means: a party code as it is, a SATCAT code as the party it stands for
     * ({@code US} is {@code USA}). Anything else is refused, naming the accepted codes: a filter that matches nothing
     * because its value is unknown must not look like an empty result.
     */
    public static String resolveFilter(String value) {
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (PARTY_CODES.contains(code)) {
            return code;
        }
        Optional<String> mapped = PARTY_BY_SATCAT_CODE.get(code);
        if (mapped != null && mapped.isPresent()) {
            return mapped.get();
        }
        throw new IllegalArgumentException("unknown owner '" + value + "'" + (mapped != null
                ? " (the SATCAT's code for an unknown owner)" : "") + ": accepted are the party codes "
                + String.join(", ", PARTY_CODES) + ", or a SATCAT owner code such as US or PRC, taken as its party"
                + " code (docs/satcat.md)");
    }

    private static Map<String, Optional<String>> load() {
        try (InputStream in = OwnerCodes.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + TABLE + " is missing from the build");
            }
            Map<String, Optional<String>> table = new TreeMap<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    String[] fields = lines[i].split(",", -1);
                    table.put(fields[0], fields[1].isEmpty() ? Optional.empty() : Optional.of(fields[1]));
                }
            }
            return java.util.Collections.unmodifiableMap(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
