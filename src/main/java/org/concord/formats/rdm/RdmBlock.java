package org.concord.formats.rdm;

/**
 * The parts of an RDM, in the order a message has them, each with its XML element: the header, the metadata and
 * the data's logical blocks (CCSDS 508.1-B-1 section 3; in KVN they follow each other without markers).
 */
public enum RdmBlock {
    HEADER("header"),
    METADATA("metadata"),
    ATMOSPHERIC_REENTRY("atmosphericReentryParameters"),
    GROUND_IMPACT("groundImpactParameters"),
    STATE_VECTOR("stateVector"),
    COVARIANCE("covarianceMatrix"),
    SPACECRAFT("spacecraftParameters"),
    OD("odParameters");

    private final String xmlElement;

    RdmBlock(String xmlElement) {
        this.xmlElement = xmlElement;
    }

    public String xmlElement() {
        return xmlElement;
    }

    /** Whether the block is one of the data's (under {@code <data>} in XML). */
    public boolean inData() {
        return ordinal() >= ATMOSPHERIC_REENTRY.ordinal();
    }
}
