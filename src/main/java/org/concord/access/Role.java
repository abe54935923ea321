package org.concord.access;

import java.util.Locale;

/** What a user may do. Every role reads what its party may see; the others add to it. */
public enum Role {
    /** Reads. */
    VIEWER,
    /** Reads, screens and computes Pc. */
    ANALYST,
    /** Reads, screens, and ingests its party's data. */
    OPERATOR,
    /** All of the above, and manages parties, users, tokens, agreements and audit checkpoints. */
    ADMIN;

    public boolean mayIngest() {
        return this == OPERATOR || this == ADMIN;
    }

    public boolean mayScreen() {
        return this != VIEWER;
    }

    public boolean mayAdminister() {
        return this == ADMIN;
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text
                    + "' (expected admin, analyst, operator or viewer)");
        }
    }
}
