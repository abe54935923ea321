package org.concord.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    /** The column holding every update, as a JSON array. */
    public static final String HISTORY = "history";

    /** The columns a summary gives: every column but the history. */
    private static final List<Column<EventSummary>> SUMMARY_COLUMNS = summaryColumns();
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

    private static List<Column<EventSummary>> summaryColumns() {
        List<Column<EventSummary>> c = new ArrayList<>();
        c.add(Column.of("primary_norad_id", ColumnType.WHOLE, s -> Optional.of(s.primaryNoradId())));
        c.add(Column.of("secondary_norad_id", ColumnType.WHOLE, s -> Optional.of(s.secondaryNoradId())));
        c.add(Column.of("tca", ColumnType.INSTANT, s -> Optional.of(s.latest().tca())));
        c.add(Column.of("miss_m", ColumnType.DECIMAL, s -> Optional.of(s.latest().missDistanceMeters())));
        c.add(Column.of("pc", ColumnType.DECIMAL, s -> s.latest().pc()));
        c.add(Column.of("pc_method", ColumnType.TEXT, s -> s.latest().pcMethod()));
        c.add(Column.of("pc_source", ColumnType.TEXT, s -> s.latest().pcSource()));
        c.add(Column.of("min_miss_m", ColumnType.DECIMAL, s -> Optional.of(s.minimumMissMeters())));
        c.add(Column.of("max_pc", ColumnType.DECIMAL, EventSummary::maximumPc));
        c.add(Column.of("update_count", ColumnType.WHOLE, s -> Optional.of((long) s.updateCount())));
        c.add(Column.of("first_computed_at", ColumnType.INSTANT, s -> Optional.of(s.firstComputedAt())));
        c.add(Column.of("last_computed_at", ColumnType.INSTANT, s -> Optional.of(s.latest().computedAt())));
        c.add(Column.of("stale", ColumnType.BOOLEAN, s -> s.latest().stale()));
        return List.copyOf(c);
    }

    private static List<Column<ConjunctionEvent>> declaredColumns() {
        List<Column<ConjunctionEvent>> c = new ArrayList<>();
        for (Column<EventSummary> s : SUMMARY_COLUMNS) {
            c.add(new Column<>(s.name(), s.type(), s.shared(), e -> s.value().apply(EventSummary.of(e))));
        }
        c.add(Column.of(HISTORY, ColumnType.TEXT, e -> Optional.of(EventHistory.write(e.updates()))));
        return List.copyOf(c);
    }

    /**
     * The columns that follow from an event's summary (all but {@link #HISTORY}): what a pass that adds updates to a
     * stored event writes, besides appending them to its history ({@link #historyAppended}).
     */
    public static List<Column<EventSummary>> summaryColumnsOf() {
        return SUMMARY_COLUMNS;
    }

    /** A stored event's summary from its row's summary columns. */
    public static EventSummary summary(Row r) {
        return new EventSummary(r.required("primary_norad_id", Long.class),
                r.required("secondary_norad_id", Long.class), Math.toIntExact(r.required("update_count", Long.class)),
                r.required("first_computed_at", Instant.class), r.required("min_miss_m", Double.class),
                r.get("max_pc", Double.class), new EventSummary.Latest(r.required("last_computed_at", Instant.class),
                r.required("tca", Instant.class), r.required("miss_m", Double.class), r.get("pc", Double.class),
                r.get("pc_method", String.class), r.get("pc_source", String.class), r.get("stale", Boolean.class)));
    }

    /**
     * What to append to the text of a stored history to add these updates (numbered after those it holds): the
     * history column holds a JSON array as {@link EventHistory} writes it, so its last character is the closing
     * bracket, which this text replaces.
     */
    public static String historyAppended(List<EventUpdate> updates) {
        return "," + EventHistory.write(updates).substring(1);
    }

    @Override
    public List<Column<ConjunctionEvent>> columns() {
        return COLUMNS;
    }

    @Override
    public ConjunctionEvent read(Row r) {
        return new ConjunctionEvent(r.required("primary_norad_id", Long.class),
                r.required("secondary_norad_id", Long.class), EventHistory.read(r.required(HISTORY, String.class)));
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
