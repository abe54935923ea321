package org.concord.reentry;

/** What a prediction could say. */
public enum ReentryOutcome {
    /** A nominal epoch and a calibrated window. */
    WINDOW,
    /** A nominal epoch only: the window rule does not hold for this object's class (see {@link ReentryClass}). */
    EPOCH_ONLY,
    /** Still in orbit at the end of the horizon the node propagates to. */
    BEYOND_HORIZON,
    /** No epoch: the class is not modelled, or the orbit history gives no drag estimate. */
    NONE
}
