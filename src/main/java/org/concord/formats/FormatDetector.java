package org.concord.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.concord.catalog.SourceFormat;

/** Recognises a message format from its content alone, and decodes it as text. */
public final class FormatDetector {

    private FormatDetector() {
    }

    /** The bytes as UTF-8 text (a byte-order mark dropped), or an error naming the first byte that is not text. */
    public static String decode(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw new InputRejectedException(InputError.inFile(fileName, "content", "the file is empty"));
        }
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == 0 || (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f')) {
                throw new InputRejectedException(InputError.atLine(fileName, lineAt(bytes, i), "content",
                        String.format("binary data: control byte 0x%02X at byte offset %d; expected a text message", b, i)));
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputRejectedException(InputError.inFile(fileName, "content",
                    "not UTF-8 text (" + e.getMessage() + "); expected a text message"));
        }
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    public static SourceFormat detect(String fileName, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new InputRejectedException(InputError.inFile(fileName, "content", "the file holds only white space"));
        }
        if (trimmed.startsWith("<")) {
            return detectXml(fileName, trimmed);
        }
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return SourceFormat.OMM_JSON;
        }
        String firstLine = firstMeaningfulLine(trimmed);
        String upper = firstLine.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CCSDS_OMM_VERS")) {
            return SourceFormat.OMM_KVN;
        }
        if (upper.startsWith("CCSDS_OEM_VERS")) {
            return SourceFormat.OEM_KVN;
        }
        if (upper.startsWith("CCSDS_OPM_VERS")) {
            return SourceFormat.OPM_KVN;
        }
        if (upper.startsWith("CCSDS_")) {
            throw new InputRejectedException(InputError.atLine(fileName, 1, "CCSDS version keyword",
                    "'" + firstLine.split("[\\s=]")[0] + "' is not an orbit message Concord ingests here"
                            + " (expected CCSDS_OMM_VERS, CCSDS_OEM_VERS or CCSDS_OPM_VERS)"));
        }
        if (upper.contains(",") && upper.contains("MEAN_MOTION") && upper.contains("EPOCH")) {
            return SourceFormat.OMM_CSV;
        }
        if (upper.contains(",") && upper.contains("NORAD_CAT_ID")
                && (upper.contains("OBJECT_TYPE") || upper.contains("INTLDES"))) {
            return SourceFormat.SATCAT_CSV;
        }
        for (String line : trimmed.split("\\r?\\n", 4)) {
            if (line.startsWith("1 ") || line.startsWith("2 ")) {
                return SourceFormat.TLE;
            }
        }
        throw new InputRejectedException(InputError.atLine(fileName, 1, "format",
                "not a recognised format: expected NORAD TLE, CCSDS OMM/OEM/OPM (KVN or XML), OMM JSON or CSV"
                        + " (CelesTrak/Space-Track layout), or SATCAT CSV"));
    }

    private static String firstMeaningfulLine(String text) {
        for (String line : text.split("\\r?\\n")) {
            if (!line.isBlank() && !line.strip().startsWith("COMMENT")) {
                return line.strip();
            }
        }
        return "";
    }

    private static SourceFormat detectXml(String fileName, String text) {
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("<!doctype") || lower.contains("<!entity")) {
            throw new InputRejectedException(InputError.atPath(fileName, "/", "DOCTYPE",
                    "XML with a document type declaration is refused (entity expansion and external entities are"
                            + " not allowed in navigation data messages)"));
        }
        if (lower.contains("<omm")) {
            return SourceFormat.OMM_XML;
        }
        if (lower.contains("<oem")) {
            return SourceFormat.OEM_XML;
        }
        if (lower.contains("<opm")) {
            return SourceFormat.OPM_XML;
        }
        throw new InputRejectedException(InputError.atPath(fileName, "/", "root element",
                "XML is neither a CCSDS OMM, OEM nor OPM (no <omm>, <oem> or <opm> element)"));
    }
}
