package org.concord.reentry;

import java.time.Instant;
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
import org.concord.territory.Territories;

/**
 * Re-entry predictions as a product kind: derived from the orbit records they were computed from (inputs
 * {@code set-1}, {@code set-2}, ... oldest first), so that their label combines those records' labels and recalling
 * a record withdraws every prediction made from it. Table {@code reentry} (V20; the
 * ground track and the states overflown, V22, are empty in rows stored before them).
 */
public final class ReentryKind implements ProductKind<ReentryPrediction> {

    public static final ReentryKind INSTANCE = new ReentryKind();
    public static final DataKind REENTRIES = new DataKind("reentries");

    private static final List<Column<ReentryPrediction>> COLUMNS = List.of(
            Column.of("norad_id", ColumnType.WHOLE, p -> Optional.of(p.noradId())),
            Column.of("basis_epoch", ColumnType.INSTANT, p -> Optional.of(p.basisEpoch())),
            Column.of("element_sets", ColumnType.WHOLE, p -> Optional.of((long) p.elementSets())),
            Column.of("reentry_class", ColumnType.TEXT, p -> Optional.of(p.reentryClass().name())),
            Column.of("outcome", ColumnType.TEXT, p -> Optional.of(p.outcome().name())),
            Column.of("ballistic_m2_kg", ColumnType.DECIMAL,
                    p -> p.ballistic().map(BallisticCoefficient::squareMetersPerKg)),
            Column.of("ballistic_source", ColumnType.TEXT, p -> p.ballistic().map(b -> b.source().name())),
            Column.of("ballistic_element_sets", ColumnType.WHOLE,
                    p -> p.ballistic().map(b -> (long) b.elementSets())),
            Column.of("nominal_epoch", ColumnType.INSTANT, ReentryPrediction::nominal),
            Column.of("window_opens", ColumnType.INSTANT, p -> p.window().map(ReentryWindow::opens)),
            Column.of("window_closes", ColumnType.INSTANT, p -> p.window().map(ReentryWindow::closes)),
            Column.of("horizon_end", ColumnType.INSTANT, p -> Optional.of(p.horizon())),
            Column.of("atmosphere", ColumnType.TEXT, p -> Optional.of(p.atmosphere())),
            Column.of("space_weather_source", ColumnType.TEXT, p -> Optional.of(p.spaceWeatherSource())),
            Column.of("statement", ColumnType.TEXT, p -> Optional.of(p.statement())),
            Column.of("predicted_at", ColumnType.INSTANT, p -> Optional.of(p.predictedAt())),
            Column.of("ground_track", ColumnType.TEXT, p -> Optional.of(UnderWindowJson.write(p.groundTrack()))),
            Column.of("overflown", ColumnType.TEXT, p -> Optional.of(UnderWindowJson.write(p.overflown()))));

    /** The codes {@code overflies} takes: those of the vendored ISO 3166-1 table, the codes parties use. */
    static final Filter.Accepted OVERFLIES = new Filter.Accepted(Territories.alpha3Codes(), "an ISO 3166-1"
            + " alpha-3 code (three letters, such as FRA, AUS or USA: the codes of states and territories that parties"
            + " use)");

    /** The order of an object's history: the newest prediction first. */
    public static final SortOrder NEWEST_FIRST = SortOrder.descending("-predicted", "predicted_at");

    private ReentryKind() {
    }

    /** The role of the {@code n}th element set (from 1, oldest first) a prediction was made from. */
    public static String setRole(int n) {
        return "set-" + n;
    }

    @Override
    public DataKind dataKind() {
        return REENTRIES;
    }

    @Override
    public Labelling labelling() {
        return Labelling.DERIVED;
    }

    @Override
    public String table() {
        return "reentry";
    }

    @Override
    public List<Column<ReentryPrediction>> columns() {
        return COLUMNS;
    }

    @Override
    public ReentryPrediction read(Row r) {
        Optional<BallisticCoefficient> ballistic = r.get("ballistic_m2_kg", Double.class)
                .map(b -> new BallisticCoefficient(b,
                        BallisticCoefficient.Source.valueOf(r.required("ballistic_source", String.class)),
                        r.required("ballistic_element_sets", Long.class).intValue()));
        Optional<ReentryWindow> window = r.get("window_opens", Instant.class)
                .map(opens -> new ReentryWindow(opens, r.required("window_closes", Instant.class)));
        return new ReentryPrediction(r.required("norad_id", Long.class), r.required("basis_epoch", Instant.class),
                r.required("element_sets", Long.class).intValue(),
                ReentryClass.valueOf(r.required("reentry_class", String.class)),
                ReentryOutcome.valueOf(r.required("outcome", String.class)), ballistic,
                r.get("nominal_epoch", Instant.class), window, r.required("horizon_end", Instant.class),
                r.required("atmosphere", String.class), r.required("space_weather_source", String.class),
                r.required("statement", String.class), r.required("predicted_at", Instant.class),
                r.get("ground_track", String.class).map(UnderWindowJson::readTrack).orElse(GroundTrack.NONE),
                r.get("overflown", String.class).map(UnderWindowJson::readOverflown).orElse(List.of()));
    }

    @Override
    public List<Filter> filters() {
        return List.of(
                Filter.equalsAny("noradId", ColumnType.WHOLE, List.of("norad_id"), "The object's catalog number"),
                Filter.equalsAny("outcome", ColumnType.TEXT, List.of("outcome"),
                        "WINDOW, EPOCH_ONLY, BEYOND_HORIZON or NONE"),
                Filter.atLeast("from", ColumnType.INSTANT, "nominal_epoch", 0, 0,
                        "Nominal re-entry epoch at or after this time"),
                Filter.atMost("to", ColumnType.INSTANT, "nominal_epoch", 0, 0,
                        "Nominal re-entry epoch at or before this time"),
                Filter.holds("overflies", "overflown", "\"state\":\"%s\"", OVERFLIES,
                        "The window overflies this state or territory (ISO 3166-1 alpha-3, such as FRA)"));
    }

    @Override
    public List<SortOrder> sorts() {
        return List.of(SortOrder.ascending("nominal", "nominal_epoch"), NEWEST_FIRST);
    }

    @Override
    public String identity(ReentryPrediction p) {
        return p.noradId() + "|" + p.basisEpoch() + "|" + p.predictedAt();
    }
}
