package org.concord.store;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditStore;
import org.concord.audit.Checkpoint;
import org.concord.audit.StoredEntry;
import org.concord.store.Tables.AuditCheckpoint;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/** The audit log in PostgreSQL or H2, through jOOQ. */
public final class JooqAuditStore implements AuditStore {

    private final Database database;
    private final DSLContext dsl;

    public JooqAuditStore(Database database) {
        this.database = database;
        this.dsl = database.dsl();
    }

    @Override
    public <T> T inOneTransaction(java.util.function.Supplier<T> work) {
        return database.inTransaction(work);
    }

    @Override
    public boolean append(List<AuditEntry> entries) {
        try {
            dsl.transaction(() -> {
                DSLContext tx = dsl;
                var insert = tx.insertInto(Tables.AuditEntry.T).columns(Tables.AuditEntry.ALL);
                for (AuditEntry e : entries) {
                    AuditEvent event = e.event();
                    insert = insert.values(Arrays.asList(e.sequence(), SqlValues.odt(event.time()),
                            event.actor(), event.actorParty().orElse(null), event.action().name(), event.subject(),
                            originatorsColumn(event), event.detail(), e.entry(), e.leafHash()));
                }
                insert.execute();
            });
            return true;
        } catch (DataAccessException e) {
            if (SqlValues.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static String originatorsColumn(AuditEvent event) {
        return "," + String.join(",", event.originators()) + (event.originators().isEmpty() ? "" : ",");
    }

    @Override
    public long nextSequence() {
        Long max = dsl.select(org.jooq.impl.DSL.max(Tables.AuditEntry.SEQ)).from(Tables.AuditEntry.T).fetchOne()
                .value1();
        return max == null ? 0 : max + 1;
    }

    @Override
    public List<String> leafHashes(long from, long to) {
        return dsl.select(Tables.AuditEntry.LEAF_HASH).from(Tables.AuditEntry.T)
                .where(Tables.AuditEntry.SEQ.ge(from).and(Tables.AuditEntry.SEQ.lt(to)))
                .orderBy(Tables.AuditEntry.SEQ).fetch(Tables.AuditEntry.LEAF_HASH);
    }

    @Override
    public List<AuditEntry> entries(long from, int limit) {
        return dsl.select(Tables.AuditEntry.ALL).from(Tables.AuditEntry.T).where(Tables.AuditEntry.SEQ.ge(from))
                .orderBy(Tables.AuditEntry.SEQ).limit(limit).fetch(JooqAuditStore::toEntry);
    }

    @Override
    public List<StoredEntry> storedEntries(long from, int limit) {
        return dsl.select(Tables.AuditEntry.ALL).from(Tables.AuditEntry.T).where(Tables.AuditEntry.SEQ.ge(from))
                .orderBy(Tables.AuditEntry.SEQ).limit(limit).fetch(r -> new StoredEntry(r.get(Tables.AuditEntry.SEQ),
                        r.get(Tables.AuditEntry.ENTRY), r.get(Tables.AuditEntry.LEAF_HASH), columns(r)));
    }

    private static Optional<AuditEvent> columns(Record r) {
        try {
            return Optional.of(toEvent(r));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<AuditEntry> entry(long sequence) {
        return dsl.select(Tables.AuditEntry.ALL).from(Tables.AuditEntry.T).where(Tables.AuditEntry.SEQ.eq(sequence))
                .fetchOptional(JooqAuditStore::toEntry);
    }

    @Override
    public List<AuditEntry> entriesConcerning(String party, long after, int limit) {
        return dsl.select(Tables.AuditEntry.ALL).from(Tables.AuditEntry.T)
                .where(Tables.AuditEntry.SEQ.gt(after))
                .and(Tables.AuditEntry.ORIGINATORS.contains("," + party + ",")
                        .or(Tables.AuditEntry.ACTOR_PARTY.eq(party)))
                .orderBy(Tables.AuditEntry.SEQ).limit(limit).fetch(JooqAuditStore::toEntry);
    }

    private static AuditEntry toEntry(Record r) {
        return new AuditEntry(r.get(Tables.AuditEntry.SEQ), toEvent(r), r.get(Tables.AuditEntry.ENTRY),
                r.get(Tables.AuditEntry.LEAF_HASH));
    }

    private static AuditEvent toEvent(Record r) {
        String originators = r.get(Tables.AuditEntry.ORIGINATORS);
        return AuditEvent.of(r.get(Tables.AuditEntry.RECORDED_AT).toInstant(),
                r.get(Tables.AuditEntry.ACTOR), Optional.ofNullable(r.get(Tables.AuditEntry.ACTOR_PARTY)),
                AuditAction.valueOf(r.get(Tables.AuditEntry.ACTION)), r.get(Tables.AuditEntry.SUBJECT),
                Arrays.stream(originators.split(",")).filter(s -> !s.isEmpty()).toList(),
                r.get(Tables.AuditEntry.DETAIL));
    }

    @Override
    public boolean storeCheckpoint(Checkpoint c) {
        try {
            dsl.insertInto(AuditCheckpoint.T)
                    .set(AuditCheckpoint.TREE_SIZE, c.treeSize())
                    .set(AuditCheckpoint.ROOT_HASH, c.rootHash())
                    .set(AuditCheckpoint.SIGNED_AT, SqlValues.odt(c.signedAt()))
                    .set(AuditCheckpoint.SIGNATURE, c.signature())
                    .set(AuditCheckpoint.KEY_FINGERPRINT, c.keyFingerprint())
                    .execute();
            return true;
        } catch (DataAccessException e) {
            if (SqlValues.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Checkpoint> checkpoint(long treeSize) {
        return dsl.select(AuditCheckpoint.ALL).from(AuditCheckpoint.T).where(AuditCheckpoint.TREE_SIZE.eq(treeSize))
                .fetchOptional(JooqAuditStore::toCheckpoint);
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return dsl.select(AuditCheckpoint.ALL).from(AuditCheckpoint.T).orderBy(AuditCheckpoint.TREE_SIZE.desc())
                .limit(1).fetchOptional(JooqAuditStore::toCheckpoint);
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return dsl.select(AuditCheckpoint.ALL).from(AuditCheckpoint.T).orderBy(AuditCheckpoint.TREE_SIZE)
                .fetch(JooqAuditStore::toCheckpoint);
    }

    private static Checkpoint toCheckpoint(Record r) {
        return new Checkpoint(r.get(AuditCheckpoint.TREE_SIZE), r.get(AuditCheckpoint.ROOT_HASH),
                r.get(AuditCheckpoint.SIGNED_AT).toInstant(), r.get(AuditCheckpoint.SIGNATURE),
                r.get(AuditCheckpoint.KEY_FINGERPRINT));
    }
}
