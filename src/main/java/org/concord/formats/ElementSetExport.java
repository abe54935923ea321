package org.concord.formats;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SourceFormat;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Writes a stored mean-element record as TLE or OMM. A record that arrived as a TLE is written back exactly as it
 * came; other layouts are written from the SGP4 elements Orekit reads from the stored message.
 */
public final class ElementSetExport {

    /** The layouts an element set can be exported in, with their media types. */
    public enum Layout {
        TLE("tle", "text/plain"),
        OMM_KVN("omm-kvn", "text/plain"),
        OMM_XML("omm-xml", "application/xml"),
        OMM_JSON("omm-json", "application/json"),
        OMM_CSV("omm-csv", "text/csv");

        private final String parameter;
        private final String mediaType;

        Layout(String parameter, String mediaType) {
            this.parameter = parameter;
            this.mediaType = mediaType;
        }

        public String parameter() {
            return parameter;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Layout parse(String text) {
            String normalized = text.toLowerCase(Locale.ROOT);
            for (Layout layout : values()) {
                if (layout.parameter.equals(normalized)) {
                    return layout;
                }
            }
            throw new IllegalArgumentException("unknown export format '" + text + "' (expected one of "
                    + Arrays.stream(values()).map(Layout::parameter).toList() + ")");
        }
    }

    private ElementSetExport() {
    }

    /**
     * {@code comments} (such as the element set's age) go where the layout has a place for them: COMMENT lines of an
     * OMM in KVN or XML; a TLE, and an OMM as JSON or CSV, have none. {@code ommVersion} (default 3.0) is that of an
     * OMM in KVN or XML; the other layouts have no version.
     *
     * @throws IllegalArgumentException for a record that is not mean elements, or a version for another layout
     */
    public static String export(OrbitRecord record, Layout layout, List<String> comments,
                                Optional<OmmWriter.Version> ommVersion) {
        requireMeanElements(record);
        requireVersionFits(layout, ommVersion);
        if (layout == Layout.TLE && record.format() == SourceFormat.TLE) {
            return record.content().endsWith("\n") ? record.content() : record.content() + "\n";
        }
        TLE tle = OmmReader.toTle(record.format(), record.content());
        OmmWriter.Version version = ommVersion.orElse(OmmWriter.Version.V3_0);
        return switch (layout) {
            case TLE -> TleWriter.write(tle, Optional.of(record.objectName()).filter(n -> !n.isBlank()));
            case OMM_KVN -> OmmWriter.writeKvn(tle, record.objectName(), record.internationalDesignator(), comments,
                    version);
            case OMM_XML -> OmmWriter.writeXml(tle, record.objectName(), record.internationalDesignator(), comments,
                    version);
            case OMM_JSON -> OmmWriter.writeJson(tle, record.objectName(), record.internationalDesignator());
            case OMM_CSV -> OmmWriter.writeCsv(tle, record.objectName(), record.internationalDesignator());
        };
    }

    /** The record as one entry of an OMM of many (CelesTrak JSON or CSV): its SGP4 elements, name and designator. */
    public static OmmWriter.Entry entry(OrbitRecord record) {
        requireMeanElements(record);
        return new OmmWriter.Entry(OmmReader.toTle(record.format(), record.content()), record.objectName(),
                record.internationalDesignator());
    }

    /** @throws IllegalArgumentException for an OMM version with a layout other than OMM in KVN or XML */
    static void requireVersionFits(Layout layout, Optional<OmmWriter.Version> ommVersion) {
        if (ommVersion.isPresent() && layout != Layout.OMM_KVN && layout != Layout.OMM_XML) {
            throw new IllegalArgumentException("an OMM version applies to " + Layout.OMM_KVN.parameter() + " and "
                    + Layout.OMM_XML.parameter() + " only, not to " + layout.parameter());
        }
    }

    private static void requireMeanElements(OrbitRecord record) {
        if (record.kind() != OrbitKind.MEAN_ELEMENTS) {
            throw new IllegalArgumentException("orbit record " + record.id() + " is " + record.kind()
                    + ", not mean elements: it has no TLE or OMM form (use the ephemeris export)");
        }
    }
}
