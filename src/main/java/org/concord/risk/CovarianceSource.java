package org.concord.risk;

/** Where the covariance a probability of collision was computed with came from. */
public enum CovarianceSource {
    /** Given with the states: an OEM or CDM covariance from orbit determination. */
    MEASURED,
    /** A covariance model assumed by the node, not one measured for these objects. */
    ASSUMED,
    /** No covariance: the probability is the maximum over the size of an assumed-shape covariance. */
    MAXIMUM
}
