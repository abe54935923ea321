package org.concord.formats;

/** Reads the SATCAT CSV of Space-Track and CelesTrak. */
public final class SatcatReader {

    private SatcatReader() {
    }

    public static ParseResult<ParsedSatcat> read(String fileName, String text) {
        throw new UnsupportedOperationException("being written");
    }
}
