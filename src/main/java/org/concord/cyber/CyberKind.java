package org.concord.cyber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.digest.Sha256;
import org.concord.label.DataKind;
import org.concord.product.Column;
import org.concord.product.ColumnType;
import org.concord.product.Filter;
import org.concord.product.Labelling;
import org.concord.product.Row;
import org.concord.product.SortOrder;

/**
 * STIX objects as a product kind: data kind {@code cyber}, each version of an object in a collection one product with
 * the label its markings and collection gave it (its own), in the table {@code cyber_object}. The key across nodes is
 * the SHA-256 of collection, id and version, so a version is stored once per originator. A deletion is stored as
 * withdrawals ({@link StixObject#isWithdrawal()}) that travel in the same lanes as the versions they delete.
 */
public final class CyberKind implements org.concord.product.ProductKind<StixObject> {

    public static final CyberKind INSTANCE = new CyberKind();
    public static final DataKind CYBER = new DataKind("cyber");

    private static final List<Column<StixObject>> COLUMNS = List.of(
            Column.of("collection_id", ColumnType.TEXT, o -> Optional.of(o.collectionId())),
            Column.of("stix_id", ColumnType.TEXT, o -> Optional.of(o.stixId())),
            Column.of("stix_type", ColumnType.TEXT, o -> Optional.of(o.type())),
            Column.of("spec_version", ColumnType.TEXT, o -> Optional.of(o.specVersion())),
            Column.of("created", ColumnType.INSTANT, o -> Optional.of(o.created())),
            Column.of("version", ColumnType.INSTANT, o -> Optional.of(o.version())),
            Column.of("revoked", ColumnType.BOOLEAN, o -> Optional.of(o.revoked())),
            // when it was added to this node's collection: a partner adds it when it receives it
            Column.local("date_added", ColumnType.INSTANT, o -> Optional.of(o.dateAdded())),
            Column.of("norad_id", ColumnType.WHOLE, StixObject::noradId),
            Column.of("source_ref", ColumnType.TEXT, StixObject::sourceRef),
            Column.of("target_ref", ColumnType.TEXT, StixObject::targetRef),
            Column.of("object_json", ColumnType.TEXT, o -> Optional.of(o.json())),
            Column.of("deleted_at", ColumnType.INSTANT, StixObject::deletedAt),
            // when the originator added it: a copy relayed after its withdrawal is told from one posted again
            Column.of("posted_at", ColumnType.INSTANT, StixObject::postedAt),
            // the peer that delivered this node's copy: only it (or the originator) may withdraw the copy
            Column.local("received_from", ColumnType.TEXT, StixObject::receivedFrom),
            Column.of("ground_station", ColumnType.TEXT, StixObject::groundStation));

    private CyberKind() {
    }

    @Override
    public DataKind dataKind() {
        return CYBER;
    }

    @Override
    public Labelling labelling() {
        return Labelling.OWN;
    }

    @Override
    public String table() {
        return "cyber_object";
    }

    @Override
    public List<Column<StixObject>> columns() {
        return COLUMNS;
    }

    @Override
    public StixObject read(Row r) {
        return new StixObject(r.required("stix_id", String.class), r.required("stix_type", String.class),
                r.required("spec_version", String.class), r.required("created", Instant.class),
                r.required("version", Instant.class), r.required("revoked", Boolean.class),
                r.required("collection_id", String.class),
                // a stored row always has it; an object a partner sent is added here now
                r.get("date_added", Instant.class).orElseGet(Instant::now),
                r.get("norad_id", Long.class), r.get("source_ref", String.class), r.get("target_ref", String.class),
                r.required("object_json", String.class), r.get("deleted_at", Instant.class),
                r.get("posted_at", Instant.class), r.get("received_from", String.class),
                r.get("ground_station", String.class));
    }

    /** A withdrawal is stored and federated, never listed as a cyber object. */
    @Override
    public Optional<String> withdrawalColumn() {
        return Optional.of("deleted_at");
    }

    @Override
    public List<Filter> filters() {
        return List.of(
                Filter.equalsAny("collection", ColumnType.TEXT, List.of("collection_id"), "The TAXII collection's id"),
                Filter.equalsAny("type", ColumnType.TEXT, List.of("stix_type"), "The STIX type (indicator, ...)"),
                Filter.equalsAny("stixId", ColumnType.TEXT, List.of("stix_id"), "The STIX id (every version)"),
                Filter.equalsAny("noradId", ColumnType.WHOLE, List.of("norad_id"),
                        "The space object it names (x-concord-space-object)"),
                Filter.equalsAny("groundStation", ColumnType.TEXT, List.of("ground_station"),
                        "The ground station it names (x-concord-ground-station)"),
                Filter.equalsAny("ref", ColumnType.TEXT, List.of("source_ref", "target_ref"),
                        "A STIX id at one end of it: the relationships (source_ref, target_ref) and sightings"
                                + " (sighting_of_ref) that join that object to another"));
    }

    @Override
    public List<SortOrder> sorts() {
        return List.of(SortOrder.ascending("added", "date_added"), SortOrder.descending("-modified", "version"));
    }

    /** A version's identity; a withdrawal's adds when it was deleted (a version posted again may be deleted again). */
    @Override
    public String identity(StixObject o) {
        String version = o.collectionId() + "|" + o.stixId() + "|" + o.version();
        return o.deletedAt().map(d -> version + "|deleted " + d).orElse(version);
    }

    /** The key of this version across nodes: the SHA-256 of its identity. */
    public static String key(StixObject o) {
        return Sha256.hex(INSTANCE.identity(o));
    }
}
