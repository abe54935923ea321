package org.concord.connector;

import java.io.IOException;
import java.util.Optional;

/** How one connector asks its source for data. */
public interface Source {

    /**
     * Asks the source once, through {@code http}, for what changed since the answer that {@code previous} describes
     * (none before the first success); the whole answer is read before anything is returned.
     *
     * @throws SourceFailure when the source answers with an error
     * @throws IOException when no whole answer comes (no connection, a timeout, an answer cut short or too long)
     */
    Pull pull(SourceHttp http, Validators previous) throws SourceFailure, IOException, InterruptedException;

    /** What a source said about the data it last served, to ask only for changes next time. */
    record Validators(Optional<String> lastModified, Optional<String> etag) {

        public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());
    }

    /** What one pull brought. */
    sealed interface Pull {

        int httpStatus();
    }

    /** The whole answer, the name of the file it would have, and the validators to send next time. */
    record Fetched(int httpStatus, byte[] content, String fileName, Validators validators) implements Pull {
    }

    /** The source has nothing new since the last successful pull, in its own words. */
    record Unchanged(int httpStatus, String why) implements Pull {
    }
}
