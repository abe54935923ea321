package org.concord.conjunction;

import java.util.Optional;

import org.concord.catalog.Page;
import org.concord.label.LabelFilter;
import org.concord.product.ProductQuery;

/**
 * Persistence of conjunctions, implemented in {@code store}; they are stored as the product kind
 * {@link ConjunctionKind}. The conjunctions a screening run finds are stored with the run, by
 * {@code screening.ScreeningRunStore}.
 */
public interface ConjunctionStore {

    /**
     * Stores a conjunction that came as a CDM, once: the same CDM text from the same originator again stores
     * nothing. Returns the stored conjunction, or empty when it was already there.
     */
    Optional<Conjunction> storeFromCdm(Conjunction conjunction, String cdmSha256);

    /** The label of the conjunction stored from this CDM text by this originator, if one is. */
    Optional<org.concord.label.Label> cdmLabel(String cdmSha256, String originator);

    /** The conjunction, if it exists and {@code filter} admits it and both its inputs. */
    Optional<Conjunction> findConjunction(long id, LabelFilter filter);

    /**
     * Conjunctions {@code filter} admits (with both their inputs), by the filters of {@link ConjunctionKind}: items,
     * total and cursor exclude the rest.
     */
    Page<Conjunction> findConjunctions(ProductQuery query, LabelFilter filter);
}
