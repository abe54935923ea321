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
    CDM_XML,
    /** Space-Track TIP messages (class {@code tip}): stored as re-entry reports, not as orbits. */
    TIP_CSV,
    TIP_JSON,
    /** A re-entry data message (CCSDS 508.1-B-1): stored as a re-entry report, not as an orbit. */
    RDM_KVN,
    RDM_XML;

    /** Whether the records of this format are orbit records (not SATCAT rows, conjunctions or re-entry reports). */
    public boolean carriesOrbits() {
        return switch (this) {
            case SATCAT_CSV, CDM_KVN, CDM_XML, TIP_CSV, TIP_JSON, RDM_KVN, RDM_XML -> false;
            default -> true;
        };
    }

    public OrbitKind orbitKind() {
        return switch (this) {
            case TLE, OMM_KVN, OMM_XML, OMM_JSON, OMM_CSV -> OrbitKind.MEAN_ELEMENTS;
            case OEM_KVN, OEM_XML -> OrbitKind.EPHEMERIS;
            case OPM_KVN, OPM_XML -> OrbitKind.STATE_VECTOR;
            case SATCAT_CSV -> throw new IllegalStateException("SATCAT rows are not orbits");
            case CDM_KVN, CDM_XML -> throw new IllegalStateException("a CDM is a conjunction, not an orbit");
            case TIP_CSV, TIP_JSON, RDM_KVN, RDM_XML -> throw new IllegalStateException(
                    "a TIP or RDM is a re-entry report, not an orbit");
        };
    }
}
