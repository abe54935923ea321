package org.concord.product;

/** Where a product's label comes from. */
public enum Labelling {
    /** The product carries the label its originator gave it (a space-weather index, a cyber incident). */
    OWN,
    /**
     * The product was computed from stored inputs (a conjunction from two orbit records): it is visible, exported and
     * federated only where it and every input are, and its label is the combination of its inputs' labels unless a
     * stricter one is given.
     */
    DERIVED,
    /**
     * The product is its originator's deliberate release of a few facts about stored inputs that its readers may not
     * see (a re-entry notice to a state that may not see the prediction, docs/reentry.md): it carries the label its
     * originator gave it, visible wherever that label admits the reader whatever its inputs' labels, and names its
     * inputs only so that withdrawing one withdraws it. Its inputs are this node's own business: never read back with
     * it, shown or sent. Withdrawn by its inputs, it is not deleted but marked in its {@link
     * ProductKind#withdrawalColumn() withdrawal column} (an instant, which such a kind must declare) and sent again
     * to the partners that hold it, so that their copies are withdrawn too: they never held its inputs.
     */
    ISSUED
}
