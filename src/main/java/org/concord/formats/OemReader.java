package org.concord.formats;

import org.concord.catalog.SourceFormat;

/** Reads CCSDS OEM (KVN and XML) through Orekit. */
public final class OemReader {

    private OemReader() {
    }

    public static ParseResult<ParsedOrbit> read(String fileName, String text, SourceFormat format) {
        throw new UnsupportedOperationException("being written");
    }
}
