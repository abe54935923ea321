package org.concord.conjunction;

import java.time.Duration;
import java.time.Instant;

/**
 * How far from the states their orbit records give the two inputs of a conjunction were at its TCA (an ephemeris is
 * zero inside its span), and whether either was beyond the staleness limit of its orbit regime then.
 */
public record InputAges(Duration primary, Duration secondary, boolean stale) {

    /**
     * The epochs of the two inputs of a conjunction at this TCA, taken as the TCA less their ages: a screening
     * propagates element sets forward from their epochs (one propagated backward from a later epoch is taken as
     * older than it is, which errs towards flagging it stale).
     */
    public java.util.List<Instant> epochsAt(Instant tca) {
        return java.util.List.of(tca.minus(primary), tca.minus(secondary));
    }
}
