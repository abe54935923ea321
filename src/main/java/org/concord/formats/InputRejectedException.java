package org.concord.formats;

import java.util.List;

/** An input that cannot be used at all, with every error found in it. */
public class InputRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputError> errors;

    public InputRejectedException(List<InputError> errors) {
        super(errors.isEmpty() ? "input rejected" : errors.get(0) + (errors.size() > 1
                ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")" : ""));
        this.errors = List.copyOf(errors);
    }

    public InputRejectedException(InputError error) {
        this(List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }
}
