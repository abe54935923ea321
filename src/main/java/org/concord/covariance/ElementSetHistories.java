package org.concord.covariance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.CatalogStore;
import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.label.LabelFilter;
import org.concord.orbit.MeanElementsDecoder;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * The element-set history of a mean-elements orbit record, from the catalog: the earlier mean-element records of the
 * same object <b>from the same originator under the same label</b> (so that an estimate reveals nothing a reader of
 * the record may not see, and does not mix the biases of different sources), within {@link ElementSetHistory#LOOKBACK}
 * of its epoch. Records after it are left out, so the estimate for a record stays what it was when it was screened.
 * One instance reads once which objects have more than one element set (one query: the others cost nothing more)
 * and caches each record's history: make one per screening run (or per export). Not thread-safe.
 */
public final class ElementSetHistories {

    private final CatalogStore catalog;
    private final MeanElementsDecoder decoder;
    private final Map<Long, Optional<ElementSetHistory>> byOrbitId = new HashMap<>();
    /** The objects with more than one element set, read once: the others have no history to read. */
    private java.util.Set<Long> withSeveral;

    public ElementSetHistories(CatalogStore catalog, MeanElementsDecoder decoder) {
        this.catalog = catalog;
        this.decoder = decoder;
    }

    /**
     * The history of {@code record} (whose element set is {@code elementSet}), if it is a mean-elements record with at
     * least one earlier element set to estimate from.
     */
    public Optional<ElementSetHistory> of(OrbitRecord record, TLE elementSet) {
        return byOrbitId.computeIfAbsent(record.id(), id -> read(record, elementSet));
    }

    private Optional<ElementSetHistory> read(OrbitRecord record, TLE elementSet) {
        if (withSeveral == null) {
            withSeveral = catalog.objectsWithSeveralElementSets();
        }
        if (record.kind() != OrbitKind.MEAN_ELEMENTS || !withSeveral.contains(record.noradId())) {
            return Optional.empty();
        }
        Instant earliest = record.epoch().minus(ElementSetHistory.LOOKBACK);
        List<TLE> earlier = new ArrayList<>();
        for (OrbitRecord o : catalog.orbitHistory(record.noradId(), LabelFilter.UNRESTRICTED)) {
            if (earlier.size() >= ElementSetHistory.MAX_SETS || o.epoch().isBefore(earliest)) {
                break;
            }
            if (o.kind() == OrbitKind.MEAN_ELEMENTS && o.epoch().isBefore(record.epoch())
                    && o.label().equals(record.label())) {
                try {
                    earlier.add(decoder.toTle(o.format(), o.content()));
                } catch (RuntimeException e) {
                    // an unreadable record is not part of the history
                }
            }
        }
        return earlier.isEmpty() ? Optional.empty() : Optional.of(ElementSetHistory.of(elementSet, earlier));
    }
}
