package org.concord.reentry;

/**
 * What kind of re-entry an object is heading for, which decides whether a calibrated window can be given.
 */
public enum ReentryClass {
    /** Left to drag, in low Earth orbit (apogee under 2,000 km): the window rule is calibrated for these. */
    UNCONTROLLED,
    /**
     * Apogee at or above 2,000 km (GTO, Molniya, other HEO): its perigee is moved by the Sun and Moon, which the
     * predictor does not model, so it gives no epoch and no window.
     */
    HIGHLY_ECCENTRIC,
    /**
     * Its orbit history shows a manoeuvre (the mean semi-major axis rose between element sets): the epoch assumes
     * no further manoeuvre; no window is given.
     */
    MANOEUVRING,
    /**
     * A vehicle of a kind its operator de-orbits under control (a cargo or crew vehicle): it re-enters when and where
     * its operator decides; the epoch is where drag alone would take it; no window is given.
     */
    CONTROLLED
}
