package org.concord.spaceweather;

import java.time.LocalDate;
import java.util.OptionalDouble;

/** One day's F10.7 as this node knows it best, in solar flux units, its 81-day centred average and its status. */
public record DailyFlux(LocalDate day, double observedSfu, OptionalDouble observedCentered81Sfu, IndexStatus status,
                        String source) {
}
