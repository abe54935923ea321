package org.concord.formats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SourceFormat;
import org.concord.formats.ElementSetExport.Layout;

/**
 * A bounded memory of element sets already written as one entry of a CelesTrak JSON array or CSV, so that a bulk
 * export does not parse every stored message and write it again for every request (parsing a TLE and formatting it
 * as OMM costs more than reading the rows).
 * <p>It holds rendering only, never what may be seen: the caller still reads the rows through its label filter, and
 * asks for the text of a record it has just read. An entry is used only for the same record id <em>and</em> the same
 * inputs of the text (stored message, its format, object name and designator), compared on every use, so a record
 * whose id came back with other content (a database restored, a record replaced) is written afresh; a recalled or
 * deleted record is never read again, and its entry ages out. The label is not part of the text, so a re-labelled
 * record's text is unchanged, and whether it is shown is decided by the query alone.
 * <p>Least recently used entries are dropped past {@code maxChars} characters (text and message together); safe for
 * concurrent use.
 */
public final class RenderedEntries {

    /** About 64 MB of text: the bundled catalog (26,389 objects) takes about 16 M characters as JSON. */
    public static final long DEFAULT_MAX_CHARS = 64L * 1024 * 1024;

    private record Key(long recordId, Layout layout) {
    }

    private record Rendered(SourceFormat format, String content, String objectName,
                            Optional<String> internationalDesignator, String text) {

        boolean renders(OrbitRecord record) {
            return format == record.format() && content.equals(record.content())
                    && objectName.equals(record.objectName())
                    && internationalDesignator.equals(record.internationalDesignator());
        }

        long chars() {
            return (long) content.length() + text.length() + objectName.length();
        }
    }

    private final long maxChars;
    private final LinkedHashMap<Key, Rendered> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long chars;
    private long hits;
    private long misses;

    /** @param maxChars the most characters held; 0 holds nothing (every entry is written afresh) */
    public RenderedEntries(long maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars must be >= 0, not " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** The record as one object of a CelesTrak JSON array, exactly as {@link OmmWriter#writeJsonObject} writes it. */
    public String json(OrbitRecord record) {
        return text(record, Layout.OMM_JSON, r -> OmmWriter.writeJsonObject(ElementSetExport.entry(r)));
    }

    /** The record as one row of a CelesTrak CSV, exactly as {@link OmmWriter#csvRow} writes it. */
    public String csvRow(OrbitRecord record) {
        return text(record, Layout.OMM_CSV, r -> OmmWriter.csvRow(ElementSetExport.entry(r)));
    }

    /** How many texts were served from memory and how many written, since this memory was made. */
    public synchronized Map<String, Long> counts() {
        return Map.of("hits", hits, "misses", misses, "entries", (long) entries.size(), "chars", chars);
    }

    private String text(OrbitRecord record, Layout layout, Function<OrbitRecord, String> write) {
        Key key = new Key(record.id(), layout);
        if (record.id() > 0) {
            synchronized (this) {
                Rendered held = entries.get(key);
                if (held != null && held.renders(record)) {
                    hits++;
                    return held.text();
                }
                misses++;
            }
        }
        String text = write.apply(record);
        if (record.id() > 0 && maxChars > 0) {
            keep(key, new Rendered(record.format(), record.content(), record.objectName(),
                    record.internationalDesignator(), text));
        }
        return text;
    }

    private synchronized void keep(Key key, Rendered rendered) {
        if (rendered.chars() > maxChars) {
            return;
        }
        Rendered replaced = entries.put(key, rendered);
        chars += rendered.chars() - (replaced == null ? 0 : replaced.chars());
        var eldest = entries.entrySet().iterator();
        while (chars > maxChars && eldest.hasNext()) {
            chars -= eldest.next().getValue().chars();
            eldest.remove();
        }
    }
}
