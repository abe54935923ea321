package org.concord.store;

import static org.concord.store.LabelColumns.label;
import static org.concord.store.SqlValues.odt;
import static org.concord.store.SqlValues.truncate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.OrbitSummary;
import org.concord.catalog.Provenance;
import org.concord.catalog.SourceFormat;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.store.Tables.IngestSource;
import org.concord.store.Tables.Orbit;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/** An orbit record as {@code orbit_record} holds it: written (batched or through COPY) and read back. */
final class OrbitRows {

    /** How object lanes ({@code object_label_latest.data_kind}, {@code space_object.latest_data_kind}) name kinds. */
    static final String ORBITS_LANE = "ORBITS";
    static final String EPHEMERIDES_LANE = "EPHEMERIDES";

    private OrbitRows() {
    }

    static final Field<String> DATA_KIND_OF_ORBIT = DSL.when(Orbit.ORBIT_KIND.eq(OrbitKind.EPHEMERIS.name()),
            DSL.inline(EPHEMERIDES_LANE)).otherwise(DSL.inline(ORBITS_LANE));

    static SelectField<?>[] orbitFields() {
        return new SelectField<?>[] {Orbit.ID, Orbit.NORAD_ID, Orbit.OBJECT_NAME, Orbit.INTL_DESIGNATOR, Orbit.EPOCH,
            Orbit.ORBIT_KIND, Orbit.SOURCE_FORMAT, Orbit.PERIGEE_KM, Orbit.APOGEE_KM, Orbit.INCLINATION_DEG,
            Orbit.PERIOD_MIN, Orbit.ECCENTRICITY, Orbit.COVERAGE_START, Orbit.COVERAGE_STOP, Orbit.HAS_COVARIANCE,
            Orbit.CONTENT, Orbit.CONTENT_SHA256, Orbit.LABEL_ORIGINATOR, Orbit.LABEL_RELEASABILITY, Orbit.LABEL_TLP,
            Orbit.LABEL_CAVEATS, Orbit.LABEL_EXPIRY, IngestSource.SOURCE_NAME, IngestSource.SOURCE_SHA256,
            IngestSource.INGESTED_AT, IngestSource.INGESTED_BY, Orbit.SOURCE_LINE};
    }

    static OrbitRecord toOrbit(Record r) {
        OffsetDateTime start = r.get(Orbit.COVERAGE_START);
        OffsetDateTime stop = r.get(Orbit.COVERAGE_STOP);
        return new OrbitRecord(r.get(Orbit.ID), r.get(Orbit.NORAD_ID), r.get(Orbit.OBJECT_NAME),
                Optional.ofNullable(r.get(Orbit.INTL_DESIGNATOR)), r.get(Orbit.EPOCH).toInstant(),
                OrbitKind.valueOf(r.get(Orbit.ORBIT_KIND)), SourceFormat.valueOf(r.get(Orbit.SOURCE_FORMAT)),
                new OrbitSummary(r.get(Orbit.PERIGEE_KM), r.get(Orbit.APOGEE_KM), r.get(Orbit.INCLINATION_DEG),
                        r.get(Orbit.PERIOD_MIN), r.get(Orbit.ECCENTRICITY)),
                start == null ? Optional.empty()
                        : Optional.of(new OrbitRecord.TimeSpan(start.toInstant(), stop.toInstant())),
                r.get(Orbit.HAS_COVARIANCE), r.get(Orbit.CONTENT), r.get(Orbit.CONTENT_SHA256),
                label(r.get(Orbit.LABEL_ORIGINATOR), r.get(Orbit.LABEL_RELEASABILITY), r.get(Orbit.LABEL_TLP),
                        r.get(Orbit.LABEL_CAVEATS), r.get(Orbit.LABEL_EXPIRY)),
                new Provenance(r.get(IngestSource.SOURCE_NAME), r.get(IngestSource.SOURCE_SHA256),
                        r.get(IngestSource.INGESTED_AT).toInstant(), r.get(IngestSource.INGESTED_BY)),
                r.get(Orbit.SOURCE_LINE));
    }

    private static final String ORBIT_COLUMNS = "norad_id, object_name, intl_designator, epoch, orbit_kind,"
            + " source_format, perigee_km, apogee_km, inclination_deg, period_min, eccentricity, coverage_start,"
            + " coverage_stop, has_covariance, content, content_sha256, label_originator, label_releasability,"
            + " label_tlp, label_caveats, label_expiry, source_id, source_line, label_id";

    static void insertOrbits(DSLContext tx, long sourceId, List<OrbitRecord> orbits, Map<Label, Long> labels) {
        BatchBindStep insert = tx.batch(tx.insertInto(Orbit.T, Orbit.NORAD_ID, Orbit.OBJECT_NAME,
                Orbit.INTL_DESIGNATOR, Orbit.EPOCH, Orbit.ORBIT_KIND, Orbit.SOURCE_FORMAT, Orbit.PERIGEE_KM,
                Orbit.APOGEE_KM, Orbit.INCLINATION_DEG, Orbit.PERIOD_MIN, Orbit.ECCENTRICITY, Orbit.COVERAGE_START,
                Orbit.COVERAGE_STOP, Orbit.HAS_COVARIANCE, Orbit.CONTENT, Orbit.CONTENT_SHA256,
                Orbit.LABEL_ORIGINATOR, Orbit.LABEL_RELEASABILITY, Orbit.LABEL_TLP, Orbit.LABEL_CAVEATS,
                Orbit.LABEL_EXPIRY, Orbit.SOURCE_ID, Orbit.SOURCE_LINE, Orbit.LABEL_ID)
                .values((Long) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null));
        for (OrbitRecord o : orbits) {
            OrbitSummary s = o.summary();
            Label l = o.label();
            insert = insert.bind(o.noradId(), truncate(o.objectName(), 256), o.internationalDesignator().orElse(null),
                    odt(o.epoch()), o.kind().name(), o.format().name(), s.perigeeAltitudeKm(), s.apogeeAltitudeKm(),
                    s.inclinationDeg(), s.periodMinutes(), s.eccentricity(),
                    o.coverage().map(c -> odt(c.start())).orElse(null),
                    o.coverage().map(c -> odt(c.stop())).orElse(null), o.hasCovariance(), o.content(),
                    o.contentSha256(), l.originator(), l.releasability().toString(), l.tlp().code(),
                    String.join(",", l.caveats()), l.expiry().map(SqlValues::odt).orElse(null), sourceId,
                    o.sourceLine(), labels.get(l));
        }
        insert.execute();
    }

    /**
     * PostgreSQL: the orbits through COPY, in the transaction's connection (faster than batched
     * INSERTs for a whole catalog). Values are written exactly as the batch path binds them.
     */
    static void copyOrbits(DSLContext tx, long sourceId, List<OrbitRecord> orbits, Map<Label, Long> labels) {
        PostgresCopy.copyIn(tx, "COPY orbit_record (" + ORBIT_COLUMNS + ") FROM STDIN", row -> {
            for (OrbitRecord o : orbits) {
                OrbitSummary s = o.summary();
                Label l = o.label();
                row.value(o.noradId()).text(truncate(o.objectName(), 256))
                        .text(o.internationalDesignator().orElse(null)).time(o.epoch()).text(o.kind().name())
                        .text(o.format().name()).value(s.perigeeAltitudeKm()).value(s.apogeeAltitudeKm())
                        .value(s.inclinationDeg()).value(s.periodMinutes()).value(s.eccentricity())
                        .time(o.coverage().map(OrbitRecord.TimeSpan::start).orElse(null))
                        .time(o.coverage().map(OrbitRecord.TimeSpan::stop).orElse(null))
                        .text(o.hasCovariance() ? "t" : "f").text(o.content()).text(o.contentSha256())
                        .text(l.originator()).text(l.releasability().toString()).text(l.tlp().code())
                        .text(String.join(",", l.caveats())).time(l.expiry().orElse(null)).value(sourceId)
                        .value(o.sourceLine()).value(labels.get(l)).end();
            }
        });
    }
}
