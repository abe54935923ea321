package org.concord.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.orbit.CcsdsGenerators;

import org.hipparchus.util.FastMath;
import org.orekit.data.DataContext;
import org.orekit.files.ccsds.definitions.BodyFacade;
import org.orekit.files.ccsds.definitions.CelestialBodyFrame;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.TimeSystem;
import org.orekit.files.ccsds.definitions.Units;
import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.odm.KeplerianElements;
import org.orekit.files.ccsds.ndm.odm.OdmHeader;
import org.orekit.files.ccsds.ndm.odm.omm.Omm;
import org.orekit.files.ccsds.ndm.odm.omm.OmmData;
import org.orekit.files.ccsds.ndm.odm.omm.OmmMetadata;
import org.orekit.files.ccsds.ndm.odm.omm.OmmTle;
import org.orekit.files.ccsds.section.Segment;
import org.orekit.files.ccsds.utils.generation.Generator;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.units.Unit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes SGP4 mean elements as an OMM: CCSDS KVN and XML through Orekit's OMM writer (metadata TEME, UTC, SGP4;
 * the numbers of the TLE as the TLE has them; XML valid against the CCSDS NDM/XML schema), and the JSON and CSV
 * layouts of CelesTrak (the TLE's precision: 8 decimals of mean motion, 7 of eccentricity, 4 of angles, 5
 * significant digits of BSTAR and MEAN_MOTION_DDOT, the epoch to the microsecond). What is written is read back by
 * {@link OmmReader} to the same TLE.
 */
public final class OmmWriter {

    public static final String DEFAULT_ORIGINATOR = "CONCORD";

    /** The column order of the CelesTrak CSV and JSON layouts. */
    public static final List<String> CELESTRAK_KEYS = List.of(OmmFields.OBJECT_NAME, OmmFields.OBJECT_ID,
            OmmFields.EPOCH, OmmFields.MEAN_MOTION, OmmFields.ECCENTRICITY, OmmFields.INCLINATION,
            OmmFields.RA_OF_ASC_NODE, OmmFields.ARG_OF_PERICENTER, OmmFields.MEAN_ANOMALY, OmmFields.EPHEMERIS_TYPE,
            OmmFields.CLASSIFICATION_TYPE, OmmFields.NORAD_CAT_ID, OmmFields.ELEMENT_SET_NO, OmmFields.REV_AT_EPOCH,
            OmmFields.BSTAR, OmmFields.MEAN_MOTION_DOT, OmmFields.MEAN_MOTION_DDOT);

    /** What CCSDS OBJECT_ID (mandatory) says of an object without an international designator. */
    static final String UNKNOWN_OBJECT_ID = "UNKNOWN";

    /** How far apart, in units in the last place, a value and its TLE-precision decimal are the same number. */
    private static final int CONVERSION_ULPS = 4;

    private static final DateTimeFormatter EPOCH = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private OmmWriter() {
    }

    /**
     * The OMM version a CCSDS message is written as: 3.0 (CCSDS 502.0-B-3, the default) or 2.0 (502.0-B-2, the
     * version of the NDM/XML 2.0.0 schema and of the OMMs CelesTrak and Space-Track serve). Concord writes the same
     * keywords in both.
     */
    public enum Version {
        V2_0(2.0),
        V3_0(3.0);

        /** The versions by the name a caller gives ({@code 2.0}, {@code 3.0}). */
        public static final Map<String, Version> BY_NAME = Map.of("2.0", V2_0, "3.0", V3_0);

        private final double number;

        Version(double number) {
            this.number = number;
        }
    }

    /** One mean-element record to write. */
    public record Entry(TLE tle, String objectName, Optional<String> internationalDesignator) {
    }

    public static String writeKvn(TLE tle, String objectName, Optional<String> internationalDesignator) {
        return writeKvn(tle, objectName, internationalDesignator, List.of(), Version.V3_0);
    }

    /** With {@code comments} as COMMENT lines of the metadata, as OMM {@code version}. */
    public static String writeKvn(TLE tle, String objectName, Optional<String> internationalDesignator,
                                  List<String> comments, Version version) {
        StringBuilder out = new StringBuilder();
        write(kvn(out), omm(tle, objectName, internationalDesignator, Instant.now(),
                DEFAULT_ORIGINATOR, comments, version));
        return out.toString();
    }

    public static String writeKvn(TLE tle, String objectName, Optional<String> internationalDesignator,
                                  Instant creationDate, String originator) {
        StringBuilder out = new StringBuilder();
        write(kvn(out), omm(tle, objectName, internationalDesignator, creationDate, originator,
                List.of(), Version.V3_0));
        return out.toString();
    }

    public static String writeXml(TLE tle, String objectName, Optional<String> internationalDesignator) {
        return writeXml(tle, objectName, internationalDesignator, List.of(), Version.V3_0);
    }

    /** With {@code comments} as COMMENT elements of the metadata, as OMM {@code version}. */
    public static String writeXml(TLE tle, String objectName, Optional<String> internationalDesignator,
                                  List<String> comments, Version version) {
        return writeXml(tle, objectName, internationalDesignator, Instant.now(), DEFAULT_ORIGINATOR, comments,
                version);
    }

    public static String writeXml(TLE tle, String objectName, Optional<String> internationalDesignator,
                                  Instant creationDate, String originator) {
        return writeXml(tle, objectName, internationalDesignator, creationDate, originator, List.of(), Version.V3_0);
    }

    private static String writeXml(TLE tle, String objectName, Optional<String> internationalDesignator,
                                   Instant creationDate, String originator, List<String> comments, Version version) {
        StringBuilder out = new StringBuilder();
        write(CcsdsGenerators.xml(out, "OMM", Set.of()),
                omm(tle, objectName, internationalDesignator, creationDate, originator, comments, version));
        return out.toString();
    }

    /** A CelesTrak JSON array of this one element set (CelesTrak answers an array even for one object). */
    public static String writeJson(TLE tle, String objectName, Optional<String> internationalDesignator) {
        return writeJson(List.of(new Entry(tle, objectName, internationalDesignator)));
    }

    /** A CelesTrak JSON array. */
    public static String writeJson(List<Entry> entries) {
        ArrayNode array = OmmReader.JSON.createArrayNode();
        entries.forEach(e -> array.add(jsonObject(e)));
        return json(array);
    }

    /** A CelesTrak CSV: the header line, then the record's row. */
    public static String writeCsv(TLE tle, String objectName, Optional<String> internationalDesignator) {
        return writeCsv(List.of(new Entry(tle, objectName, internationalDesignator)));
    }

    /** A CelesTrak CSV: the header line, then a row for each entry. */
    public static String writeCsv(List<Entry> entries) {
        StringBuilder out = new StringBuilder(csvHeader());
        entries.forEach(entry -> out.append(csvRow(entry)));
        return out.toString();
    }

    /** The header line of a CelesTrak CSV. */
    public static String csvHeader() {
        return String.join(",", CELESTRAK_KEYS) + "\n";
    }

    /** The line of one entry in a CelesTrak CSV. */
    public static String csvRow(Entry entry) {
        return celestrak(entry).values().stream()
                .map(v -> v instanceof BigDecimal d ? d.toPlainString() : csvCell(String.valueOf(v)))
                .collect(java.util.stream.Collectors.joining(",", "", "\n"));
    }

    private static Generator kvn(StringBuilder out) {
        return CcsdsGenerators.kvn(out, "OMM", org.orekit.files.ccsds.ndm.odm.omm.OmmWriter.KVN_PADDING_WIDTH,
                Set.of());
    }

    private static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** One element set as a CelesTrak JSON object: an element of the array that a writer of many writes around it. */
    public static String writeJsonObject(Entry entry) {
        return json(jsonObject(entry));
    }

    private static ObjectNode jsonObject(Entry entry) {
        ObjectNode node = OmmReader.JSON.createObjectNode();
        celestrak(entry).forEach((key, value) -> {
            if (value instanceof BigDecimal d) {
                node.put(key, d);
            } else if (value instanceof Long l) {
                node.put(key, l);
            } else {
                node.put(key, String.valueOf(value));
            }
        });
        return node;
    }

    private static String json(Object node) {
        try {
            return OmmReader.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The CelesTrak keys and values of an entry, in order: text, Long or BigDecimal. */
    private static Map<String, Object> celestrak(Entry entry) {
        TLE tle = entry.tle();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(OmmFields.OBJECT_NAME, entry.objectName());
        values.put(OmmFields.OBJECT_ID, entry.internationalDesignator().orElse(""));
        values.put(OmmFields.EPOCH, EPOCH.format(epochOf(tle)));
        values.put(OmmFields.MEAN_MOTION, decimals(tle.getMeanMotion() * 43200.0 / FastMath.PI, 8));
        values.put(OmmFields.ECCENTRICITY, decimals(tle.getE(), 7));
        values.put(OmmFields.INCLINATION, decimals(FastMath.toDegrees(tle.getI()), 4));
        values.put(OmmFields.RA_OF_ASC_NODE, decimals(FastMath.toDegrees(tle.getRaan()), 4));
        values.put(OmmFields.ARG_OF_PERICENTER, decimals(FastMath.toDegrees(tle.getPerigeeArgument()), 4));
        values.put(OmmFields.MEAN_ANOMALY, decimals(FastMath.toDegrees(tle.getMeanAnomaly()), 4));
        values.put(OmmFields.EPHEMERIS_TYPE, (long) tle.getEphemerisType());
        values.put(OmmFields.CLASSIFICATION_TYPE, String.valueOf(tle.getClassification()));
        values.put(OmmFields.NORAD_CAT_ID, (long) tle.getSatelliteNumber());
        values.put(OmmFields.ELEMENT_SET_NO, (long) tle.getElementNumber());
        values.put(OmmFields.REV_AT_EPOCH, (long) tle.getRevolutionNumberAtEpoch());
        values.put(OmmFields.BSTAR, significant(tle.getBStar(), 5));
        values.put(OmmFields.MEAN_MOTION_DOT, decimals(tle.getMeanMotionFirstDerivative() / OmmFields.NDOT_TO_SI, 8));
        values.put(OmmFields.MEAN_MOTION_DDOT,
                significant(tle.getMeanMotionSecondDerivative() / OmmFields.NDDOT_TO_SI, 5));
        return values;
    }

    private static Instant epochOf(TLE tle) {
        Instant epoch = tle.getDate().toInstant(TimeScalesFactory.getTimeScales());
        return epoch.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static BigDecimal decimals(double value, int decimals) {
        BigDecimal d = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    private static BigDecimal significant(double value, int digits) {
        BigDecimal d = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    private static void write(Generator generator, Omm omm) {
        try (generator) {
            new WriterBuilder().buildOmmWriter().writeMessage(generator, omm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value held (SI), or the decimal of the TLE's precision in the OMM's unit when the two differ only by the
     * rounding of unit conversions (at most {@value #CONVERSION_ULPS} units in the last place). Orekit's TLE reader
     * converts degrees and revolutions a day to SI along another path than its OMM writer converts them back, so
     * that the TLE's {@code 255.0638} would be written {@code 255.06379999999996}; an OMM with more digits than a
     * TLE differs from its TLE-precision decimal by far more and keeps its own.
     */
    private static double tleDigits(double si, Object tlePrecision, Unit unit) {
        double candidate = unit.toSI(((BigDecimal) tlePrecision).doubleValue());
        return Math.abs(candidate - si) <= CONVERSION_ULPS * Math.ulp(si) ? candidate : si;
    }

    /** The OMM of a TLE: SGP4 theory, TEME, UTC, Earth, the mean elements and the TLE parameters. */
    private static Omm omm(TLE tle, String objectName, Optional<String> internationalDesignator, Instant creationDate,
                           String originator, List<String> comments, Version version) {
        OdmHeader header = new OdmHeader();
        header.setFormatVersion(version.number);
        header.setCreationDate(new AbsoluteDate(creationDate, TimeScalesFactory.getUTC()));
        header.setOriginator(originator);

        OmmMetadata metadata = new OmmMetadata();
        comments.forEach(metadata::addComment);
        metadata.setObjectName(objectName);
        metadata.setObjectID(internationalDesignator.orElse(UNKNOWN_OBJECT_ID));
        // a name only: the body itself (and its JPL ephemeris) is never needed to write SGP4 elements
        metadata.setCenter(new BodyFacade("EARTH", null));
        metadata.setReferenceFrame(new FrameFacade(null, CelestialBodyFrame.TEME, null, null, "TEME"));
        metadata.setTimeSystem(TimeSystem.UTC);
        metadata.setMeanElementTheory("SGP4");

        KeplerianElements elements = new KeplerianElements();
        elements.setEpoch(tle.getDate());
        Map<String, Object> digits = celestrak(new Entry(tle, objectName, internationalDesignator));
        elements.setMeanMotion(tleDigits(tle.getMeanMotion(), digits.get(OmmFields.MEAN_MOTION), Units.REV_PER_DAY));
        elements.setE(tleDigits(tle.getE(), digits.get(OmmFields.ECCENTRICITY), Unit.ONE));
        elements.setI(tleDigits(tle.getI(), digits.get(OmmFields.INCLINATION), Unit.DEGREE));
        elements.setRaan(tleDigits(tle.getRaan(), digits.get(OmmFields.RA_OF_ASC_NODE), Unit.DEGREE));
        elements.setPa(tleDigits(tle.getPerigeeArgument(), digits.get(OmmFields.ARG_OF_PERICENTER), Unit.DEGREE));
        elements.setAnomaly(tleDigits(tle.getMeanAnomaly(), digits.get(OmmFields.MEAN_ANOMALY), Unit.DEGREE));
        elements.setAnomalyType(PositionAngleType.MEAN);

        OmmTle parameters = new OmmTle();
        parameters.setEphemerisType(tle.getEphemerisType());
        parameters.setClassificationType(tle.getClassification());
        parameters.setNoradID(tle.getSatelliteNumber());
        parameters.setElementSetNo(tle.getElementNumber());
        parameters.setRevAtEpoch(tle.getRevolutionNumberAtEpoch());
        parameters.setBStar(tleDigits(tle.getBStar(), digits.get(OmmFields.BSTAR), Unit.ONE));
        // both hold the derivatives themselves (rad/s², rad/s³); the writer scales them to the TLE's fields
        parameters.setMeanMotionDot(tleDigits(tle.getMeanMotionFirstDerivative(),
                digits.get(OmmFields.MEAN_MOTION_DOT), Units.REV_PER_DAY2_SCALED));
        parameters.setMeanMotionDotDot(tleDigits(tle.getMeanMotionSecondDerivative(),
                digits.get(OmmFields.MEAN_MOTION_DDOT), Units.REV_PER_DAY3_SCALED));

        OmmData data = new OmmData(elements, null, parameters, null, null, Double.NaN);
        return new Omm(header, List.of(new Segment<>(metadata, data)), IERSConventions.IERS_2010,
                DataContext.getDefault());
    }
}
