package org.concord.orbit;

import java.time.Instant;
import java.util.Optional;

/**
 * A propagation that cannot give a trustworthy answer. The message is written for the person who asked; {@link #kind()}
 * lets an API choose its status, {@link #sgp4Error()} and {@link #time()} say which SGP4 check stopped it and when.
 */
public final class PropagationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the propagation stopped. */
    public enum Kind {
        /** Vallado's SGP4 checks flagged the element set at some time: see {@link #sgp4Error()}. */
        SGP4_ERROR,
        /** A time outside the span an ephemeris covers (ephemerides are never extrapolated). */
        OUTSIDE_EPHEMERIS_SPAN,
        /** The record's content cannot be read as the message its format says. */
        UNREADABLE_RECORD,
        /** The record is of a kind or content this service does not propagate (such as a Mars-centred OEM). */
        UNSUPPORTED_RECORD,
        /** Orekit failed while propagating. */
        PROPAGATION_FAILED
    }

    private final Kind kind;
    private final Optional<Sgp4Error> sgp4Error;
    private final Optional<Instant> time;

    private PropagationException(Kind kind, Optional<Sgp4Error> sgp4Error, Optional<Instant> time, String message,
                                 Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.sgp4Error = sgp4Error;
        this.time = time;
    }

    static PropagationException sgp4(Sgp4Error error, Instant time, double minutesSinceEpoch, String detail) {
        return new PropagationException(Kind.SGP4_ERROR, Optional.of(error), Optional.of(time),
                String.format(java.util.Locale.ROOT,
                        "SGP4 error %d (%s) at %s, %.3f min from the element set epoch: %s",
                        error.code(), error.meaning(), time, minutesSinceEpoch, detail), null);
    }

    static PropagationException outsideSpan(Instant time, String message) {
        return new PropagationException(Kind.OUTSIDE_EPHEMERIS_SPAN, Optional.empty(), Optional.of(time), message,
                null);
    }

    static PropagationException unreadable(String message, Throwable cause) {
        return new PropagationException(Kind.UNREADABLE_RECORD, Optional.empty(), Optional.empty(), message, cause);
    }

    static PropagationException unsupported(String message) {
        return new PropagationException(Kind.UNSUPPORTED_RECORD, Optional.empty(), Optional.empty(), message, null);
    }

    static PropagationException failed(Instant time, String message, Throwable cause) {
        return new PropagationException(Kind.PROPAGATION_FAILED, Optional.empty(), Optional.of(time), message, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The SGP4 check that stopped the propagation, for {@link Kind#SGP4_ERROR}. */
    public Optional<Sgp4Error> sgp4Error() {
        return sgp4Error;
    }

    /** The time being computed when the propagation stopped, where there is one. */
    public Optional<Instant> time() {
        return time;
    }
}
