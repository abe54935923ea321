/**
 * Space weather: the geomagnetic and solar indices (Kp, ap, F10.7) read from CelesTrak's and CSSI's files and NOAA
 * SWPC's JSON products, the alerts SWPC issues and those this node raises when the indices cross its thresholds
 * (NOAA G-scale), both stored as labelled products, and the indices handed to Orekit's drag models. See
 * docs/space-weather.md.
 */
package org.concord.spaceweather;
