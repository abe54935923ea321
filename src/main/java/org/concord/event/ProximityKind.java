package org.concord.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.concord.label.DataKind;
import org.concord.product.Column;
import org.concord.product.ColumnType;
import org.concord.product.Filter;
import org.concord.product.Labelling;
import org.concord.product.ProductKind;
import org.concord.product.Row;
import org.concord.product.SortOrder;

/**
 * Proximities as a product kind: released under the data kind {@code conjunctions} with the code
 * {@code proximities}, derived from the two orbit records screened (inputs {@code primary}, {@code secondary}).
 */
public final class ProximityKind implements ProductKind<Proximity> {

    public static final ProximityKind INSTANCE = new ProximityKind();
    public static final DataKind CODE = new DataKind("proximities");
    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";

    private static final List<Column<Proximity>> COLUMNS = declaredColumns();

    private ProximityKind() {
    }

    @Override
    public DataKind dataKind() {
        return DataKind.CONJUNCTIONS;
    }

    @Override
    public DataKind code() {
        return CODE;
    }

    @Override
    public Labelling labelling() {
        return Labelling.DERIVED;
    }

    @Override
    public String table() {
        return "proximity";
    }

    private static List<Column<Proximity>> declaredColumns() {
        List<Column<Proximity>> c = new ArrayList<>();
        c.add(Column.local("run_id", ColumnType.WHOLE, Proximity::screeningRunId));
        c.add(Column.of("primary_norad_id", ColumnType.WHOLE, p -> Optional.of(p.primaryNoradId())));
        c.add(Column.of("secondary_norad_id", ColumnType.WHOLE, p -> Optional.of(p.secondaryNoradId())));
        c.add(Column.of("window_start", ColumnType.INSTANT, p -> Optional.of(p.windowStart())));
        c.add(Column.of("window_end", ColumnType.INSTANT, p -> Optional.of(p.windowEnd())));
        c.add(Column.of("min_range_m", ColumnType.DECIMAL, p -> Optional.of(p.minimumRangeMeters())));
        c.add(Column.of("max_range_m", ColumnType.DECIMAL, p -> Optional.of(p.maximumRangeMeters())));
        c.add(Column.of("within_s", ColumnType.WHOLE, p -> Optional.of(p.within().toSeconds())));
        c.add(Column.of("distance_m", ColumnType.DECIMAL, p -> Optional.of(p.distanceMeters())));
        return List.copyOf(c);
    }

    @Override
    public List<Column<Proximity>> columns() {
        return COLUMNS;
    }

    @Override
    public Proximity read(Row r) {
        return new Proximity(r.required("primary_norad_id", Long.class), r.required("secondary_norad_id", Long.class),
                r.required("window_start", Instant.class), r.required("window_end", Instant.class),
                r.required("min_range_m", Double.class), r.required("max_range_m", Double.class),
                Duration.ofSeconds(r.required("within_s", Long.class)), r.required("distance_m", Double.class),
                r.get("run_id", Long.class));
    }

    @Override
    public List<Filter> filters() {
        return List.of(
                Filter.equalsAny("noradId", ColumnType.WHOLE, List.of("primary_norad_id", "secondary_norad_id"),
                        "Either object's catalog number"),
                Filter.atLeast("from", ColumnType.INSTANT, "window_end", 0, 0, "Window ending at or after this time"),
                Filter.atMost("to", ColumnType.INSTANT, "window_start", 0, 0,
                        "Window starting at or before this time"),
                Filter.equalsAny("runId", ColumnType.WHOLE, List.of("run_id"), "Found by this screening run"));
    }

    @Override
    public List<SortOrder> sorts() {
        return List.of(SortOrder.ascending("start", "window_start"), SortOrder.ascending("range", "min_range_m"));
    }

    @Override
    public String identity(Proximity p) {
        return p.primaryNoradId() + "|" + p.secondaryNoradId() + "|" + p.windowStart() + "|" + p.windowEnd();
    }
}
