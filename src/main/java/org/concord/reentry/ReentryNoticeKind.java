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
 * Re-entry notices as a product kind of its own data kind, {@code reentry-notices} (so that an agreement releasing
 * {@code reentries} releases no notice: an originator grants notices on purpose). A notice is {@link Labelling#ISSUED}:
 * it carries its originator's label (released to the state told only, docs/reentry.md), whatever the labels of the
 * prediction it tells of, and names that prediction as its input (role {@value #PREDICTION}) only so that withdrawing
 * the prediction, by the recall of one of its inputs, withdraws the notice, here and, through the feed, at the state's
 * node ({@code withdrawn_at}, its withdrawal column). Table {@code reentry_notice} (V34).
 */
public final class ReentryNoticeKind implements ProductKind<ReentryNotice> {

    public static final ReentryNoticeKind INSTANCE = new ReentryNoticeKind();
    public static final DataKind REENTRY_NOTICES = new DataKind("reentry-notices");
    /** The role of the prediction a notice tells of. */
    public static final String PREDICTION = "prediction";

    private static final List<Column<ReentryNotice>> COLUMNS = List.of(
            Column.of("party", ColumnType.TEXT, n -> Optional.of(n.party())),
            Column.of("norad_id", ColumnType.WHOLE, n -> Optional.of(n.noradId())),
            Column.of("object_name", ColumnType.TEXT, ReentryNotice::objectName),
            Column.of("window_opens", ColumnType.INSTANT, n -> Optional.of(n.window().opens())),
            Column.of("window_closes", ColumnType.INSTANT, n -> Optional.of(n.window().closes())),
            Column.of("nominal_epoch", ColumnType.INSTANT, n -> Optional.of(n.nominalEpoch())),
            Column.of("overflown", ColumnType.TEXT, n -> Optional.of(UnderWindowJson.write(n.overflown()))),
            Column.of("issued_at", ColumnType.INSTANT, n -> Optional.of(n.issuedAt())),
            Column.of("withdrawn_at", ColumnType.INSTANT, ReentryNotice::withdrawnAt));

    /** The order of the notices: the soonest nominal epoch first. */
    public static final SortOrder SOONEST_FIRST = SortOrder.ascending("nominal", "nominal_epoch");
    /** The newest notice first. */
    public static final SortOrder NEWEST_FIRST = SortOrder.descending("-issued", "issued_at");

    private ReentryNoticeKind() {
    }

    @Override
    public DataKind dataKind() {
        return REENTRY_NOTICES;
    }

    @Override
    public Labelling labelling() {
        return Labelling.ISSUED;
    }

    @Override
    public String table() {
        return "reentry_notice";
    }

    @Override
    public List<Column<ReentryNotice>> columns() {
        return COLUMNS;
    }

    @Override
    public ReentryNotice read(Row r) {
        return new ReentryNotice(r.required("party", String.class), r.required("norad_id", Long.class),
                r.get("object_name", String.class), new ReentryWindow(r.required("window_opens", Instant.class),
                r.required("window_closes", Instant.class)), r.required("nominal_epoch", Instant.class),
                UnderWindowJson.readOverflown(r.required("overflown", String.class)),
                r.required("issued_at", Instant.class), r.get("withdrawn_at", Instant.class));
    }

    @Override
    public List<Filter> filters() {
        return List.of(
                Filter.equalsAny("noradId", ColumnType.WHOLE, List.of("norad_id"), "The object's catalog number"),
                Filter.holds("party", "party", "%s", ReentryKind.OVERFLIES,
                        "The state told (ISO 3166-1 alpha-3, such as AUS)"),
                Filter.atLeast("from", ColumnType.INSTANT, "nominal_epoch", 0, 0,
                        "Nominal re-entry epoch at or after this time"),
                Filter.atMost("to", ColumnType.INSTANT, "nominal_epoch", 0, 0,
                        "Nominal re-entry epoch at or before this time"));
    }

    @Override
    public List<SortOrder> sorts() {
        return List.of(SOONEST_FIRST, NEWEST_FIRST);
    }

    @Override
    public Optional<String> withdrawalColumn() {
        return Optional.of("withdrawn_at");
    }

    @Override
    public String identity(ReentryNotice n) {
        return n.party() + "|" + n.noradId() + "|" + n.issuedAt() + "|" + n.nominalEpoch();
    }
}
