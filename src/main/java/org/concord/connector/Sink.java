package org.concord.connector;

/**
 * An ingest path a connector's data goes into: the node's ordinary ingest (same parsers, one transaction with its
 * audit entry, all or nothing), under the connector's label, with the connector as source and actor.
 */
public interface Sink {

    /** The node's catalog: orbit messages and SATCAT, as {@code concord ingest} takes them. */
    String CATALOG = "catalog";

    /**
     * Ingests one whole answer of {@code connector}, named {@code sourceName}; throws
     * {@link org.concord.formats.InputRejectedException} (nothing stored) when it cannot be taken.
     */
    Ingested ingest(ConnectorDefinition connector, String sourceName, byte[] content);

    /** What the ingest stored. */
    record Ingested(int stored, int unchanged, int rejected, String sourceSha256) {
    }
}
