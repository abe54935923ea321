/**
 * Orbits in time: SGP4/SDP4 through Orekit with Vallado's error checks, ephemeris interpolation, ephemerides in the
 * output frames, orbit regimes, the staleness of a result relative to its element set's epoch, the Orekit data
 * context set-up, and the generators every CCSDS message is written through (units, numbers, schema-valid XML).
 * <p>Depends on {@code catalog} and {@code label}; never on the adapters, the store or the composition root.
 */
package org.concord.orbit;
