package org.concord.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The schema of {@code db/migration}, typed for jOOQ. */
final class Tables {

    private Tables() {
    }

    static final class IngestSource {
        static final Table<?> T = table(unquotedName("ingest_source"));
        static final Field<Long> ID = field(unquotedName("ingest_source", "id"), SQLDataType.BIGINT);
        static final Field<String> SOURCE_NAME = field(unquotedName("source_name"), SQLDataType.VARCHAR);
        static final Field<String> SOURCE_SHA256 = field(unquotedName("source_sha256"), SQLDataType.CHAR(64));
        static final Field<String> SOURCE_FORMAT = field(unquotedName("source_format"), SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> INGESTED_AT = field(unquotedName("ingested_at"),
                SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> INGESTED_BY = field(unquotedName("ingested_by"), SQLDataType.VARCHAR);
        static final Field<Integer> RECORDS_STORED = field(unquotedName("records_stored"), SQLDataType.INTEGER);
        static final Field<Integer> RECORDS_UNCHANGED = field(unquotedName("records_unchanged"), SQLDataType.INTEGER);
        static final Field<Integer> RECORDS_REJECTED = field(unquotedName("records_rejected"), SQLDataType.INTEGER);

        private IngestSource() {
        }
    }

    static final class Orbit {
        static final Table<?> T = table(unquotedName("orbit_record"));
        static final Field<Long> ID = col("id", SQLDataType.BIGINT);
        static final Field<Long> NORAD_ID = col("norad_id", SQLDataType.BIGINT);
        static final Field<String> OBJECT_NAME = col("object_name", SQLDataType.VARCHAR);
        static final Field<String> INTL_DESIGNATOR = col("intl_designator", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> EPOCH = col("epoch", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> ORBIT_KIND = col("orbit_kind", SQLDataType.VARCHAR);
        static final Field<String> SOURCE_FORMAT = col("source_format", SQLDataType.VARCHAR);
        static final Field<Double> PERIGEE_KM = col("perigee_km", SQLDataType.DOUBLE);
        static final Field<Double> APOGEE_KM = col("apogee_km", SQLDataType.DOUBLE);
        static final Field<Double> INCLINATION_DEG = col("inclination_deg", SQLDataType.DOUBLE);
        static final Field<Double> PERIOD_MIN = col("period_min", SQLDataType.DOUBLE);
        static final Field<Double> ECCENTRICITY = col("eccentricity", SQLDataType.DOUBLE);
        static final Field<OffsetDateTime> COVERAGE_START = col("coverage_start", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<OffsetDateTime> COVERAGE_STOP = col("coverage_stop", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Boolean> HAS_COVARIANCE = col("has_covariance", SQLDataType.BOOLEAN);
        static final Field<String> CONTENT = col("content", SQLDataType.CLOB);
        static final Field<String> CONTENT_SHA256 = col("content_sha256", SQLDataType.CHAR(64));
        static final Field<String> LABEL_ORIGINATOR = col("label_originator", SQLDataType.VARCHAR);
        static final Field<String> LABEL_RELEASABILITY = col("label_releasability", SQLDataType.VARCHAR);
        static final Field<String> LABEL_TLP = col("label_tlp", SQLDataType.VARCHAR);
        static final Field<String> LABEL_CAVEATS = col("label_caveats", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> LABEL_EXPIRY = col("label_expiry", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Long> SOURCE_ID = col("source_id", SQLDataType.BIGINT);
        static final Field<Integer> SOURCE_LINE = col("source_line", SQLDataType.INTEGER);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("orbit_record", name), type);
        }

        private Orbit() {
        }
    }

    static final class SpaceObject {
        static final Table<?> T = table(unquotedName("space_object"));
        static final Field<Long> NORAD_ID = col("norad_id", SQLDataType.BIGINT);
        static final Field<String> NAME = col("name", SQLDataType.VARCHAR);
        static final Field<String> INTL_DESIGNATOR = col("intl_designator", SQLDataType.VARCHAR);
        static final Field<Long> LATEST_ORBIT_ID = col("latest_orbit_id", SQLDataType.BIGINT);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("space_object", name), type);
        }

        private SpaceObject() {
        }
    }

    static final class Satcat {
        static final Table<?> T = table(unquotedName("satcat_entry"));
        static final Field<Long> NORAD_ID = col("norad_id", SQLDataType.BIGINT);
        static final Field<String> INTL_DESIGNATOR = col("intl_designator", SQLDataType.VARCHAR);
        static final Field<String> NAME = col("name", SQLDataType.VARCHAR);
        static final Field<String> OBJECT_TYPE = col("object_type", SQLDataType.VARCHAR);
        static final Field<String> OWNER = col("owner", SQLDataType.VARCHAR);
        static final Field<LocalDate> LAUNCH_DATE = col("launch_date", SQLDataType.LOCALDATE);
        static final Field<String> LAUNCH_SITE = col("launch_site", SQLDataType.VARCHAR);
        static final Field<LocalDate> DECAY_DATE = col("decay_date", SQLDataType.LOCALDATE);
        static final Field<String> RCS_SIZE = col("rcs_size", SQLDataType.VARCHAR);
        static final Field<String> CONTENT_SHA256 = col("content_sha256", SQLDataType.CHAR(64));
        static final Field<String> LABEL_ORIGINATOR = col("label_originator", SQLDataType.VARCHAR);
        static final Field<String> LABEL_RELEASABILITY = col("label_releasability", SQLDataType.VARCHAR);
        static final Field<String> LABEL_TLP = col("label_tlp", SQLDataType.VARCHAR);
        static final Field<String> LABEL_CAVEATS = col("label_caveats", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> LABEL_EXPIRY = col("label_expiry", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Long> SOURCE_ID = col("source_id", SQLDataType.BIGINT);
        static final Field<Integer> SOURCE_LINE = col("source_line", SQLDataType.INTEGER);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("satcat_entry", name), type);
        }

        private Satcat() {
        }
    }
}
