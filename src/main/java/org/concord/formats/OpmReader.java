package org.concord.formats;

import org.concord.catalog.SourceFormat;

/** Reads CCSDS OPM (KVN and XML) through Orekit. */
public final class OpmReader {

    private OpmReader() {
    }

    public static ParseResult<ParsedOrbit> read(String fileName, String text, SourceFormat format) {
        throw new UnsupportedOperationException("being written");
    }
}
