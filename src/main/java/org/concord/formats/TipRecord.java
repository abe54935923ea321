package org.concord.formats;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One Tracking and Impact Prediction (TIP) message of the 18th/19th Space Defense Squadrons, as Space-Track.org's
 * {@code tip} class has it.
 *
 * @param noradId            {@code NORAD_CAT_ID}
 * @param messageId          {@code ID}: Space-Track's number of the message
 * @param messageEpoch       {@code MSG_EPOCH}: when the message was issued
 * @param insertEpoch        {@code INSERT_EPOCH}: when Space-Track stored it
 * @param decayEpoch         {@code DECAY_EPOCH}: the predicted (or, after the fact, observed) re-entry
 * @param window             {@code WINDOW}: the uncertainty either side of the decay epoch (minutes in the message)
 * @param revolution         {@code REV}: the revolution number at decay
 * @param direction          {@code DIRECTION}: {@code ascending} or {@code descending} at decay
 * @param latitudeDegrees    {@code LAT}: the latitude at the decay epoch
 * @param longitudeDegrees   {@code LON}: the longitude at the decay epoch, east, from -180 to 180
 * @param inclinationDegrees {@code INCL}
 * @param nextReport         {@code NEXT_REPORT}: when the next message is due after this one (hours in the
 *                           message); zero when none is
 * @param highInterest       {@code HIGH_INTEREST}
 * @param content            the record as read (a CSV row after its header line, or a JSON object)
 * @param line               the line it starts on
 */
public record TipRecord(long noradId, long messageId, Instant messageEpoch, Optional<Instant> insertEpoch,
                        Instant decayEpoch, Duration window, Optional<Long> revolution, Optional<String> direction,
                        Optional<Double> latitudeDegrees, Optional<Double> longitudeDegrees,
                        Optional<Double> inclinationDegrees, Optional<Duration> nextReport,
                        Optional<Boolean> highInterest, String content, int line) {

    /**
     * A confirmation of a re-entry that happened: issued after the decay epoch it gives, with the one-minute window
     * Space-Track gives an observed decay.
     */
    public boolean isPostDecay() {
        return window.equals(Duration.ofMinutes(1)) && messageEpoch.isAfter(decayEpoch);
    }
}
