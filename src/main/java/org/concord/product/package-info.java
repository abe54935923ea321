/**
 * Product kinds: the one pattern every product of the node follows (conjunctions, space weather, re-entry predictions,
 * ...). A {@link org.concord.product.ProductKind} declares its data kind, whether its items carry their own label or
 * are derived from stored inputs, its table's columns, filters and sort orders; the framework gives it storage with
 * derivation links, the visibility rule, the recall cascade, paged reads with the label filter in SQL, the read audit,
 * and its lane in the federation feed. {@code docs/products.md} is the checklist for adding a kind.
 * <p>
 * Depends on {@code label} and {@code catalog} (pages); implemented in {@code store}, served by {@code http} and
 * {@code federation}.
 */
package org.concord.product;
