package org.concord.catalog;

/**
 * What storing a batch changed: records stored, records already present (idempotent re-ingest), records rejected,
 * and how many of the records already present are held under another label than the batch gives them (they keep the
 * label they are held under: storing the same content again never changes its label).
 */
public record IngestOutcome(long sourceId, int stored, int unchanged, int rejected, int heldUnderAnotherLabel) {
}
