package org.concord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditJson;
import org.concord.audit.AuditLog;
import org.concord.audit.AuditVerification;
import org.concord.audit.AuditVerification.Kind;
import org.concord.audit.Checkpoint;
import org.concord.audit.ConsistencyProof;
import org.concord.audit.InclusionProof;
import org.concord.audit.ProofCheck;
import org.concord.identity.NodeIdentity;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log over {@link JooqAuditStore}, on every database Concord supports ({@link H2AuditStoreTest},
 * {@link PostgresAuditStoreTest}). Tampering is done the way an attacker with database access would: plain SQL on
 * the tables.
 */
abstract class AuditStoreContract {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00.123456Z");
    private static final Table<?> ENTRY = table(name("audit_entry"));
    private static final Table<?> CHECKPOINT = table(name("audit_checkpoint"));
    private static final Field<Long> SEQ = field(name("seq"), Long.class);
    private static final Field<String> TEXT = field(name("entry"), String.class);
    private static final Field<String> LEAF_HASH = field(name("leaf_hash"), String.class);
    private static final Field<String> ACTOR = field(name("actor"), String.class);
    private static final Field<Long> TREE_SIZE = field(name("tree_size"), Long.class);
    private static final Field<String> SIGNATURE = field(name("signature"), String.class);

    protected TestDatabases.Handle handle;
    protected Database db;
    protected NodeIdentity identity;
    protected AuditLog log;

    protected abstract TestDatabases.Handle newDatabase();

    @BeforeEach
    void open() {
        handle = newDatabase();
        db = handle.open();
        identity = NodeIdentity.generateEphemeral();
        log = newLog(Duration.ZERO);
    }

    private AuditLog newLog(Duration checkpointPeriod) {
        return new AuditLog(new JooqAuditStore(db), identity, Clock.fixed(T0, ZoneOffset.UTC), checkpointPeriod);
    }

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
        if (db != null) {
            db.close();
        }
        if (handle != null) {
            handle.close();
        }
    }

    static AuditEvent read(int i, String originator) {
        return AuditEvent.of(T0.plusSeconds(i), "user" + i, Optional.of(i % 2 == 0 ? "GBR" : "USA"),
                AuditAction.READ, "/api/v1/objects/" + (25544 + i), List.of(originator), "read \"" + i + "\" é");
    }

    private List<AuditEntry> appendTen() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(log.append(read(i, i < 5 ? "FRA" : "DEU")));
        }
        return entries;
    }

    private DSLContext sql() {
        return db.dsl();
    }

    private static void assertDetected(AuditVerification report, Kind kind, long firstBadIndex) {
        assertThat(report.intact()).as("%s", report).isFalse();
        assertThat(report.problems()).extracting(AuditVerification.Problem::kind).as("%s", report).contains(kind);
        assertThat(report.firstBadIndex()).as("%s", report).hasValue(firstBadIndex);
    }

    // ------------------------------------------------------------------------------------------- appending

    @Test
    void entriesGetConsecutiveSequenceNumbersAndComeBackAsStored() {
        List<AuditEntry> entries = appendTen();
        assertThat(entries).extracting(AuditEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(log.size()).isEqualTo(10);
        AuditEntry stored = log.entry(3).orElseThrow();
        assertThat(stored).isEqualTo(entries.get(3));
        assertThat(stored.event()).isEqualTo(read(3, "FRA"));
        assertThat(stored.entry()).isEqualTo("{\"action\":\"READ\",\"actor\":\"user3\",\"actorParty\":\"USA\","
                + "\"detail\":\"read \\\"3\\\" \\u00e9\",\"originators\":[\"FRA\"],\"seq\":3,"
                + "\"subject\":\"/api/v1/objects/25547\",\"time\":\"2026-11-23T12:00:03.123456Z\",\"v\":1}");
        assertThat(AuditEntry.decode(stored.entry()).event()).isEqualTo(stored.event());
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsGetUniqueContiguousSequenceNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<Long> sequences = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        sequences.add(log.append(read(thread * 100 + i, "FRA")).sequence());
                        log.appendAsync(read(thread * 100 + 50 + i, "DEU"));
                    }
                    return sequences;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                all.addAll(r.get());
            }
            log.flush();
            assertThat(all).doesNotHaveDuplicates().hasSize(100);
            assertThat(log.size()).isEqualTo(200);
            assertThat(log.entries(0, 1000)).extracting(AuditEntry::sequence)
                    .isEqualTo(java.util.stream.LongStream.range(0, 200).boxed().toList());
            assertThat(log.verify().intact()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void asynchronousAppendsAreAllStoredByClose() {
        for (int i = 0; i < 3000; i++) {
            log.appendAsync(read(i, "FRA"));
        }
        log.close();
        log = newLog(Duration.ZERO);
        assertThat(log.size()).isEqualTo(3000);
        assertThat(log.entries(0, 5000)).hasSize(3000);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aSecondWriterOnTheSameDatabaseIsFollowedNotOverwritten() {
        appendTen();
        try (AuditLog other = newLog(Duration.ZERO)) {
            assertThat(other.append(read(10, "FRA")).sequence()).isEqualTo(10);
        }
        assertThat(log.append(read(11, "FRA")).sequence()).isEqualTo(11);
        Checkpoint checkpoint = log.checkpoint();
        assertThat(checkpoint.treeSize()).isEqualTo(12);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void entriesConcerningAPartyAreThoseOfItsDataOrItsActorsPaged() {
        appendTen();
        log.append(AuditEvent.of(T0, "admin", Optional.of("ITA"), AuditAction.PARTY_CHANGE, "party ITA", List.of(),
                ""));
        assertThat(log.entriesConcerning("FRA", -1, 100)).extracting(AuditEntry::sequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(log.entriesConcerning("FRA", 1, 2)).extracting(AuditEntry::sequence).containsExactly(2L, 3L);
        assertThat(log.entriesConcerning("ITA", -1, 100)).extracting(AuditEntry::sequence).containsExactly(10L);
        assertThat(log.entriesConcerning("USA", 4, 100)).extracting(AuditEntry::sequence).containsExactly(5L, 7L, 9L);
        assertThat(log.entriesConcerning("FR", -1, 100)).isEmpty();
    }

    // ----------------------------------------------------------------------------------------- checkpoints

    @Test
    void aCheckpointSignsTheTreeAndVerifiesOnlyWithTheNodeKey() {
        appendTen();
        Checkpoint checkpoint = log.checkpoint();
        assertThat(checkpoint.treeSize()).isEqualTo(10);
        assertThat(checkpoint.signedBy(identity.publicKey())).isTrue();
        assertThat(checkpoint.signedBy(NodeIdentity.generateEphemeral().publicKey())).isFalse();
        assertThat(log.latestCheckpoint()).contains(checkpoint);
        assertThat(log.checkpoint()).as("the same size is not signed twice").isEqualTo(checkpoint);
        assertThat(ProofCheck.checkpoint(identity.publicKey(), checkpoint)).isEmpty();
        assertThat(ProofCheck.checkpoint(NodeIdentity.generateEphemeral().publicKey(), checkpoint)).hasSize(2);
        Checkpoint onDemand = log.checkpointRequestedBy("cli:alice", Optional.empty(), "test");
        assertThat(onDemand.treeSize()).isEqualTo(11);
        assertThat(log.entry(10).orElseThrow().event().action()).isEqualTo(AuditAction.CHECKPOINT);
    }

    @Test
    void scheduledCheckpointsAreSignedOnlyWhenTheTreeGrew() throws Exception {
        log.close();
        log = newLog(Duration.ofMillis(100));
        appendTen();
        waitFor(() -> log.latestCheckpoint().map(Checkpoint::treeSize).orElse(-1L) == 10);
        Thread.sleep(350);
        assertThat(log.checkpoints()).hasSize(1);
        log.append(read(10, "FRA"));
        waitFor(() -> log.latestCheckpoint().map(Checkpoint::treeSize).orElse(-1L) == 11);
        assertThat(log.checkpoints()).extracting(Checkpoint::treeSize).containsExactly(10L, 11L);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------ proofs

    @Test
    void proofsCheckAgainstASignedCheckpointWithOnlyThePublicKey() {
        appendTen();
        Checkpoint at6 = log.checkpoint();
        for (int i = 10; i < 15; i++) {
            log.append(read(i, "FRA"));
        }
        Checkpoint at15 = log.checkpoint();
        ObjectMapper json = new ObjectMapper();
        java.security.PublicKey key = NodeIdentity.parsePublicKeyPem(identity.publicKeyPem());
        Checkpoint received = AuditJson.checkpoint(json.valueToTree(AuditJson.checkpoint(at15)));
        assertThat(received).isEqualTo(at15);
        for (long index = 0; index < 15; index++) {
            InclusionProof proof = log.inclusionProof(index, 15);
            assertThat(proof.checkpoint()).contains(at15);
            JsonNode served = json.valueToTree(AuditJson.inclusionProof(proof));
            AuditJson.InclusionClaim claim = AuditJson.inclusionClaim(served);
            assertThat(ProofCheck.inclusion(key, received, claim, claim.entry())).as("entry %d", index).isEmpty();
            byte[] changed = claim.entry().clone();
            changed[10] ^= 1;
            assertThat(ProofCheck.inclusion(key, received, claim, changed)).isNotEmpty();
        }
        AuditJson.InclusionClaim ofTen = AuditJson.inclusionClaim(json.valueToTree(AuditJson.inclusionProof(
                log.inclusionProof(3, 10))));
        assertThat(ProofCheck.inclusion(key, at6, ofTen, ofTen.entry())).isEmpty();
        assertThat(ProofCheck.inclusion(key, received, ofTen, ofTen.entry())).isNotEmpty();
        assertThat(ProofCheck.inclusion(NodeIdentity.generateEphemeral().publicKey(), at6, ofTen, ofTen.entry()))
                .isNotEmpty();

        ConsistencyProof consistency = log.consistencyProof(10, 15);
        assertThat(consistency.fromCheckpoint()).contains(at6);
        AuditJson.ConsistencyClaim claim = AuditJson.consistencyClaim(json.valueToTree(
                AuditJson.consistencyProof(consistency)));
        assertThat(ProofCheck.consistency(key, received, Optional.of(at6), claim)).isEmpty();
        assertThat(ProofCheck.consistency(key, at6, Optional.empty(), claim)).isNotEmpty();
    }

    // ------------------------------------------------------------------------------------- tamper detection

    @Test
    void anIntactLogVerifies() {
        appendTen();
        log.checkpoint();
        log.append(read(10, "FRA"));
        AuditVerification report = log.verify();
        assertThat(report.intact()).as("%s", report).isTrue();
        assertThat(report.entries()).isEqualTo(11);
        assertThat(report.checkpoints()).isEqualTo(1);
        assertThat(report.uncoveredEntries()).isEqualTo(1);
    }

    @Test
    void aChangedEntryIsDetected() {
        appendTen();
        log.checkpoint();
        String text = sql().select(TEXT).from(ENTRY).where(SEQ.eq(4L)).fetchOne(TEXT);
        sql().update(ENTRY).set(TEXT, text.replace("user4", "user5")).where(SEQ.eq(4L)).execute();
        assertDetected(log.verify(), Kind.ENTRY_HASH_MISMATCH, 4);
    }

    @Test
    void aChangedEntryWithItsHashAndColumnsRecomputedIsDetectedByTheCheckpoint() {
        appendTen();
        log.checkpoint();
        AuditEntry forged = AuditEntry.of(4, AuditEvent.of(T0, "someone-else", Optional.of("GBR"),
                AuditAction.READ, "/api/v1/objects/25548", List.of("FRA"), ""));
        sql().update(ENTRY).set(TEXT, forged.entry()).set(LEAF_HASH, forged.leafHash()).set(ACTOR, "someone-else")
                .set(field(name("recorded_at"), java.time.OffsetDateTime.class), T0.atOffset(ZoneOffset.UTC))
                .set(field(name("detail"), String.class), "")
                .where(SEQ.eq(4L)).execute();
        AuditVerification report = log.verify();
        assertDetected(report, Kind.CHECKPOINT_ROOT_MISMATCH, 0);
        assertThat(report.problems()).extracting(AuditVerification.Problem::kind)
                .containsExactly(Kind.CHECKPOINT_ROOT_MISMATCH);
    }

    @Test
    void aChangedColumnIsDetected() {
        appendTen();
        sql().update(ENTRY).set(ACTOR, "nobody").where(SEQ.eq(7L)).execute();
        assertDetected(log.verify(), Kind.ENTRY_FIELDS_MISMATCH, 7);
    }

    @Test
    void aDeletedEntryIsDetected() {
        appendTen();
        log.checkpoint();
        sql().deleteFrom(ENTRY).where(SEQ.eq(6L)).execute();
        AuditVerification report = log.verify();
        assertDetected(report, Kind.SEQUENCE_GAP, 6);
        assertThat(report.problems()).extracting(AuditVerification.Problem::kind)
                .contains(Kind.SEQUENCE_GAP, Kind.CHECKPOINT_BEYOND_LOG);
        assertThat(report.problems()).filteredOn(p -> p.kind() == Kind.SEQUENCE_GAP)
                .extracting(AuditVerification.Problem::index).containsExactly(6L);
    }

    @Test
    void aDeletedLastEntryIsDetectedByTheCheckpoint() {
        appendTen();
        log.checkpoint();
        sql().deleteFrom(ENTRY).where(SEQ.eq(9L)).execute();
        assertDetected(new AuditLog(new JooqAuditStore(db), identity, Clock.systemUTC(), Duration.ZERO).verify(),
                Kind.CHECKPOINT_BEYOND_LOG, 0);
    }

    @Test
    void reorderedEntriesAreDetected() {
        appendTen();
        log.checkpoint();
        List<org.jooq.Record> rows = new ArrayList<>(sql().select(Tables.AuditEntry.ALL).from(ENTRY)
                .where(SEQ.in(2L, 5L)).orderBy(SEQ).fetch());
        sql().deleteFrom(ENTRY).where(SEQ.in(2L, 5L)).execute();
        Collections.reverse(rows);
        long[] places = {2, 5};
        for (int i = 0; i < 2; i++) {
            org.jooq.Record row = rows.get(i);
            row.set(Tables.AuditEntry.SEQ, places[i]);
            sql().insertInto(ENTRY).columns(Tables.AuditEntry.ALL).values(row.intoList()).execute();
        }
        AuditVerification report = log.verify();
        assertDetected(report, Kind.ENTRY_OUT_OF_PLACE, 2);
        assertThat(report.problems()).filteredOn(p -> p.kind() == Kind.ENTRY_OUT_OF_PLACE)
                .extracting(AuditVerification.Problem::index).containsExactly(2L, 5L);
        assertThat(report.problems()).extracting(AuditVerification.Problem::kind)
                .contains(Kind.CHECKPOINT_ROOT_MISMATCH);
    }

    @Test
    void anInsertedEntryIsDetected() {
        appendTen();
        log.checkpoint();
        for (long seq = 9; seq >= 3; seq--) {
            sql().update(ENTRY).set(SEQ, seq + 1).where(SEQ.eq(seq)).execute();
        }
        AuditEntry inserted = AuditEntry.of(3, read(99, "FRA"));
        AuditEvent e = inserted.event();
        sql().insertInto(ENTRY).columns(Tables.AuditEntry.ALL).values(3L, SqlValues.odt(e.time()), e.actor(),
                e.actorParty().orElseThrow(), e.action().name(), e.subject(), ",FRA,", e.detail(), inserted.entry(),
                inserted.leafHash()).execute();
        AuditVerification report = log.verify();
        // the forged entry 3 fits its place; the first entry found bad is the displaced original
        assertDetected(report, Kind.ENTRY_OUT_OF_PLACE, 4);
        assertThat(report.problems()).filteredOn(p -> p.kind() == Kind.ENTRY_OUT_OF_PLACE)
                .extracting(AuditVerification.Problem::index).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(report.problems()).extracting(AuditVerification.Problem::kind)
                .contains(Kind.CHECKPOINT_ROOT_MISMATCH);
    }

    @Test
    void aChangedCheckpointSignatureIsDetected() {
        appendTen();
        Checkpoint checkpoint = log.checkpoint();
        byte[] signature = java.util.Base64.getDecoder().decode(checkpoint.signature());
        signature[5] ^= 1;
        sql().update(CHECKPOINT).set(SIGNATURE, java.util.Base64.getEncoder().encodeToString(signature))
                .where(TREE_SIZE.eq(10L)).execute();
        AuditVerification report = log.verify();
        assertDetected(report, Kind.CHECKPOINT_BAD_SIGNATURE, 0);
        assertThat(report.problems()).hasSize(1);
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsDetected() {
        appendTen();
        AuditLog impostor = new AuditLog(new JooqAuditStore(db), NodeIdentity.generateEphemeral(),
                Clock.systemUTC(), Duration.ZERO);
        Checkpoint foreign = impostor.checkpoint();
        impostor.close();
        assertThat(foreign.signedBy(identity.publicKey())).isFalse();
        AuditVerification report = log.verify();
        assertThat(report.problems()).extracting(AuditVerification.Problem::kind)
                .containsExactlyInAnyOrder(Kind.CHECKPOINT_OTHER_KEY, Kind.CHECKPOINT_BAD_SIGNATURE);
        assertThat(HexFormat.of().parseHex(foreign.rootHash())).hasSize(32);
    }

    @Test
    void aDamagedLogIsStillVerifiedButNotExtended() {
        appendTen();
        sql().update(ENTRY).set(ACTOR, "").set(field(name("action"), String.class), "STEAL").where(SEQ.eq(2L))
                .execute();
        sql().deleteFrom(ENTRY).where(SEQ.eq(5L)).execute();
        log.close();
        log = newLog(Duration.ZERO);
        AuditVerification report = log.verify();
        assertDetected(report, Kind.ENTRY_FIELDS_MISMATCH, 2);
        assertThat(report.problems()).extracting(AuditVerification.Problem::kind).contains(Kind.SEQUENCE_GAP);
        assertThatThrownBy(() -> log.append(read(10, "FRA"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 of its 10 entries are missing; run concord audit verify");
    }
}
