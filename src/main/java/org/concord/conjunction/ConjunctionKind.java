package org.concord.conjunction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.concord.label.DataKind;
import org.concord.product.Column;
import org.concord.product.ColumnType;
import org.concord.product.Filter;
import org.concord.product.Labelling;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductKind;
import org.concord.product.Row;
import org.concord.product.SortOrder;
import org.concord.risk.CovarianceSource;

/**
 * Conjunctions as a product kind: derived from the orbit records of their primary and secondary (when stored), in the
 * table {@code conjunction}, whose key is the SHA-256 of the CDM a conjunction came as, or the one a partner gave it.
 */
public final class ConjunctionKind implements ProductKind<Conjunction> {

    public static final ConjunctionKind INSTANCE = new ConjunctionKind();
    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";

    private static final List<Column<Conjunction>> COLUMNS = declaredColumns();

    private ConjunctionKind() {
    }

    @Override
    public DataKind dataKind() {
        return DataKind.CONJUNCTIONS;
    }

    @Override
    public Labelling labelling() {
        return Labelling.DERIVED;
    }

    @Override
    public String table() {
        return "conjunction";
    }

    @Override
    public String keyColumn() {
        return "cdm_sha256";
    }

    private static List<Column<Conjunction>> declaredColumns() {
        List<Column<Conjunction>> c = new java.util.ArrayList<>();
        c.add(Column.local("run_id", ColumnType.WHOLE, x -> x.screeningRunId()));
        c.add(Column.of("primary_norad_id", ColumnType.WHOLE, x -> Optional.of(x.primaryNoradId())));
        c.add(Column.of("secondary_norad_id", ColumnType.WHOLE, x -> Optional.of(x.secondaryNoradId())));
        c.add(Column.of("tca", ColumnType.INSTANT, x -> Optional.of(x.tca())));
        c.add(Column.of("miss_m", ColumnType.DECIMAL, x -> Optional.of(x.missDistanceMeters())));
        c.add(Column.of("relative_speed_m_s", ColumnType.DECIMAL, x -> finite(x.relativeSpeedMetersPerSecond())));
        c.add(Column.of("radial_m", ColumnType.DECIMAL, x -> Optional.of(x.radialMeters())));
        c.add(Column.of("in_track_m", ColumnType.DECIMAL, x -> Optional.of(x.inTrackMeters())));
        c.add(Column.of("cross_track_m", ColumnType.DECIMAL, x -> Optional.of(x.crossTrackMeters())));
        risk(c, "pc", Conjunction::risk);
        risk(c, "cdm_pc", Conjunction::cdmRisk);
        c.add(Column.of("cdm", ColumnType.TEXT, x -> x.cdm()));
        c.add(Column.of("primary_element_age_s", ColumnType.WHOLE,
                x -> x.inputAges().map(a -> a.primary().toSeconds())));
        c.add(Column.of("secondary_element_age_s", ColumnType.WHOLE,
                x -> x.inputAges().map(a -> a.secondary().toSeconds())));
        c.add(Column.of("stale", ColumnType.BOOLEAN, x -> x.inputAges().map(InputAges::stale)));
        return List.copyOf(c);
    }

    private static void risk(List<Column<Conjunction>> c, String prefix,
                             Function<Conjunction, Optional<CollisionRisk>> risk) {
        c.add(Column.of(prefix, ColumnType.DECIMAL, x -> risk.apply(x).map(CollisionRisk::probability)));
        c.add(Column.of(prefix + "_method", ColumnType.TEXT, x -> risk.apply(x).map(CollisionRisk::method)));
        c.add(Column.of(prefix + "_source", ColumnType.TEXT, x -> risk.apply(x).map(r -> r.source().name())));
        c.add(Column.of(prefix + "_hbr_m", ColumnType.DECIMAL,
                x -> risk.apply(x).flatMap(r -> finite(r.combinedHardBodyRadiusMeters()))));
        c.add(Column.of(prefix + "_statement", ColumnType.TEXT, x -> risk.apply(x).map(CollisionRisk::statement)));
    }

    private static Optional<?> finite(double value) {
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }

    @Override
    public List<Column<Conjunction>> columns() {
        return COLUMNS;
    }

    @Override
    public Conjunction read(Row r) {
        return new Conjunction(r.id(), r.required("primary_norad_id", Long.class),
                r.required("secondary_norad_id", Long.class), r.input(PRIMARY).map(ProductInput::id),
                r.input(SECONDARY).map(ProductInput::id), r.required("tca", Instant.class),
                r.required("miss_m", Double.class), r.get("relative_speed_m_s", Double.class).orElse(Double.NaN),
                r.required("radial_m", Double.class), r.required("in_track_m", Double.class),
                r.required("cross_track_m", Double.class), risk(r, "pc"), risk(r, "cdm_pc"),
                r.get("run_id", Long.class), r.get("cdm", String.class), r.label(),
                r.get("stale", Boolean.class).map(stale -> new InputAges(
                        Duration.ofSeconds(r.required("primary_element_age_s", Long.class)),
                        Duration.ofSeconds(r.required("secondary_element_age_s", Long.class)), stale)));
    }

    private static Optional<CollisionRisk> risk(Row r, String prefix) {
        return r.get(prefix, Double.class).map(pc -> new CollisionRisk(pc, r.required(prefix + "_method", String.class),
                CovarianceSource.valueOf(r.required(prefix + "_source", String.class)),
                r.get(prefix + "_hbr_m", Double.class).orElse(Double.NaN),
                r.get(prefix + "_statement", String.class).orElse("")));
    }

    @Override
    public List<Filter> filters() {
        return List.of(
                Filter.equalsAny("noradId", ColumnType.WHOLE, List.of("primary_norad_id", "secondary_norad_id"),
                        "Either object's catalog number"),
                Filter.atLeast("from", ColumnType.INSTANT, "tca", 0, 0, "TCA at or after this time"),
                Filter.atMost("to", ColumnType.INSTANT, "tca", 0, 0, "TCA at or before this time"),
                Filter.atMost("maxMissMeters", ColumnType.DECIMAL, "miss_m", 0, 1e9, "Miss distance at most (m)"),
                Filter.atLeast("minPc", ColumnType.DECIMAL, "pc", 0, 1, "Probability of collision at least"),
                Filter.equalsAny("runId", ColumnType.WHOLE, List.of("run_id"), "Found by this screening run"));
    }

    @Override
    public List<SortOrder> sorts() {
        SortOrder byPc = new SortOrder("pc", List.of(new SortOrder.Key("pc", true), new SortOrder.Key("tca", false)));
        return List.of(SortOrder.ascending("tca", "tca"), byPc,
                new SortOrder("-pc", byPc.keys()));
    }

    /**
     * The pair, the TCA and the screening run that found it: two runs over the same orbit records (overlapping
     * windows) report the same encounter at the same TCA, and each report is a conjunction of its own (an update of
     * its event), so each needs a key of its own across nodes.
     */
    @Override
    public String identity(Conjunction c) {
        return c.primaryNoradId() + "|" + c.secondaryNoradId() + "|" + c.tca()
                + c.screeningRunId().map(run -> "|run " + run).orElse("");
    }

    /** A conjunction as a product to store: its inputs are the orbit records it names. */
    public static Product<Conjunction> product(Conjunction c, Optional<String> key) {
        List<ProductInput> inputs = new java.util.ArrayList<>();
        c.primaryOrbitId().ifPresent(id -> inputs.add(new ProductInput(PRIMARY, DataKind.ORBITS, id)));
        c.secondaryOrbitId().ifPresent(id -> inputs.add(new ProductInput(SECONDARY, DataKind.ORBITS, id)));
        return new Product<>(0, key, c.label(), inputs, c);
    }

    /** The same conjunction with the id and label the store gave it. */
    public static Conjunction stored(Product<Conjunction> p) {
        Conjunction c = p.value();
        return new Conjunction(p.id(), c.primaryNoradId(), c.secondaryNoradId(), c.primaryOrbitId(),
                c.secondaryOrbitId(), c.tca(), c.missDistanceMeters(), c.relativeSpeedMetersPerSecond(),
                c.radialMeters(), c.inTrackMeters(), c.crossTrackMeters(), c.risk(), c.cdmRisk(), c.screeningRunId(),
                c.cdm(), p.label(), c.inputAges());
    }
}
