package org.concord.formats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.concord.catalog.SourceFormat;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.time.TimeScalesFactory;

/**
 * Reads NORAD two- and three-line element sets (a name line, bare or prefixed with {@code 0 }, is optional), with
 * Alpha-5 catalog numbers. Every field is checked by its column before Orekit builds the {@link TLE}, so that an
 * error names the field.
 */
public final class TleReader {

    private static final int LINE_LENGTH = 69;

    private TleReader() {
    }

    public static ParseResult<ParsedOrbit> read(String fileName, String text) {
        String[] lines = text.split("\\r?\\n|\\r", -1);
        List<ParsedOrbit> orbits = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = stripTrailing(lines[i]);
            if (line.isBlank()) {
                i++;
                continue;
            }
            String name = "";
            int nameLine = -1;
            if (!isElementLine(line, '1') && !isElementLine(line, '2')) {
                name = line.startsWith("0 ") ? line.substring(2).trim() : line.trim();
                nameLine = i;
                i++;
                if (i >= lines.length || !isElementLine(stripTrailing(lines[i]), '1')) {
                    errors.add(InputError.atLine(fileName, i + 1 > lines.length ? lines.length : i + 1, "line 1",
                            "expected line 1 of an element set after the name line '" + abbreviate(name) + "'"));
                    i = skipToNextLine1(lines, i);
                    continue;
                }
                line = stripTrailing(lines[i]);
            }
            if (!isElementLine(line, '1')) {
                errors.add(InputError.atLine(fileName, i + 1, "line 1",
                        "expected line 1 of an element set (starting '1 '), found '" + abbreviate(line) + "'"));
                i = skipToNextLine1(lines, i + 1);
                continue;
            }
            int line1Number = i + 1;
            if (i + 1 >= lines.length || !isElementLine(stripTrailing(lines[i + 1]), '2')) {
                errors.add(InputError.atLine(fileName, Math.min(line1Number + 1, lines.length), "line 2",
                        "line 1 is not followed by line 2 of the same element set"));
                i = skipToNextLine1(lines, i + 1);
                continue;
            }
            String line2 = stripTrailing(lines[i + 1]);
            int first = nameLine >= 0 ? nameLine : i;
            i += 2;
            String content = nameLine >= 0 ? stripTrailing(lines[nameLine]) + "\n" + line + "\n" + line2
                    : line + "\n" + line2;
            try {
                orbits.add(parse(fileName, line1Number, name, line, line2, content, first + 1));
            } catch (InputRejectedException e) {
                errors.addAll(e.errors());
            }
        }
        if (orbits.isEmpty() && errors.isEmpty()) {
            errors.add(InputError.inFile(fileName, "content", "no element set found"));
        }
        return new ParseResult<>(orbits, errors);
    }

    /** Parses one element set whose line 1 is at {@code line1Number} of the file. */
    public static ParsedOrbit parse(String fileName, int line1Number, String name, String line1, String line2,
                                    String content, int firstLine) {
        List<InputError> errors = new ArrayList<>();
        checkLine(fileName, line1Number, line1, errors);
        checkLine(fileName, line1Number + 1, line2, errors);
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        String number1 = line1.substring(2, 7);
        String number2 = line2.substring(2, 7);
        if (!number1.equals(number2)) {
            throw new InputRejectedException(InputError.atLine(fileName, line1Number + 1, "catalog number",
                    "line 2 has '" + number2 + "' but line 1 has '" + number1 + "'"));
        }
        Field f1 = new Field(fileName, line1Number, line1, errors);
        f1.catalogNumber(3, 7);
        f1.decimal("EPOCH (year)", 19, 20, 0, 99);
        f1.decimal("EPOCH (day of year)", 21, 32, 1, 367);
        f1.decimal("MEAN_MOTION_DOT", 34, 43, -1, 1);
        f1.exponent("MEAN_MOTION_DDOT", 45, 52);
        f1.exponent("BSTAR", 54, 61);
        Field f2 = new Field(fileName, line1Number + 1, line2, errors);
        f2.decimal("INCLINATION", 9, 16, 0, 180);
        f2.decimal("RA_OF_ASC_NODE", 18, 25, 0, 360);
        f2.impliedDecimal("ECCENTRICITY", 27, 33);
        f2.decimal("ARG_OF_PERICENTER", 35, 42, 0, 360);
        f2.decimal("MEAN_ANOMALY", 44, 51, 0, 360);
        double meanMotion = f2.decimal("MEAN_MOTION", 53, 63, 0, 20);
        if (meanMotion == 0.0) {
            errors.add(InputError.atLine(fileName, line1Number + 1, "MEAN_MOTION", "is zero rev/day"));
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        TLE tle;
        try {
            tle = new TLE(line1, line2, TimeScalesFactory.getUTC());
        } catch (RuntimeException e) {
            throw new InputRejectedException(InputError.atLine(fileName, line1Number, "element set",
                    "Orekit cannot read it: " + e.getMessage()));
        }
        Instant epoch = tle.getDate().toInstant(TimeScalesFactory.getTimeScales());
        String launchPiece = tle.getLaunchPiece().trim();
        // Orekit's launch year is already the full year (1957-2056)
        Optional<String> designator = launchPiece.isEmpty() || line1.substring(9, 17).isBlank() ? Optional.empty()
                : Optional.of(String.format("%04d-%03d%s", tle.getLaunchYear(), tle.getLaunchNumber(),
                        launchPiece));
        return new ParsedOrbit(tle.getSatelliteNumber(), name, designator, epoch, SourceFormat.TLE,
                MeanElements.summaryOf(tle), Optional.empty(), false, content, firstLine);
    }

    private static void checkLine(String fileName, int lineNumber, String line, List<InputError> errors) {
        if (line.length() != LINE_LENGTH) {
            errors.add(InputError.atLine(fileName, lineNumber, "line length",
                    "is " + line.length() + " characters, an element-set line has " + LINE_LENGTH));
            return;
        }
        char expected = checksumOf(line);
        char actual = line.charAt(LINE_LENGTH - 1);
        if (expected != actual) {
            errors.add(InputError.atLine(fileName, lineNumber, "checksum",
                    "column 69 is '" + actual + "' but the line's checksum is " + expected));
        }
    }

    /** The modulo-10 checksum of columns 1 to 68: digits count their value, '-' counts 1. */
    public static char checksumOf(String line) {
        int sum = 0;
        for (int k = 0; k < LINE_LENGTH - 1; k++) {
            char c = line.charAt(k);
            if (Character.isDigit(c)) {
                sum += c - '0';
            } else if (c == '-') {
                sum++;
            }
        }
        return (char) ('0' + sum % 10);
    }

    private static boolean isElementLine(String line, char number) {
        return line.length() >= 2 && line.charAt(0) == number && line.charAt(1) == ' ';
    }

    private static int skipToNextLine1(String[] lines, int from) {
        int k = from;
        while (k < lines.length && !isElementLine(stripTrailing(lines[k]), '1')) {
            k++;
        }
        // a name line may stand right before the next line 1
        return k > from && k < lines.length && !stripTrailing(lines[k - 1]).isBlank()
                && !isElementLine(stripTrailing(lines[k - 1]), '2') ? k - 1 : k;
    }

    private static String stripTrailing(String line) {
        return line.stripTrailing();
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    /** Column-addressed field parsing of one line, collecting errors. Columns are 1-based and inclusive. */
    private record Field(String fileName, int lineNumber, String line, List<InputError> errors) {

        void catalogNumber(int from, int to) {
            String text = line.substring(from - 1, to).trim();
            if (!text.matches("[0-9]{1,5}|[A-HJ-NP-Z][0-9]{4}")) {
                error("NORAD_CAT_ID", from, to, "'" + text + "' is neither a number nor an Alpha-5 catalog number");
            }
        }

        double decimal(String name, int from, int to, double min, double max) {
            String text = line.substring(from - 1, to).trim();
            double value;
            try {
                value = Double.parseDouble(text.startsWith("-.") ? "-0" + text.substring(1)
                        : text.startsWith(".") ? "0" + text : text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                error(name, from, to, "'" + text + "' is not a number");
                return Double.NaN;
            }
            if (value < min || value > max) {
                error(name, from, to, text + " is outside [" + format(min) + ", " + format(max) + "]");
            }
            return value;
        }

        void impliedDecimal(String name, int from, int to) {
            String text = line.substring(from - 1, to);
            if (!text.matches("[0-9]{7}|[0-9 ]{0,6}[0-9]")) {
                error(name, from, to, "'" + text + "' is not 7 digits with an implied leading decimal point");
            }
        }

        void exponent(String name, int from, int to) {
            String text = line.substring(from - 1, to).trim();
            if (!text.matches("[-+ ]?[0-9]{0,5}[-+ ]?[0-9]|[-+]?0*")) {
                error(name, from, to, "'" + text + "' is not in the TLE exponent form (such as 11018-2)");
            }
        }

        private void error(String name, int from, int to, String reason) {
            errors.add(InputError.atLine(fileName, lineNumber, name, "columns " + from + "-" + to + ": " + reason));
        }

        private static String format(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
