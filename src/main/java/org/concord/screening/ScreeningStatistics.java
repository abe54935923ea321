package org.concord.screening;

/**
 * How a screening went: wall time per stage (seconds; the stages interleave chunk by chunk, each figure is the sum
 * of its own stretches), how many pairs each filter let through, and the objects SGP4 errors excluded.
 *
 * @param objects              objects screened
 * @param deepSpaceObjects     of which propagated with SDP4 (the batch kernel's deep-space part, {@code BatchSdp4})
 * @param excludedBySgp4Error  objects that hit an SGP4 error within the window (screened up to the sample before it),
 *                             or whose drag polynomials ran away ({@link Screener#NON_PHYSICAL_DRAG})
 * @param samples              sample times
 * @param propagations         object states propagated for the broad phase (interpolated samples not counted)
 * @param gridPairs            distinct (pair, step) combinations whose padded segment boxes overlap (pair and
 *                             sub-step, where steps are cut into sub-steps: see {@code BroadPhase})
 * @param radialPairs          of which also pass the radial-shell (perigee/apogee) filter
 * @param candidatePairs       of which also pass the segment-distance test: handed to refinement
 * @param conjunctions         close approaches found
 */
public record ScreeningStatistics(int objects, int deepSpaceObjects, int excludedBySgp4Error, int samples,
                                  long propagations, long gridPairs, long radialPairs, long candidatePairs,
                                  int conjunctions, double propagationSeconds, double broadPhaseSeconds,
                                  double refinementSeconds, double totalSeconds) {
}
