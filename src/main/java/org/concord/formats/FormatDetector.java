package org.concord.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.catalog.SourceFormat;

/** Recognises a message format from its content alone, and decodes it as text. */
public final class FormatDetector {

    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][\\w.:-]*");
    private static final Pattern NDM_CHILD = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?(omm|oem|opm)[\\s>/]",
            Pattern.CASE_INSENSITIVE);

    private FormatDetector() {
    }

    /** The bytes as UTF-8 text (a byte-order mark dropped), or an error naming the first byte that is not text. */
    public static String decode(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw new InputRejectedException(InputError.inFile(fileName, "content", "the file is empty"));
        }
        notCompressedOrImage(fileName, bytes);
        notUtf16OrUtf32(fileName, bytes);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == 0 || (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f')) {
                throw new InputRejectedException(InputError.atLine(fileName, lineAt(bytes, i), "content",
                        String.format("binary data: control byte 0x%02X at byte offset %d; expected a text message", b, i)));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new InputRejectedException(InputError.atLine(fileName, lineAt(bytes, offset), "content",
                    String.format("not UTF-8 text: byte 0x%02X at byte offset %d does not belong to a UTF-8"
                            + " character (a file in ISO-8859-1 or Windows-1252?); save the file as UTF-8",
                            bytes[offset] & 0xFF, offset)));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Compressed archives and images, named, rather than reported as a control byte. */
    private static void notCompressedOrImage(String fileName, byte[] bytes) {
        String what = startsWith(bytes, 0x1F, 0x8B) ? "gzip-compressed: decompress it first"
                : startsWith(bytes, 'P', 'K', 3, 4) ? "a ZIP archive: extract the message from it first"
                : startsWith(bytes, 0xFD, '7', 'z', 'X', 'Z', 0) ? "xz-compressed: decompress it first"
                : startsWith(bytes, 0x89, 'P', 'N', 'G') ? "a PNG image, not a message"
                : null;
        if (what != null) {
            throw new InputRejectedException(InputError.atLine(fileName, 1, "content",
                    "binary data: the file is " + what + " (expected a text message)"));
        }
    }

    /**
     * UTF-16 and UTF-32 text, by its byte-order mark or, without one, by the zero bytes of ASCII characters, named
     * rather than reported as a NUL byte.
     */
    private static void notUtf16OrUtf32(String fileName, byte[] bytes) {
        String encoding = startsWith(bytes, 0xFF, 0xFE, 0, 0) || startsWith(bytes, 0, 0, 0xFE, 0xFF) ? "UTF-32"
                : startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF) ? "UTF-16"
                : bytes.length >= 4 && bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0
                        || bytes.length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0
                        ? "UTF-16 (without a byte-order mark)"
                : null;
        if (encoding != null) {
            throw new InputRejectedException(InputError.atLine(fileName, 1, "content", "the text is encoded in "
                    + encoding + "; Concord reads UTF-8 (or ASCII): save the file as UTF-8"));
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
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
            return detectXml(fileName, text);
        }
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return TipReader.looksLikeTip(trimmed) ? SourceFormat.TIP_JSON : SourceFormat.OMM_JSON;
        }
        String firstLine = firstMeaningfulLine(trimmed);
        String upper = firstLine.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CCSDS_OMM_VERS")) {
            return SourceFormat.OMM_KVN;
        }
        if (upper.startsWith("CCSDS_OEM_VERS")) {
            return SourceFormat.OEM_KVN;
        }
        if (upper.startsWith("CCSDS_CDM_VERS")) {
            return SourceFormat.CDM_KVN;
        }
        if (upper.startsWith("CCSDS_OPM_VERS")) {
            return SourceFormat.OPM_KVN;
        }
        if (upper.startsWith("CCSDS_RDM_VERS")) {
            return SourceFormat.RDM_KVN;
        }
        if (upper.startsWith("CCSDS_")) {
            throw new InputRejectedException(InputError.atLine(fileName, 1, "CCSDS version keyword",
                    "'" + firstLine.split("[\\s=]")[0] + "' is not a message Concord ingests here"
                            + " (expected CCSDS_OMM_VERS, CCSDS_OEM_VERS, CCSDS_OPM_VERS, CCSDS_CDM_VERS or"
                            + " CCSDS_RDM_VERS)"));
        }
        if (upper.contains(",") && TipReader.looksLikeTip(firstLine)) {
            return SourceFormat.TIP_CSV;
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
                "not a recognised format: expected NORAD TLE, CCSDS OMM/OEM/OPM/CDM/RDM (KVN or XML), OMM JSON or"
                        + " CSV (CelesTrak/Space-Track layout), SATCAT CSV, or Space-Track TIP CSV or JSON"));
    }

    private static String firstMeaningfulLine(String text) {
        for (String line : text.split("\\r?\\n")) {
            if (!line.isBlank() && !line.strip().startsWith("COMMENT")) {
                return line.strip();
            }
        }
        return "";
    }

    /**
     * The format of an XML message by its root element ({@code <ndm>} holding one is taken too), which may come
     * after any length of prolog. A document type declaration is refused wherever it is.
     */
    private static SourceFormat detectXml(String fileName, String text) {
        XmlHardening.declaration(fileName, text).ifPresent(refusal -> {
            throw new InputRejectedException(refusal);
        });
        String name = rootElement(text);
        if (name == null) {
            throw new InputRejectedException(InputError.atLine(fileName, 1, "root element",
                    "no XML root element found after the prolog; expected a CCSDS OMM, OEM or OPM in XML"));
        }
        String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        if (local.equals("ndm")) {
            Matcher child = NDM_CHILD.matcher(text);
            local = child.find() ? child.group(1).toLowerCase(Locale.ROOT) : local;
        }
        return switch (local) {
            case "omm" -> SourceFormat.OMM_XML;
            case "oem" -> SourceFormat.OEM_XML;
            case "opm" -> SourceFormat.OPM_XML;
            case "cdm" -> SourceFormat.CDM_XML;
            case "rdm" -> SourceFormat.RDM_XML;
            default -> throw new InputRejectedException(InputError.atPath(fileName, "/" + name, "root element",
                    "<" + name + "> is not a CCSDS orbit message Concord ingests (expected <omm>, <oem> or <opm>,"
                            + " alone or in an <ndm>)"));
        };
    }

    /** The name of the first element after the prolog (XML declaration, processing instructions, comments). */
    private static String rootElement(String text) {
        int i = 0;
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("<?", i) || text.startsWith("<!--", i)) {
                String close = text.startsWith("<?", i) ? "?>" : "-->";
                int end = text.indexOf(close, i + 2);
                if (end < 0) {
                    return null;
                }
                i = end + close.length();
            } else if (text.startsWith("<", i)) {
                Matcher name = XML_NAME.matcher(text).region(i + 1, text.length());
                return name.lookingAt() ? name.group() : null;
            } else {
                return null;
            }
        }
    }
}
