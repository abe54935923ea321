package org.concord.catalog;

import java.util.function.Consumer;

import org.concord.label.LabelFilter;

/**
 * Reads of the whole visible catalog, one row at a time, for answers too large to hold: the boxscore's facts of every
 * object, and the bulk element-set export. Implemented in {@code store}, with the label filter applied in SQL as
 * every {@link CatalogStore} read does; each read is one consistent snapshot.
 */
public interface CatalogScan {

    /**
     * The facts of every object the filter admits: each object with an orbit record it admits (its newest admitted
     * one, as {@link CatalogStore#findObject} shows it), with its SATCAT entry if admitted; and each object known only
     * by a SATCAT entry the filter admits.
     */
    void eachObject(LabelFilter filter, Consumer<ObjectFacts> facts);

    /**
     * The newest mean-element record (TLE or OMM) the filter admits of every object that has one, as
     * {@link CatalogStore#latestMeanElements} finds it for one object; in catalog-number order.
     */
    void eachLatestMeanElements(LabelFilter filter, Consumer<OrbitRecord> records);
}
