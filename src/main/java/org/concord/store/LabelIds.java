package org.concord.store;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.concord.label.Label;
import org.concord.store.Tables.LabelRow;
import org.jooq.DSLContext;

/**
 * The ids of stored labels. A label is stored in its own short transaction before the rows that carry it (on a
 * connection of its own, also inside a caller's transaction), so an id handed out is always committed (a
 * rolled-back ingest leaves at most an unused label row, which is harmless).
 */
final class LabelIds {

    private final Database database;
    private final DSLContext dsl;
    private final Map<Label, Long> ids = new ConcurrentHashMap<>();

    LabelIds(Database database) {
        this.database = database;
        this.dsl = database.separateDsl();
    }

    long idOf(Label label) {
        return resolve(Set.of(label)).get(label);
    }

    /** The id of every label, storing those not stored yet. */
    Map<Label, Long> resolve(Collection<Label> labels) {
        Map<Label, Long> result = new HashMap<>();
        Set<Label> missing = new LinkedHashSet<>();
        for (Label label : labels) {
            Long id = ids.get(label);
            if (id == null) {
                missing.add(label);
            } else {
                result.put(label, id);
            }
        }
        if (!missing.isEmpty()) {
            dsl.transaction(configuration -> {
                DSLContext tx = configuration.dsl();
                boolean inserted = false;
                for (Label label : missing) {
                    Optional<Long> found = find(tx, label);
                    inserted |= found.isEmpty();
                    long id = found.orElseGet(() -> tx.insertInto(LabelRow.T)
                            .set(LabelRow.ORIGINATOR, label.originator())
                            .set(LabelRow.RELEASABILITY, label.releasability().toString())
                            .set(LabelRow.TLP, label.tlp().code())
                            .set(LabelRow.CAVEATS, String.join(",", label.caveats()))
                            .set(LabelRow.EXPIRY, label.expiry().map(SqlValues::odt).orElse(null))
                            .returningResult(LabelRow.ID).fetchOne().value1());
                    result.put(label, id);
                }
                if (inserted) {
                    JooqSharingStore.bumpVersion(tx);
                }
            });
            database.sharingChangedHere();
            missing.forEach(label -> ids.put(label, result.get(label)));
        }
        return result;
    }

    private static Optional<Long> find(DSLContext tx, Label label) {
        OffsetDateTime expiry = label.expiry().map(SqlValues::odt).orElse(null);
        return tx.select(LabelRow.ID).from(LabelRow.T)
                .where(LabelRow.ORIGINATOR.eq(label.originator()))
                .and(LabelRow.RELEASABILITY.eq(label.releasability().toString()))
                .and(LabelRow.TLP.eq(label.tlp().code()))
                .and(LabelRow.CAVEATS.eq(String.join(",", label.caveats())))
                .and(expiry == null ? LabelRow.EXPIRY.isNull() : LabelRow.EXPIRY.eq(expiry))
                .orderBy(LabelRow.ID).limit(1).fetchOptional(LabelRow.ID);
    }

    /** Every stored label with an id above {@code afterId}, in id order. */
    Map<Long, Label> after(long afterId) {
        Map<Long, Label> labels = new java.util.LinkedHashMap<>();
        dsl.select(LabelRow.ID, LabelRow.ORIGINATOR, LabelRow.RELEASABILITY, LabelRow.TLP, LabelRow.CAVEATS,
                        LabelRow.EXPIRY).from(LabelRow.T).where(LabelRow.ID.gt(afterId)).orderBy(LabelRow.ID)
                .forEach(r -> labels.put(r.value1(), LabelColumns.label(r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6())));
        return labels;
    }

    /** The stored labels with these ids. */
    Map<Long, Label> labels(Collection<Long> labelIds) {
        Map<Long, Label> labels = new HashMap<>();
        for (List<Long> chunk : ProductLinks.chunks(List.copyOf(new java.util.TreeSet<>(labelIds)))) {
            dsl.select(LabelRow.ID, LabelRow.ORIGINATOR, LabelRow.RELEASABILITY, LabelRow.TLP, LabelRow.CAVEATS,
                            LabelRow.EXPIRY).from(LabelRow.T).where(SqlValues.idIn(LabelRow.ID, chunk))
                    .forEach(r -> labels.put(r.value1(), LabelColumns.label(r.value2(), r.value3(), r.value4(),
                            r.value5(), r.value6())));
        }
        return labels;
    }
}
