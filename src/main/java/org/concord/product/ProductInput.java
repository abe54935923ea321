package org.concord.product;

import java.util.regex.Pattern;

import org.concord.label.DataKind;

/**
 * A stored item a product was computed from, and what it was to the product ({@code role}: a conjunction's
 * {@code primary} or {@code secondary}): an orbit record (kind orbits or ephemerides) or a product, by its id.
 */
public record ProductInput(String role, DataKind kind, long id) {

    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public ProductInput {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("an input's role is 1 to 32 lower-case letters, digits and '-': '"
                    + role + "'");
        }
    }
}
