package org.concord.risk;

/** Where the covariance a probability of collision was computed with came from. */
public enum CovarianceSource {
    /** Given with the states: an OEM or CDM covariance from orbit determination. */
    MEASURED,
    /** A covariance model assumed by the node, not one measured for these objects. */
    ASSUMED,
    /**
     * Estimated from the objects' element-set histories (the spread of successive element sets, docs/events.md), not
     * from orbit determination: never a measured Pc; the maximum Pc is given beside it.
     */
    ESTIMATED,
    /** No covariance: the probability is the maximum over the size of an assumed-shape covariance. */
    MAXIMUM
}
