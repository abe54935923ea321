package org.concord.ingest;

import java.util.List;

import org.concord.catalog.SourceFormat;
import org.concord.formats.InputError;
import org.concord.label.Label;

/**
 * What an ingest did: the format detected, the label applied, records stored, records already present (nothing new
 * stored for them), records rejected with their errors (only with skip-invalid; otherwise an error rejects all).
 */
public record IngestReport(String sourceName, String sourceSha256, SourceFormat format, Label label, int stored,
                           int unchanged, int rejected, List<InputError> errors) {

    public IngestReport {
        errors = List.copyOf(errors);
    }

    public String summary() {
        return sourceName + " (" + format + "): " + stored + " stored, " + unchanged + " unchanged"
                + (unchanged > 0 && stored == 0 ? " (already ingested: nothing new)" : "")
                + ", " + rejected + " rejected";
    }
}
