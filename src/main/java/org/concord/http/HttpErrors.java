package org.concord.http;

/** The API's error outcomes that carry an HTTP status of their own. */
final class HttpErrors {

    private HttpErrors() {
    }

    /** A resource that exists but has no representation of the kind asked for. */
    static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    /** A resource that does not exist, or that the caller may not know exists: the two answer alike. */
    static final class NotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFoundException(String message) {
            super(message);
        }
    }

    /** No valid credentials where the route needs them (401). */
    static final class UnauthorizedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnauthorizedException(String message) {
            super(message);
        }
    }

    /** Valid credentials without the right to do this (403). */
    static final class ForbiddenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ForbiddenException(String message) {
            super(message);
        }
    }

    /** An anonymous client over its rate (429). */
    static final class RateLimitedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        RateLimitedException(long retryAfterSeconds) {
            super("too many requests without a token; retry after " + retryAfterSeconds + " s, or use a token");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
