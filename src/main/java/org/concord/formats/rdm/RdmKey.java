package org.concord.formats.rdm;

import static org.concord.formats.rdm.RdmBlock.ATMOSPHERIC_REENTRY;
import static org.concord.formats.rdm.RdmBlock.COVARIANCE;
import static org.concord.formats.rdm.RdmBlock.GROUND_IMPACT;
import static org.concord.formats.rdm.RdmBlock.HEADER;
import static org.concord.formats.rdm.RdmBlock.METADATA;
import static org.concord.formats.rdm.RdmBlock.OD;
import static org.concord.formats.rdm.RdmBlock.SPACECRAFT;
import static org.concord.formats.rdm.RdmBlock.STATE_VECTOR;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every keyword of an RDM (CCSDS 508.1-B-1, as the NDM/XML 2.0.0 schema {@code ndmxml-2.0.0-rdm-1.0.xsd} orders and
 * types them), with its block, its type and whether the block requires it. A block that is given must hold its
 * required keywords; of the data only the atmospheric re-entry parameters are required. User-defined parameters are
 * not read.
 */
public enum RdmKey {
    CREATION_DATE(HEADER, RdmType.EPOCH, true),
    ORIGINATOR(HEADER, RdmType.TEXT, true),
    MESSAGE_ID(HEADER, RdmType.TEXT, true),

    OBJECT_NAME(METADATA, RdmType.TEXT, true),
    INTERNATIONAL_DESIGNATOR(METADATA, RdmType.TEXT, true),
    CATALOG_NAME(METADATA, RdmType.TEXT, false),
    OBJECT_DESIGNATOR(METADATA, RdmType.TEXT, false),
    OBJECT_TYPE(METADATA, RdmType.OBJECT_TYPE, false),
    OBJECT_OWNER(METADATA, RdmType.TEXT, false),
    OBJECT_OPERATOR(METADATA, RdmType.TEXT, false),
    CONTROLLED_REENTRY(METADATA, RdmType.CONTROLLED, true),
    CENTER_NAME(METADATA, RdmType.TEXT, true),
    TIME_SYSTEM(METADATA, RdmType.TEXT, true),
    EPOCH_TZERO(METADATA, RdmType.EPOCH, true),
    REF_FRAME(METADATA, RdmType.TEXT, false),
    REF_FRAME_EPOCH(METADATA, RdmType.EPOCH, false),
    EPHEMERIS_NAME(METADATA, RdmType.TEXT, false),
    GRAVITY_MODEL(METADATA, RdmType.TEXT, false),
    ATMOSPHERIC_MODEL(METADATA, RdmType.TEXT, false),
    SOLAR_FLUX_PREDICTION(METADATA, RdmType.TEXT, false),
    N_BODY_PERTURBATIONS(METADATA, RdmType.TEXT, false),
    SOLAR_RAD_PRESSURE(METADATA, RdmType.TEXT, false),
    EARTH_TIDES(METADATA, RdmType.TEXT, false),
    INTRACK_THRUST(METADATA, RdmType.YES_NO, false),
    DRAG_PARAMETERS_SOURCE(METADATA, RdmType.TEXT, false),
    DRAG_PARAMETERS_ALTITUDE(METADATA, RdmType.KM, false),
    REENTRY_UNCERTAINTY_METHOD(METADATA, RdmType.UNCERTAINTY_METHOD, false),
    REENTRY_DISINTEGRATION(METADATA, RdmType.DISINTEGRATION, false),
    IMPACT_UNCERTAINTY_METHOD(METADATA, RdmType.UNCERTAINTY_METHOD, false),
    PREVIOUS_MESSAGE_ID(METADATA, RdmType.TEXT, false),
    PREVIOUS_MESSAGE_EPOCH(METADATA, RdmType.EPOCH, false),
    NEXT_MESSAGE_EPOCH(METADATA, RdmType.EPOCH, false),

    ORBIT_LIFETIME(ATMOSPHERIC_REENTRY, RdmType.DAYS, true),
    REENTRY_ALTITUDE(ATMOSPHERIC_REENTRY, RdmType.KM, true),
    ORBIT_LIFETIME_WINDOW_START(ATMOSPHERIC_REENTRY, RdmType.DAYS, false),
    ORBIT_LIFETIME_WINDOW_END(ATMOSPHERIC_REENTRY, RdmType.DAYS, false),
    NOMINAL_REENTRY_EPOCH(ATMOSPHERIC_REENTRY, RdmType.EPOCH, false),
    REENTRY_WINDOW_START(ATMOSPHERIC_REENTRY, RdmType.EPOCH, false),
    REENTRY_WINDOW_END(ATMOSPHERIC_REENTRY, RdmType.EPOCH, false),
    ORBIT_LIFETIME_CONFIDENCE_LEVEL(ATMOSPHERIC_REENTRY, RdmType.PERCENT, false),

    PROBABILITY_OF_IMPACT(GROUND_IMPACT, RdmType.PROBABILITY, false),
    PROBABILITY_OF_BURN_UP(GROUND_IMPACT, RdmType.PROBABILITY, false),
    PROBABILITY_OF_BREAK_UP(GROUND_IMPACT, RdmType.PROBABILITY, false),
    PROBABILITY_OF_LAND_IMPACT(GROUND_IMPACT, RdmType.PROBABILITY, false),
    PROBABILITY_OF_CASUALTY(GROUND_IMPACT, RdmType.PROBABILITY, false),
    NOMINAL_IMPACT_EPOCH(GROUND_IMPACT, RdmType.EPOCH, false),
    IMPACT_WINDOW_START(GROUND_IMPACT, RdmType.EPOCH, false),
    IMPACT_WINDOW_END(GROUND_IMPACT, RdmType.EPOCH, false),
    IMPACT_REF_FRAME(GROUND_IMPACT, RdmType.TEXT, false),
    NOMINAL_IMPACT_LON(GROUND_IMPACT, RdmType.LONGITUDE, false),
    NOMINAL_IMPACT_LAT(GROUND_IMPACT, RdmType.LATITUDE, false),
    NOMINAL_IMPACT_ALT(GROUND_IMPACT, RdmType.ALTITUDE, false),
    IMPACT_1_CONFIDENCE(GROUND_IMPACT, RdmType.PERCENT, false),
    IMPACT_1_START_LON(GROUND_IMPACT, RdmType.LONGITUDE, false),
    IMPACT_1_START_LAT(GROUND_IMPACT, RdmType.LATITUDE, false),
    IMPACT_1_STOP_LON(GROUND_IMPACT, RdmType.LONGITUDE, false),
    IMPACT_1_STOP_LAT(GROUND_IMPACT, RdmType.LATITUDE, false),
    IMPACT_1_CROSS_TRACK(GROUND_IMPACT, RdmType.KM, false),
    IMPACT_2_CONFIDENCE(GROUND_IMPACT, RdmType.PERCENT, false),
    IMPACT_2_START_LON(GROUND_IMPACT, RdmType.LONGITUDE, false),
    IMPACT_2_START_LAT(GROUND_IMPACT, RdmType.LATITUDE, false),
    IMPACT_2_STOP_LON(GROUND_IMPACT, RdmType.LONGITUDE, false),
    IMPACT_2_STOP_LAT(GROUND_IMPACT, RdmType.LATITUDE, false),
    IMPACT_2_CROSS_TRACK(GROUND_IMPACT, RdmType.KM, false),
    IMPACT_3_CONFIDENCE(GROUND_IMPACT, RdmType.PERCENT, false),
    IMPACT_3_START_LON(GROUND_IMPACT, RdmType.LONGITUDE, false),
    IMPACT_3_START_LAT(GROUND_IMPACT, RdmType.LATITUDE, false),
    IMPACT_3_STOP_LON(GROUND_IMPACT, RdmType.LONGITUDE, false),
    IMPACT_3_STOP_LAT(GROUND_IMPACT, RdmType.LATITUDE, false),
    IMPACT_3_CROSS_TRACK(GROUND_IMPACT, RdmType.KM, false),

    EPOCH(STATE_VECTOR, RdmType.EPOCH, true),
    X(STATE_VECTOR, RdmType.KM, true),
    Y(STATE_VECTOR, RdmType.KM, true),
    Z(STATE_VECTOR, RdmType.KM, true),
    X_DOT(STATE_VECTOR, RdmType.KM_PER_S, true),
    Y_DOT(STATE_VECTOR, RdmType.KM_PER_S, true),
    Z_DOT(STATE_VECTOR, RdmType.KM_PER_S, true),

    COV_REF_FRAME(COVARIANCE, RdmType.TEXT, false),
    CX_X(COVARIANCE, RdmType.KM2, true),
    CY_X(COVARIANCE, RdmType.KM2, true),
    CY_Y(COVARIANCE, RdmType.KM2, true),
    CZ_X(COVARIANCE, RdmType.KM2, true),
    CZ_Y(COVARIANCE, RdmType.KM2, true),
    CZ_Z(COVARIANCE, RdmType.KM2, true),
    CX_DOT_X(COVARIANCE, RdmType.KM2_PER_S, true),
    CX_DOT_Y(COVARIANCE, RdmType.KM2_PER_S, true),
    CX_DOT_Z(COVARIANCE, RdmType.KM2_PER_S, true),
    CX_DOT_X_DOT(COVARIANCE, RdmType.KM2_PER_S2, true),
    CY_DOT_X(COVARIANCE, RdmType.KM2_PER_S, true),
    CY_DOT_Y(COVARIANCE, RdmType.KM2_PER_S, true),
    CY_DOT_Z(COVARIANCE, RdmType.KM2_PER_S, true),
    CY_DOT_X_DOT(COVARIANCE, RdmType.KM2_PER_S2, true),
    CY_DOT_Y_DOT(COVARIANCE, RdmType.KM2_PER_S2, true),
    CZ_DOT_X(COVARIANCE, RdmType.KM2_PER_S, true),
    CZ_DOT_Y(COVARIANCE, RdmType.KM2_PER_S, true),
    CZ_DOT_Z(COVARIANCE, RdmType.KM2_PER_S, true),
    CZ_DOT_X_DOT(COVARIANCE, RdmType.KM2_PER_S2, true),
    CZ_DOT_Y_DOT(COVARIANCE, RdmType.KM2_PER_S2, true),
    CZ_DOT_Z_DOT(COVARIANCE, RdmType.KM2_PER_S2, true),

    WET_MASS(SPACECRAFT, RdmType.KG, false),
    DRY_MASS(SPACECRAFT, RdmType.KG, false),
    HAZARDOUS_SUBSTANCES(SPACECRAFT, RdmType.TEXT, false),
    SOLAR_RAD_AREA(SPACECRAFT, RdmType.M2, false),
    SOLAR_RAD_COEFF(SPACECRAFT, RdmType.NON_NEGATIVE, false),
    DRAG_AREA(SPACECRAFT, RdmType.M2, false),
    DRAG_COEFF(SPACECRAFT, RdmType.NON_NEGATIVE, false),
    RCS(SPACECRAFT, RdmType.M2, false),
    BALLISTIC_COEFF(SPACECRAFT, RdmType.KG_PER_M2, false),
    THRUST_ACCELERATION(SPACECRAFT, RdmType.M_PER_S2, false),

    TIME_LASTOB_START(OD, RdmType.EPOCH, false),
    TIME_LASTOB_END(OD, RdmType.EPOCH, false),
    RECOMMENDED_OD_SPAN(OD, RdmType.DAYS, false),
    ACTUAL_OD_SPAN(OD, RdmType.DAYS, false),
    OBS_AVAILABLE(OD, RdmType.COUNT, false),
    OBS_USED(OD, RdmType.COUNT, false),
    TRACKS_AVAILABLE(OD, RdmType.COUNT, false),
    TRACKS_USED(OD, RdmType.COUNT, false),
    RESIDUALS_ACCEPTED(OD, RdmType.PERCENT, false),
    WEIGHTED_RMS(OD, RdmType.NON_NEGATIVE, false);

    private static final Map<String, RdmKey> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(RdmKey::name, Function.identity()));

    private final RdmBlock block;
    private final RdmType type;
    private final boolean required;

    RdmKey(RdmBlock block, RdmType type, boolean required) {
        this.block = block;
        this.type = type;
        this.required = required;
    }

    public RdmBlock block() {
        return block;
    }

    public RdmType type() {
        return type;
    }

    /** Whether its block, when given, must hold it (the header, metadata and atmospheric parameters always are). */
    public boolean required() {
        return required;
    }

    /** The keyword of this name, if RDM has one. */
    public static Optional<RdmKey> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
