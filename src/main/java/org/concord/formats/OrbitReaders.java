package org.concord.formats;

import org.concord.catalog.SourceFormat;

/** Reads the orbit records of a text in a known format, with the reader of that format. */
public final class OrbitReaders {

    private OrbitReaders() {
    }

    public static ParseResult<ParsedOrbit> read(SourceFormat format, String fileName, String text) {
        return switch (format) {
            case TLE -> TleReader.read(fileName, text);
            case OMM_KVN, OMM_XML -> OmmReader.readCcsds(fileName, text, format);
            case OMM_JSON -> OmmReader.readJson(fileName, text);
            case OMM_CSV -> OmmReader.readCsv(fileName, text);
            case OEM_KVN, OEM_XML -> OemReader.read(fileName, text, format);
            case OPM_KVN, OPM_XML -> OpmReader.read(fileName, text, format);
            case SATCAT_CSV -> throw new IllegalArgumentException("SATCAT is read by SatcatReader");
            case CDM_KVN, CDM_XML -> throw new IllegalArgumentException("a CDM is read by CdmReader");
            case TIP_CSV, TIP_JSON, RDM_KVN, RDM_XML -> throw new InputRejectedException(InputError.inFile(fileName,
                    "format", format + " is a re-entry report, not an orbit record"));
        };
    }
}
