/**
 * Live source connectors: configured pulls, on a schedule inside the node, from outside sources of data (Space-Track,
 * CelesTrak, any URL), each through the node's ordinary ingest path (docs/connectors.md). A source type
 * ({@code ConnectorType}) knows how to ask its source ({@code Source}) and which ingest path ({@code Sink}) its data
 * goes into; {@code Connectors} runs the configured connectors when they are due, within their source's etiquette
 * (minimum periods, request budgets, conditional requests), backs off on errors, stops on answers a person must look
 * at, and records every run. Persistence is the {@code ConnectorStore} interface, implemented in {@code store}.
 * <p>Depends on {@code label} (the label a connector stores under) and {@code formats} (the errors of refused
 * input); never on the adapters, the store or the composition root.
 */
package org.concord.connector;
