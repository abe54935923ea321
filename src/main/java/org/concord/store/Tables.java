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
        static final Field<Long> LABEL_ID = col("label_id", SQLDataType.BIGINT);

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
        static final Field<Long> LATEST_LABEL_ID = col("latest_label_id", SQLDataType.BIGINT);
        static final Field<String> LATEST_DATA_KIND = col("latest_data_kind", SQLDataType.VARCHAR);

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
        static final Field<String> FIELD_SOURCES = col("field_sources", SQLDataType.VARCHAR);
        static final Field<String> CONTENT_SHA256 = col("content_sha256", SQLDataType.CHAR(64));
        static final Field<String> LABEL_ORIGINATOR = col("label_originator", SQLDataType.VARCHAR);
        static final Field<String> LABEL_RELEASABILITY = col("label_releasability", SQLDataType.VARCHAR);
        static final Field<String> LABEL_TLP = col("label_tlp", SQLDataType.VARCHAR);
        static final Field<String> LABEL_CAVEATS = col("label_caveats", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> LABEL_EXPIRY = col("label_expiry", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Long> SOURCE_ID = col("source_id", SQLDataType.BIGINT);
        static final Field<Integer> SOURCE_LINE = col("source_line", SQLDataType.INTEGER);
        static final Field<Long> LABEL_ID = col("label_id", SQLDataType.BIGINT);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("satcat_entry", name), type);
        }

        private Satcat() {
        }
    }

    static final class Run {
        static final Table<?> T = table(unquotedName("screening_run"));
        static final Field<Long> ID = col("id", SQLDataType.BIGINT);
        static final Field<String> KIND = col("kind", SQLDataType.VARCHAR);
        static final Field<Long> PRIMARY_NORAD_ID = col("primary_norad_id", SQLDataType.BIGINT);
        static final Field<OffsetDateTime> START_TIME = col("start_time", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Long> WINDOW_SECONDS = col("window_seconds", SQLDataType.BIGINT);
        static final Field<Double> THRESHOLD_M = col("threshold_m", SQLDataType.DOUBLE);
        static final Field<String> REQUESTED_BY = col("requested_by", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> STARTED_AT = col("started_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> STATUS = col("status", SQLDataType.VARCHAR);
        static final Field<Double> PROGRESS = col("progress", SQLDataType.DOUBLE);
        static final Field<OffsetDateTime> FINISHED_AT = col("finished_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Integer> OBJECTS_SCREENED = col("objects_screened", SQLDataType.INTEGER);
        static final Field<Integer> OBJECTS_EXCLUDED = col("objects_excluded", SQLDataType.INTEGER);
        static final Field<Long> CANDIDATE_PAIRS = col("candidate_pairs", SQLDataType.BIGINT);
        static final Field<Integer> CONJUNCTIONS = col("conjunctions", SQLDataType.INTEGER);
        static final Field<Double> PROPAGATION_S = col("propagation_s", SQLDataType.DOUBLE);
        static final Field<Double> BROAD_PHASE_S = col("broad_phase_s", SQLDataType.DOUBLE);
        static final Field<Double> REFINEMENT_S = col("refinement_s", SQLDataType.DOUBLE);
        static final Field<Double> RISK_S = col("risk_s", SQLDataType.DOUBLE);
        static final Field<Double> STORAGE_S = col("storage_s", SQLDataType.DOUBLE);
        static final Field<String> ERROR = col("error", SQLDataType.VARCHAR);
        static final Field<Double> ELLIPSOID_RADIAL_M = col("ellipsoid_radial_m", SQLDataType.DOUBLE);
        static final Field<Double> ELLIPSOID_IN_TRACK_M = col("ellipsoid_in_track_m", SQLDataType.DOUBLE);
        static final Field<Double> ELLIPSOID_CROSS_TRACK_M = col("ellipsoid_cross_track_m", SQLDataType.DOUBLE);
        static final Field<String> EPHEMERIS_NAME = col("ephemeris_name", SQLDataType.VARCHAR);
        static final Field<String> EPHEMERIS_SHA256 = col("ephemeris_sha256", SQLDataType.CHAR(64));
        static final Field<Integer> ELEMENT_SETS = col("element_sets", SQLDataType.INTEGER);
        static final Field<Integer> STALE_ELEMENT_SETS = col("stale_element_sets", SQLDataType.INTEGER);
        static final Field<Long> YOUNGEST_ELEMENT_AGE_S = col("youngest_element_age_s", SQLDataType.BIGINT);
        static final Field<Long> OLDEST_ELEMENT_AGE_S = col("oldest_element_age_s", SQLDataType.BIGINT);
        static final Field<Long> PRIMARY_ELEMENT_AGE_S = col("primary_element_age_s", SQLDataType.BIGINT);
        static final Field<Boolean> PRIMARY_STALE = col("primary_stale", SQLDataType.BOOLEAN);
        static final Field<OffsetDateTime> HEARTBEAT_AT = col("heartbeat_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> FOR_PARTY = col("for_party", SQLDataType.VARCHAR);

        static final Field<?>[] ALL = {ID, KIND, PRIMARY_NORAD_ID, START_TIME, WINDOW_SECONDS, THRESHOLD_M, REQUESTED_BY, STARTED_AT, STATUS, PROGRESS, FINISHED_AT, OBJECTS_SCREENED, OBJECTS_EXCLUDED, CANDIDATE_PAIRS, CONJUNCTIONS, PROPAGATION_S, BROAD_PHASE_S, REFINEMENT_S, RISK_S, STORAGE_S, ERROR, ELLIPSOID_RADIAL_M, ELLIPSOID_IN_TRACK_M, ELLIPSOID_CROSS_TRACK_M, EPHEMERIS_NAME, EPHEMERIS_SHA256,
            ELEMENT_SETS, STALE_ELEMENT_SETS, YOUNGEST_ELEMENT_AGE_S, OLDEST_ELEMENT_AGE_S, PRIMARY_ELEMENT_AGE_S,
            PRIMARY_STALE, FOR_PARTY};

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("screening_run", name), type);
        }

        private Run() {
        }
    }

    static final class LabelRow {
        static final Table<?> T = table(unquotedName("label"));
        static final Field<Long> ID = col("id", SQLDataType.BIGINT);
        static final Field<String> ORIGINATOR = col("originator", SQLDataType.VARCHAR);
        static final Field<String> RELEASABILITY = col("releasability", SQLDataType.VARCHAR);
        static final Field<String> TLP = col("tlp", SQLDataType.VARCHAR);
        static final Field<String> CAVEATS = col("caveats", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> EXPIRY = col("expiry", SQLDataType.TIMESTAMPWITHTIMEZONE);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("label", name), type);
        }

        private LabelRow() {
        }
    }

    static final class ObjectLabelLatest {
        static final Table<?> T = table(unquotedName("object_label_latest"));
        static final Field<Long> NORAD_ID = col("norad_id", SQLDataType.BIGINT);
        static final Field<Long> LABEL_ID = col("label_id", SQLDataType.BIGINT);
        static final Field<String> DATA_KIND = col("data_kind", SQLDataType.VARCHAR);
        static final Field<Long> ORBIT_ID = col("orbit_id", SQLDataType.BIGINT);
        static final Field<OffsetDateTime> EPOCH = col("epoch", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Integer> SOURCE_PRIORITY = col("source_priority", SQLDataType.INTEGER);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("object_label_latest", name), type);
        }

        private ObjectLabelLatest() {
        }
    }

    static final class PartyRow {
        static final Table<?> T = table(unquotedName("party"));
        static final Field<String> CODE = col("code", SQLDataType.VARCHAR);
        static final Field<String> NAME = col("name", SQLDataType.VARCHAR);
        static final Field<String> KIND = col("kind", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> CREATED_AT = col("created_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Integer> SOURCE_PRIORITY = col("source_priority", SQLDataType.INTEGER);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("party", name), type);
        }

        private PartyRow() {
        }
    }

    static final class PartyMember {
        static final Table<?> T = table(unquotedName("party_member"));
        static final Field<String> GROUP_CODE = col("group_code", SQLDataType.VARCHAR);
        static final Field<String> MEMBER_CODE = col("member_code", SQLDataType.VARCHAR);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("party_member", name), type);
        }

        private PartyMember() {
        }
    }

    static final class UserRow {
        static final Table<?> T = table(unquotedName("app_user"));
        static final Field<String> NAME = col("name", SQLDataType.VARCHAR);
        static final Field<String> PARTY_CODE = col("party_code", SQLDataType.VARCHAR);
        static final Field<String> ROLE = col("role", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> CREATED_AT = col("created_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Boolean> DISABLED = col("disabled", SQLDataType.BOOLEAN);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("app_user", name), type);
        }

        private UserRow() {
        }
    }

    static final class TokenRow {
        static final Table<?> T = table(unquotedName("api_token"));
        static final Field<Long> ID = col("id", SQLDataType.BIGINT);
        static final Field<String> USER_NAME = col("user_name", SQLDataType.VARCHAR);
        static final Field<String> TOKEN_HASH = col("token_hash", SQLDataType.CHAR(64));
        static final Field<String> DESCRIPTION = col("description", SQLDataType.VARCHAR);
        static final Field<OffsetDateTime> CREATED_AT = col("created_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<OffsetDateTime> EXPIRES_AT = col("expires_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<OffsetDateTime> REVOKED_AT = col("revoked_at", SQLDataType.TIMESTAMPWITHTIMEZONE);

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("api_token", name), type);
        }

        private TokenRow() {
        }
    }

    static final class AgreementRow {
        static final Table<?> T = table(unquotedName("agreement"));
        static final Field<Long> ID = col("id", SQLDataType.BIGINT);
        static final Field<String> GRANTOR = col("grantor", SQLDataType.VARCHAR);
        static final Field<String> RECIPIENTS = col("recipients", SQLDataType.VARCHAR);
        static final Field<String> DATA_KINDS = col("data_kinds", SQLDataType.VARCHAR);
        static final Field<Boolean> INCLUDES_THIRD_PARTY = col("includes_third_party", SQLDataType.BOOLEAN);
        static final Field<OffsetDateTime> VALID_FROM = col("valid_from", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<OffsetDateTime> VALID_TO = col("valid_to", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<OffsetDateTime> REVOKED_AT = col("revoked_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<Integer> VERSION = col("version", SQLDataType.INTEGER);
        static final Field<OffsetDateTime> CREATED_AT = col("created_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<OffsetDateTime> CHANGED_AT = col("changed_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> CHANGED_BY = col("changed_by", SQLDataType.VARCHAR);

        static final Field<?>[] ALL = {ID, GRANTOR, RECIPIENTS, DATA_KINDS, INCLUDES_THIRD_PARTY, VALID_FROM, VALID_TO,
            REVOKED_AT, VERSION, CREATED_AT, CHANGED_AT, CHANGED_BY};

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("agreement", name), type);
        }

        private AgreementRow() {
        }
    }

    static final class SharingState {
        static final Table<?> T = table(unquotedName("sharing_state"));
        static final Field<Integer> ID = field(unquotedName("sharing_state", "id"), SQLDataType.INTEGER);
        static final Field<Long> VERSION = field(unquotedName("sharing_state", "version"), SQLDataType.BIGINT);

        private SharingState() {
        }
    }

    static final class AuditEntry {
        static final Table<?> T = table(unquotedName("audit_entry"));
        static final Field<Long> SEQ = col("seq", SQLDataType.BIGINT);
        static final Field<OffsetDateTime> RECORDED_AT = col("recorded_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> ACTOR = col("actor", SQLDataType.VARCHAR);
        static final Field<String> ACTOR_PARTY = col("actor_party", SQLDataType.VARCHAR);
        static final Field<String> ACTION = col("action", SQLDataType.VARCHAR);
        static final Field<String> SUBJECT = col("subject", SQLDataType.VARCHAR);
        static final Field<String> ORIGINATORS = col("originators", SQLDataType.VARCHAR);
        static final Field<String> DETAIL = col("detail", SQLDataType.CLOB);
        static final Field<String> ENTRY = col("entry", SQLDataType.CLOB);
        static final Field<String> LEAF_HASH = col("leaf_hash", SQLDataType.CHAR(64));

        static final Field<?>[] ALL = {SEQ, RECORDED_AT, ACTOR, ACTOR_PARTY, ACTION, SUBJECT, ORIGINATORS, DETAIL, ENTRY,
            LEAF_HASH};

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("audit_entry", name), type);
        }

        private AuditEntry() {
        }
    }

    static final class AuditCheckpoint {
        static final Table<?> T = table(unquotedName("audit_checkpoint"));
        static final Field<Long> TREE_SIZE = col("tree_size", SQLDataType.BIGINT);
        static final Field<String> ROOT_HASH = col("root_hash", SQLDataType.CHAR(64));
        static final Field<OffsetDateTime> SIGNED_AT = col("signed_at", SQLDataType.TIMESTAMPWITHTIMEZONE);
        static final Field<String> SIGNATURE = col("signature", SQLDataType.VARCHAR);
        static final Field<String> KEY_FINGERPRINT = col("key_fingerprint", SQLDataType.CHAR(64));

        static final Field<?>[] ALL = {TREE_SIZE, ROOT_HASH, SIGNED_AT, SIGNATURE, KEY_FINGERPRINT};

        private static <T> Field<T> col(String name, org.jooq.DataType<T> type) {
            return field(unquotedName("audit_checkpoint", name), type);
        }

        private AuditCheckpoint() {
        }
    }
}
