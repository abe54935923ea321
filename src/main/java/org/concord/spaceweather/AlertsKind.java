package org.concord.spaceweather;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
 * Space weather alerts as a product kind ({@code space-weather-alerts}, released as {@code space-weather}, with the
 * label its originator gave): SWPC's messages, keyed by the SHA-256 of their text, and the node's own, keyed by their
 * code and interval (raised once whichever file holds the storm).
 */
public final class AlertsKind implements ProductKind<SpaceWeatherAlert> {

    public static final AlertsKind INSTANCE = new AlertsKind();

    private static final List<Column<SpaceWeatherAlert>> COLUMNS = declaredColumns();

    private AlertsKind() {
    }

    @Override
    public DataKind dataKind() {
        return IndicesKind.DATA_KIND;
    }

    @Override
    public DataKind code() {
        return new DataKind("space-weather-alerts");
    }

    @Override
    public String path() {
        return "space-weather/alerts";
    }

    @Override
    public Labelling labelling() {
        return Labelling.OWN;
    }

    @Override
    public String table() {
        return "space_weather_alert";
    }

    private static List<Column<SpaceWeatherAlert>> declaredColumns() {
        List<Column<SpaceWeatherAlert>> c = new ArrayList<>();
        c.add(Column.of("origin", ColumnType.TEXT, a -> Optional.of(a.origin())));
        c.add(Column.of("message_code", ColumnType.TEXT, a -> Optional.of(a.code())));
        c.add(Column.of("serial_number", ColumnType.WHOLE, a -> IndicesKind.whole(a.serialNumber())));
        c.add(Column.of("issued_at", ColumnType.INSTANT, a -> Optional.of(a.issuedAt())));
        c.add(Column.of("headline", ColumnType.TEXT, a -> Optional.of(a.headline())));
        c.add(Column.of("scale", ColumnType.TEXT, SpaceWeatherAlert::scale));
        c.add(Column.of("begins_at", ColumnType.INSTANT, SpaceWeatherAlert::beginsAt));
        c.add(Column.of("ends_at", ColumnType.INSTANT, SpaceWeatherAlert::endsAt));
        c.add(Column.of("change", ColumnType.TEXT, a -> Optional.of(a.change().code())));
        c.add(Column.of("refers_to_serial", ColumnType.WHOLE, a -> IndicesKind.whole(a.refersToSerial())));
        c.add(Column.of("message", ColumnType.TEXT, a -> Optional.of(a.text())));
        SpaceWeatherProvenance.columns(c, SpaceWeatherAlert::provenance);
        return List.copyOf(c);
    }

    @Override
    public List<Column<SpaceWeatherAlert>> columns() {
        return COLUMNS;
    }

    @Override
    public SpaceWeatherAlert read(Row r) {
        return new SpaceWeatherAlert(r.required("origin", String.class), r.required("message_code", String.class),
                whole(r, "serial_number"), r.required("issued_at", Instant.class),
                r.required("headline", String.class), r.get("scale", String.class),
                r.get("begins_at", Instant.class), r.get("ends_at", Instant.class),
                SpaceWeatherAlert.Change.parse(r.required("change", String.class)), whole(r, "refers_to_serial"),
                r.required("message", String.class), SpaceWeatherProvenance.read(r));
    }

    private static OptionalLong whole(Row r, String column) {
        return r.get(column, Long.class).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public List<Filter> filters() {
        return List.of(
                Filter.atLeast("from", ColumnType.INSTANT, "issued_at", 0, 0, "Issued at or after this time"),
                Filter.atMost("to", ColumnType.INSTANT, "issued_at", 0, 0, "Issued at or before this time"),
                Filter.equalsAny("origin", ColumnType.TEXT, List.of("origin"), "swpc, or node (raised by a node)"),
                Filter.equalsAny("code", ColumnType.TEXT, List.of("message_code"),
                        "Message code: ALTK07, WARK05, ..., or a node's G1..G5, F107-JUMP"),
                Filter.equalsAny("scale", ColumnType.TEXT, List.of("scale"), "NOAA scale level: G1..G5, S1..S5,"
                        + " R1..R5"));
    }

    @Override
    public List<SortOrder> sorts() {
        return List.of(SortOrder.descending("-issued", "issued_at"), SortOrder.ascending("issued", "issued_at"),
                SortOrder.ascending("begins", "begins_at"));
    }

    @Override
    public String identity(SpaceWeatherAlert a) {
        return a.origin().equals(SpaceWeatherAlert.NODE)
                ? a.code() + "|" + a.beginsAt().map(Instant::toString).orElse("")
                : a.origin() + "|" + a.code() + "|" + a.serialNumber() + "|" + Sha256.hex(a.text());
    }

    public static String keyOf(SpaceWeatherAlert a) {
        return Sha256.hex(a.origin() + "|" + INSTANCE.identity(a));
    }
}
