package org.concord.catalog;

/**
 * The orbit-regime figures an analyst filters on, derived from the record at its epoch
 * (for mean elements: from the SGP4 mean motion and eccentricity).
 */
public record OrbitSummary(double perigeeAltitudeKm, double apogeeAltitudeKm, double inclinationDeg,
                           double periodMinutes, double eccentricity) {
}
