package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.unquotedName;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionKind;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventKind;
import org.concord.event.EventStore;
import org.concord.label.DataKind;
import org.concord.product.Product;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** What building conjunction events reads, through jOOQ: conjunctions no event links to, events by TCA. */
public final class JooqEventStore implements EventStore {

    private static final Field<Long> RUN_ID = field(unquotedName("screening_run", "id"), SQLDataType.BIGINT);
    private static final Field<String> RUN_KIND = field(unquotedName("screening_run", "kind"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> RUN_STARTED_AT = field(unquotedName("screening_run", "started_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);

    private final DSLContext dsl;
    private final JooqProductStore products;
    private final ProductTable<Conjunction> conjunctions;
    private final ProductTable<ConjunctionEvent> events;

    public JooqEventStore(Database database, JooqProductStore products) {
        this.dsl = database.dsl();
        this.products = products;
        this.conjunctions = products.table(ConjunctionKind.INSTANCE);
        this.events = products.table(EventKind.INSTANCE);
    }

    @Override
    public List<Pending> pending(int limit) {
        ProductTable<Conjunction> t = conjunctions;
        List<Field<?>> selected = new ArrayList<>(t.selected());
        selected.add(RUN_STARTED_AT);
        List<Record> rows = dsl.select(selected).from(t.table)
                .leftJoin(Tables.Run.T).on(RUN_ID.eq(t.<Long>column("run_id")))
                // an ephemeris screens a plan, and a partner party's run is that party's own: neither makes events
                .where(RUN_KIND.isNull().or(RUN_KIND.ne("EPHEMERIS").and(Tables.Run.FOR_PARTY.isNull())))
                .and(t.<Long>column("primary_norad_id").ne(t.<Long>column("secondary_norad_id")))
                .and(DSL.notExists(DSL.selectOne().from(ProductLinks.T)
                        .where(ProductLinks.PRODUCT_KIND.eq(EventKind.CODE.code()))
                        .and(ProductLinks.INPUT_KIND.eq(DataKind.CONJUNCTIONS.code()))
                        .and(ProductLinks.INPUT_ID.eq(t.id))))
                .orderBy(t.id).limit(limit).fetch();
        List<Product<Conjunction>> read = products.read(t, rows);
        List<Pending> pending = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            pending.add(new Pending(read.get(i), Optional.ofNullable(rows.get(i).get(RUN_STARTED_AT))
                    .map(OffsetDateTime::toInstant)));
        }
        return pending;
    }

    @Override
    public List<Product<ConjunctionEvent>> eventsWithTcaWithin(Instant from, Instant to) {
        Field<OffsetDateTime> tca = events.column("tca");
        return products.read(events, dsl.select(events.selected()).from(events.table)
                .where(tca.between(SqlValues.odt(from), SqlValues.odt(to))).fetch());
    }
}
