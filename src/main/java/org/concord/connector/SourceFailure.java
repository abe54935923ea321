package org.concord.connector;

import java.time.Duration;
import java.util.Optional;

/**
 * A source that answered with an error: worth trying again later ({@code retry}: 408, 429 and 5xx, after at least
 * {@code retryAfter} when the source said so), or not until a person has looked (any other refusal: bad credentials,
 * a wrong URL, a 403 from a source that blocks clients that keep asking). No answer at all is an
 * {@link java.io.IOException}, tried again later.
 */
public final class SourceFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final Optional<Integer> httpStatus;
    private final boolean retry;
    private final transient Optional<Duration> retryAfter;

    public SourceFailure(Optional<Integer> httpStatus, boolean retry, Optional<Duration> retryAfter, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.retry = retry;
        this.retryAfter = retryAfter;
    }

    /** A refusal that asking again will not mend. */
    public static SourceFailure halt(Optional<Integer> httpStatus, String message) {
        return new SourceFailure(httpStatus, false, Optional.empty(), message);
    }

    public Optional<Integer> httpStatus() {
        return httpStatus;
    }

    public boolean retry() {
        return retry;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
