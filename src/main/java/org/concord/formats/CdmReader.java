package org.concord.formats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.formats.CcsdsOrbitMessages.TokenWatch;
import org.concord.formats.CdmMessage.ConjunctionObject;
import org.concord.orbit.EarthCentredContext;
import org.hipparchus.linear.RealMatrix;
import org.orekit.files.ccsds.definitions.PocMethodFacade;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.cdm.AdditionalCovarianceMetadataKey;
import org.orekit.files.ccsds.ndm.cdm.AdditionalParametersKey;
import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.files.ccsds.ndm.cdm.CdmHeaderKey;
import org.orekit.files.ccsds.ndm.cdm.CdmMetadataKey;
import org.orekit.files.ccsds.ndm.cdm.CdmRelativeMetadataKey;
import org.orekit.files.ccsds.ndm.cdm.ODParametersKey;
import org.orekit.files.ccsds.ndm.cdm.RTNCovarianceKey;
import org.orekit.files.ccsds.ndm.cdm.SigmaEigenvectorsCovarianceKey;
import org.orekit.files.ccsds.ndm.cdm.StateVectorKey;
import org.orekit.files.ccsds.ndm.cdm.XYZCovarianceKey;
import org.orekit.files.ccsds.section.HeaderKey;
import org.orekit.files.ccsds.section.MetadataKey;
import org.orekit.files.ccsds.utils.lexical.ParseToken;
import org.orekit.files.ccsds.utils.lexical.TokenType;
import org.orekit.files.ccsds.ndm.cdm.CdmData;
import org.orekit.files.ccsds.ndm.cdm.CdmMetadata;
import org.orekit.files.ccsds.ndm.cdm.CdmRelativeMetadata;
import org.orekit.files.ccsds.ndm.cdm.RTNCovariance;
import org.orekit.files.ccsds.ndm.cdm.XYZCovariance;
import org.orekit.bodies.CelestialBodyFactory;
import org.orekit.frames.Frame;
import org.orekit.frames.LOFType;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.Orbit;
import org.orekit.orbits.OrbitType;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.StateCovariance;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

/**
 * Reads a CCSDS Conjunction Data Message (CCSDS 508.0-B-1, KVN or XML) through Orekit's {@code CdmParser} on the
 * {@link EarthCentredContext}. A message Orekit refuses, or whose objects have no usable state, is rejected with
 * {@link InputError}s naming file, line, keyword and reason.
 */
public final class CdmReader {

    private static final Pattern HBR_COMMENT = Pattern.compile(
            "(?i)\\bHBR\\b\\s*[=:]?\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)");

    private CdmReader() {
    }

    /**
     * The conjunction of a CDM.
     *
     * @throws InputRejectedException when the message cannot be read or used
     */
    public static CdmMessage read(String fileName, String text) {
        return toConjunction(fileName, parse(fileName, text));
    }

    /**
     * The message as Orekit reads it.
     *
     * @throws InputRejectedException when Orekit refuses it
     */
    public static Cdm parse(String fileName, String text) {
        boolean xml = text.stripLeading().startsWith("<");
        if (xml) {
            XmlHardening.declaration(fileName, text).ifPresent(e -> {
                throw new InputRejectedException(e);
            });
        }
        TokenWatch watch = new TokenWatch(fileName, line -> line);
        Function<ParseToken, List<ParseToken>> filter = xml ? watch : token -> {
            if (token.getType() == TokenType.ENTRY && token.getName() != null && !isKvnKeyword(token.getName())) {
                throw new CcsdsOrbitMessages.Refusal(InputError.atLine(fileName, token.getLineNumber(),
                        token.getName(), "not a CDM keyword (CCSDS 508.0-B-1)"));
            }
            return watch.apply(token);
        };
        try {
            return new ParserBuilder(CdmDataContext.get()).withFilter(filter).buildCdmParser()
                    .parseMessage(CcsdsOrbitMessages.source(fileName, text));
        } catch (RuntimeException e) {
            throw new InputRejectedException(CcsdsOrbitMessages.toInputError(fileName, "CDM", e, watch));
        }
    }

    private static final Set<String> KEYWORDS = keywords();

    private static Set<String> keywords() {
        Set<String> names = new HashSet<>(Set.of("CCSDS_CDM_VERS", "COMMENT"));
        for (Class<? extends Enum<?>> keys : List.<Class<? extends Enum<?>>>of(CdmHeaderKey.class, HeaderKey.class,
                CdmRelativeMetadataKey.class, CdmMetadataKey.class, MetadataKey.class, ODParametersKey.class,
                AdditionalParametersKey.class, StateVectorKey.class, RTNCovarianceKey.class, XYZCovarianceKey.class,
                SigmaEigenvectorsCovarianceKey.class, AdditionalCovarianceMetadataKey.class)) {
            for (Enum<?> key : keys.getEnumConstants()) {
                names.add(key.name().toUpperCase(Locale.ROOT));
            }
        }
        return Set.copyOf(names);
    }

    /** Whether Orekit knows the keyword in a CDM (or it is a user-defined parameter). */
    static boolean isKvnKeyword(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return KEYWORDS.contains(upper) || upper.startsWith("USER_DEFINED_");
    }

    /** What a parsed CDM says of its conjunction. */
    public static CdmMessage toConjunction(String fileName, Cdm cdm) {
        CdmRelativeMetadata relative = cdm.getRelativeMetadata();
        AbsoluteDate tca = relative.getTca();
        if (tca == null) {
            throw new InputRejectedException(InputError.inFile(fileName, "TCA", "mandatory keyword is missing"));
        }
        ConjunctionObject object1 = object(fileName, relative, cdm.getMetadataObject1(), cdm.getDataObject1());
        ConjunctionObject object2 = object(fileName, relative, cdm.getMetadataObject2(), cdm.getDataObject2());
        List<String> comments = new ArrayList<>(relative.getComment());
        comments.addAll(cdm.getHeader().getComments());
        if (cdm.getMetadataObject1() != null) {
            comments.addAll(cdm.getMetadataObject1().getComments());
        }
        double pc = relative.getCollisionProbability();
        PocMethodFacade method = relative.getCollisionProbaMethod();
        return new CdmMessage(cdm.getHeader().getMessageId(), cdm.getHeader().getOriginator(),
                tca.toDate(EarthCentredContext.get().getTimeScales().getUTC()).toInstant(),
                relative.getMissDistance(), relative.getRelativeSpeed(), object1, object2,
                Double.isNaN(pc) ? OptionalDouble.empty() : OptionalDouble.of(pc),
                Optional.ofNullable(method).map(PocMethodFacade::getName), hardBodyRadius(comments), cdm);
    }

    private static OptionalDouble hardBodyRadius(List<String> comments) {
        for (String comment : comments) {
            Matcher m = HBR_COMMENT.matcher(comment);
            if (m.find()) {
                double r = Double.parseDouble(m.group(1));
                if (r >= 0 && Double.isFinite(r)) {
                    return OptionalDouble.of(r);
                }
            }
        }
        return OptionalDouble.empty();
    }

    private static ConjunctionObject object(String fileName, CdmRelativeMetadata relative, CdmMetadata metadata,
                                            CdmData data) {
        String which = metadata == null || metadata.getObject() == null ? "OBJECT" : metadata.getObject();
        if (metadata == null || data == null || data.getStateVectorBlock() == null
                || data.getStateVectorBlock().getPositionVector() == null
                || Double.isNaN(data.getStateVectorBlock().getPositionVector().getNorm())) {
            throw new InputRejectedException(InputError.inFile(fileName, which,
                    "the object has no state vector (X, Y, Z, X_DOT, Y_DOT, Z_DOT)"));
        }
        AbsoluteDate tca = relative.getTca();
        if (metadata.getOrbitCenter() != null && metadata.getOrbitCenter().getName() != null
                && !CelestialBodyFactory.EARTH.equalsIgnoreCase(metadata.getOrbitCenter().getName())) {
            throw new InputRejectedException(InputError.inFile(fileName, "ORBIT_CENTER", which + ": '"
                    + metadata.getOrbitCenter().getName() + "': Concord keeps Earth-centred orbits only"));
        }
        Frame frame;
        try {
            frame = metadata.getRefFrame().asFrame();
        } catch (RuntimeException e) {
            throw new InputRejectedException(InputError.inFile(fileName, "REF_FRAME",
                    which + ": '" + metadata.getRefFrame().getName() + "' cannot be placed (" + e.getMessage() + ")"));
        }
        PVCoordinates pv = new PVCoordinates(data.getStateVectorBlock().getPositionVector(),
                data.getStateVectorBlock().getVelocityVector());
        double mu = EarthCentredContext.get().getCelestialBodies().getEarth().getGM();
        Orbit orbit;
        Frame inertial = frame;
        if (frame.isPseudoInertial()) {
            orbit = new CartesianOrbit(pv, frame, tca, mu);
        } else {
            inertial = EarthCentredContext.get().getFrames().getGCRF();
            orbit = new CartesianOrbit(frame.getTransformTo(inertial, tca).transformPVCoordinates(pv), inertial, tca,
                    mu);
        }
        return new ConjunctionObject(which, metadata.getObjectDesignator(), metadata.getCatalogName(),
                metadata.getObjectName(), metadata.getInternationalDes(), metadata.getRefFrame().getName(), pv, orbit,
                covariance(metadata, data, tca, frame));
    }

    private static Optional<StateCovariance> covariance(CdmMetadata metadata, CdmData data, AbsoluteDate tca,
                                                        Frame frame) {
        RTNCovariance rtn = data.getRTNCovarianceBlock();
        if (rtn != null && usable(rtn.getRTNCovarianceMatrix())) {
            return Optional.of(new StateCovariance(rtn.getRTNCovarianceMatrix().getSubMatrix(0, 5, 0, 5), tca,
                    LOFType.QSW_INERTIAL));
        }
        XYZCovariance xyz = data.getXYZCovarianceBlock();
        if (xyz != null && xyz.isCovXYZset() && usable(xyz.getXYZCovarianceMatrix())) {
            Frame covFrame = metadata.getAltCovRefFrame() != null && metadata.getAltCovRefFrame().asFrame() != null
                    ? metadata.getAltCovRefFrame().asFrame() : frame;
            return Optional.of(new StateCovariance(xyz.getXYZCovarianceMatrix().getSubMatrix(0, 5, 0, 5), tca,
                    covFrame, OrbitType.CARTESIAN, PositionAngleType.TRUE));
        }
        return Optional.empty();
    }

    private static boolean usable(RealMatrix m) {
        if (m == null || m.getRowDimension() < 6 || m.getColumnDimension() < 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (Double.isNaN(m.getEntry(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Seconds since the epoch of an instant, for messages. */
    static Instant instant(AbsoluteDate date) {
        return date.toDate(EarthCentredContext.get().getTimeScales().getUTC()).toInstant();
    }
}
