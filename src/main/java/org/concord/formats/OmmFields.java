package org.concord.formats;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hipparchus.util.FastMath;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;

/**
 * The validation shared by every OMM layout: the keywords of one record, as text with where each was read, become
 * an SGP4 element set, or errors naming each bad keyword.
 *
 * <p>What is accepted, whatever the layout:
 * <ul>
 * <li>MEAN_ELEMENT_THEORY {@code SGP4} or {@code SGP/SGP4}. {@code SGP4-XP} is refused: its elements (BTERM, AGOM,
 * EPHEMERIS_TYPE 4) need the SGP4-XP propagator, which Orekit does not have, and SGP4 would misread them.</li>
 * <li>EPHEMERIS_TYPE 0 or 2 (SGP4); REF_FRAME TEME; CENTER_NAME EARTH; TIME_SYSTEM UTC (the time system of every
 * SGP4 element set; another one is refused, not converted).</li>
 * <li>ECCENTRICITY in [0, 1), MEAN_MOTION &gt; 0 rev/day, INCLINATION in [0, 180] deg, RA_OF_ASC_NODE,
 * ARG_OF_PERICENTER and MEAN_ANOMALY in [0, 360] deg, |MEAN_MOTION_DOT| &lt; 1 rev/day² (the TLE field's width),
 * NORAD_CAT_ID in 1..999,999,999, ELEMENT_SET_NO in 0..9999, REV_AT_EPOCH &ge; 0.</li>
 * </ul>
 * Mandatory: EPOCH, MEAN_MOTION, ECCENTRICITY, INCLINATION, RA_OF_ASC_NODE, ARG_OF_PERICENTER, MEAN_ANOMALY, BSTAR,
 * MEAN_MOTION_DOT, MEAN_MOTION_DDOT, and NORAD_CAT_ID in the JSON and CSV layouts (CCSDS makes it optional: without
 * it the object is known by its OBJECT_ID only). Optional, with defaults: OBJECT_NAME (empty), OBJECT_ID (no
 * designator unless it reads like 1998-067A), EPHEMERIS_TYPE 0, CLASSIFICATION_TYPE U, ELEMENT_SET_NO 999,
 * REV_AT_EPOCH 0. MEAN_MOTION_DOT and MEAN_MOTION_DDOT are read as in the TLE's line 1 (n-dot/2 and n-double-dot/6),
 * as CelesTrak, Space-Track and python-sgp4 write them.
 */
final class OmmFields {

    static final String OBJECT_NAME = "OBJECT_NAME";
    static final String OBJECT_ID = "OBJECT_ID";
    static final String CENTER_NAME = "CENTER_NAME";
    static final String REF_FRAME = "REF_FRAME";
    static final String TIME_SYSTEM = "TIME_SYSTEM";
    static final String MEAN_ELEMENT_THEORY = "MEAN_ELEMENT_THEORY";
    static final String EPOCH = "EPOCH";
    static final String MEAN_MOTION = "MEAN_MOTION";
    static final String ECCENTRICITY = "ECCENTRICITY";
    static final String INCLINATION = "INCLINATION";
    static final String RA_OF_ASC_NODE = "RA_OF_ASC_NODE";
    static final String ARG_OF_PERICENTER = "ARG_OF_PERICENTER";
    static final String MEAN_ANOMALY = "MEAN_ANOMALY";
    static final String EPHEMERIS_TYPE = "EPHEMERIS_TYPE";
    static final String CLASSIFICATION_TYPE = "CLASSIFICATION_TYPE";
    static final String NORAD_CAT_ID = "NORAD_CAT_ID";
    static final String ELEMENT_SET_NO = "ELEMENT_SET_NO";
    static final String REV_AT_EPOCH = "REV_AT_EPOCH";
    static final String BSTAR = "BSTAR";
    static final String MEAN_MOTION_DOT = "MEAN_MOTION_DOT";
    static final String MEAN_MOTION_DDOT = "MEAN_MOTION_DDOT";

    /** Every keyword this class reads; the others of a record are ignored. */
    static final Set<String> KEYWORDS = Set.of(OBJECT_NAME, OBJECT_ID, CENTER_NAME, REF_FRAME, TIME_SYSTEM,
            MEAN_ELEMENT_THEORY, EPOCH, MEAN_MOTION, ECCENTRICITY, INCLINATION, RA_OF_ASC_NODE, ARG_OF_PERICENTER,
            MEAN_ANOMALY, EPHEMERIS_TYPE, CLASSIFICATION_TYPE, NORAD_CAT_ID, ELEMENT_SET_NO, REV_AT_EPOCH, BSTAR,
            MEAN_MOTION_DOT, MEAN_MOTION_DDOT);

    /** The mandatory keywords of the element data, NORAD_CAT_ID apart. */
    static final List<String> MANDATORY_DATA = List.of(EPOCH, MEAN_MOTION, ECCENTRICITY, INCLINATION, RA_OF_ASC_NODE,
            ARG_OF_PERICENTER, MEAN_ANOMALY, BSTAR, MEAN_MOTION_DOT, MEAN_MOTION_DDOT);

    static final long MAX_CATALOG_NUMBER = 999_999_999L;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern DESIGNATOR = Pattern.compile("(\\d{4})-(\\d{3})([A-Z]{1,3})");
    private static final Set<String> SGP4_THEORIES = Set.of("SGP4", "SGP/SGP4");
    private static final Set<String> TIME_SYSTEMS = Set.of("GMST", "GPS", "MET", "MRT", "SCLK", "TAI", "TCB", "TDB",
            "TCG", "TT", "UT1", "UTC");

    /** One TLE line-1 derivative unit in Orekit's TLE model: TLE field (rev/day², rev/day³) to rad/s², rad/s³. */
    static final double NDOT_TO_SI = FastMath.PI / 1.86624e9;
    static final double NDDOT_TO_SI = FastMath.PI / 5.3747712e13;

    private OmmFields() {
    }

    /**
     * Where a value (or a record) was read, to name it in an error. A record's place may give the path prefix of its
     * keywords (JSON: {@code [3].}), so that a missing keyword is named by the path it should have had.
     */
    record Place(String file, Optional<Integer> line, Optional<String> path, Optional<String> keyPrefix) {

        Place(String file, Optional<Integer> line, Optional<String> path) {
            this(file, line, path, Optional.empty());
        }

        static Place line(String file, int line) {
            return new Place(file, Optional.of(line), Optional.empty());
        }

        InputError error(String field, String reason) {
            return new InputError(file, line, path, field, reason);
        }

        /** Where a keyword of this record would be. */
        Place of(String key) {
            return keyPrefix.map(p -> new Place(file, line, Optional.of(p + key))).orElse(this);
        }
    }

    /** The text of one keyword's value as read, and where. */
    record Value(String text, Place place) {
    }

    /** How strict to be about what a layout must carry. */
    enum Layout {
        /** CCSDS KVN and XML: the metadata keywords are mandatory, NORAD_CAT_ID is optional. */
        CCSDS,
        /** CelesTrak and Space-Track JSON and CSV: metadata keywords optional, NORAD_CAT_ID mandatory. */
        CELESTRAK
    }

    /**
     * One SGP4 element set in OMM units: mean motion in rev/day, angles in degrees, MEAN_MOTION_DOT and
     * MEAN_MOTION_DDOT as in the TLE's line 1. A catalog number of 0 means the record had none.
     */
    record Sgp4Elements(long noradId, String objectName, Optional<String> internationalDesignator,
                        AbsoluteDate epoch, double meanMotion, double eccentricity, double inclination,
                        double raOfAscNode, double argOfPericenter, double meanAnomaly, int ephemerisType,
                        char classification, int elementSetNo, int revAtEpoch, double bstar,
                        double meanMotionDot, double meanMotionDdot) {

        TLE toTle() {
            Designator d = internationalDesignator.map(OmmFields::designator).orElse(Designator.NONE);
            return new TLE((int) noradId, classification, d.year(), d.number(), d.piece(), ephemerisType,
                    elementSetNo, epoch, meanMotion * FastMath.PI / 43200.0, meanMotionDot * NDOT_TO_SI,
                    meanMotionDdot * NDDOT_TO_SI, eccentricity, FastMath.toRadians(inclination),
                    FastMath.toRadians(argOfPericenter), FastMath.toRadians(raOfAscNode),
                    FastMath.toRadians(meanAnomaly), revAtEpoch, bstar, TimeScalesFactory.getUTC());
        }
    }

    /** A COSPAR international designator split as the TLE holds it; NONE when there is none. */
    record Designator(int year, int number, String piece) {
        static final Designator NONE = new Designator(0, 0, "");
    }

    static Designator designator(String text) {
        Matcher m = DESIGNATOR.matcher(text);
        if (!m.matches()) {
            return Designator.NONE;
        }
        return new Designator(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
    }

    static Optional<String> asDesignator(String objectId) {
        String id = objectId.strip().toUpperCase(Locale.ROOT);
        return DESIGNATOR.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /**
     * The element set of one record, or empty with the reasons added to {@code errors}. {@code complete} is false
     * when the reader stopped part way (keywords may then be missing for that reason alone, so their absence is not
     * reported).
     */
    static Optional<Sgp4Elements> read(Map<String, Value> values, Place record, Layout layout, boolean complete,
                                       List<InputError> errors) {
        Reader r = new Reader(values, record, errors);
        boolean sgp4 = r.metadata(layout, complete);
        if (!sgp4) {
            // the theory decides which data keywords exist: checking them against SGP4 would only add noise
            return Optional.empty();
        }
        if (complete) {
            for (String key : MANDATORY_DATA) {
                r.require(key);
            }
            if (layout == Layout.CELESTRAK) {
                r.require(NORAD_CAT_ID);
            }
        }
        String name = r.text(OBJECT_NAME).map(String::strip).orElse("");
        Optional<String> designator = r.text(OBJECT_ID).flatMap(OmmFields::asDesignator);
        AbsoluteDate epoch = r.epoch();
        double meanMotion = r.decimal(MEAN_MOTION, Double.MIN_VALUE, Double.MAX_VALUE, "greater than 0 rev/day");
        double e = r.decimal(ECCENTRICITY, 0, Math.nextDown(1.0), "in [0, 1)");
        double i = r.decimal(INCLINATION, 0, 180, "in [0, 180] deg");
        double raan = r.decimal(RA_OF_ASC_NODE, 0, 360, "in [0, 360] deg");
        double argp = r.decimal(ARG_OF_PERICENTER, 0, 360, "in [0, 360] deg");
        double anomaly = r.decimal(MEAN_ANOMALY, 0, 360, "in [0, 360] deg");
        double bstar = r.decimal(BSTAR, -Double.MAX_VALUE, Double.MAX_VALUE, "finite");
        double ndot = r.decimal(MEAN_MOTION_DOT, Math.nextUp(-1.0), Math.nextDown(1.0),
                "in (-1, 1) rev/day² (the TLE field's range)");
        double nddot = r.decimal(MEAN_MOTION_DDOT, -Double.MAX_VALUE, Double.MAX_VALUE, "finite");
        long norad = r.integer(NORAD_CAT_ID, 1, MAX_CATALOG_NUMBER, 0);
        int ephemerisType = (int) r.integer(EPHEMERIS_TYPE, 0, 9, 0);
        r.ephemerisType(ephemerisType);
        char classification = r.classification();
        int elementSetNo = (int) r.integer(ELEMENT_SET_NO, 0, 9999, 999);
        int revAtEpoch = (int) r.integer(REV_AT_EPOCH, 0, Integer.MAX_VALUE, 0);
        if (r.failed() || !complete) {
            return Optional.empty();
        }
        return Optional.of(new Sgp4Elements(norad, name, designator, epoch, meanMotion, e, i, raan, argp, anomaly,
                ephemerisType, classification, elementSetNo, revAtEpoch, bstar, ndot, nddot));
    }

    /** Reads keywords one at a time, collecting an error for each bad one. */
    private static final class Reader {

        private final Map<String, Value> values;
        private final Place record;
        private final List<InputError> errors;
        private final Set<String> bad = new HashSet<>();

        Reader(Map<String, Value> values, Place record, List<InputError> errors) {
            this.values = values;
            this.record = record;
            this.errors = errors;
        }

        boolean failed() {
            return !bad.isEmpty();
        }

        Optional<String> text(String key) {
            Value v = values.get(key);
            return v == null || v.text().isBlank() ? Optional.empty() : Optional.of(v.text().strip());
        }

        void require(String key) {
            if (text(key).isEmpty()) {
                bad.add(key);
                Place where = values.containsKey(key) ? values.get(key).place() : record.of(key);
                errors.add(where.error(key, values.containsKey(key) ? "is empty; a value is mandatory"
                        : "is missing; it is mandatory in an SGP4 mean-element record"));
            }
        }

        private void error(String key, String reason) {
            bad.add(key);
            errors.add(values.get(key).place().error(key, reason));
        }

        /** Checks the metadata; false when the record does not hold SGP4 elements at all. */
        boolean metadata(Layout layout, boolean complete) {
            boolean ccsds = layout == Layout.CCSDS;
            if (ccsds && complete) {
                for (String key : List.of(CENTER_NAME, REF_FRAME, TIME_SYSTEM, MEAN_ELEMENT_THEORY)) {
                    require(key);
                }
            }
            boolean sgp4 = true;
            Optional<String> theory = text(MEAN_ELEMENT_THEORY).map(t -> t.toUpperCase(Locale.ROOT));
            if (theory.isPresent() && !SGP4_THEORIES.contains(theory.get())) {
                sgp4 = false;
                error(MEAN_ELEMENT_THEORY, theory.get().equals("SGP4-XP")
                        ? "'SGP4-XP' is refused: SGP4-XP elements need the SGP4-XP propagator, which Orekit does not"
                                + " have, and SGP4 would misread them; accepted: SGP4, SGP/SGP4"
                        : "'" + theory.get() + "' is not an SGP4 theory; Concord reads SGP4 mean elements only"
                                + " (accepted: SGP4, SGP/SGP4)");
            } else if (ccsds && theory.isEmpty() && !complete) {
                sgp4 = false;
            }
            text(CENTER_NAME).filter(c -> !c.equalsIgnoreCase("EARTH")).ifPresent(c ->
                    error(CENTER_NAME, "'" + c + "' is refused: SGP4 mean elements are Earth-centred (expected EARTH)"));
            text(REF_FRAME).filter(f -> !f.equalsIgnoreCase("TEME")).ifPresent(f ->
                    error(REF_FRAME, "'" + f + "' is refused: SGP4 mean elements are referred to TEME"));
            text(TIME_SYSTEM).map(t -> t.toUpperCase(Locale.ROOT)).filter(t -> !t.equals("UTC")).ifPresent(t ->
                    error(TIME_SYSTEM, TIME_SYSTEMS.contains(t)
                            ? "'" + t + "' is refused: SGP4 element sets are referred to UTC (expected UTC)"
                            : "'" + t + "' is not a CCSDS time system (expected UTC)"));
            return sgp4;
        }

        AbsoluteDate epoch() {
            Optional<String> text = text(EPOCH);
            if (text.isEmpty()) {
                return AbsoluteDate.ARBITRARY_EPOCH;
            }
            String t = text.get();
            String iso = t.endsWith("Z") || t.endsWith("z") ? t.substring(0, t.length() - 1) : t;
            if (!iso.matches("\\d{4}-(\\d{2}-\\d{2}|\\d{3})T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?")) {
                error(EPOCH, "'" + t + "' is not a date (expected YYYY-MM-DDThh:mm:ss.ssssss or YYYY-DDDThh:mm:ss"
                        + " in UTC)");
                return AbsoluteDate.ARBITRARY_EPOCH;
            }
            try {
                return new AbsoluteDate(iso, TimeScalesFactory.getUTC());
            } catch (RuntimeException e) {
                error(EPOCH, "'" + t + "' is not a valid date: " + e.getMessage());
                return AbsoluteDate.ARBITRARY_EPOCH;
            }
        }

        double decimal(String key, double min, double max, String range) {
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                return Double.NaN;
            }
            if (!DECIMAL.matcher(text.get()).matches()) {
                error(key, "'" + text.get() + "' is not a number");
                return Double.NaN;
            }
            double v = Double.parseDouble(text.get());
            if (!(v >= min && v <= max)) {
                error(key, text.get() + " is out of range: expected " + range);
            }
            return v;
        }

        long integer(String key, long min, long max, long absent) {
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                return absent;
            }
            if (!INTEGER.matcher(text.get()).matches()) {
                error(key, "'" + text.get() + "' is not an integer");
                return absent;
            }
            long v = Long.parseLong(text.get());
            if (v < min || v > max) {
                error(key, v + " is out of range: expected " + min + ".." + max);
            }
            return v;
        }

        void ephemerisType(int type) {
            if (text(EPHEMERIS_TYPE).isEmpty() || type == 0 || type == 2 || bad.contains(EPHEMERIS_TYPE)) {
                return;
            }
            error(EPHEMERIS_TYPE, type == 4
                    ? "4 (SGP4-XP) is refused: SGP4-XP elements need the SGP4-XP propagator, which Orekit does not have"
                    : type + " is not an SGP4 element set (accepted: 0 or 2)");
        }

        char classification() {
            Optional<String> text = text(CLASSIFICATION_TYPE);
            if (text.isEmpty()) {
                return 'U';
            }
            String t = text.get().toUpperCase(Locale.ROOT);
            if (t.length() != 1 || t.charAt(0) < 'A' || t.charAt(0) > 'Z') {
                error(CLASSIFICATION_TYPE, "'" + text.get() + "' is not a one-letter classification (such as U)");
                return 'U';
            }
            return t.charAt(0);
        }
    }

    /** The keyword values of a list of pairs, with an error for each keyword given twice. */
    static void put(Map<String, Value> values, String key, Value value, List<InputError> errors) {
        Value earlier = values.putIfAbsent(key, value);
        if (earlier != null) {
            errors.add(value.place().error(key, "is given twice in the same record (first "
                    + earlier.place().line().map(l -> "at line " + l).orElse("earlier") + ")"));
        }
    }
}
