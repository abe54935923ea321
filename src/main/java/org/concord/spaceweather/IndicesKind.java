package org.concord.spaceweather;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.concord.catalog.Provenance;
import org.concord.digest.Sha256;
import org.concord.label.DataKind;
import org.concord.product.Column;
import org.concord.product.ColumnType;
import org.concord.product.Filter;
import org.concord.product.Labelling;
import org.concord.product.ProductKind;
import org.concord.product.Row;
import org.concord.product.SortOrder;

/**
 * A day of space weather indices from one source as a product kind ({@code space-weather-indices}, released as
 * {@code space-weather}, with the label its originator gave). Its key is the SHA-256 of its identity and values, so
 * that the same day ingested again from the same or another copy of a file is stored once, and a day whose values
 * changed (a prediction replaced by a measurement) is stored beside the first.
 */
public final class IndicesKind implements ProductKind<DailyIndices> {

    public static final IndicesKind INSTANCE = new IndicesKind();
    public static final DataKind DATA_KIND = new DataKind("space-weather");

    private static final List<Column<DailyIndices>> COLUMNS = declaredColumns();

    private IndicesKind() {
    }

    @Override
    public DataKind dataKind() {
        return DATA_KIND;
    }

    @Override
    public DataKind code() {
        return new DataKind("space-weather-indices");
    }

    @Override
    public String path() {
        return "space-weather/indices";
    }

    @Override
    public Labelling labelling() {
        return Labelling.OWN;
    }

    @Override
    public String table() {
        return "space_weather_indices";
    }

    private static List<Column<DailyIndices>> declaredColumns() {
        List<Column<DailyIndices>> c = new ArrayList<>();
        c.add(Column.of("day_start", ColumnType.INSTANT, d -> Optional.of(d.start())));
        c.add(Column.of("status", ColumnType.TEXT, d -> Optional.of(d.status().code())));
        c.add(Column.of("source", ColumnType.TEXT, d -> Optional.of(d.source())));
        for (int i = 0; i < DailyIndices.INTERVALS; i++) {
            int at = i;
            c.add(Column.of("kp_" + (i + 1), ColumnType.DECIMAL, d -> decimal(d.kp().get(at))));
        }
        for (int i = 0; i < DailyIndices.INTERVALS; i++) {
            int at = i;
            c.add(Column.of("ap_" + (i + 1), ColumnType.WHOLE, d -> whole(d.ap().get(at))));
        }
        c.add(Column.of("ap_daily", ColumnType.WHOLE, d -> whole(d.apDaily())));
        c.add(Column.of("f107_obs_sfu", ColumnType.DECIMAL, d -> decimal(d.flux().observedSfu())));
        c.add(Column.of("f107_adj_sfu", ColumnType.DECIMAL, d -> decimal(d.flux().adjustedSfu())));
        c.add(Column.of("f107_obs_ctr81_sfu", ColumnType.DECIMAL, d -> decimal(d.flux().observedCentered81Sfu())));
        c.add(Column.of("f107_obs_lst81_sfu", ColumnType.DECIMAL, d -> decimal(d.flux().observedLast81Sfu())));
        c.add(Column.of("f107_adj_ctr81_sfu", ColumnType.DECIMAL, d -> decimal(d.flux().adjustedCentered81Sfu())));
        c.add(Column.of("f107_adj_lst81_sfu", ColumnType.DECIMAL, d -> decimal(d.flux().adjustedLast81Sfu())));
        c.add(Column.of("flux_qualifier", ColumnType.WHOLE, d -> whole(d.flux().qualifier())));
        SpaceWeatherProvenance.columns(c, DailyIndices::provenance);
        return List.copyOf(c);
    }

    static Optional<?> decimal(OptionalDouble v) {
        return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }

    static Optional<?> whole(OptionalLong v) {
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }

    @Override
    public List<Column<DailyIndices>> columns() {
        return COLUMNS;
    }

    @Override
    public DailyIndices read(Row r) {
        List<OptionalDouble> kp = new ArrayList<>();
        List<OptionalLong> ap = new ArrayList<>();
        for (int i = 1; i <= DailyIndices.INTERVALS; i++) {
            kp.add(decimal(r, "kp_" + i));
            ap.add(whole(r, "ap_" + i));
        }
        SolarFlux flux = new SolarFlux(decimal(r, "f107_obs_sfu"), decimal(r, "f107_adj_sfu"),
                decimal(r, "f107_obs_ctr81_sfu"), decimal(r, "f107_obs_lst81_sfu"), decimal(r, "f107_adj_ctr81_sfu"),
                decimal(r, "f107_adj_lst81_sfu"), whole(r, "flux_qualifier"));
        return new DailyIndices(LocalDate.ofInstant(r.required("day_start", Instant.class), ZoneOffset.UTC),
                IndexStatus.parse(r.required("status", String.class)), r.required("source", String.class),
                SpaceWeatherProvenance.read(r), kp, ap, whole(r, "ap_daily"), flux);
    }

    private static OptionalDouble decimal(Row r, String column) {
        return r.get(column, Double.class).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static OptionalLong whole(Row r, String column) {
        return r.get(column, Long.class).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public List<Filter> filters() {
        return List.of(
                Filter.atLeast("from", ColumnType.INSTANT, "day_start", 0, 0, "Days starting at or after this time"),
                Filter.atMost("to", ColumnType.INSTANT, "day_start", 0, 0, "Days starting at or before this time"),
                Filter.equalsAny("status", ColumnType.TEXT, List.of("status"),
                        "observed, interpolated, estimated, daily-predicted or monthly-predicted"),
                Filter.equalsAny("source", ColumnType.TEXT, List.of("source"),
                        "celestrak-csv, cssi, swpc-kp or swpc-f107"));
    }

    @Override
    public List<SortOrder> sorts() {
        return List.of(SortOrder.ascending("day", "day_start"), SortOrder.descending("-day", "day_start"));
    }

    @Override
    public String identity(DailyIndices d) {
        return d.day() + "|" + d.status().code() + "|" + d.source();
    }

    /** The key: identity and every value, so that changed values make another product. */
    public static String keyOf(DailyIndices d) {
        StringBuilder text = new StringBuilder(INSTANCE.identity(d));
        for (Column<DailyIndices> c : COLUMNS) {
            if (!SpaceWeatherProvenance.COLUMNS.contains(c.name())) {
                text.append('|').append(c.valueOf(d).map(Object::toString).orElse(""));
            }
        }
        return Sha256.hex(text.toString());
    }
}
