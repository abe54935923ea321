package org.concord.ingest;

import java.util.Optional;

import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.RtnProjection;
import org.concord.formats.CdmMessage;
import org.concord.formats.CdmMessage.ConjunctionObject;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.label.Label;
import org.concord.risk.CollisionProbability;
import org.concord.risk.CovarianceSource;
import org.concord.risk.HardBodyRadii;
import org.concord.risk.MaximumPc;
import org.concord.risk.PcCalculator;
import org.concord.risk.PcMethod;

/**
 * A CDM from another system as a conjunction of this node: its own TCA, miss and relative speed, the probability it
 * carries (kept as the CDM's), and Concord's own probability from the CDM's states and covariances (Alfano 2005;
 * a maximum over covariance size when the CDM has no covariance). The hard-body radius is the one the CDM states,
 * else the sum of the two objects' radii from the bundled table.
 */
final class CdmConjunctions {

    private CdmConjunctions() {
    }

    static Conjunction of(String fileName, CdmMessage cdm, String text, Label label,
                          HardBodyRadii radii) {
        long primary = catalogNumber(fileName, cdm.object1());
        long secondary = catalogNumber(fileName, cdm.object2());
        double hbr = cdm.hardBodyRadiusM().isPresent() ? cdm.hardBodyRadiusM().getAsDouble()
                : radii.combined(primary, Optional.empty(), secondary, Optional.empty());
        CollisionRisk own = ownRisk(cdm, hbr);
        Optional<CollisionRisk> carried = cdm.collisionProbability().isPresent()
                ? Optional.of(new CollisionRisk(cdm.collisionProbability().getAsDouble(),
                        cdm.collisionProbabilityMethod().orElse("not stated"), CovarianceSource.MEASURED,
                        cdm.hardBodyRadiusM().orElse(Double.NaN), "the probability of collision the CDM states ("
                        + cdm.originator() + ", message " + cdm.messageId() + ")"))
                : Optional.empty();
        double[] rtn = relativeRtn(cdm);
        return new Conjunction(0, primary, secondary, Optional.empty(), Optional.empty(), cdm.tca(),
                cdm.missDistanceM(), cdm.relativeSpeedMps(), rtn[0], rtn[1], rtn[2],
                Optional.of(own), carried, Optional.empty(), Optional.of(text), label,
                Optional.empty());
    }

    private static CollisionRisk ownRisk(CdmMessage cdm, double hbr) {
        if (cdm.object1().covariance().isPresent() && cdm.object2().covariance().isPresent()) {
            try {
                CollisionProbability p = PcCalculator.compute(cdm.object1().orbit(), cdm.object1().covariance().get(),
                        cdm.object2().orbit(), cdm.object2().covariance().get(), hbr, PcMethod.ALFANO_2005);
                return new CollisionRisk(p.probability(), p.method(), CovarianceSource.MEASURED, hbr, p.describe());
            } catch (IllegalArgumentException | IllegalStateException e) {
                // falls through to the maximum, which needs no covariance
            }
        }
        CollisionProbability max = MaximumPc.closedForm(Math.max(cdm.missDistanceM(), 1e-3), hbr);
        return new CollisionRisk(max.probability(), max.method(), CovarianceSource.MAXIMUM, hbr, max.describe());
    }

    /** The secondary's position relative to the primary at TCA, in the primary's radial/in-track/cross-track frame. */
    private static double[] relativeRtn(CdmMessage cdm) {
        org.orekit.utils.PVCoordinates primary = cdm.object1().orbit().getPVCoordinates();
        return RtnProjection.project(primary, cdm.object2().orbit()
                .getPVCoordinates(cdm.object1().orbit().getFrame()).getPosition().subtract(primary.getPosition()));
    }

    private static long catalogNumber(String fileName, ConjunctionObject object) {
        String designator = object.designator().trim();
        if (!designator.matches("\\d{1,9}") || Long.parseLong(designator) == 0) {
            throw new InputRejectedException(InputError.inFile(fileName, object.object() + " OBJECT_DESIGNATOR",
                    "'" + designator + "' is not a catalog number (CATALOG_NAME " + object.catalogName()
                            + "); Concord files conjunctions under catalog numbers"));
        }
        return Long.parseLong(designator);
    }
}
