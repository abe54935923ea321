/**
 * Space weather: the geomagnetic and solar indices (Kp, ap, F10.7) read from CelesTrak's and CSSI's files and NOAA
 * SWPC's JSON products, the alerts SWPC issues and those this node raises when the indices cross its thresholds
 * (NOAA G-scale), both stored as labelled products of their own kinds, and the indices handed to Orekit's drag
 * models. See docs/space-weather.md.
 * <p>Depends on {@code product} (the kinds they are), {@code catalog} (provenance), {@code formats} (input errors),
 * {@code digest} and {@code label}; never on the adapters, the store or the composition root.
 */
package org.concord.spaceweather;
