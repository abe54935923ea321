package org.concord.formats;

import java.util.Optional;

/**
 * One reason an input was rejected, precise enough to fix it: the file, the line (or, for XML and JSON, the path
 * of the element), the field, and why.
 */
public record InputError(String file, Optional<Integer> line, Optional<String> path, String field, String reason) {

    public static InputError atLine(String file, int line, String field, String reason) {
        return new InputError(file, Optional.of(line), Optional.empty(), field, reason);
    }

    public static InputError atPath(String file, String path, String field, String reason) {
        return new InputError(file, Optional.empty(), Optional.of(path), field, reason);
    }

    public static InputError inFile(String file, String field, String reason) {
        return new InputError(file, Optional.empty(), Optional.empty(), field, reason);
    }

    /** {@code file:line: field: reason} (or {@code file [path]: ...}). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        line.ifPresent(l -> text.append(':').append(l));
        path.ifPresent(p -> text.append(" [").append(p).append(']'));
        return text.append(": ").append(field).append(": ").append(reason).toString();
    }
}
