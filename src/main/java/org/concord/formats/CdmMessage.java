package org.concord.formats;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.orbits.Orbit;
import org.orekit.propagation.StateCovariance;
import org.orekit.utils.PVCoordinates;

/**
 * What a CCSDS CDM says of one conjunction.
 *
 * @param messageId                  {@code MESSAGE_ID}
 * @param originator                 {@code ORIGINATOR}
 * @param tca                        time of closest approach
 * @param missDistanceM              {@code MISS_DISTANCE}, metres
 * @param relativeSpeedMps           {@code RELATIVE_SPEED}, metres per second (NaN when absent)
 * @param object1                    the first object (the primary)
 * @param object2                    the second object
 * @param collisionProbability       {@code COLLISION_PROBABILITY}, when the message carries one
 * @param collisionProbabilityMethod {@code COLLISION_PROBABILITY_METHOD}, when the message names one
 * @param hardBodyRadiusM            a combined hard-body radius the message gives in a comment
 *                                   ({@code COMMENT HBR = 15.0}, as in the Alfano test-case CDMs), else empty
 * @param cdm                        the message as Orekit read it (to write it again)
 */
public record CdmMessage(String messageId, String originator, Instant tca, double missDistanceM,
                          double relativeSpeedMps, ConjunctionObject object1, ConjunctionObject object2,
                          OptionalDouble collisionProbability, Optional<String> collisionProbabilityMethod,
                          OptionalDouble hardBodyRadiusM, Cdm cdm) {

    /**
     * One object of a CDM.
     *
     * @param object          {@code OBJECT} (OBJECT1 or OBJECT2)
     * @param designator      {@code OBJECT_DESIGNATOR}, the catalog number for {@code CATALOG_NAME = SATCAT}
     * @param catalogName     {@code CATALOG_NAME}
     * @param name            {@code OBJECT_NAME}
     * @param internationalDesignator {@code INTERNATIONAL_DESIGNATOR}
     * @param referenceFrame  {@code REF_FRAME} as written
     * @param stateInFrame    the state at TCA in {@code REF_FRAME}, metres and metres per second
     * @param orbit           the state at TCA as an orbit in an inertial frame ({@code REF_FRAME} when it is
     *                        inertial, else GCRF)
     * @param covariance      the 6x6 position-velocity covariance at TCA: the RTN block as a covariance in
     *                        Orekit's {@code LOFType.QSW_INERTIAL}, else the XYZ block in its frame; empty when
     *                        the message has neither
     */
    public record ConjunctionObject(String object, String designator, String catalogName, String name,
                                    String internationalDesignator, String referenceFrame, PVCoordinates stateInFrame,
                                    Orbit orbit, Optional<StateCovariance> covariance) {
    }
}
