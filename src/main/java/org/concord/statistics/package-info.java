/**
 * The policy analyst's boxscore: the objects of the catalog a caller may see, counted by owner (as party codes), object
 * type, orbit regime, on-orbit or decayed, and the age of their element sets.
 * <p>Depends on {@code catalog}, {@code orbit} and {@code label}.
 */
package org.concord.statistics;
