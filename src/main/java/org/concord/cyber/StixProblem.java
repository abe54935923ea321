package org.concord.cyber;

/**
 * Why a STIX object was refused: its id (or its place in the envelope when it has none), the property at fault
 * ({@code (object)} for the object as a whole) and the reason.
 */
public record StixProblem(String objectId, String property, String reason) {

    public static final String WHOLE_OBJECT = "(object)";

    @Override
    public String toString() {
        return objectId + ": " + property + ": " + reason;
    }
}
