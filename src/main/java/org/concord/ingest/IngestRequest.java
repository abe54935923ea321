package org.concord.ingest;

import java.util.Optional;

import org.concord.label.Label;

/**
 * One input to ingest: its name (file name or upload name), its bytes, an explicit label (else the configured label
 * of the source applies), who ingests it, whether invalid records are skipped rather than failing the whole input,
 * and the catalog number to file ephemerides and states under when the message names no known object.
 */
public record IngestRequest(String sourceName, byte[] content, Optional<Label> label, String ingestedBy,
                            boolean skipInvalid, Optional<Long> noradIdOverride) {

    public static IngestRequest of(String sourceName, byte[] content, String ingestedBy) {
        return new IngestRequest(sourceName, content, Optional.empty(), ingestedBy, false, Optional.empty());
    }
}
