package org.concord.formats;

import org.concord.catalog.SourceFormat;

/** Reads CCSDS OMM (KVN and XML through Orekit) and the JSON and CSV layouts of CelesTrak and Space-Track. */
public final class OmmReader {

    private OmmReader() {
    }

    public static ParseResult<ParsedOrbit> readCcsds(String fileName, String text, SourceFormat format) {
        throw new UnsupportedOperationException("being written");
    }

    public static ParseResult<ParsedOrbit> readJson(String fileName, String text) {
        throw new UnsupportedOperationException("being written");
    }

    public static ParseResult<ParsedOrbit> readCsv(String fileName, String text) {
        throw new UnsupportedOperationException("being written");
    }
}
