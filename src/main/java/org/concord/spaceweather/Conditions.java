package org.concord.spaceweather;

import java.util.List;

import org.concord.label.Label;

/**
 * The indices of a window, merged from every visible source interval by interval and day by day, in time order,
 * with the labels of the products they were taken from (what a read served).
 */
public record Conditions(List<KpInterval> kp, List<DailyFlux> flux, List<Label> served) {

    public Conditions {
        kp = List.copyOf(kp);
        flux = List.copyOf(flux);
        served = List.copyOf(served);
    }
}
