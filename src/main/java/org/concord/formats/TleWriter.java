package org.concord.formats;

import java.util.Optional;

import org.orekit.propagation.analytical.tle.TLE;

/** Writes a TLE's text: an optional {@code 0 NAME} line, then lines 1 and 2. */
public final class TleWriter {

    /** The largest catalog number a TLE can hold (Alpha-5: Z9999). */
    public static final int MAX_CATALOG_NUMBER = 339_999;

    private static final int ELEMENT_SET_WRAP = 10_000;
    private static final int REVOLUTION_WRAP = 100_000;

    private TleWriter() {
    }

    /**
     * The TLE text, lines ended by a line feed. An element set number or revolution number too wide for its
     * column is written modulo 10,000 or 100,000, as the 18th SDS does; a record without international designator
     * gets blank designator columns.
     *
     * @throws IllegalArgumentException if the catalog number is above {@value #MAX_CATALOG_NUMBER}
     */
    public static String write(TLE tle, Optional<String> objectName) {
        int number = tle.getSatelliteNumber();
        if (number < 0 || number > MAX_CATALOG_NUMBER) {
            throw new IllegalArgumentException("catalog number " + number + " cannot be written as a TLE: a TLE"
                    + " holds catalog numbers 0.." + MAX_CATALOG_NUMBER + " (Alpha-5); write this object as an OMM");
        }
        TLE writable = tle;
        if (tle.getElementNumber() >= ELEMENT_SET_WRAP || tle.getRevolutionNumberAtEpoch() >= REVOLUTION_WRAP) {
            writable = new TLE(number, tle.getClassification(), tle.getLaunchYear(), tle.getLaunchNumber(),
                    tle.getLaunchPiece(), tle.getEphemerisType(), tle.getElementNumber() % ELEMENT_SET_WRAP,
                    tle.getDate(), tle.getMeanMotion(), tle.getMeanMotionFirstDerivative(),
                    tle.getMeanMotionSecondDerivative(), tle.getE(), tle.getI(), tle.getPerigeeArgument(),
                    tle.getRaan(), tle.getMeanAnomaly(), tle.getRevolutionNumberAtEpoch() % REVOLUTION_WRAP,
                    tle.getBStar(), tle.getUtc());
        }
        String line1 = writable.getLine1();
        if (tle.getLaunchNumber() == 0 && tle.getLaunchPiece().isBlank()) {
            // no designator: Orekit writes "00000"; the columns are left blank instead (the checksum is unchanged,
            // zeros counting nothing)
            line1 = line1.substring(0, 9) + " ".repeat(8) + line1.substring(17);
        }
        StringBuilder text = new StringBuilder();
        objectName.map(String::strip).filter(n -> !n.isEmpty()).ifPresent(n -> text.append("0 ").append(n).append('\n'));
        return text.append(line1).append('\n').append(writable.getLine2()).append('\n').toString();
    }
}
