package org.concord.product;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.label.DataKind;

/**
 * Two minimal product kinds registered only by tests, to show that a kind needs nothing beyond its declaration and its
 * table (src/test/resources/product/test-kinds.sql): {@link #NOTES} carries its own label, {@link #DERIVED} is derived
 * from an orbit record, {@link #FLAGS} is released under the notes' data kind with a code of its own.
 */
public final class TestKinds {

    /** A note about a subject at a time, with a level: its own label. */
    public record Note(String subject, Instant observedAt, double level) {
    }

    /** A remark about an object, computed from one of its orbit records. */
    public record Remark(long noradId, String note) {
    }

    public static final String ORBIT_ROLE = "orbit";

    public static final ProductKind<Note> NOTES = new ProductKind<>() {
        @Override
        public DataKind dataKind() {
            return new DataKind("test-notes");
        }

        @Override
        public Labelling labelling() {
            return Labelling.OWN;
        }

        @Override
        public String table() {
            return "test_note";
        }

        @Override
        public List<Column<Note>> columns() {
            return List.of(Column.of("subject", ColumnType.TEXT, n -> Optional.of(n.subject())),
                    Column.of("observed_at", ColumnType.INSTANT, n -> Optional.of(n.observedAt())),
                    Column.of("level", ColumnType.DECIMAL, n -> Optional.of(n.level())));
        }

        @Override
        public Note read(Row row) {
            return new Note(row.required("subject", String.class), row.required("observed_at", Instant.class),
                    row.required("level", Double.class));
        }

        @Override
        public List<Filter> filters() {
            return List.of(Filter.equalsAny("subject", ColumnType.TEXT, List.of("subject"), "The subject"),
                    Filter.atLeast("minLevel", ColumnType.DECIMAL, "level", 0, 10, "Level at least"));
        }

        @Override
        public List<SortOrder> sorts() {
            return List.of(SortOrder.ascending("observed", "observed_at"), SortOrder.descending("-level", "level"));
        }

        @Override
        public String identity(Note n) {
            return n.subject() + "|" + n.observedAt();
        }
    };

    public static final ProductKind<Remark> DERIVED = new ProductKind<>() {
        @Override
        public DataKind dataKind() {
            return new DataKind("test-derived");
        }

        @Override
        public Labelling labelling() {
            return Labelling.DERIVED;
        }

        @Override
        public String table() {
            return "test_derived";
        }

        @Override
        public List<Column<Remark>> columns() {
            return List.of(Column.of("norad_id", ColumnType.WHOLE, r -> Optional.of(r.noradId())),
                    Column.of("note", ColumnType.TEXT, r -> Optional.of(r.note())));
        }

        @Override
        public Remark read(Row row) {
            return new Remark(row.required("norad_id", Long.class), row.required("note", String.class));
        }

        @Override
        public List<SortOrder> sorts() {
            return List.of(SortOrder.ascending("norad", "norad_id"));
        }

        @Override
        public String identity(Remark r) {
            return r.noradId() + "|" + r.note();
        }
    };

    /** A flag on a subject: a second kind released under the notes' data kind, with a code of its own. */
    public record Flag(String subject) {
    }

    public static final ProductKind<Flag> FLAGS = new ProductKind<>() {
        @Override
        public DataKind dataKind() {
            return NOTES.dataKind();
        }

        @Override
        public DataKind code() {
            return new DataKind("test-flags");
        }

        @Override
        public Labelling labelling() {
            return Labelling.OWN;
        }

        @Override
        public String table() {
            return "test_flag";
        }

        @Override
        public List<Column<Flag>> columns() {
            return List.of(Column.of("subject", ColumnType.TEXT, f -> Optional.of(f.subject())));
        }

        @Override
        public Flag read(Row row) {
            return new Flag(row.required("subject", String.class));
        }

        @Override
        public List<SortOrder> sorts() {
            return List.of(SortOrder.ascending("subject", "subject"));
        }

        @Override
        public String identity(Flag f) {
            return f.subject();
        }
    };

    public static final List<ProductKind<?>> ALL = List.of(NOTES, DERIVED, FLAGS);

    private TestKinds() {
    }
}
