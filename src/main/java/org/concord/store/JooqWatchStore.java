package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.store.Tables.LabelRow;
import org.concord.watch.Notification;
import org.concord.watch.Watch;
import org.concord.watch.WatchStore;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Watches, notifications and delivery attempts in PostgreSQL or H2, through jOOQ. Ids are random positive numbers,
 * not a sequence: a party sees its own ids only, and they say nothing of how many other parties' there are.
 */
public final class JooqWatchStore implements WatchStore {

    private static final class WatchRow {
        static final Table<?> T = table(unquotedName("watch"));
        static final Field<Long> ID = col("id", SQLDataType.BIGINT);
        static final Field<String> PARTY = col("party", SQLDataType.VARCHAR);
        static final Field<Long> LABEL_ID = col("label_id", SQLDataType.BIGINT);
        static final Field<Long> NORAD_ID = col("norad_id", SQLDataType.BIGINT);
        static final Field<Double> MISS_M = col("miss_m", SQLDataType.DOUBLE);
        static final Field<Double> PC = col("pc", SQLDataType.DOUBLE);
        static final Field<Long> WITHIN_S = col("within_s", SQLDataType.BIGINT);
        static final Field<String> WEBHOOK = col("webhook", SQLDataType.VARCHAR);
        static final Field<String> CREATED_BY = col("created_by", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> CREATED_AT = col("created_at", SQLDataType.TIMESTAMPWITHTIMEZONE);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("watch", name), type);
        }
    }

    private static final class NotificationRow {
        static final Table<?> T = table(unquotedName("notification"));
        static final Field<Long> ID = col("id", SQLDataType.BIGINT);
        static final Field<Long> WATCH_ID = col("watch_id", SQLDataType.BIGINT);
        static final Field<String> PARTY = col("party", SQLDataType.VARCHAR);
        static final Field<Long> EVENT_ID = col("event_id", SQLDataType.BIGINT);
        static final Field<Integer> UPDATE_NUMBER = col("update_number", SQLDataType.INTEGER);
        static final Field<String> REASON = col("reason", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> CREATED_AT = col("created_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Long> PRIMARY = col("primary_norad_id", SQLDataType.BIGINT);
        static final Field<Long> SECONDARY = col("secondary_norad_id", SQLDataType.BIGINT);
        static final Field<OffsetDateTime> TCA = col("tca", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Double> MISS_M = col("miss_m", SQLDataType.DOUBLE);
        static final Field<Double> PC = col("pc", SQLDataType.DOUBLE);
        static final Field<String> STATUS = col("status", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> NEXT_ATTEMPT_AT = col("next_attempt_at",
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<?>[] ALL = {ID, WATCH_ID, PARTY, EVENT_ID, UPDATE_NUMBER, REASON, CREATED_AT, PRIMARY,
            SECONDARY, TCA, MISS_M, PC, STATUS, NEXT_ATTEMPT_AT};

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("notification", name), type);
        }
    }

    private static final class AttemptRow {
        static final Table<?> T = table(unquotedName("notification_attempt"));
        static final Field<Long> NOTIFICATION_ID = field(unquotedName("notification_id"), SQLDataType.BIGINT);
        static final Field<Integer> ATTEMPT = field(unquotedName("attempt"), SQLDataType.INTEGER);
        static final Field<OffsetDateTime> ATTEMPTED_AT = field(unquotedName("attempted_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Integer> HTTP_STATUS = field(unquotedName("http_status"), SQLDataType.INTEGER);
        static final Field<String> ERROR = field(unquotedName("error"), SQLDataType.VARCHAR);
    }

    private static final int MAX_ERROR = 1024;
    private static final SecureRandom IDS = new SecureRandom();

    private final DSLContext dsl;
    private final LabelIds labelIds;

    public JooqWatchStore(Database database) {
        this.dsl = database.dsl();
        this.labelIds = new LabelIds(database);
    }

    private static long randomId() {
        return 1 + IDS.nextLong(Long.MAX_VALUE - 1);
    }

    @Override
    public Watch add(String party, Watch.Terms terms, String createdBy, Instant createdAt) {
        long labelId = labelIds.idOf(Watch.labelOf(party));
        long id = randomId();
        dsl.insertInto(WatchRow.T)
                .set(WatchRow.ID, id)
                .set(WatchRow.PARTY, party)
                .set(WatchRow.LABEL_ID, labelId)
                .set(WatchRow.NORAD_ID, terms.noradId())
                .set(WatchRow.MISS_M, terms.missDistanceMeters().orElse(null))
                .set(WatchRow.PC, terms.probability().orElse(null))
                .set(WatchRow.WITHIN_S, terms.within().toSeconds())
                .set(WatchRow.WEBHOOK, terms.webhook().map(URI::toString).orElse(null))
                .set(WatchRow.CREATED_BY, SqlValues.truncate(createdBy, 128))
                .set(WatchRow.CREATED_AT, SqlValues.odt(createdAt))
                .execute();
        return watch(id).orElseThrow();
    }

    private List<Watch> watches(Condition condition) {
        return dsl.select(WatchRow.ID, WatchRow.PARTY, WatchRow.NORAD_ID, WatchRow.MISS_M, WatchRow.PC,
                        WatchRow.WITHIN_S, WatchRow.WEBHOOK, WatchRow.CREATED_BY, WatchRow.CREATED_AT,
                        LabelRow.ORIGINATOR, LabelRow.RELEASABILITY, LabelRow.TLP, LabelRow.CAVEATS, LabelRow.EXPIRY)
                .from(WatchRow.T).join(LabelRow.T).on(LabelRow.ID.eq(WatchRow.LABEL_ID)).where(condition)
                .orderBy(WatchRow.CREATED_AT, WatchRow.ID).fetch(JooqWatchStore::toWatch);
    }

    private static Watch toWatch(Record r) {
        return new Watch(r.get(WatchRow.ID), r.get(WatchRow.PARTY), new Watch.Terms(r.get(WatchRow.NORAD_ID),
                Optional.ofNullable(r.get(WatchRow.MISS_M)), Optional.ofNullable(r.get(WatchRow.PC)),
                Duration.ofSeconds(r.get(WatchRow.WITHIN_S)), Optional.ofNullable(r.get(WatchRow.WEBHOOK))
                .map(URI::create)), LabelColumns.label(r.get(LabelRow.ORIGINATOR), r.get(LabelRow.RELEASABILITY),
                r.get(LabelRow.TLP), r.get(LabelRow.CAVEATS), r.get(LabelRow.EXPIRY)), r.get(WatchRow.CREATED_BY),
                r.get(WatchRow.CREATED_AT).toInstant());
    }

    @Override
    public List<Watch> watches(String party) {
        return watches(WatchRow.PARTY.eq(party));
    }

    @Override
    public List<Watch> allWatches() {
        return watches(org.jooq.impl.DSL.noCondition());
    }

    @Override
    public Optional<Watch> watch(long watchId) {
        return watches(WatchRow.ID.eq(watchId)).stream().findFirst();
    }

    @Override
    public boolean remove(String party, long watchId) {
        return dsl.transactionResult(() -> {
            if (!dsl.fetchExists(WatchRow.T, WatchRow.ID.eq(watchId).and(WatchRow.PARTY.eq(party)))) {
                return false;
            }
            Condition ofWatch = NotificationRow.WATCH_ID.eq(watchId);
            dsl.deleteFrom(AttemptRow.T).where(AttemptRow.NOTIFICATION_ID.in(dsl.select(NotificationRow.ID)
                    .from(NotificationRow.T).where(ofWatch))).execute();
            dsl.deleteFrom(NotificationRow.T).where(ofWatch).execute();
            return dsl.deleteFrom(WatchRow.T).where(WatchRow.ID.eq(watchId)).execute() > 0;
        });
    }

    @Override
    public Optional<Notification> lastNotified(long watchId, long eventId) {
        return notifications(NotificationRow.WATCH_ID.eq(watchId).and(NotificationRow.EVENT_ID.eq(eventId)), 1)
                .stream().findFirst();
    }

    @Override
    public Optional<Notification> addNotification(Notification n) {
        long id = randomId();
        try {
            dsl.insertInto(NotificationRow.T)
                    .set(NotificationRow.ID, id)
                    .set(NotificationRow.WATCH_ID, n.watchId())
                    .set(NotificationRow.PARTY, n.party())
                    .set(NotificationRow.EVENT_ID, n.eventId())
                    .set(NotificationRow.UPDATE_NUMBER, n.updateNumber())
                    .set(NotificationRow.REASON, n.reason().name())
                    .set(NotificationRow.CREATED_AT, SqlValues.odt(n.createdAt()))
                    .set(NotificationRow.PRIMARY, n.primaryNoradId())
                    .set(NotificationRow.SECONDARY, n.secondaryNoradId())
                    .set(NotificationRow.TCA, SqlValues.odt(n.tca()))
                    .set(NotificationRow.MISS_M, n.missDistanceMeters())
                    .set(NotificationRow.PC, n.probability().orElse(null))
                    .set(NotificationRow.STATUS, n.status().name())
                    .set(NotificationRow.NEXT_ATTEMPT_AT, n.nextAttemptAt().map(SqlValues::odt).orElse(null))
                    .execute();
        } catch (RuntimeException e) {
            if (SqlValues.isUniqueViolation(e)) {
                return Optional.empty(); // another process made it first; or the watch was removed meanwhile
            }
            throw e;
        }
        return notifications(NotificationRow.ID.eq(id), 1).stream().findFirst();
    }

    @Override
    public List<Notification> notifications(String party, int limit) {
        return notifications(NotificationRow.PARTY.eq(party), limit);
    }

    @Override
    public List<Notification> due(Instant now, int limit) {
        return notifications(NotificationRow.STATUS.eq(Notification.Status.PENDING.name())
                .and(NotificationRow.NEXT_ATTEMPT_AT.le(SqlValues.odt(now))), limit);
    }

    /** Notifications newest first, with their attempts. */
    private List<Notification> notifications(Condition condition, int limit) {
        List<Notification> rows = dsl.select(NotificationRow.ALL).from(NotificationRow.T).where(condition)
                .orderBy(NotificationRow.CREATED_AT.desc(), NotificationRow.UPDATE_NUMBER.desc(),
                        NotificationRow.ID.desc()).limit(limit).fetch(JooqWatchStore::toNotification);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Notification.DeliveryAttempt>> attempts = new LinkedHashMap<>();
        rows.forEach(n -> attempts.put(n.id(), new ArrayList<>()));
        dsl.select(AttemptRow.NOTIFICATION_ID, AttemptRow.ATTEMPT, AttemptRow.ATTEMPTED_AT, AttemptRow.HTTP_STATUS,
                        AttemptRow.ERROR).from(AttemptRow.T)
                .where(SqlValues.idIn(AttemptRow.NOTIFICATION_ID, attempts.keySet())).orderBy(AttemptRow.ATTEMPT)
                .forEach(r -> attempts.get(r.get(AttemptRow.NOTIFICATION_ID)).add(new Notification.DeliveryAttempt(
                        r.get(AttemptRow.ATTEMPT), r.get(AttemptRow.ATTEMPTED_AT).toInstant(),
                        Optional.ofNullable(r.get(AttemptRow.HTTP_STATUS)),
                        Optional.ofNullable(r.get(AttemptRow.ERROR)))));
        return rows.stream().map(n -> n.withAttempts(attempts.get(n.id()))).toList();
    }

    private static Notification toNotification(Record r) {
        return new Notification(r.get(NotificationRow.ID), r.get(NotificationRow.WATCH_ID),
                r.get(NotificationRow.PARTY), r.get(NotificationRow.EVENT_ID), r.get(NotificationRow.UPDATE_NUMBER),
                Notification.Reason.valueOf(r.get(NotificationRow.REASON)), r.get(NotificationRow.CREATED_AT)
                .toInstant(), r.get(NotificationRow.PRIMARY), r.get(NotificationRow.SECONDARY),
                r.get(NotificationRow.TCA).toInstant(), r.get(NotificationRow.MISS_M),
                Optional.ofNullable(r.get(NotificationRow.PC)), Notification.Status.valueOf(
                r.get(NotificationRow.STATUS)), Optional.ofNullable(r.get(NotificationRow.NEXT_ATTEMPT_AT))
                .map(OffsetDateTime::toInstant), List.of());
    }

    @Override
    public void recordAttempt(long notificationId, Notification.DeliveryAttempt attempt, Notification.Status status,
                              Optional<Instant> nextAttemptAt) {
        dsl.transaction(() -> {
            dsl.insertInto(AttemptRow.T)
                    .set(AttemptRow.NOTIFICATION_ID, notificationId)
                    .set(AttemptRow.ATTEMPT, attempt.attempt())
                    .set(AttemptRow.ATTEMPTED_AT, SqlValues.odt(attempt.at()))
                    .set(AttemptRow.HTTP_STATUS, attempt.httpStatus().orElse(null))
                    .set(AttemptRow.ERROR, attempt.error().map(e -> SqlValues.truncate(e, MAX_ERROR)).orElse(null))
                    .execute();
            dsl.update(NotificationRow.T).set(NotificationRow.STATUS, status.name())
                    .set(NotificationRow.NEXT_ATTEMPT_AT, nextAttemptAt.map(SqlValues::odt).orElse(null))
                    .where(NotificationRow.ID.eq(notificationId)).execute();
        });
    }
}
