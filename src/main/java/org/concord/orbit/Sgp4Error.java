package org.concord.orbit;

/**
 * The error codes of Vallado's reference SGP4 ({@code sgp4unit}, AIAA 2006-6753 and its later revisions). Where the
 * reference code returns one of these, Concord stops the propagation and reports it: it never returns the numbers
 * that Orekit's TLEPropagator would still produce (some of them below the Earth's surface).
 * <p>
 * Code 5 (epoch elements sub-orbital) is not listed: Vallado's current code no longer raises it, and lets the
 * propagation go on until the satellite is actually below the surface (code 6).
 */
public enum Sgp4Error {
    /** Mean eccentricity after drag outside [-0.001, 1). */
    MEAN_ELEMENTS_OUT_OF_RANGE(1, "mean elements out of range"),
    /** Mean motion after the deep-space resonance terms not positive. */
    NEGATIVE_MEAN_MOTION(2, "mean motion below zero"),
    /** Eccentricity after the lunar-solar periodics outside [0, 1]. */
    PERTURBED_ECCENTRICITY_OUT_OF_RANGE(3, "perturbed eccentricity out of range"),
    /** Semi-latus rectum below zero. */
    NEGATIVE_SEMI_LATUS_RECTUM(4, "semi-latus rectum below zero"),
    /** Radius below one Earth radius (6378.135 km, WGS-72): the satellite has decayed. */
    DECAYED(6, "satellite has decayed");

    private final int code;
    private final String meaning;

    Sgp4Error(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The number Vallado's code returns. */
    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
