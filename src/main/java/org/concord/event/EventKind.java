package org.concord.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.InputAges;
import org.concord.label.DataKind;
import org.concord.product.Column;
import org.concord.product.ColumnType;
import org.concord.product.Filter;
import org.concord.product.Labelling;
import org.concord.product.Row;
import org.concord.product.SortOrder;

/**
 * Conjunction events as a product kind: released under the data kind {@code conjunctions} (an agreement that releases
 * conjunctions releases their events), with the code {@code events}; derived from every update's conjunction (input
 * {@code update-<n>}) and the orbit records that conjunction was computed from ({@code update-<n>-primary},
 * {@code update-<n>-secondary}), so that an event is visible only where every update and every record behind it is.
 * The columns hold the latest update's state and the figures lists sort by; {@code history} holds every update.
 */
public final class EventKind implements org.concord.product.ProductKind<ConjunctionEvent> {

    public static final EventKind INSTANCE = new EventKind();
    public static final DataKind CODE = new DataKind("events");

    private static final List<Column<ConjunctionEvent>> COLUMNS = declaredColumns();

    private EventKind() {
    }

    /** The role of update {@code number}'s conjunction among an event's inputs. */
    public static String updateRole(int number) {
        return "update-" + number;
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
        return "conjunction_event";
    }

    private static List<Column<ConjunctionEvent>> declaredColumns() {
        List<Column<ConjunctionEvent>> c = new ArrayList<>();
        c.add(Column.of("primary_norad_id", ColumnType.WHOLE, e -> Optional.of(e.primaryNoradId())));
        c.add(Column.of("secondary_norad_id", ColumnType.WHOLE, e -> Optional.of(e.secondaryNoradId())));
        c.add(Column.of("tca", ColumnType.INSTANT, e -> Optional.of(e.latest().tca())));
        c.add(Column.of("miss_m", ColumnType.DECIMAL, e -> Optional.of(e.latest().missDistanceMeters())));
        c.add(Column.of("pc", ColumnType.DECIMAL, e -> e.latest().risk().map(CollisionRisk::probability)));
        c.add(Column.of("pc_method", ColumnType.TEXT, e -> e.latest().risk().map(CollisionRisk::method)));
        c.add(Column.of("pc_source", ColumnType.TEXT, e -> e.latest().risk().map(r -> r.source().name())));
        c.add(Column.of("min_miss_m", ColumnType.DECIMAL, e -> Optional.of(e.minimumMissMeters())));
        c.add(Column.of("max_pc", ColumnType.DECIMAL, ConjunctionEvent::maximumPc));
        c.add(Column.of("update_count", ColumnType.WHOLE, e -> Optional.of((long) e.updates().size())));
        c.add(Column.of("first_computed_at", ColumnType.INSTANT, e -> e.updates().stream()
                .map(EventUpdate::computedAt).min(Instant::compareTo)));
        c.add(Column.of("last_computed_at", ColumnType.INSTANT, e -> Optional.of(e.latest().computedAt())));
        c.add(Column.of("stale", ColumnType.BOOLEAN, e -> e.latest().inputAges().map(InputAges::stale)));
        c.add(Column.of("history", ColumnType.TEXT, e -> Optional.of(EventHistory.write(e.updates()))));
        return List.copyOf(c);
    }

    @Override
    public List<Column<ConjunctionEvent>> columns() {
        return COLUMNS;
    }

    @Override
    public ConjunctionEvent read(Row r) {
        return new ConjunctionEvent(r.required("primary_norad_id", Long.class),
                r.required("secondary_norad_id", Long.class), EventHistory.read(r.required("history", String.class)));
    }

    @Override
    public List<Filter> filters() {
        return List.of(
                Filter.equalsAny("noradId", ColumnType.WHOLE, List.of("primary_norad_id", "secondary_norad_id"),
                        "Either object's catalog number"),
                Filter.atLeast("from", ColumnType.INSTANT, "tca", 0, 0, "Latest TCA at or after this time"),
                Filter.atMost("to", ColumnType.INSTANT, "tca", 0, 0, "Latest TCA at or before this time"),
                Filter.atLeast("minPc", ColumnType.DECIMAL, "pc", 0, 1, "Latest probability of collision at least"),
                Filter.atMost("maxMissMeters", ColumnType.DECIMAL, "miss_m", 0, 1e9,
                        "Latest miss distance at most (m)"));
    }

    @Override
    public List<SortOrder> sorts() {
        return List.of(SortOrder.ascending("tca", "tca"),
                new SortOrder("-pc", List.of(new SortOrder.Key("pc", true), new SortOrder.Key("tca", false))),
                new SortOrder("miss", List.of(new SortOrder.Key("miss_m", false), new SortOrder.Key("tca", false))),
                SortOrder.descending("-updated", "last_computed_at"));
    }

    @Override
    public String identity(ConjunctionEvent e) {
        return e.primaryNoradId() + "|" + e.secondaryNoradId() + "|" + e.updates().getFirst().tca();
    }
}
