package org.concord.formats;

import org.concord.orbit.EarthCentredContext;
import java.util.List;
import java.util.Optional;

import org.concord.catalog.OrbitSummary;
import org.concord.catalog.SourceFormat;
import org.concord.formats.CcsdsOrbitMessages.Identity;
import org.concord.formats.CcsdsOrbitMessages.TokenWatch;
import org.orekit.files.ccsds.ndm.odm.KeplerianElements;
import org.orekit.files.ccsds.ndm.odm.OdmCommonMetadata;
import org.orekit.files.ccsds.ndm.odm.opm.Opm;
import org.orekit.utils.Constants;
import org.orekit.utils.TimeStampedPVCoordinates;

/**
 * Reads CCSDS OPM (KVN and XML) through Orekit: one {@link ParsedOrbit} per message, Earth-centred only.
 * {@code epoch} is the state vector's {@code EPOCH}; no coverage; {@code hasCovariance} when the message has a
 * covariance block; {@code summary} from the state vector (see {@link CcsdsOrbitMessages#summary}, with the
 * message's {@code GM} when it gives one, else the Earth's); {@code content} is the whole message and
 * {@code line} 1.
 */
public final class OpmReader {

    private OpmReader() {
    }

    public static ParseResult<ParsedOrbit> read(String fileName, String text, SourceFormat format) {
        if (format != SourceFormat.OPM_KVN && format != SourceFormat.OPM_XML) {
            throw new IllegalArgumentException(format + " is not an OPM format");
        }
        if (format == SourceFormat.OPM_XML) {
            Optional<InputError> unsafe = XmlHardening.declaration(fileName, text);
            if (unsafe.isPresent()) {
                return new ParseResult<>(List.of(), List.of(unsafe.get()));
            }
        }
        TokenWatch watch = new TokenWatch(fileName, line -> line);
        Opm opm;
        try {
            opm = CcsdsOrbitMessages.parserBuilder(watch).buildOpmParser()
                    .parseMessage(CcsdsOrbitMessages.source(fileName, text));
        } catch (RuntimeException e) {
            return failed(CcsdsOrbitMessages.toInputError(fileName, "OPM", e, watch));
        }
        try {
            return orbit(fileName, text, format, opm, watch);
        } catch (RuntimeException e) {
            // nothing known reaches here; a message Orekit read but that cannot be used is an input error
            return failed(InputError.atLine(fileName, 1, "state vector", "the message cannot be used ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
    }

    private static ParseResult<ParsedOrbit> orbit(String fileName, String text, SourceFormat format, Opm opm,
                                                  TokenWatch watch) {
        OdmCommonMetadata metadata = opm.getMetadata();
        Identity identity;
        try {
            identity = CcsdsOrbitMessages.identity(metadata.getObjectID());
        } catch (IllegalArgumentException e) {
            return failed(InputError.atLine(fileName, watch.lineOf("OBJECT_ID", 1), "OBJECT_ID", e.getMessage()));
        }
        TimeStampedPVCoordinates state = opm.getPVCoordinates();
        KeplerianElements keplerian = opm.getData().getKeplerianElementsBlock();
        double mu = keplerian != null && Double.isFinite(keplerian.getMu()) && keplerian.getMu() > 0
                ? keplerian.getMu() : Constants.IERS2010_EARTH_MU;
        OrbitSummary summary;
        try {
            summary = CcsdsOrbitMessages.summary(state, metadata.getFrame(), mu);
        } catch (RuntimeException e) {
            return failed(InputError.atLine(fileName, watch.lineOf("EPOCH", 1), "state vector",
                    "state at " + state.getDate() + ": " + e.getMessage()));
        }
        ParsedOrbit orbit = new ParsedOrbit(identity.noradId(), metadata.getObjectName(),
                identity.internationalDesignator(),
                state.getDate().toInstant(EarthCentredContext.get().getTimeScales()), format, summary,
                Optional.empty(), opm.getData().getCovarianceBlock() != null, text, 1);
        return new ParseResult<>(List.of(orbit), List.of());
    }

    private static ParseResult<ParsedOrbit> failed(InputError error) {
        return new ParseResult<>(List.of(), List.of(error));
    }
}
