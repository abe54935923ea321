package org.concord.cyber;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.concord.label.LabelFilter;
import org.concord.product.Product;

/**
 * The queries TAXII and the space links make of stored STIX objects, implemented in {@code store} over the product
 * kind's table and its one visibility rule: every read sees only what {@code filter} admits.
 */
public interface CyberStore {

    /** The versions a TAXII query selects, in the order they were added (then by id). */
    TaxiiPage find(TaxiiQuery query, LabelFilter filter);

    /** Which of these STIX ids have a stored version {@code filter} admits, in any collection. */
    Set<String> existing(Collection<String> stixIds, LabelFilter filter);

    /**
     * Deletes these stored versions (and any product derived from them); returns how many were. Not filtered: the
     * caller found them with the deleting party's filter.
     */
    int delete(Collection<Long> ids);

    /**
     * The newest version (of those {@code filter} admits) of each object that names this space object, that is joined
     * to one naming it by a relationship or sighting, or that is such a relationship or sighting; revoked objects are
     * left out.
     */
    List<Product<StixObject>> linkedTo(long noradId, LabelFilter filter);
}
