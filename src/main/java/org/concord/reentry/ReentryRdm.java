package org.concord.reentry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.concord.catalog.SpaceObject;
import org.concord.formats.rdm.RdmBlock;
import org.concord.formats.rdm.RdmKey;
import org.concord.formats.rdm.RdmMessage;
import org.concord.formats.rdm.RdmType;
import org.concord.product.Product;

/**
 * A prediction of this node as a CCSDS RDM (508.1-B-1): the basis epoch as {@code EPOCH_TZERO}, the remaining
 * lifetime and its window in days from it, the nominal epoch and window, the 80 km re-entry altitude, the
 * atmosphere and space weather used, the ballistic coefficient (as the RDM's {@code BALLISTIC_COEFF}, m/(Cd·A), the
 * inverse of Concord's), and the prediction's statement as the header's comment. What the window means is said in
 * that comment rather than as an {@code ORBIT_LIFETIME_CONFIDENCE_LEVEL}, which the calibration does not support.
 */
public final class ReentryRdm {

    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final double METERS_PER_KM = 1000.0;

    private ReentryRdm() {
    }

    /**
     * The RDM of a stored prediction, issued by {@code party}, naming the object as {@code object} does when the caller
     * may see it; empty when the prediction has no nominal epoch (an RDM must give a lifetime).
     */
    public static Optional<RdmMessage> of(Product<ReentryPrediction> stored, String party,
                                          Optional<SpaceObject> object) {
        ReentryPrediction p = stored.value();
        if (p.nominal().isEmpty() || !p.nominal().get().isAfter(p.basisEpoch())) {
            return Optional.empty();
        }
        RdmMessage.Builder rdm = new RdmMessage.Builder()
                .comment(RdmBlock.HEADER, p.statement())
                .put(RdmKey.CREATION_DATE, RdmMessage.epoch(p.predictedAt()))
                .put(RdmKey.ORIGINATOR, party)
                .put(RdmKey.MESSAGE_ID, party + "/reentries/" + stored.id())
                .put(RdmKey.OBJECT_NAME, object.map(SpaceObject::name).filter(n -> !n.isBlank()).orElse("UNKNOWN"))
                .put(RdmKey.INTERNATIONAL_DESIGNATOR, object.flatMap(SpaceObject::internationalDesignator)
                        .orElse("UNKNOWN"))
                .put(RdmKey.CATALOG_NAME, "SATCAT")
                .put(RdmKey.OBJECT_DESIGNATOR, Long.toString(p.noradId()))
                .put(RdmKey.OBJECT_TYPE, object.flatMap(SpaceObject::satcat).map(s -> s.objectType())
                        .filter(t -> RdmType.OBJECT_TYPE.problem(t).isEmpty()))
                .put(RdmKey.CONTROLLED_REENTRY, switch (p.reentryClass()) {
                    case CONTROLLED -> "YES";
                    case MANOEUVRING -> "UNKNOWN";
                    case UNCONTROLLED, HIGHLY_ECCENTRIC -> "NO";
                })
                .put(RdmKey.CENTER_NAME, "EARTH")
                .put(RdmKey.TIME_SYSTEM, "UTC")
                .put(RdmKey.EPOCH_TZERO, RdmMessage.epoch(p.basisEpoch()))
                .put(RdmKey.ATMOSPHERIC_MODEL, p.atmosphere())
                .put(RdmKey.SOLAR_FLUX_PREDICTION, p.spaceWeatherSource())
                .put(RdmKey.DRAG_PARAMETERS_SOURCE, p.ballistic().map(b -> b.source().name()))
                .put(RdmKey.REENTRY_UNCERTAINTY_METHOD, p.window().map(w -> "EMPIRICAL"))
                .put(RdmKey.ORBIT_LIFETIME, days(p.basisEpoch(), p.nominal().get()))
                .put(RdmKey.REENTRY_ALTITUDE, decimal(DecayPropagator.REENTRY_ALTITUDE_METERS / METERS_PER_KM))
                .put(RdmKey.ORBIT_LIFETIME_WINDOW_START, p.window().filter(w -> w.opens().isAfter(p.basisEpoch()))
                        .map(w -> days(p.basisEpoch(), w.opens())))
                .put(RdmKey.ORBIT_LIFETIME_WINDOW_END, p.window().map(w -> days(p.basisEpoch(), w.closes())))
                .put(RdmKey.NOMINAL_REENTRY_EPOCH, RdmMessage.epoch(p.nominal().get()))
                .put(RdmKey.REENTRY_WINDOW_START, p.window().map(w -> RdmMessage.epoch(w.opens())))
                .put(RdmKey.REENTRY_WINDOW_END, p.window().map(w -> RdmMessage.epoch(w.closes())))
                .put(RdmKey.BALLISTIC_COEFF, p.ballistic().map(b -> decimal(1.0 / b.squareMetersPerKg())));
        return Optional.of(rdm.build());
    }

    /** Days from one instant to a later one, to the millisecond. */
    private static String days(Instant from, Instant to) {
        long millis = Duration.between(from, to).toMillis();
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf((long) (SECONDS_PER_DAY * 1000)), 9,
                RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String decimal(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
