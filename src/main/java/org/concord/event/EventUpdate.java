package org.concord.event;

import java.time.Instant;
import java.util.Optional;

import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.InputAges;

/**
 * One report of an event's encounter: the conjunction it came as (its input {@code update-<number>}), where it came
 * from, when it was computed, and what it said. The miss vector is in the RTN frame of {@code frameNoradId}, the
 * primary of its conjunction (a CDM may name the pair the other way round).
 */
public record EventUpdate(int number, Source source, String originator, Instant computedAt, long frameNoradId,
                          Instant tca, double missDistanceMeters, double radialMeters, double inTrackMeters,
                          double crossTrackMeters, Optional<Double> relativeSpeedMetersPerSecond,
                          Optional<CollisionRisk> risk, Optional<InputAges> inputAges) {

    /** Where an update came from. */
    public enum Source {
        /** A screening run of this node. */
        SCREENING,
        /** A CDM ingested here. */
        CDM,
        /** A conjunction a partner computed and sent. */
        PARTNER
    }
}
