package org.concord.screening;

import org.orekit.propagation.analytical.tle.TLE;

/** One object to screen: its catalog number, the orbit record its element set comes from (0 if none), the TLE. */
public record ScreeningObject(long noradId, long orbitId, TLE tle) {
}
