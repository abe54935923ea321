package org.concord.access;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A nation, agency, operator or named group, known by a code such as {@code GBR} or {@code CSPO}. Its source priority
 * ranks its orbit records against others of the same object at the same epoch (higher wins; 0 by default).
 */
public record Party(String code, String name, PartyKind kind, Instant createdAt, int sourcePriority) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,31}");

    public Party {
        requireCode(code);
        if (name.isBlank() || name.length() > 256) {
            throw new IllegalArgumentException("a party name must have 1 to 256 characters");
        }
    }

    public static String requireCode(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("invalid party code '" + code
                    + "' (upper-case letters, digits, '-' or '_', 2 to 32 characters)");
        }
        return code;
    }
}
