/**
 * The catalog: space objects, their orbit records with label and provenance, SATCAT entries and owner codes, and the
 * searches, pages and outcomes (ingest, recall, re-label) of the {@code CatalogStore} interface, implemented in
 * {@code store}.
 * <p>Depends on {@code label} only.
 */
package org.concord.catalog;
