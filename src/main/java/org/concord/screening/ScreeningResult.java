package org.concord.screening;

import java.util.List;
import java.util.Map;

/** The close approaches (by TCA), the statistics, and the objects excluded by SGP4 errors (NORAD id to
 * Vallado's code, or {@link Screener#NON_PHYSICAL_DRAG}). */
public record ScreeningResult(List<CloseApproach> closeApproaches, ScreeningStatistics statistics,
                              Map<Long, Integer> excludedObjects) {
}
