package org.concord.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/** Values as the stores write them, and the small helpers every store's SQL work shares. */
final class SqlValues {

    private static final int CHUNK = 1000;

    private SqlValues() {
    }

    /**
     * An instant as stored: at UTC, rounded (half up) to the microsecond both databases keep, so that PostgreSQL
     * (batched or COPY) and H2 hold the same value for the same record.
     */
    static OffsetDateTime odt(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /**
     * {@code field IN (ids)} with the ids written as literals: H2 looks bound parameters of an IN list up row by row
     * (a scan of the whole table per chunk), literals through the index.
     */
    static org.jooq.Condition idIn(org.jooq.Field<Long> field, java.util.Collection<Long> ids) {
        return field.in(ids.stream().map(org.jooq.impl.DSL::inline).toList());
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isPostgres(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.POSTGRES;
    }

    /**
     * Runs one statement for each row (values in the order of its parameters, as jOOQ would bind them: text, numbers,
     * booleans, offset date-times, null) as JDBC batches of 5,000 on the transaction's connection: what bulk writes
     * on H2 use (PostgreSQL takes COPY), since binding each value through jOOQ's batch costs as much again as H2's
     * own work. A failure is a jOOQ {@code DataAccessException}, as through jOOQ.
     */
    static void batch(DSLContext tx, String sql, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        tx.connection(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                int pending = 0;
                for (List<Object> row : rows) {
                    for (int i = 0; i < row.size(); i++) {
                        statement.setObject(i + 1, row.get(i));
                    }
                    statement.addBatch();
                    if (++pending == 5000) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        });
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** The list in consecutive parts of at most 1,000 elements (the values one {@code IN} list takes). */
    static <T> List<List<T>> chunks(List<T> list) {
        return chunks(list, CHUNK);
    }

    /** The list in consecutive parts of at most {@code size} elements. */
    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return chunks;
    }
}
