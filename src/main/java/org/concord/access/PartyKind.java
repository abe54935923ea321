package org.concord.access;

import java.util.Locale;

/** What a party is. A group (such as CSPO) stands for its member parties wherever a label or agreement names it. */
public enum PartyKind {
    NATION,
    AGENCY,
    OPERATOR,
    GROUP;

    public static PartyKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown party kind '" + text
                    + "' (expected nation, agency, operator or group)");
        }
    }
}
