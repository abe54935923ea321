package org.concord.formats;

import java.util.List;

/** What a reader found in one input: the valid items and an error for every invalid one. */
public record ParseResult<T>(List<T> items, List<InputError> errors) {

    public ParseResult {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
    }
}
