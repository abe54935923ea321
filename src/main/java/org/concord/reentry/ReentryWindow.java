package org.concord.reentry;

import java.time.Instant;

/** The span in which a re-entry is predicted to happen (see {@link ReentryWindowRule} for what it means). */
public record ReentryWindow(Instant opens, Instant closes) {

    public ReentryWindow {
        if (closes.isBefore(opens)) {
            throw new IllegalArgumentException("a window closes after it opens");
        }
    }

    /** Whether the window and the span {@code [from, to)} share an instant. */
    public boolean overlaps(Instant from, Instant to) {
        return opens.isBefore(to) && !closes.isBefore(from);
    }
}
