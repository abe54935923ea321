package org.concord.catalog;

import java.time.Instant;

/** Where a record came from: the source file (or upload) name, its SHA-256, when and by whom it was ingested. */
public record Provenance(String sourceName, String sourceSha256, Instant ingestedAt, String ingestedBy) {
}
