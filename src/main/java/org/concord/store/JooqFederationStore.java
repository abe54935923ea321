package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.federation.Bundle;
import org.concord.federation.FederationStore;
import org.concord.federation.FeedCursors;
import org.concord.federation.Lane;
import org.concord.federation.Peer;
import org.concord.federation.PeerState;
import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.concord.store.Tables.IngestSource;
import org.concord.store.Tables.LabelRow;
import org.concord.store.Tables.Orbit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Peers, feed positions and recalls in PostgreSQL or H2 (migration V9), through jOOQ. */
public final class JooqFederationStore implements FederationStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JooqFederationStore.class);

    private static final class PeerRow {
        static final Table<?> T = table(unquotedName("peer"));
        static final Field<Long> ID = field(unquotedName("peer", "id"), SQLDataType.BIGINT);
        static final Field<String> PARTY = field(unquotedName("party"), SQLDataType.VARCHAR);
        static final Field<String> FINGERPRINT = field(unquotedName("fingerprint"), SQLDataType.CHAR(64));
        static final Field<String> PUBLIC_KEY = field(unquotedName("public_key"), SQLDataType.VARCHAR);
        static final Field<String> ENDPOINT = field(unquotedName("endpoint"), SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> ADDED_AT = field(unquotedName("added_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> ADDED_BY = field(unquotedName("added_by"), SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> REMOVED_AT = field(unquotedName("removed_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
    }

    private static final class StateRow {
        static final Table<?> T = table(unquotedName("peer_state"));
        static final Field<Long> PEER_ID = field(unquotedName("peer_id"), SQLDataType.BIGINT);
        static final Field<Long> SERVED_SEQUENCE = field(unquotedName("served_sequence"), SQLDataType.BIGINT);
        static final Field<Long> ACKED_SEQUENCE = field(unquotedName("acked_sequence"), SQLDataType.BIGINT);
        static final Field<OffsetDateTime> LAST_SERVED_AT = field(unquotedName("last_served_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Long> ITEMS_SERVED = field(unquotedName("items_served"), SQLDataType.BIGINT);
        static final Field<Long> RECEIVED_SEQUENCE = field(unquotedName("received_sequence"), SQLDataType.BIGINT);
        static final Field<OffsetDateTime> LAST_RECEIVED_AT = field(unquotedName("last_received_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Long> ITEMS_RECEIVED = field(unquotedName("items_received"), SQLDataType.BIGINT);
        static final Field<OffsetDateTime> LAST_ATTEMPT_AT = field(unquotedName("last_attempt_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Long> ERRORS = field(unquotedName("errors"), SQLDataType.BIGINT);
        static final Field<String> LAST_ERROR = field(unquotedName("last_error"), SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> LAST_ERROR_AT = field(unquotedName("last_error_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
    }

    private static final class BundleRow {
        static final Table<?> T = table(unquotedName("outbound_bundle"));
        static final Field<Long> PEER_ID = field(unquotedName("peer_id"), SQLDataType.BIGINT);
        static final Field<Long> SEQUENCE = field(unquotedName("sequence"), SQLDataType.BIGINT);
        static final Field<String> CURSORS = field(unquotedName("cursors"), SQLDataType.CLOB);
        static final Field<Integer> ORBIT_COUNT = field(unquotedName("orbit_count"), SQLDataType.INTEGER);
        static final Field<Integer> RECALL_COUNT = field(unquotedName("recall_count"), SQLDataType.INTEGER);
        static final Field<String> PAYLOAD_SHA256 = field(unquotedName("payload_sha256"), SQLDataType.CHAR(64));
        static final Field<OffsetDateTime> CREATED_AT = field(unquotedName("created_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
    }

    private static final class RecallRow {
        static final Table<?> T = table(unquotedName("recall"));
        static final Field<Long> ID = field(unquotedName("recall", "id"), SQLDataType.BIGINT);
        static final Field<Long> ORBIT_ID = field(unquotedName("orbit_id"), SQLDataType.BIGINT);
        static final Field<Long> LABEL_ID = field(unquotedName("label_id"), SQLDataType.BIGINT);
        static final Field<String> DATA_KIND = field(unquotedName("data_kind"), SQLDataType.VARCHAR);
        static final Field<String> CONTENT_SHA256 = field(unquotedName("content_sha256"), SQLDataType.CHAR(64));
        static final Field<String> ORIGINATOR = field(unquotedName("originator"), SQLDataType.VARCHAR);
        static final Field<String> REASON = field(unquotedName("reason"), SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> RECALLED_AT = field(unquotedName("recalled_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> RECALLED_BY = field(unquotedName("recalled_by"), SQLDataType.VARCHAR);
    }

    /** Received product items of kinds this node does not serve (V15). */
    private static final class HeldRow {
        static final Table<?> T = table(unquotedName("product_held"));
        static final Field<Long> ID = field(unquotedName("id"), SQLDataType.BIGINT);
        static final Field<Long> PEER_ID = field(unquotedName("peer_id"), SQLDataType.BIGINT);
        static final Field<String> DATA_KIND = field(unquotedName("data_kind"), SQLDataType.VARCHAR);
        static final Field<String> ITEM = field(unquotedName("item"), SQLDataType.CLOB);
        static final Field<OffsetDateTime> RECEIVED_AT = field(unquotedName("received_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
    }

    private final DSLContext dsl;
    private final ProductFeed products;

    /** Feeds carry the products of {@code products}' kinds. */
    public JooqFederationStore(Database database, JooqProductStore products) {
        this.dsl = database.dsl();
        this.products = new ProductFeed(dsl, products);
    }

    @Override
    public Peer addPeer(String party, String fingerprint, String publicKeyPem, URI endpoint, Instant at, String by) {
        return dsl.transactionResult(() -> {
            DSLContext tx = dsl;
            long id = tx.insertInto(PeerRow.T).set(PeerRow.PARTY, party).set(PeerRow.FINGERPRINT, fingerprint)
                    .set(PeerRow.PUBLIC_KEY, publicKeyPem).set(PeerRow.ENDPOINT, endpoint.toString())
                    .set(PeerRow.ADDED_AT, SqlValues.odt(at)).set(PeerRow.ADDED_BY, by)
                    .returningResult(PeerRow.ID).fetchOne().value1();
            tx.insertInto(StateRow.T).set(StateRow.PEER_ID, id).set(StateRow.SERVED_SEQUENCE, 0L)
                    .set(StateRow.ACKED_SEQUENCE, 0L).set(StateRow.ITEMS_SERVED, 0L)
                    .set(StateRow.RECEIVED_SEQUENCE, 0L).set(StateRow.ITEMS_RECEIVED, 0L).set(StateRow.ERRORS, 0L)
                    .execute();
            return new Peer(id, party, fingerprint, publicKeyPem, endpoint, at, by, Optional.empty());
        });
    }

    @Override
    public boolean removePeer(long id, Instant at) {
        return dsl.update(PeerRow.T).set(PeerRow.REMOVED_AT, SqlValues.odt(at))
                .where(PeerRow.ID.eq(id)).and(PeerRow.REMOVED_AT.isNull()).execute() == 1;
    }

    @Override
    public List<Peer> peers() {
        return dsl.select(PeerRow.ID, PeerRow.PARTY, PeerRow.FINGERPRINT, PeerRow.PUBLIC_KEY, PeerRow.ENDPOINT,
                PeerRow.ADDED_AT, PeerRow.ADDED_BY, PeerRow.REMOVED_AT).from(PeerRow.T).orderBy(PeerRow.ID)
                .fetch().stream().map(JooqFederationStore::readablePeer).flatMap(Optional::stream).toList();
    }

    /** The peer, or empty (and a warning in the log) when its row cannot be read: no stored row stops a node. */
    private static Optional<Peer> readablePeer(Record r) {
        try {
            return Optional.of(toPeer(r));
        } catch (RuntimeException e) {
            LOG.warn("peer {} cannot be read and is left out: {}", r.get(PeerRow.ID), e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<Peer> peer(long id) {
        return peers().stream().filter(p -> p.id() == id).findFirst();
    }

    @Override
    public Optional<Peer> activePeerByFingerprint(String fingerprint) {
        return dsl.select(PeerRow.ID, PeerRow.PARTY, PeerRow.FINGERPRINT, PeerRow.PUBLIC_KEY, PeerRow.ENDPOINT,
                        PeerRow.ADDED_AT, PeerRow.ADDED_BY, PeerRow.REMOVED_AT).from(PeerRow.T)
                .where(PeerRow.FINGERPRINT.eq(fingerprint)).and(PeerRow.REMOVED_AT.isNull())
                .fetchOptional().flatMap(JooqFederationStore::readablePeer);
    }

    private static Peer toPeer(Record r) {
        return new Peer(r.get(PeerRow.ID), r.get(PeerRow.PARTY), r.get(PeerRow.FINGERPRINT), r.get(PeerRow.PUBLIC_KEY),
                URI.create(r.get(PeerRow.ENDPOINT)), r.get(PeerRow.ADDED_AT).toInstant(), r.get(PeerRow.ADDED_BY),
                instant(r.get(PeerRow.REMOVED_AT)));
    }

    @Override
    public PeerState state(long peerId) {
        return dsl.select(StateRow.SERVED_SEQUENCE, StateRow.ACKED_SEQUENCE, StateRow.LAST_SERVED_AT,
                        StateRow.ITEMS_SERVED, StateRow.RECEIVED_SEQUENCE, StateRow.LAST_RECEIVED_AT,
                        StateRow.ITEMS_RECEIVED, StateRow.LAST_ATTEMPT_AT, StateRow.ERRORS, StateRow.LAST_ERROR,
                        StateRow.LAST_ERROR_AT)
                .from(StateRow.T).where(StateRow.PEER_ID.eq(peerId)).fetchOptional(r -> new PeerState(
                        r.get(StateRow.SERVED_SEQUENCE), r.get(StateRow.ACKED_SEQUENCE),
                        instant(r.get(StateRow.LAST_SERVED_AT)), r.get(StateRow.ITEMS_SERVED),
                        r.get(StateRow.RECEIVED_SEQUENCE), instant(r.get(StateRow.LAST_RECEIVED_AT)),
                        r.get(StateRow.ITEMS_RECEIVED), instant(r.get(StateRow.LAST_ATTEMPT_AT)),
                        r.get(StateRow.ERRORS), Optional.ofNullable(r.get(StateRow.LAST_ERROR)),
                        instant(r.get(StateRow.LAST_ERROR_AT))))
                .orElse(PeerState.NEW);
    }

    @Override
    public Optional<FeedCursors> cursorsAfter(long peerId, long sequence) {
        if (sequence == 0) {
            return Optional.of(FeedCursors.START);
        }
        return dsl.select(BundleRow.CURSORS).from(BundleRow.T).where(BundleRow.PEER_ID.eq(peerId))
                .and(BundleRow.SEQUENCE.eq(sequence)).fetchOptional(BundleRow.CURSORS).map(FeedCursors::decode);
    }

    private static final List<DataKind> ORBIT_KINDS = List.of(DataKind.ORBITS, DataKind.EPHEMERIDES);

    /** The lanes of these kinds the filter admits, except those of labels originated by {@code exceptOriginator}. */
    private List<Lane> visibleLanes(LabelFilter filter, String exceptOriginator, List<DataKind> kinds) {
        List<Lane> lanes = new ArrayList<>();
        dsl.select(LabelRow.ID, LabelRow.ORIGINATOR).from(LabelRow.T).orderBy(LabelRow.ID).forEach(r -> {
            if (r.value2().equals(exceptOriginator)) {
                return;
            }
            for (DataKind kind : kinds) {
                if (filter.admits(r.value1(), kind)) {
                    lanes.add(new Lane(r.value1(), kind));
                }
            }
        });
        return lanes;
    }

    private static Condition beyond(List<Lane> lanes, FeedCursors from) {
        return DSL.or(lanes.stream().map(lane -> Orbit.LABEL_ID.eq(lane.labelId())
                .and(lane.kind().equals(DataKind.EPHEMERIDES) ? Orbit.ORBIT_KIND.eq(OrbitKind.EPHEMERIS.name())
                        : Orbit.ORBIT_KIND.ne(OrbitKind.EPHEMERIS.name()))
                .and(Orbit.ID.gt(from.of(lane)))).toList());
    }

    @Override
    public FeedSlice readFeed(FeedCursors from, LabelFilter filter, String exceptOriginator, int limit,
                              long maxContentChars) {
        List<Lane> lanes = visibleLanes(filter, exceptOriginator, ORBIT_KINDS);
        // Read before the records: every record up to it is committed and visible (writers take turns on the
        // catalog_state row), so the lanes may move past it when fewer than limit records come back.
        long newestId = Optional.ofNullable(dsl.select(DSL.max(Orbit.ID)).from(Orbit.T).fetchOne().value1())
                .orElse(0L);
        List<OrbitRecord> fetched = lanes.isEmpty() ? List.of()
                : dsl.select(OrbitRows.orbitFields()).from(Orbit.T).join(IngestSource.T)
                .on(IngestSource.ID.eq(Orbit.SOURCE_ID)).where(beyond(lanes, from)).orderBy(Orbit.ID).limit(limit)
                .fetch(OrbitRows::toOrbit);
        List<OrbitRecord> orbits = new ArrayList<>();
        long contentChars = 0;
        for (OrbitRecord o : fetched) {
            if (!orbits.isEmpty() && contentChars + o.content().length() > maxContentChars) {
                break;
            }
            orbits.add(o);
            contentChars += o.content().length();
        }
        long reached = orbits.size() < fetched.size() || orbits.size() == limit ? orbits.getLast().id()
                : Math.max(newestId, orbits.isEmpty() ? 0 : orbits.getLast().id());
        TreeMap<Lane, Long> after = new TreeMap<>(from.lanes());
        for (Lane lane : lanes) {
            after.merge(lane, reached, Math::max);
        }
        List<Bundle.ProductItem> productItems = new ArrayList<>(products.next(from, filter, exceptOriginator, limit,
                kind -> visibleLanes(filter, exceptOriginator, List.of(kind)), after));
        ProductFeed.Restated restated = products.restated(from, filter, exceptOriginator, limit,
                kind -> visibleLanes(filter, exceptOriginator, List.of(kind)), after);
        productItems.addAll(restated.items());
        List<Bundle.Recall> recalls = new ArrayList<>();
        long recallCursor = from.recall();
        for (Record r : dsl.select(RecallRow.ID, RecallRow.ORBIT_ID, RecallRow.LABEL_ID, RecallRow.DATA_KIND,
                        RecallRow.CONTENT_SHA256, RecallRow.ORIGINATOR, RecallRow.REASON, RecallRow.RECALLED_AT)
                .from(RecallRow.T).where(RecallRow.ID.gt(from.recall())).orderBy(RecallRow.ID).limit(limit).fetch()) {
            Lane lane = new Lane(r.get(RecallRow.LABEL_ID), DataKind.ofStored(r.get(RecallRow.DATA_KIND)));
            if (r.get(RecallRow.ORBIT_ID) <= from.of(lane)) {
                if (relabelledBeyond(r.get(RecallRow.CONTENT_SHA256), r.get(RecallRow.ORIGINATOR), lanes, after)) {
                    // the record again under its new label comes in a later bundle: its recall waits for it, so
                    // that the peer never applies the recall without the record that replaces it
                    break;
                }
                recalls.add(new Bundle.Recall(r.get(RecallRow.CONTENT_SHA256), r.get(RecallRow.ORIGINATOR),
                        r.get(RecallRow.REASON), r.get(RecallRow.RECALLED_AT).toInstant()));
            }
            recallCursor = r.get(RecallRow.ID);
        }
        return new FeedSlice(orbits, productItems, recalls, new FeedCursors(after, recallCursor, restated.cursor()));
    }

    /**
     * Whether the record with this content and originator is held (re-labelled: under another label and id than the
     * recalled copy) in a lane the peer may see, beyond where this bundle leaves that lane.
     */
    private boolean relabelledBeyond(String contentSha256, String originator, List<Lane> visible,
                                     Map<Lane, Long> after) {
        return dsl.select(Orbit.ID, Orbit.LABEL_ID, Orbit.ORBIT_KIND).from(Orbit.T)
                .where(Orbit.CONTENT_SHA256.eq(contentSha256)).and(Orbit.LABEL_ORIGINATOR.eq(originator))
                .fetchOptional().map(r -> {
                    Lane lane = new Lane(r.value2(), OrbitKind.valueOf(r.value3()).dataKind());
                    return visible.contains(lane) && r.value1() > after.getOrDefault(lane, 0L);
                }).orElse(false);
    }

    @Override
    public long pendingRecords(FeedCursors from, LabelFilter filter, String exceptOriginator) {
        List<Lane> lanes = visibleLanes(filter, exceptOriginator, ORBIT_KINDS);
        return lanes.isEmpty() ? 0 : dsl.fetchCount(Orbit.T, beyond(lanes, from));
    }

    @Override
    public void recordServed(long peerId, long sequence, FeedCursors after, int orbits, int recalls,
                             String payloadSha256, Instant at) {
        dsl.transaction(() -> {
            DSLContext tx = dsl;
            tx.deleteFrom(BundleRow.T).where(BundleRow.PEER_ID.eq(peerId)).and(BundleRow.SEQUENCE.ge(sequence))
                    .execute();
            tx.insertInto(BundleRow.T).set(BundleRow.PEER_ID, peerId).set(BundleRow.SEQUENCE, sequence)
                    .set(BundleRow.CURSORS, after.encode()).set(BundleRow.ORBIT_COUNT, orbits)
                    .set(BundleRow.RECALL_COUNT, recalls).set(BundleRow.PAYLOAD_SHA256, payloadSha256)
                    .set(BundleRow.CREATED_AT, SqlValues.odt(at)).execute();
            tx.update(StateRow.T).set(StateRow.SERVED_SEQUENCE, sequence)
                    .set(StateRow.LAST_SERVED_AT, SqlValues.odt(at))
                    .set(StateRow.ITEMS_SERVED, StateRow.ITEMS_SERVED.plus((long) orbits))
                    .where(StateRow.PEER_ID.eq(peerId)).execute();
        });
    }

    @Override
    public void recordAcknowledged(long peerId, long sequence, Instant at) {
        dsl.update(StateRow.T).set(StateRow.ACKED_SEQUENCE, sequence).where(StateRow.PEER_ID.eq(peerId)).execute();
    }

    @Override
    public boolean recordReceived(long peerId, long sequence, int records, Instant at) {
        return dsl.update(StateRow.T).set(StateRow.RECEIVED_SEQUENCE, sequence)
                .set(StateRow.LAST_RECEIVED_AT, SqlValues.odt(at))
                .set(StateRow.ITEMS_RECEIVED, StateRow.ITEMS_RECEIVED.plus((long) records))
                .where(StateRow.PEER_ID.eq(peerId)).and(StateRow.RECEIVED_SEQUENCE.eq(sequence - 1)).execute() == 1;
    }

    @Override
    public void recordAttempt(long peerId, Instant at) {
        dsl.update(StateRow.T).set(StateRow.LAST_ATTEMPT_AT, SqlValues.odt(at))
                .where(StateRow.PEER_ID.eq(peerId)).execute();
    }

    @Override
    public void recordError(long peerId, String error, Instant at) {
        dsl.update(StateRow.T).set(StateRow.ERRORS, StateRow.ERRORS.plus(1L))
                .set(StateRow.LAST_ERROR, error.length() <= 2048 ? error : error.substring(0, 2048))
                .set(StateRow.LAST_ERROR_AT, SqlValues.odt(at)).where(StateRow.PEER_ID.eq(peerId)).execute();
    }

    @Override
    public Optional<StoredOrbit> orbitByContent(String contentSha256, String originator) {
        return dsl.select(OrbitRows.orbitFields()).select(Orbit.LABEL_ID).from(Orbit.T).join(IngestSource.T)
                .on(IngestSource.ID.eq(Orbit.SOURCE_ID)).where(Orbit.CONTENT_SHA256.eq(contentSha256))
                .and(Orbit.LABEL_ORIGINATOR.eq(originator)).fetchOptional(r -> {
                    OrbitRecord orbit = OrbitRows.toOrbit(r);
                    return new StoredOrbit(orbit, new Lane(r.get(Orbit.LABEL_ID), orbit.kind().dataKind()));
                });
    }

    @Override
    public java.util.Set<String> recalledAmong(List<String> contentSha256s) {
        java.util.Set<String> recalled = new java.util.HashSet<>();
        List<String> distinct = contentSha256s.stream().distinct().toList();
        for (int i = 0; i < distinct.size(); i += 1000) {
            dsl.select(RecallRow.CONTENT_SHA256, RecallRow.ORIGINATOR).from(RecallRow.T)
                    .where(RecallRow.CONTENT_SHA256.in(distinct.subList(i, Math.min(distinct.size(), i + 1000))))
                    .forEach(r -> recalled.add(r.value1() + "|" + r.value2()));
        }
        return recalled;
    }

    @Override
    public void addRecall(StoredOrbit stored, String reason, Instant at, String by) {
        dsl.transaction(() -> {
            DSLContext tx = dsl;
            CatalogVersion.takeWritersTurn(tx);
            tx.insertInto(RecallRow.T).set(RecallRow.ORBIT_ID, stored.orbit().id())
                    .set(RecallRow.LABEL_ID, stored.lane().labelId())
                    .set(RecallRow.DATA_KIND, stored.lane().kind().code())
                    .set(RecallRow.CONTENT_SHA256, stored.orbit().contentSha256())
                    .set(RecallRow.ORIGINATOR, stored.orbit().label().originator())
                    .set(RecallRow.REASON, reason.length() <= 1024 ? reason : reason.substring(0, 1024))
                    .set(RecallRow.RECALLED_AT, SqlValues.odt(at)).set(RecallRow.RECALLED_BY, by).execute();
        });
    }

    @Override
    public void holdItem(long peerId, DataKind kind, String json, Instant at) {
        dsl.insertInto(HeldRow.T).set(HeldRow.PEER_ID, peerId).set(HeldRow.DATA_KIND, kind.code())
                .set(HeldRow.ITEM, json).set(HeldRow.RECEIVED_AT, SqlValues.odt(at)).execute();
    }

    @Override
    public List<HeldItem> heldItems(DataKind kind) {
        return dsl.select(HeldRow.ID, HeldRow.PEER_ID, HeldRow.ITEM).from(HeldRow.T)
                .where(HeldRow.DATA_KIND.eq(kind.code())).orderBy(HeldRow.ID)
                .fetch(r -> new HeldItem(r.value1(), r.value2(), kind, r.value3()));
    }

    @Override
    public Map<Long, Map<DataKind, Long>> heldCounts() {
        Map<Long, Map<DataKind, Long>> counts = new HashMap<>();
        dsl.select(HeldRow.PEER_ID, HeldRow.DATA_KIND, DSL.count()).from(HeldRow.T)
                .groupBy(HeldRow.PEER_ID, HeldRow.DATA_KIND).forEach(r -> counts.computeIfAbsent(r.value1(),
                        id -> new TreeMap<>()).put(DataKind.ofStored(r.value2()), (long) r.value3()));
        return counts;
    }

    @Override
    public void releaseHeld(List<Long> ids) {
        for (List<Long> chunk : ProductLinks.chunks(ids)) {
            dsl.deleteFrom(HeldRow.T).where(HeldRow.ID.in(chunk)).execute();
        }
    }

    private static Optional<Instant> instant(OffsetDateTime value) {
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }
}
