package org.concord.spaceweather;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;

/**
 * The errors found in one input, each with its file, line and field, and the number readers all formats share: an
 * input with any error is refused whole ({@link #rejectIfAny}). At most {@value #MAX_REPORTED} are kept.
 */
final class LineErrors {

    static final int MAX_REPORTED = 100;

    private final String file;
    /** The lines of the paths a structured input (JSON) was read from: an item {@code [r]}, a value {@code [r].name}. */
    private final Map<String, Integer> lines;
    private final List<InputError> errors = new ArrayList<>();

    LineErrors(String file) {
        this(file, Map.of());
    }

    LineErrors(String file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = Map.copyOf(lines);
    }

    void add(int line, String field, String reason) {
        if (errors.size() < MAX_REPORTED) {
            errors.add(InputError.atLine(file, line, field, reason));
        }
    }

    /** An error at a path; with its line where the input's lines are known (the field's, else its item's). */
    void addAt(String path, String field, String reason) {
        if (errors.size() < MAX_REPORTED) {
            Optional<Integer> line = Optional.ofNullable(lines.getOrDefault(path + "." + field.toLowerCase(Locale.ROOT),
                    lines.get(path)));
            errors.add(new InputError(file, line, Optional.of(path), field, reason));
        }
    }

    void rejectIfAny() {
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    /** A decimal in [min, max], empty when blank; an error (and empty) otherwise. */
    OptionalDouble decimal(int line, String field, String text, double min, double max) {
        String t = text.trim();
        if (t.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && v >= min && v <= max) {
                return OptionalDouble.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        add(line, field, "'" + t + "' is not a number from " + min + " to " + max);
        return OptionalDouble.empty();
    }

    /** A whole number in [min, max], empty when blank; an error (and empty) otherwise. */
    OptionalLong whole(int line, String field, String text, long min, long max) {
        String t = text.trim();
        if (t.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(t);
            if (v >= min && v <= max) {
                return OptionalLong.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        add(line, field, "'" + t + "' is not a whole number from " + min + " to " + max);
        return OptionalLong.empty();
    }

    /** Kp in CelesTrak's and CSSI's tenths (0 to 90: 47 is 5-) as a decimal Kp (4.7). */
    OptionalDouble kpTenths(int line, String field, String text) {
        OptionalLong tenths = whole(line, field, text, 0, 90);
        return tenths.isPresent() ? OptionalDouble.of(tenths.getAsLong() / 10.0) : OptionalDouble.empty();
    }
}
