/**
 * The label algebra: the label every record and product carries (originator, releasability, TLP, caveats, expiry),
 * the kinds of data, how the labels of a product's inputs combine, and the filter a caller's view is drawn with.
 * <p>Stands alone. Depends on no other Concord package, and on nothing outside the JDK.
 */
package org.concord.label;
