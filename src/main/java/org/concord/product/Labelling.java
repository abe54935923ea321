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
    DERIVED
}
