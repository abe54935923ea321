package org.concord.conjunction;

import java.time.Duration;

/**
 * How far from the states their orbit records give the two inputs of a conjunction were at its TCA (an ephemeris is
 * zero inside its span), and whether either was beyond the staleness limit of its orbit regime then.
 */
public record InputAges(Duration primary, Duration secondary, boolean stale) {
}
