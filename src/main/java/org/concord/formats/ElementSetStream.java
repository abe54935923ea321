package org.concord.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

import org.concord.catalog.OrbitRecord;
import org.concord.formats.ElementSetExport.Layout;

/**
 * Many element sets in one document, written one at a time as they are read (never the whole catalog in memory):
 * TLEs one after another; OMMs in KVN one after another, as Space-Track serves them; OMMs in XML as the OMM segments
 * of one NDM combined instantiation ({@code <ndm>}); a CelesTrak JSON array; a CelesTrak CSV with one header line.
 * Each element set is written as {@link ElementSetExport} writes it alone. {@link #close} ends the document (and
 * does not close the writer).
 */
public final class ElementSetStream implements AutoCloseable {

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final Writer out;
    private final Layout layout;
    private final Optional<OmmWriter.Version> ommVersion;
    private final RenderedEntries rendered;
    private long written;

    private ElementSetStream(Writer out, Layout layout, Optional<OmmWriter.Version> ommVersion,
                             RenderedEntries rendered) {
        this.out = out;
        this.layout = layout;
        this.ommVersion = ommVersion;
        this.rendered = rendered;
    }

    /**
     * Begins a document of this layout on {@code out}; {@code ommVersion} as {@link ElementSetExport#export} takes it.
     *
     * @throws IllegalArgumentException for a version with a layout that has none, before anything is written
     */
    public static ElementSetStream open(Writer out, Layout layout, Optional<OmmWriter.Version> ommVersion) {
        return open(out, layout, ommVersion, new RenderedEntries(0));
    }

    /**
     * As {@link #open(Writer, Layout, Optional)}, taking the JSON and CSV entries of records already written from
     * {@code rendered} (and keeping those it writes there): the same text, without parsing each stored message again.
     */
    public static ElementSetStream open(Writer out, Layout layout, Optional<OmmWriter.Version> ommVersion,
                                        RenderedEntries rendered) {
        ElementSetExport.requireVersionFits(layout, ommVersion);
        ElementSetStream stream = new ElementSetStream(out, layout, ommVersion, rendered);
        stream.append(switch (layout) {
            case TLE, OMM_KVN -> "";
            case OMM_XML -> XML_DECLARATION + "<ndm>\n";
            case OMM_JSON -> "[";
            case OMM_CSV -> OmmWriter.csvHeader();
        });
        return stream;
    }

    /** Writes one element set, with {@code comments} where the layout has a place for them. */
    public void write(OrbitRecord record, List<String> comments) {
        String separator = written == 0 ? "" : switch (layout) {
            case OMM_JSON -> ",";
            case OMM_KVN -> "\n";
            default -> "";
        };
        append(separator + switch (layout) {
            case TLE, OMM_KVN -> ElementSetExport.export(record, layout, comments, ommVersion);
            case OMM_XML -> withoutDeclaration(ElementSetExport.export(record, layout, comments, ommVersion));
            case OMM_JSON -> rendered.json(record);
            case OMM_CSV -> rendered.csvRow(record);
        });
        written++;
    }

    /** How many element sets were written. */
    public long written() {
        return written;
    }

    @Override
    public void close() {
        append(switch (layout) {
            case TLE, OMM_KVN, OMM_CSV -> "";
            case OMM_XML -> "</ndm>\n";
            case OMM_JSON -> "]\n";
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutDeclaration(String xml) {
        String text = xml.stripLeading();
        return text.startsWith("<?xml") ? text.substring(text.indexOf("?>") + 2).stripLeading() : text;
    }

    private void append(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
