/**
 * Re-entry predictions: when a decaying object re-enters, with a window calibrated on real decays, from its orbit
 * history (the ballistic coefficient from the observed decay or from B*, semi-analytical and then numerical
 * propagation with drag in NRLMSISE-00 fed by the space-weather data the node is given).
 * {@code ReentryService} stores predictions as {@code ReentryKind} products derived from the orbit records used.
 * <p>Depends on {@code orbit} (SGP4), {@code catalog}, {@code product}, {@code label}, {@code territory} (the
 * states under a window), {@code formats} (RDM and TIP messages), {@code digest} (a report's key) and Orekit; never on the
 * adapters, the store or the composition root.
 */
package org.concord.reentry;
