package org.concord.input;

/** Free text a user gives: bounded in length, and shortened when quoted back in a message. */
public final class Texts {

    private static final int QUOTED_CHARACTERS = 80;

    private Texts() {
    }

    /** {@code text} itself when it has at most {@code maxCharacters} characters. */
    public static String bounded(String field, String text, int maxCharacters) {
        if (text.length() > maxCharacters) {
            throw new IllegalArgumentException(field + " has " + text.length() + " characters; at most "
                    + maxCharacters + " are accepted");
        }
        return text;
    }

    /** How a message begins that is about {@code field}: "limit: ", or nothing when the caller names the field. */
    static String subject(String field) {
        return field.isEmpty() ? "" : field + ": ";
    }

    /** {@code text} short enough to quote in a message. */
    static String abbreviate(String text) {
        return text.length() <= QUOTED_CHARACTERS ? text : text.substring(0, QUOTED_CHARACTERS) + "...";
    }
}
