/**
 * The probability of collision at TCA: Orekit's short-term-encounter 2D methods, the maximum Pc for objects without a
 * covariance, the encounter plane, and hard-body radii.
 * <p>Depends on no other Concord package.
 */
package org.concord.risk;
