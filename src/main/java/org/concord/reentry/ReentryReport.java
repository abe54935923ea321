package org.concord.reentry;

import java.time.Instant;
import java.util.Optional;

/**
 * A re-entry prediction or confirmation received from another originator (a Space-Track TIP message, an RDM), kept
 * beside the node's own predictions as it was said.
 *
 * @param noradId            the object
 * @param source             the message format it came in
 * @param messageOriginator  who issued it, as the message names them ({@code ORIGINATOR}; Space-Track for a TIP)
 * @param messageId          the message's own id ({@code MESSAGE_ID}; a TIP's {@code ID})
 * @param issuedAt           when it was issued ({@code CREATION_DATE}; a TIP's {@code MSG_EPOCH})
 * @param observed           whether it reports a re-entry that happened (a post-decay TIP) rather than predicts one
 * @param nominal            the re-entry epoch it gives, if any (an RDM may give only a lifetime)
 * @param window             the window it gives, if any
 * @param latitudeDegrees    where it places the re-entry (a TIP's position at the decay epoch; an RDM's nominal
 *                           impact point)
 * @param longitudeDegrees   the same, east, from -180 to 180
 * @param direction          {@code ascending} or {@code descending} at re-entry (TIP)
 * @param reentryAltitudeMeters the altitude its epoch is at (RDM)
 * @param content            the message (a TIP record, an RDM) as received
 */
public record ReentryReport(long noradId, Source source, String messageOriginator, String messageId,
                            Instant issuedAt, boolean observed, Optional<Instant> nominal,
                            Optional<ReentryWindow> window, Optional<Double> latitudeDegrees,
                            Optional<Double> longitudeDegrees, Optional<String> direction,
                            Optional<Double> reentryAltitudeMeters, String content) {

    /** The message formats re-entry reports come in. */
    public enum Source {
        /** Space-Track's Tracking and Impact Prediction messages (class {@code tip}). */
        TIP,
        /** CCSDS Re-entry Data Message, 508.1-B-1. */
        RDM
    }
}
