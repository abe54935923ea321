package org.concord.catalog;

/** The message formats Concord reads; the format of a stored record is the one it arrived in. */
public enum SourceFormat {
    TLE,
    OMM_KVN,
    OMM_XML,
    OMM_JSON,
    OMM_CSV,
    OEM_KVN,
    OEM_XML,
    OPM_KVN,
    OPM_XML,
    SATCAT_CSV,
    /** A conjunction data message (CCSDS 508.0-B-1): stored as a conjunction, not as an orbit. */
    CDM_KVN,
    CDM_XML;

    public OrbitKind orbitKind() {
        return switch (this) {
            case TLE, OMM_KVN, OMM_XML, OMM_JSON, OMM_CSV -> OrbitKind.MEAN_ELEMENTS;
            case OEM_KVN, OEM_XML -> OrbitKind.EPHEMERIS;
            case OPM_KVN, OPM_XML -> OrbitKind.STATE_VECTOR;
            case SATCAT_CSV -> throw new IllegalStateException("SATCAT rows are not orbits");
            case CDM_KVN, CDM_XML -> throw new IllegalStateException("a CDM is a conjunction, not an orbit");
        };
    }
}
