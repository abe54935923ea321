package org.concord.spaceweather;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One 3-hour interval's planetary Kp as this node knows it best (measured over estimated over predicted; among equals
 * the newest stored), its ap, the G-scale level it reaches (0 below G1) and where it came from.
 */
public record KpInterval(Instant start, double kp, OptionalLong ap, IndexStatus status, int gScale, String source) {
}
