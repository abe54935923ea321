package org.concord.ingest;

import java.util.List;

import org.concord.catalog.SourceFormat;
import org.concord.formats.InputError;
import org.concord.label.Label;

/**
 * What an ingest did: the format detected, the label applied, records stored, records already present (nothing new
 * stored for them), records rejected with their errors (only with skip-invalid; otherwise an error rejects all), and
 * how many of the records already present are held under another label, which they keep.
 */
public record IngestReport(String sourceName, String sourceSha256, SourceFormat format, Label label, int stored,
                           int unchanged, int rejected, List<InputError> errors, int heldUnderAnotherLabel) {

    public IngestReport {
        errors = List.copyOf(errors);
    }

    public String summary() {
        return sourceName + " (" + format + "): " + stored + " stored, " + unchanged + " unchanged"
                + (unchanged > 0 && stored == 0 ? " (already ingested: nothing new)" : "")
                + (heldUnderAnotherLabel > 0 ? " of which " + heldUnderAnotherLabel
                + " held under another label, which they keep" : "")
                + ", " + rejected + " rejected";
    }

    /** What the caller must know beyond the counts: records that did not get this ingest's label. */
    public List<String> warnings() {
        if (heldUnderAnotherLabel == 0) {
            return List.of();
        }
        String held = heldUnderAnotherLabel + (heldUnderAnotherLabel == 1 ? " record was" : " records were")
                + " already held under another label and keep it: this ingest's label (" + label
                + ") was not applied to them. ";
        return List.of(held + switch (format) {
            case CDM_KVN, CDM_XML -> "A conjunction from a CDM cannot be re-labelled; its label stays as first"
                    + " ingested";
            case SATCAT_CSV -> "A SATCAT entry cannot be re-labelled; it takes the label of a changed entry";
            default -> "To change a stored record's label, re-label it (concord relabel, or PUT"
                    + " /api/v1/orbits/{id}/label; docs/sharing.md, \"Re-ingesting under another label, and"
                    + " re-labelling\")";
        });
    }
}
