package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.unquotedName;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionKind;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventKind;
import org.concord.event.EventStore;
import org.concord.event.EventSummary;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.product.Column;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What building conjunction events reads and writes, through jOOQ: conjunctions no event links to with their inputs'
 * labels, events by TCA (their columns, not their history), and a pass's new and extended events in bulk (an
 * extended event's new updates appended to its history in the database, not rewritten, and the event recorded as
 * restated so that partners it was sent to get it again).
 */
public final class JooqEventStore implements EventStore {

    private static final Field<Long> RUN_ID = field(unquotedName("screening_run", "id"), SQLDataType.BIGINT);
    private static final Field<String> RUN_KIND = field(unquotedName("screening_run", "kind"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> RUN_STARTED_AT = field(unquotedName("screening_run", "started_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);

    private final DSLContext dsl;
    private final JooqProductStore products;
    private final LabelIds labelIds;
    private final ProductTable<Conjunction> conjunctions;
    private final ProductTable<ConjunctionEvent> events;

    public JooqEventStore(Database database, JooqProductStore products) {
        this.dsl = database.dsl();
        this.products = products;
        this.labelIds = products.labelIds();
        this.conjunctions = products.table(ConjunctionKind.INSTANCE);
        this.events = products.table(EventKind.INSTANCE);
    }

    @Override
    public List<Pending> pending(long afterId, long beforeId, int limit) {
        ProductTable<Conjunction> t = conjunctions;
        List<Field<?>> selected = new ArrayList<>(t.selected());
        selected.add(RUN_STARTED_AT);
        List<Record> rows = dsl.select(selected).from(t.table)
                .leftJoin(Tables.Run.T).on(RUN_ID.eq(t.<Long>column("run_id")))
                // an ephemeris screens a plan, and a partner party's run is that party's own: neither makes events
                // (ScreeningRun.makesEvents: the rule a screening applies to the conjunctions it hands over)
                .where(t.id.gt(afterId)).and(t.id.lt(beforeId))
                .and(RUN_KIND.isNull().or(RUN_KIND.ne("EPHEMERIS").and(Tables.Run.FOR_PARTY.isNull())))
                .and(t.<Long>column("primary_norad_id").ne(t.<Long>column("secondary_norad_id")))
                .and(DSL.notExists(DSL.selectOne().from(ProductLinks.T)
                        .where(ProductLinks.PRODUCT_KIND.eq(EventKind.CODE.code()))
                        .and(ProductLinks.INPUT_KIND.eq(DataKind.CONJUNCTIONS.code()))
                        .and(ProductLinks.INPUT_ID.eq(t.id))))
                .orderBy(t.id).limit(limit).fetch();
        // the links once: the conjunctions' inputs, and the labels of those inputs
        Map<Long, Map<String, JooqProductStore.Linked>> linked = products.linked(t,
                rows.stream().map(r -> r.get(t.id)).toList());
        Set<Long> labelIdsUsed = new HashSet<>();
        Map<Long, Map<String, ProductInput>> inputs = new HashMap<>();
        linked.forEach((id, roles) -> {
            Map<String, ProductInput> own = new java.util.TreeMap<>();
            roles.forEach((role, link) -> {
                own.put(role, link.input());
                labelIdsUsed.add(link.labelId());
            });
            inputs.put(id, own);
        });
        Map<Long, Label> labels = labelIds.labels(labelIdsUsed);
        List<Product<Conjunction>> read = products.read(t, rows, inputs);
        List<Pending> pending = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            Map<ProductInput, Label> inputLabels = new HashMap<>();
            linked.getOrDefault(read.get(i).id(), Map.of()).values()
                    .forEach(link -> inputLabels.put(link.input(), labels.get(link.labelId())));
            pending.add(new Pending(read.get(i), Optional.ofNullable(rows.get(i).get(RUN_STARTED_AT))
                    .map(OffsetDateTime::toInstant), inputLabels));
        }
        return pending;
    }

    @Override
    public List<Stored> eventsWithTcaWithin(Instant from, Instant to) {
        ProductTable<ConjunctionEvent> t = events;
        List<Field<?>> selected = new ArrayList<>(List.of(t.id, t.labelId, t.key, t.labelOriginator,
                t.labelReleasability, t.labelTlp, t.labelCaveats, t.labelExpiry));
        EventKind.summaryColumnsOf().forEach(c -> selected.add(t.column(c.name())));
        Field<OffsetDateTime> tca = t.column("tca");
        List<Stored> stored = new ArrayList<>();
        dsl.select(selected).from(t.table).where(tca.between(SqlValues.odt(from), SqlValues.odt(to))).fetch()
                .forEach(r -> stored.add(new Stored(r.get(t.id), t.label(r), EventKind.summary(t.row(r, Map.of())))));
        return stored;
    }

    @Override
    public void write(List<Product<ConjunctionEvent>> fresh, List<Extension> extended,
                      Map<ProductInput, Label> inputLabels) {
        if (fresh.isEmpty() && extended.isEmpty()) {
            return;
        }
        Set<Label> used = new HashSet<>(inputLabels.values());
        fresh.forEach(p -> used.add(p.label()));
        extended.forEach(e -> used.add(e.label()));
        Map<Label, Long> labels = labelIds.resolve(used);
        Map<ProductInput, JooqProductStore.StoredInput> inputs = new HashMap<>();
        inputLabels.forEach((input, label) -> inputs.put(input,
                new JooqProductStore.StoredInput(input.kind(), labels.get(label))));
        try {
            dsl.transaction(() -> {
                CatalogVersion.takeWritersTurn(dsl);
                products.insert(dsl, events, fresh, labels, inputs);
                extend(dsl, extended, labels, inputs);
            });
        } catch (org.jooq.exception.DataAccessException e) {
            throw new IllegalArgumentException("the events cannot be stored: the database does not keep their values"
                    + " as given", e);
        }
    }

    /** The columns an extension writes: the label's and the summary's. */
    private List<Field<?>> extensionFields() {
        ProductTable<ConjunctionEvent> t = events;
        List<Field<?>> fields = new ArrayList<>(List.of(t.labelId, t.labelOriginator, t.labelReleasability,
                t.labelTlp, t.labelCaveats, t.labelExpiry));
        EventKind.summaryColumnsOf().forEach(c -> fields.add(t.column(c.name())));
        return fields;
    }

    private static List<Object> extensionValues(Extension e, Map<Label, Long> labels) {
        List<Object> values = JooqProductStore.labelValues(e.label(), labels);
        for (Column<EventSummary> c : EventKind.summaryColumnsOf()) {
            values.add(ProductTable.sqlValue(c.valueOf(e.summary())));
        }
        return values;
    }

    /**
     * Writes each extended event's label and summary columns, appends its new updates to its history (in the
     * database: the stored history is neither read nor rewritten here) and links their inputs. On PostgreSQL the
     * changes go through COPY into a temporary table and one UPDATE; elsewhere as JDBC batches of UPDATEs.
     */
    private void extend(DSLContext tx, List<Extension> extended, Map<Label, Long> labels,
                        Map<ProductInput, JooqProductStore.StoredInput> inputs) {
        if (extended.isEmpty()) {
            return;
        }
        ProductTable<ConjunctionEvent> t = events;
        List<Field<?>> fields = extensionFields();
        Field<String> history = t.column(EventKind.HISTORY);
        List<List<Object>> rows = new ArrayList<>(extended.size());
        for (Extension e : extended) {
            List<Object> values = extensionValues(e, labels);
            values.add(EventKind.historyAppended(e.updates()));
            values.add(e.id());
            rows.add(values);
        }
        if (SqlValues.isPostgres(tx)) {
            List<String> names = fields.stream().map(Field::getName).toList();
            tx.execute("CREATE TEMPORARY TABLE event_extension ON COMMIT DROP AS SELECT "
                    + String.join(", ", names) + ", history AS appended, id FROM " + t.table.getName()
                    + " WITH NO DATA");
            List<Field<?>> copied = new ArrayList<>(fields);
            copied.add(DSL.field(DSL.unquotedName("appended")));
            copied.add(DSL.field(DSL.unquotedName("id")));
            PostgresCopy.copyRows(tx, DSL.table(DSL.unquotedName("event_extension")), copied, rows);
            StringBuilder set = new StringBuilder();
            for (String name : names) {
                set.append(name).append(" = x.").append(name).append(", ");
            }
            tx.execute("UPDATE " + t.table.getName() + " e SET " + set + "history = LEFT(e.history, -1) || x.appended"
                    + " FROM event_extension x WHERE e.id = x.id");
        } else {
            StringBuilder set = new StringBuilder();
            for (Field<?> f : fields) {
                set.append(f.getName()).append(" = ?, ");
            }
            SqlValues.batch(tx, "UPDATE " + t.table.getName() + " SET " + set + history.getName() + " = SUBSTRING("
                    + history.getName() + ", 1, CHAR_LENGTH(" + history.getName() + ") - 1) || ? WHERE id = ?", rows);
        }
        List<List<Object>> links = new ArrayList<>();
        for (Extension e : extended) {
            for (ProductInput input : e.inputs()) {
                JooqProductStore.linkRow(EventKind.INSTANCE, e.id(), input, inputs, links);
            }
        }
        JooqProductStore.insertRows(tx, ProductLinks.T, JooqProductStore.LINK_FIELDS, links);
        // partners that hold these events get them again (docs/federation.md)
        ProductRestatements.record(tx, EventKind.CODE, extended.stream().map(Extension::id).toList());
    }
}
