package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.unquotedName;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.cyber.CyberKind;
import org.concord.cyber.CyberStore;
import org.concord.cyber.StixObject;
import org.concord.cyber.TaxiiPage;
import org.concord.cyber.TaxiiQuery;
import org.concord.cyber.TaxiiStatus;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * TAXII's queries over the table of {@link CyberKind}, through jOOQ, with the product store's one visibility rule: the
 * first or last version of an object is the first or last the reader may see. Withdrawals are never read here. Also
 * TAXII status resources and the pull client's positions.
 */
public final class JooqCyberStore implements CyberStore {

    private static final String ALIAS = "other_version";

    private final DSLContext dsl;
    private final JooqProductStore products;
    private final ProductTable<StixObject> t;
    private final Field<String> collection;
    private final Field<String> stixId;
    private final Field<String> type;
    private final Field<String> specVersion;
    private final Field<OffsetDateTime> version;
    private final Field<OffsetDateTime> dateAdded;
    private final Field<Boolean> revoked;
    private final Field<Long> noradId;
    private final Field<String> sourceRef;
    private final Field<String> targetRef;
    private final Field<OffsetDateTime> deletedAt;
    private final Field<String> receivedFrom;
    private final Field<String> groundStation;

    private static final class StatusRow {
        static final Table<?> T = DSL.table(unquotedName("taxii_status"));
        static final Field<String> ID = field(unquotedName("id"), SQLDataType.VARCHAR);
        static final Field<String> PARTY = field(unquotedName("party"), SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> REQUESTED = field(unquotedName("request_timestamp"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> JSON = field(unquotedName("status_json"), SQLDataType.CLOB);
    }

    private static final class PullRow {
        static final Table<?> T = DSL.table(unquotedName("taxii_pull_position"));
        static final Field<String> SOURCE = field(unquotedName("source_name"), SQLDataType.VARCHAR);
        static final Field<String> URL = field(unquotedName("objects_url"), SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> ADDED_AFTER = field(unquotedName("added_after"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public JooqCyberStore(Database database, JooqProductStore products) {
        this.dsl = database.dsl();
        this.products = products;
        this.t = products.table(CyberKind.INSTANCE);
        this.collection = t.column("collection_id");
        this.stixId = t.column("stix_id");
        this.type = t.column("stix_type");
        this.specVersion = t.column("spec_version");
        this.version = t.column("version");
        this.dateAdded = t.column("date_added");
        this.revoked = t.column("revoked");
        this.noradId = t.column("norad_id");
        this.sourceRef = t.column("source_ref");
        this.targetRef = t.column("target_ref");
        this.deletedAt = t.column("deleted_at");
        this.receivedFrom = t.column("received_from");
        this.groundStation = t.column("ground_station");
    }

    /** What TAXII and the space links read: the versions the filter admits, never a withdrawal. */
    private Condition served(LabelFilter filter) {
        return products.visible(t, filter).and(deletedAt.isNull());
    }

    private static <V> Field<V> other(String column, org.jooq.DataType<V> type) {
        return field(unquotedName(ALIAS, column), type);
    }

    @Override
    public TaxiiPage find(TaxiiQuery q, LabelFilter filter) {
        Condition where = served(filter).and(collection.eq(q.collectionId()));
        if (!q.ids().isEmpty()) {
            where = where.and(stixId.in(q.ids()));
        }
        if (!q.types().isEmpty()) {
            where = where.and(type.in(q.types()));
        }
        if (!q.specVersions().isEmpty()) {
            where = where.and(specVersion.in(q.specVersions()));
        }
        if (!q.versions().all()) {
            List<Condition> any = new ArrayList<>();
            if (q.versions().first()) {
                any.add(version.eq(DSL.select(DSL.min(other("version", SQLDataType.TIMESTAMPWITHTIMEZONE)))
                        .from(otherVersions()).where(sameObject(q, filter))));
            }
            if (q.versions().last()) {
                any.add(version.eq(DSL.select(DSL.max(other("version", SQLDataType.TIMESTAMPWITHTIMEZONE)))
                        .from(otherVersions()).where(sameObject(q, filter))));
            }
            if (!q.versions().at().isEmpty()) {
                any.add(version.in(q.versions().at().stream().map(SqlValues::odt).toList()));
            }
            where = where.and(DSL.or(any));
        }
        if (q.addedAfter().isPresent()) {
            where = where.and(dateAdded.gt(SqlValues.odt(q.addedAfter().get())));
        }
        if (q.next().isPresent()) {
            Cursor c = Cursor.parse(q.next().get());
            OffsetDateTime at = SqlValues.odt(c.dateAdded());
            where = where.and(dateAdded.gt(at).or(dateAdded.eq(at).and(t.id.gt(c.id()))));
        }
        // the page's ids first, then their rows: ordering never carries the objects' text along
        List<Long> ids = dsl.select(t.id).from(t.table).where(where).orderBy(dateAdded, t.id).limit(q.limit() + 1)
                .fetch(t.id);
        boolean more = ids.size() > q.limit();
        List<Long> shown = more ? ids.subList(0, q.limit()) : ids;
        List<Record> rows = new ArrayList<>();
        for (List<Long> chunk : ProductLinks.chunks(shown)) {
            rows.addAll(dsl.select(t.selected()).from(t.table).where(t.id.in(chunk)).fetch());
        }
        Map<Long, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            order.put(shown.get(i), i);
        }
        rows.sort(java.util.Comparator.comparing(r -> order.get(r.get(t.id))));
        List<Product<StixObject>> items = products.read(t, rows);
        Optional<String> next = more ? Optional.of(new Cursor(items.getLast().value().dateAdded(),
                items.getLast().id()).text()) : Optional.empty();
        return new TaxiiPage(items, next);
    }

    private Table<?> otherVersions() {
        return DSL.table(unquotedName(CyberKind.INSTANCE.table())).as(unquotedName(ALIAS));
    }

    /** The other versions of the same object in the same collection, of the versions asked for, that the reader sees. */
    private Condition sameObject(TaxiiQuery q, LabelFilter filter) {
        Condition c = other("stix_id", SQLDataType.VARCHAR).eq(stixId)
                .and(other("collection_id", SQLDataType.VARCHAR).eq(collection))
                .and(other("deleted_at", SQLDataType.TIMESTAMPWITHTIMEZONE).isNull())
                .and(products.visible(CyberKind.INSTANCE, other("label_id", SQLDataType.BIGINT),
                        other("id", SQLDataType.BIGINT), filter));
        return q.specVersions().isEmpty() ? c
                : c.and(other("spec_version", SQLDataType.VARCHAR).in(q.specVersions()));
    }

    @Override
    public Set<String> existing(Collection<String> stixIds, LabelFilter filter) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : ProductLinks.chunks(List.copyOf(stixIds))) {
            found.addAll(dsl.selectDistinct(stixId).from(t.table).where(stixId.in(chunk))
                    .and(served(filter)).fetch(stixId));
        }
        return found;
    }

    @Override
    public int delete(Collection<Long> ids) {
        return dsl.transactionResult(() -> {
            ProductLinks.withdrawDerivedFrom(dsl, CyberKind.CYBER, ids);
            int deleted = 0;
            for (List<Long> chunk : ProductLinks.chunks(List.copyOf(ids))) {
                deleted += dsl.deleteFrom(t.table).where(t.id.in(chunk)).execute();
            }
            return deleted;
        });
    }

    @Override
    public List<Product<StixObject>> linkedTo(long norad, LabelFilter filter) {
        return linked(noradId.eq(norad), filter);
    }

    @Override
    public List<Product<StixObject>> linkedToGroundStation(String stationId, LabelFilter filter) {
        return linked(groundStation.eq(stationId), filter);
    }

    /** The objects {@code anchor} selects, those joined to them by a relationship or sighting, and those. */
    private List<Product<StixObject>> linked(Condition anchor, LabelFilter filter) {
        Condition visible = served(filter);
        List<Product<StixObject>> anchors = read(visible.and(anchor));
        Set<String> anchorIds = ids(anchors);
        List<Product<StixObject>> links = anchorIds.isEmpty() ? List.of()
                : read(visible.and(sourceRef.in(anchorIds).or(targetRef.in(anchorIds))));
        Set<String> ends = new HashSet<>();
        for (Product<StixObject> link : links) {
            link.value().sourceRef().ifPresent(ends::add);
            link.value().targetRef().ifPresent(ends::add);
        }
        ends.removeAll(anchorIds);
        List<Product<StixObject>> all = new ArrayList<>(anchors);
        all.addAll(links);
        for (List<String> chunk : ProductLinks.chunks(List.copyOf(ends))) {
            all.addAll(read(visible.and(stixId.in(chunk))));
        }
        Map<String, Product<StixObject>> newest = new LinkedHashMap<>();
        for (Product<StixObject> p : all) {
            newest.merge(p.value().collectionId() + "|" + p.value().stixId(), p,
                    (a, b) -> b.value().version().isAfter(a.value().version()) ? b : a);
        }
        return newest.values().stream().filter(p -> !p.value().revoked()).toList();
    }

    @Override
    public List<Copy> versionsOf(String collectionId, String id, Instant at, String originator) {
        return dsl.select(t.id, receivedFrom).from(t.table).where(collection.eq(collectionId)).and(stixId.eq(id))
                .and(version.eq(SqlValues.odt(at))).and(t.labelOriginator.eq(originator)).and(deletedAt.isNull())
                .fetch(r -> new Copy(r.value1(), Optional.ofNullable(r.value2())));
    }

    @Override
    public Optional<Instant> withdrawnAt(String collectionId, String id, Instant at, String originator) {
        OffsetDateTime last = dsl.select(DSL.max(deletedAt)).from(t.table).where(collection.eq(collectionId))
                .and(stixId.eq(id)).and(version.eq(SqlValues.odt(at))).and(t.labelOriginator.eq(originator))
                .and(deletedAt.isNotNull()).fetchOne(0, OffsetDateTime.class);
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
    }

    @Override
    public void saveStatus(TaxiiStatus status, Instant keepFrom) {
        ObjectNode json = JSON.createObjectNode();
        json.set("successes", outcomes(status.successes()));
        json.set("failures", outcomes(status.failures()));
        dsl.transaction(() -> {
            dsl.deleteFrom(StatusRow.T).where(StatusRow.REQUESTED.lt(SqlValues.odt(keepFrom))).execute();
            dsl.insertInto(StatusRow.T).set(StatusRow.ID, status.id()).set(StatusRow.PARTY, status.party())
                    .set(StatusRow.REQUESTED, SqlValues.odt(status.requestTimestamp()))
                    .set(StatusRow.JSON, json.toString()).execute();
        });
    }

    private static ArrayNode outcomes(List<TaxiiStatus.Outcome> outcomes) {
        ArrayNode list = JSON.createArrayNode();
        for (TaxiiStatus.Outcome o : outcomes) {
            ObjectNode m = list.addObject().put("id", o.id()).put("message", o.message());
            o.version().ifPresent(v -> m.put("version", v));
        }
        return list;
    }

    private static List<TaxiiStatus.Outcome> outcomes(JsonNode list) {
        List<TaxiiStatus.Outcome> outcomes = new ArrayList<>(list.size());
        list.forEach(o -> outcomes.add(new TaxiiStatus.Outcome(o.path("id").asText(), o.path("version").isTextual()
                ? Optional.of(o.path("version").asText()) : Optional.empty(), o.path("message").asText())));
        return outcomes;
    }

    @Override
    public Optional<TaxiiStatus> status(String id) {
        return dsl.select(StatusRow.PARTY, StatusRow.REQUESTED, StatusRow.JSON).from(StatusRow.T)
                .where(StatusRow.ID.eq(id)).fetchOptional().map(r -> {
                    try {
                        JsonNode json = JSON.readTree(r.get(StatusRow.JSON));
                        return new TaxiiStatus(id, r.get(StatusRow.PARTY), r.get(StatusRow.REQUESTED).toInstant(),
                                outcomes(json.path("successes")), outcomes(json.path("failures")));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("status " + id + " is stored unreadable: " + e.getMessage(),
                                e);
                    }
                });
    }

    @Override
    public Optional<Instant> pullPosition(String source, URI objectsUrl) {
        return dsl.select(PullRow.ADDED_AFTER).from(PullRow.T).where(PullRow.SOURCE.eq(source))
                .and(PullRow.URL.eq(objectsUrl.toString())).fetchOptional(PullRow.ADDED_AFTER)
                .map(OffsetDateTime::toInstant);
    }

    @Override
    public void savePullPosition(String source, URI objectsUrl, Instant addedAfter) {
        dsl.transaction(() -> {
            Condition row = PullRow.SOURCE.eq(source).and(PullRow.URL.eq(objectsUrl.toString()));
            if (dsl.update(PullRow.T).set(PullRow.ADDED_AFTER, SqlValues.odt(addedAfter)).where(row).execute() == 0) {
                dsl.insertInto(PullRow.T).set(PullRow.SOURCE, source).set(PullRow.URL, objectsUrl.toString())
                        .set(PullRow.ADDED_AFTER, SqlValues.odt(addedAfter)).execute();
            }
        });
    }

    private List<Product<StixObject>> read(Condition where) {
        return products.read(t, dsl.select(t.selected()).from(t.table).where(where).orderBy(t.id).fetch());
    }

    private static Set<String> ids(List<Product<StixObject>> products) {
        Set<String> ids = new HashSet<>();
        products.forEach(p -> ids.add(p.value().stixId()));
        return ids;
    }

    /** Where a page ends: the date added and id of its last item, as opaque text. */
    private record Cursor(Instant dateAdded, long id) {

        String text() {
            long micros = dateAdded.getEpochSecond() * 1_000_000 + dateAdded.getNano() / 1000;
            return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "." + id)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\.");
                if (parts.length != 2) {
                    throw new IllegalArgumentException();
                }
                long micros = Long.parseLong(parts[0]);
                return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                        Math.floorMod(micros, 1_000_000) * 1000L), Long.parseLong(parts[1]));
            } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
                throw new IllegalArgumentException("next: '" + text + "' is not a value this server gave (use the"
                        + " next of the previous page as it came)");
            }
        }
    }
}
