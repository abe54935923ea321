/**
 * Ingest: an input's bytes to stored records in one transaction: format detection, parsing, validation, the label
 * (given, or from the configured label rules), and CDMs from other systems taken as conjunctions.
 * <p>Depends on {@code formats}, {@code catalog}, {@code conjunction}, {@code risk}, {@code label}, {@code digest},
 * {@code reentry} (TIP and RDM messages stored as re-entry reports) and {@code access} (the uploader's principal);
 * never on the adapters, the store or the composition root.
 */
package org.concord.ingest;
