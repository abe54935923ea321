/**
 * Close-approach screening: all-vs-all and one-vs-all screening of element sets with a batch SGP4 kernel, screening of
 * an uploaded ephemeris against the catalog, and the screening service that stores runs (their parameters, volume and
 * figures, through the {@code ScreeningRunStore} interface implemented in {@code store}) and the conjunctions they
 * find, and the proximities of co-located pairs in place of their close approaches. Each numerical shortcut is argued
 * in its class comment and its bound tested.
 * <p>Depends on {@code orbit}, {@code formats}, {@code catalog}, {@code conjunction}, {@code event}, {@code product},
 * {@code ingest}, {@code risk}, {@code covariance}, {@code label} and {@code digest}; never on the adapters, the store or the composition
 * root.
 */
package org.concord.screening;
