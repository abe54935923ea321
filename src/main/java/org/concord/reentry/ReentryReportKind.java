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

/**
 * Re-entry reports received from other originators (TIP messages, RDMs) as a product kind: released under the same
 * agreement kind as the node's own predictions ({@code reentries}), each with the label it was ingested under (the
 * ingest's label rules: an unlabelled upload is private to its party). Table {@code reentry_report} (V23).
 */
public final class ReentryReportKind implements ProductKind<ReentryReport> {

    public static final ReentryReportKind INSTANCE = new ReentryReportKind();
    public static final DataKind CODE = new DataKind("reentry-reports");

    private static final List<Column<ReentryReport>> COLUMNS = List.of(
            Column.of("norad_id", ColumnType.WHOLE, r -> Optional.of(r.noradId())),
            Column.of("source", ColumnType.TEXT, r -> Optional.of(r.source().name())),
            Column.of("message_originator", ColumnType.TEXT, r -> Optional.of(r.messageOriginator())),
            Column.of("message_id", ColumnType.TEXT, r -> Optional.of(r.messageId())),
            Column.of("issued_at", ColumnType.INSTANT, r -> Optional.of(r.issuedAt())),
            Column.of("observed", ColumnType.BOOLEAN, r -> Optional.of(r.observed())),
            Column.of("nominal_epoch", ColumnType.INSTANT, ReentryReport::nominal),
            Column.of("window_opens", ColumnType.INSTANT, r -> r.window().map(ReentryWindow::opens)),
            Column.of("window_closes", ColumnType.INSTANT, r -> r.window().map(ReentryWindow::closes)),
            Column.of("latitude_deg", ColumnType.DECIMAL, ReentryReport::latitudeDegrees),
            Column.of("longitude_deg", ColumnType.DECIMAL, ReentryReport::longitudeDegrees),
            Column.of("direction", ColumnType.TEXT, ReentryReport::direction),
            Column.of("reentry_altitude_m", ColumnType.DECIMAL, ReentryReport::reentryAltitudeMeters),
            Column.of("content", ColumnType.TEXT, r -> Optional.of(r.content())));

    /** The order of an object's reports: the newest issued first. */
    public static final SortOrder NEWEST_FIRST = SortOrder.descending("-issued", "issued_at");

    private ReentryReportKind() {
    }

    @Override
    public DataKind dataKind() {
        return ReentryKind.REENTRIES;
    }

    @Override
    public DataKind code() {
        return CODE;
    }

    @Override
    public Labelling labelling() {
        return Labelling.OWN;
    }

    @Override
    public String table() {
        return "reentry_report";
    }

    @Override
    public List<Column<ReentryReport>> columns() {
        return COLUMNS;
    }

    @Override
    public ReentryReport read(Row r) {
        Optional<ReentryWindow> window = r.get("window_opens", Instant.class)
                .map(opens -> new ReentryWindow(opens, r.required("window_closes", Instant.class)));
        return new ReentryReport(r.required("norad_id", Long.class),
                ReentryReport.Source.valueOf(r.required("source", String.class)),
                r.required("message_originator", String.class), r.required("message_id", String.class),
                r.required("issued_at", Instant.class), r.required("observed", Boolean.class),
                r.get("nominal_epoch", Instant.class), window, r.get("latitude_deg", Double.class),
                r.get("longitude_deg", Double.class), r.get("direction", String.class),
                r.get("reentry_altitude_m", Double.class), r.required("content", String.class));
    }

    @Override
    public List<Filter> filters() {
        return List.of(
                Filter.equalsAny("noradId", ColumnType.WHOLE, List.of("norad_id"), "The object's catalog number"),
                Filter.equalsAny("source", ColumnType.TEXT, List.of("source"), "TIP or RDM"));
    }

    @Override
    public List<SortOrder> sorts() {
        return List.of(NEWEST_FIRST, SortOrder.ascending("nominal", "nominal_epoch"));
    }

    @Override
    public String identity(ReentryReport r) {
        return r.source() + "|" + r.messageOriginator() + "|" + r.messageId();
    }
}
