package org.concord.formats;

import org.concord.orbit.EarthCentredContext;
import java.io.StringReader;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.catalog.OrbitSummary;
import org.hipparchus.util.FastMath;
import org.orekit.data.DataSource;
import org.orekit.errors.LocalizedException;
import org.orekit.errors.OrekitMessages;
import org.orekit.files.ccsds.definitions.CelestialBodyFrame;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.utils.lexical.ParseToken;
import org.orekit.files.ccsds.utils.lexical.TokenType;
import org.orekit.frames.Frame;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.TimeStampedPVCoordinates;
import org.xml.sax.SAXParseException;

/**
 * What the OEM and OPM readers share: the Orekit parser set-up, the screening of XML, the checks made on the
 * tokens while Orekit parses, the translation of Orekit's exceptions into {@link InputError}s, the object identity
 * and the orbit summary.
 */
final class CcsdsOrbitMessages {

    /** WGS-84 / IERS equatorial radius the summary altitudes are measured from. */
    static final double EARTH_EQUATORIAL_RADIUS_KM = 6378.137;
    /** A state nearer the Earth's centre than this (below the polar radius, 6356.75 km) is inside the Earth. */
    private static final double MIN_GEOCENTRIC_DISTANCE_M = 6_350_000.0;

    private static final Pattern DATE = Pattern.compile(
            "([0-9]{4})-(?:([0-9]{2})-([0-9]{2})|([0-9]{3}))T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]*)?Z?");
    private static final Set<String> DATE_KEYWORDS = Set.of("CREATION_DATE", "START_TIME", "STOP_TIME",
            "USEABLE_START_TIME", "USEABLE_STOP_TIME", "EPOCH", "REF_FRAME_EPOCH", "MAN_EPOCH_IGNITION");
    /** Time systems counted from a reference the message does not carry. */
    private static final Set<String> RELATIVE_TIME_SYSTEMS = Set.of("MET", "MRT", "SCLK");
    private static final Pattern COSPAR = Pattern.compile("([0-9]{4})-?([0-9]{3})-?([A-Z]{1,3})");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("For input string: \"(.*)\"");

    private CcsdsOrbitMessages() {
    }

    /** An Orekit parser builder on the Earth-centred context, with the watch as token filter. */
    static ParserBuilder parserBuilder(TokenWatch watch) {
        return new ParserBuilder(EarthCentredContext.get()).withFilter(watch);
    }

    /** The text as an Orekit data source: characters, so that an XML encoding declaration changes nothing. */
    static DataSource source(String fileName, String text) {
        return new DataSource(fileName, () -> new StringReader(text));
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** Thrown by the {@link TokenWatch} to stop Orekit at a value Concord refuses. */
    static final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient InputError error;

        Refusal(InputError error) {
            super(error.toString(), null, false, false);
            this.error = error;
        }

        InputError error() {
            return error;
        }
    }

    /**
     * Sees every token before Orekit processes it: refuses a centre other than the Earth, a reference frame
     * Concord cannot place, a time system counted from an unknown reference and a malformed date, each at its
     * line; and remembers the last token, so that an exception Orekit throws without a line can be placed.
     */
    /** Where a segment's parts are in the file: the line of each state, and of each metadata keyword (upper case). */
    record SegmentLines(List<Integer> states, Map<String, Integer> keywords) {
    }

    static final class TokenWatch implements Function<ParseToken, List<ParseToken>> {

        private final String fileName;
        private final IntUnaryOperator lineMap;
        private int lastLine;
        private String lastName;
        private boolean inCovariance;
        private int covarianceRow;
        private final Map<String, Integer> firstLines = new HashMap<>();
        /** For each segment, the file line of each state (KVN data line, XML stateVector). */
        private final List<List<Integer>> stateLines = new ArrayList<>();
        /** For each segment, the file line of each of its metadata keywords. */
        private final List<Map<String, Integer>> keywordLines = new ArrayList<>();

        /**
         * @param lineMap from the line of the parsed text to the line of the file (they differ when one object
         *                of a message is parsed alone)
         */
        TokenWatch(String fileName, IntUnaryOperator lineMap) {
            this.fileName = fileName;
            this.lineMap = lineMap;
        }

        @Override
        public List<ParseToken> apply(ParseToken token) {
            int line = lineMap.applyAsInt(token.getLineNumber());
            String name = token.getName();
            lastLine = line;
            if (token.getType() == TokenType.RAW_LINE) {
                lastName = inCovariance ? "covariance matrix" : "ephemeris data line";
                if (inCovariance) {
                    covarianceRow++;
                } else {
                    stateLine(line);
                }
            } else if (name != null) {
                lastName = name;
                if ("COVARIANCE".equalsIgnoreCase(name)) {
                    inCovariance = token.getType() == TokenType.START;
                    covarianceRow = 0;
                } else if (inCovariance && "EPOCH".equalsIgnoreCase(name)) {
                    covarianceRow = 0; // a new matrix
                }
                if (token.getType() == TokenType.START && ("META".equalsIgnoreCase(name)
                        || "segment".equalsIgnoreCase(name))) {
                    stateLines.add(new ArrayList<>());
                    keywordLines.add(new HashMap<>());
                } else if (token.getType() == TokenType.START && "stateVector".equalsIgnoreCase(name)) {
                    stateLine(line);
                }
            }
            if (token.getType() == TokenType.ENTRY && name != null) {
                firstLines.putIfAbsent(name.toUpperCase(Locale.ROOT), line);
                if (!keywordLines.isEmpty()) {
                    keywordLines.get(keywordLines.size() - 1).putIfAbsent(name.toUpperCase(Locale.ROOT), line);
                }
                check(name.toUpperCase(Locale.ROOT), token.getRawContent() == null ? "" : token.getRawContent().strip(),
                        line);
            }
            return List.of(token);
        }

        private void check(String name, String value, int line) {
            String upper = value.toUpperCase(Locale.ROOT);
            switch (name) {
                case "CENTER_NAME" -> {
                    if (!upper.equals("EARTH")) {
                        throw refuse(line, name, "'" + value + "': Concord keeps Earth-centred orbits only"
                                + " (CENTER_NAME must be EARTH)");
                    }
                }
                case "REF_FRAME" -> checkFrame(upper, value, line);
                case "TIME_SYSTEM" -> {
                    if (RELATIVE_TIME_SYSTEMS.contains(upper)) {
                        throw refuse(line, name, "'" + value + "' counts time from a mission reference epoch the"
                                + " message does not give; use an absolute time system (UTC, TAI, TT, GPS...)");
                    }
                }
                default -> {
                    if (DATE_KEYWORDS.contains(name)) {
                        checkDate(name, value, line);
                    }
                }
            }
        }

        private void checkDate(String name, String value, int line) {
            Matcher m = DATE.matcher(value);
            if (!m.matches()) {
                throw refuse(line, name, "'" + value + "' is not a CCSDS date"
                        + " (YYYY-MM-DDThh:mm:ss[.d...] or YYYY-DDDThh:mm:ss[.d...])");
            }
            int year = Integer.parseInt(m.group(1));
            String wrong = null;
            if (m.group(2) != null) {
                int month = Integer.parseInt(m.group(2));
                int day = Integer.parseInt(m.group(3));
                wrong = month < 1 || month > 12 ? "month " + month + " is outside 01-12"
                        : day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                                ? "day " + day + " is not a day of " + YearMonth.of(year, month) : null;
            } else {
                int dayOfYear = Integer.parseInt(m.group(4));
                int days = Year.isLeap(year) ? 366 : 365;
                wrong = dayOfYear < 1 || dayOfYear > days ? "day of year " + dayOfYear + " is outside 001-" + days
                        : null;
            }
            int hour = Integer.parseInt(m.group(5));
            int minute = Integer.parseInt(m.group(6));
            int second = Integer.parseInt(m.group(7));
            wrong = wrong != null ? wrong : hour > 23 ? "hour " + hour + " is outside 00-23"
                    : minute > 59 ? "minute " + minute + " is outside 00-59"
                    : second > 60 ? "second " + second + " is outside 00-60" : null;
            if (wrong != null) {
                throw refuse(line, name, "'" + value + "' is not a valid date: " + wrong);
            }
        }

        private void checkFrame(String upper, String value, int line) {
            CelestialBodyFrame frame;
            try {
                frame = CelestialBodyFrame.parse(upper);
            } catch (RuntimeException unknown) {
                throw refuse(line, "REF_FRAME", "'" + value + "' is not a reference frame Orekit knows for an"
                        + " Earth-centred state (expected one of EME2000, J2000, GCRF, ICRF, ITRF, ITRF2014 and"
                        + " the other ITRF realisations, TEME, TOD, GTOD)");
            }
            if (frame == CelestialBodyFrame.MCI) {
                throw refuse(line, "REF_FRAME", "'" + value + "' is Mars-centred inertial; Concord keeps"
                        + " Earth-centred orbits only");
            }
        }

        private Refusal refuse(int line, String field, String reason) {
            return new Refusal(InputError.atLine(fileName, line, field, reason));
        }

        private void stateLine(int line) {
            if (stateLines.isEmpty()) {
                stateLines.add(new ArrayList<>());
            }
            stateLines.get(stateLines.size() - 1).add(line);
        }

        /** The file lines of a segment (by its index in the message), as far as they were seen. */
        SegmentLines segmentLines(int segment) {
            return new SegmentLines(segment < stateLines.size() ? List.copyOf(stateLines.get(segment)) : List.of(),
                    segment < keywordLines.size() ? Map.copyOf(keywordLines.get(segment)) : Map.of());
        }

        /** The file line where the keyword first appeared, else the given line. */
        int lineOf(String keyword, int otherwise) {
            return firstLines.getOrDefault(keyword, otherwise);
        }

        /** The row of the covariance matrix last seen (1 to 6), 0 outside a KVN covariance block. */
        int covarianceRow() {
            return inCovariance ? covarianceRow : 0;
        }

        int lastLine() {
            return lastLine;
        }

        Optional<String> lastName() {
            return Optional.ofNullable(lastName);
        }

        int mapLine(int line) {
            return lineMap.applyAsInt(line);
        }
    }

    /**
     * The error for an exception thrown while Orekit parsed: the line and keyword Orekit names, or else the token
     * it was processing.
     */
    static InputError toInputError(String fileName, String kind, Throwable thrown, TokenWatch watch) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Refusal refusal) {
                return refusal.error();
            }
            if (t instanceof SAXParseException sax) {
                return InputError.atLine(fileName, watch.mapLine(Math.max(sax.getLineNumber(), 1)), "XML",
                        "not well-formed XML: " + sax.getMessage());
            }
        }
        String reason = firstLine(thrown.getMessage());
        Object[] parts = thrown instanceof LocalizedException localized ? localized.getParts() : new Object[0];
        String specifier = thrown instanceof LocalizedException localized
                && localized.getSpecifier() instanceof OrekitMessages m ? m.name() : "";
        Optional<Integer> here = watch.lastLine() > 0 ? Optional.of(watch.lastLine()) : Optional.empty();
        String field = watch.lastName().orElse("message");
        switch (specifier) {
            case "UNABLE_TO_PARSE_ELEMENT_IN_FILE" -> {
                // parts: element, line, file
                String cause = thrown.getCause() != null ? causeText(thrown.getCause()) : reason;
                return InputError.atLine(fileName, watch.mapLine(asInt(parts, 1)), String.valueOf(parts[0]),
                        "cannot be read: " + cause);
            }
            case "UNABLE_TO_PARSE_LINE_IN_FILE" -> {
                // parts: line, file, content
                String cause = thrown.getCause() != null ? ": " + causeText(thrown.getCause()) : "";
                String expected = watch.covarianceRow() > 0
                        ? "expected row " + watch.covarianceRow() + " of the lower triangle of the 6x6 covariance"
                                + " matrix, " + watch.covarianceRow() + " number" + (watch.covarianceRow() > 1 ? "s" : "")
                        : "expected an epoch and 6 or 9 numbers";
                return InputError.atLine(fileName, watch.mapLine(asInt(parts, 0)), field,
                        "cannot be read (" + expected + cause + "): '" + abbreviate(String.valueOf(parts[2])) + "'");
            }
            case "CCSDS_UNEXPECTED_KEYWORD" -> {
                // parts: line, file, keyword
                return InputError.atLine(fileName, watch.mapLine(asInt(parts, 0)), String.valueOf(parts[2]),
                        "unexpected at this place of an " + kind + " (unknown keyword, keyword out of its section,"
                                + " or a value Orekit cannot read)");
            }
            case "UNINITIALIZED_VALUE_FOR_KEY", "CCSDS_MISSING_KEYWORD" -> {
                return new InputError(fileName, here, Optional.empty(), String.valueOf(parts[0]),
                        "mandatory keyword is missing" + (here.isPresent() ? " from the block that ends here" : ""));
            }
            case "UNSUPPORTED_FILE_FORMAT" -> {
                return InputError.atLine(fileName, 1, "CCSDS_" + kind + "_VERS",
                        "not a CCSDS " + kind + ": the message must begin with CCSDS_" + kind + "_VERS");
            }
            case "CCSDS_TIME_SYSTEM_NOT_IMPLEMENTED" -> {
                return new InputError(fileName, here, Optional.empty(), "TIME_SYSTEM", reason);
            }
            case "CCSDS_INVALID_FRAME" -> {
                return new InputError(fileName, here, Optional.empty(), "REF_FRAME", reason);
            }
            default -> {
                String why = thrown instanceof LocalizedException ? reason
                        : "Orekit cannot read the message here (" + thrown.getClass().getSimpleName() + ": "
                                + reason + ")";
                return new InputError(fileName, here, Optional.empty(), field, why);
            }
        }
    }

    /** The message of the exception under Orekit's, a number that is not one said in plain words. */
    private static String causeText(Throwable cause) {
        String message = firstLine(cause.getMessage());
        if (cause instanceof NumberFormatException) {
            Matcher m = NOT_A_NUMBER.matcher(message);
            if (m.matches()) {
                return "'" + abbreviate(m.group(1)) + "' is not a number";
            }
        }
        return message;
    }

    private static int asInt(Object[] parts, int index) {
        return parts.length > index && parts[index] instanceof Number n ? n.intValue() : 0;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static String abbreviate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }

    /** The catalog identity an {@code OBJECT_ID} gives. */
    record Identity(long noradId, Optional<String> internationalDesignator) {
    }

    /**
     * An all-digit {@code OBJECT_ID} is a catalog number; anything else is taken as an international designator
     * (the COSPAR forms {@code 1998-067A} and {@code 1998-067-A} are both written {@code 1998-067A}) with no
     * catalog number, for the ingest to resolve.
     */
    static Identity identity(String objectId) {
        String id = objectId == null ? "" : objectId.strip();
        if (id.matches("[0-9]+")) {
            String digits = id.replaceFirst("^0+(?=.)", "");
            if (digits.length() > 9) {
                throw new IllegalArgumentException("'" + id + "' is all digits but too long for a catalog number");
            }
            return new Identity(Long.parseLong(digits), Optional.empty());
        }
        Matcher m = COSPAR.matcher(id.toUpperCase(Locale.ROOT));
        if (m.matches()) {
            return new Identity(0, Optional.of(m.group(1) + "-" + m.group(2) + m.group(3)));
        }
        return new Identity(0, id.isEmpty() ? Optional.empty() : Optional.of(id));
    }

    /**
     * Osculating figures of a geocentric state. The state is turned into the true-of-date frame (TOD, IERS 2010
     * conventions) and read as a Keplerian orbit, so that the inclination is measured from the true equator of
     * date, as the inclination of TLE and OMM mean elements is (TEME); perigee, apogee, period and eccentricity do
     * not depend on the choice. Earth orientation comes from Orekit: without IERS data loaded, an ITRF state is
     * rotated with zero EOP corrections (UT1 = UTC, no polar motion), which moves perigee, apogee and inclination
     * by far less than the precision they are shown with.
     *
     * @throws IllegalArgumentException when the state is not a closed orbit around the Earth
     */
    static OrbitSummary summary(TimeStampedPVCoordinates pv, Frame frame, double mu) {
        Frame trueOfDate = EarthCentredContext.get().getFrames().getTOD(IERSConventions.IERS_2010, true);
        TimeStampedPVCoordinates state = frame == trueOfDate ? pv
                : frame.getTransformTo(trueOfDate, pv.getDate()).transformPVCoordinates(pv);
        double r = state.getPosition().getNorm();
        double v2 = state.getVelocity().getNormSq();
        if (!Double.isFinite(r) || !Double.isFinite(v2)) {
            throw new IllegalArgumentException("the state is not a finite position and velocity");
        }
        if (r < MIN_GEOCENTRIC_DISTANCE_M) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the state is %.3f km from the Earth's centre, inside the Earth", r / 1000));
        }
        double a = 1.0 / (2.0 / r - v2 / mu);
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the state is not a closed orbit around the Earth (|r| = %.3f km, |v| = %.6f km/s: escape"
                            + " velocity or beyond)", r / 1000, FastMath.sqrt(v2) / 1000));
        }
        CartesianOrbit orbit = new CartesianOrbit(state, trueOfDate, mu);
        double e = orbit.getE();
        double aKm = orbit.getA() / 1000.0;
        double periodMinutes = 2 * FastMath.PI * FastMath.sqrt(orbit.getA() * orbit.getA() * orbit.getA() / mu)
                / 60.0;
        return new OrbitSummary(aKm * (1 - e) - EARTH_EQUATORIAL_RADIUS_KM, aKm * (1 + e) - EARTH_EQUATORIAL_RADIUS_KM,
                FastMath.toDegrees(orbit.getI()), periodMinutes, e);
    }

    /** Keeps the first of equal errors (the same problem met again when objects are re-read one by one). */
    static List<InputError> distinct(List<InputError> errors) {
        List<InputError> out = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (InputError e : errors) {
            if (seen.putIfAbsent(e.toString(), Boolean.TRUE) == null) {
                out.add(e);
            }
        }
        return out;
    }

    static String joinLines(String[] lines, int[] indices) {
        StringBuilder b = new StringBuilder();
        Arrays.stream(indices).forEach(i -> b.append(lines[i]).append('\n'));
        return b.toString();
    }
}
