package org.concord.store;

import static org.concord.store.SqlValues.odt;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** PostgreSQL's COPY ... FROM STDIN, for the writes of a whole catalog (faster than batched INSERTs). */
final class PostgresCopy {

    private PostgresCopy() {
    }

    /** Rows written by {@code rows}, through COPY ... FROM STDIN on the transaction's connection. */
    static void copyIn(DSLContext tx, String copySql, CopyWriter rows) {
        tx.connection(connection -> {
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, copySql, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16)) {
                rows.write(new CopyRow(out));
            }
        });
    }

    /** Rows (values in the order of {@code fields}, as jOOQ binds them) into the table, through COPY. */
    static void copyRows(DSLContext tx, org.jooq.Table<?> table, java.util.List<org.jooq.Field<?>> fields,
                         java.util.List<java.util.List<Object>> rows) {
        copyIn(tx, "COPY " + table.getName() + " (" + String.join(", ", fields.stream().map(org.jooq.Field::getName)
                .toList()) + ") FROM STDIN", copy -> {
                    for (java.util.List<Object> row : rows) {
                        for (Object value : row) {
                            copy.any(value);
                        }
                        copy.end();
                    }
                });
    }

    @FunctionalInterface
    interface CopyWriter {
        void write(CopyRow row) throws IOException;
    }

    private static final DateTimeFormatter COPY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    /** One row of COPY's text format: tab-separated, {@code \N} for NULL, backslash escapes. */
    static final class CopyRow {
        private final Writer out;
        private boolean first = true;

        CopyRow(Writer out) {
            this.out = out;
        }

        private void separator() throws IOException {
            if (!first) {
                out.write('\t');
            }
            first = false;
        }

        CopyRow value(Object number) throws IOException {
            separator();
            out.write(String.valueOf(number));
            return this;
        }

        /** A value as jOOQ binds it: NULL, text, a number, a boolean, an instant or an offset date-time. */
        CopyRow any(Object value) throws IOException {
            return switch (value) {
                case null -> text(null);
                case String s -> text(s);
                case Number n -> value(n);
                case Boolean b -> value(b ? "t" : "f");
                case Instant i -> time(i);
                case java.time.OffsetDateTime t -> text(COPY_TIME.format(t));
                default -> throw new IllegalArgumentException("no COPY form for a " + value.getClass().getSimpleName());
            };
        }

        CopyRow time(Instant instant) throws IOException {
            return text(instant == null ? null : COPY_TIME.format(odt(instant)));
        }

        CopyRow text(String s) throws IOException {
            separator();
            if (s == null) {
                out.write("\\N");
                return this;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    case '\t' -> out.write("\\t");
                    default -> out.write(c);
                }
            }
            return this;
        }

        void end() throws IOException {
            out.write('\n');
            first = true;
        }
    }
}
