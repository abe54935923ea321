/**
 * Covariance estimated from an object's element-set history, for element sets (TLE, OMM) that carry none: the spread
 * of successive element sets propagated to each other's epochs, in the radial / in-track / cross-track frame
 * ("TLE differencing": Osweiler 2006; Flohrer, Krag and Klinkrad 2008). Always an ESTIMATE, never a measured
 * covariance: every output that uses it says so, also when it is combined with a measured one (an uploaded OEM's own
 * covariance, {@code EphemerisEncounterEstimate}): a Pc with any estimated part is an estimate.
 * <p>Depends on {@code orbit} (SGP4), {@code catalog} and {@code label} (the history of a record) and {@code risk}
 * (the Pc); never on the adapters, the store or the composition root.
 */
package org.concord.covariance;
