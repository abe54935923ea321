package org.concord.orbit;

import java.util.List;

import org.concord.catalog.OrbitKind;
import org.concord.label.Label;

/**
 * The result of propagating one orbit record: the samples in the requested frame, which object they describe, how
 * they were computed ({@code method}) and what limits their accuracy ({@code notes}). {@code approximate} is true when
 * an Earth-fixed frame was involved without Earth orientation parameters loaded (UT1-UTC and polar motion taken as
 * zero: up to about 0.5 km along the equator). {@code elementAge} says how far the samples lie from the record's
 * epoch and whether that is beyond the staleness limit of its regime. A product of one record, it carries that
 * record's id and label.
 */
public record Ephemeris(long noradId, String objectName, String objectId, OrbitKind sourceKind, OutputFrame frame,
                        String method, boolean approximate, List<String> notes, List<EphemerisSample> samples,
                        long sourceOrbitId, Label label, ElementAge elementAge) {

    public Ephemeris {
        notes = List.copyOf(notes);
        samples = List.copyOf(samples);
    }
}
