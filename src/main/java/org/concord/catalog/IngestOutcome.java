package org.concord.catalog;

/** What storing a batch changed: records stored, records already present (idempotent re-ingest), records rejected. */
public record IngestOutcome(long sourceId, int stored, int unchanged, int rejected) {
}
