package org.concord.access;

import java.time.Instant;
import java.util.regex.Pattern;

/** A person or system with an account on this node, bound to one party. */
public record User(String name, String party, Role role, Instant createdAt, boolean disabled) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public User {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid user name '" + name
                    + "' (letters, digits, '.', '_', '@' or '-', 1 to 64 characters)");
        }
        Party.requireCode(party);
    }
}
