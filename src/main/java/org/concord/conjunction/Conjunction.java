package org.concord.conjunction;

import java.time.Instant;
import java.util.Optional;

import org.concord.label.Label;

/**
 * A close approach of two objects: TCA, miss distance, relative speed and the miss vector in the primary's
 * radial / in-track / cross-track frame, the orbit records used, the probability of collision, and a label combined
 * from the labels of its inputs. It comes from a screening run of this node, or from a CDM another system issued
 * ({@code cdm} holds its text and {@code cdmRisk} the probability it carried). {@code inputAges} says how old the
 * element sets were at TCA (unknown for a conjunction from a CDM or a partner). A conjunction not yet stored has id 0.
 */
public record Conjunction(long id, long primaryNoradId, long secondaryNoradId, Optional<Long> primaryOrbitId,
                          Optional<Long> secondaryOrbitId, Instant tca, double missDistanceMeters,
                          double relativeSpeedMetersPerSecond, double radialMeters, double inTrackMeters,
                          double crossTrackMeters, Optional<CollisionRisk> risk, Optional<CollisionRisk> cdmRisk,
                          Optional<Long> screeningRunId, Optional<String> cdm, Label label,
                          Optional<InputAges> inputAges) {

    /** The same conjunction, found by this screening run. */
    public Conjunction inRun(long runId) {
        return new Conjunction(id, primaryNoradId, secondaryNoradId, primaryOrbitId, secondaryOrbitId, tca,
                missDistanceMeters, relativeSpeedMetersPerSecond, radialMeters, inTrackMeters, crossTrackMeters, risk,
                cdmRisk, Optional.of(runId), cdm, label, inputAges);
    }
}
