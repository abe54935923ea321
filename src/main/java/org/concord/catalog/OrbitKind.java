package org.concord.catalog;

import org.concord.label.DataKind;

/** What an orbit record holds, which decides how it is propagated. */
public enum OrbitKind {
    /** SGP4/SDP4 mean elements (TLE, OMM): propagated with Orekit's TLEPropagator. */
    MEAN_ELEMENTS,
    /** An ephemeris (OEM): interpolated with Orekit within its span, never extrapolated. */
    EPHEMERIS,
    /** One osculating state (OPM): propagated numerically with a J2 field. */
    STATE_VECTOR;

    /** The kind of data a record is released as under agreements: an ephemeris is ephemerides, the rest orbits. */
    public DataKind dataKind() {
        return this == EPHEMERIS ? DataKind.EPHEMERIDES : DataKind.ORBITS;
    }
}
