package org.concord.store;

import static org.concord.store.SqlValues.chunks;
import static org.concord.store.SqlValues.truncate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.IngestBatch;
import org.concord.catalog.Provenance;
import org.concord.catalog.SpaceObject.SatcatEntry;
import org.concord.label.Label;
import org.concord.store.Tables.IngestSource;
import org.concord.store.Tables.Satcat;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;

/** SATCAT entries as {@code satcat_entry} holds them: stored from an ingest, read beside their object. */
final class SatcatRows {

    private final DSLContext dsl;
    private final Map<Long, Provenance> satcatProvenanceCache = new java.util.concurrent.ConcurrentHashMap<>();

    SatcatRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Stores the entries not yet held with the same content, replacing an object's older entry; counts in
     * {@code otherLabel[0]} those held under another label than the batch gives them.
     */
    static int storeSatcat(DSLContext tx, long sourceId, List<IngestBatch.SatcatRow> rows, Map<Label, Long> labels,
                           int[] otherLabel) {
        Map<Long, String> existing = new HashMap<>();
        Map<Long, Long> existingLabels = new HashMap<>();
        for (List<Long> chunk : chunks(rows.stream().map(IngestBatch.SatcatRow::noradId).toList())) {
            tx.select(Satcat.NORAD_ID, Satcat.CONTENT_SHA256, Satcat.LABEL_ID).from(Satcat.T)
                    .where(SqlValues.idIn(Satcat.NORAD_ID, chunk))
                    .forEach(r -> {
                        existing.put(r.value1(), r.value2());
                        existingLabels.put(r.value1(), r.value3());
                    });
        }
        List<Long> replaced = new ArrayList<>();
        List<IngestBatch.SatcatRow> toInsert = new ArrayList<>();
        for (IngestBatch.SatcatRow row : rows) {
            String hash = existing.get(row.noradId());
            if (hash != null && hash.equals(row.contentSha256())) {
                if (!labels.get(row.entry().label()).equals(existingLabels.get(row.noradId()))) {
                    otherLabel[0]++;
                }
                continue;
            }
            if (hash != null) {
                replaced.add(row.noradId());
            }
            existing.put(row.noradId(), row.contentSha256());
            toInsert.add(row);
        }
        for (List<Long> chunk : chunks(replaced)) {
            tx.deleteFrom(Satcat.T).where(SqlValues.idIn(Satcat.NORAD_ID, chunk)).execute();
        }
        if (toInsert.isEmpty()) {
            return 0;
        }
        BatchBindStep insert = tx.batch(tx.insertInto(Satcat.T, Satcat.NORAD_ID, Satcat.INTL_DESIGNATOR, Satcat.NAME,
                Satcat.OBJECT_TYPE, Satcat.OWNER, Satcat.LAUNCH_DATE, Satcat.LAUNCH_SITE, Satcat.DECAY_DATE,
                Satcat.RCS_SIZE, Satcat.FIELD_SOURCES, Satcat.CONTENT_SHA256, Satcat.LABEL_ORIGINATOR,
                Satcat.LABEL_RELEASABILITY, Satcat.LABEL_TLP, Satcat.LABEL_CAVEATS, Satcat.LABEL_EXPIRY,
                Satcat.SOURCE_ID, Satcat.SOURCE_LINE, Satcat.LABEL_ID)
                .values((Long) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null));
        for (IngestBatch.SatcatRow row : toInsert) {
            SatcatEntry e = row.entry();
            Label l = e.label();
            insert = insert.bind(row.noradId(), row.internationalDesignator().orElse(null), truncate(row.name(), 256),
                    e.objectType(), e.owner().orElse(null), e.launchDate().orElse(null), e.launchSite().orElse(null),
                    e.decayDate().orElse(null), e.rcsSize().orElse(null), fieldSources(e.fieldSources()),
                    row.contentSha256(), l.originator(),
                    l.releasability().toString(), l.tlp().code(), String.join(",", l.caveats()),
                    l.expiry().map(SqlValues::odt).orElse(null), sourceId, row.line(), labels.get(l));
        }
        insert.execute();
        return toInsert.size();
    }

    static SelectField<?>[] satcatFields() {
        return new SelectField<?>[] {Satcat.NORAD_ID.as("satcat_norad_id"), Satcat.OBJECT_TYPE, Satcat.OWNER,
            Satcat.LAUNCH_DATE, Satcat.LAUNCH_SITE, Satcat.DECAY_DATE, Satcat.RCS_SIZE, Satcat.FIELD_SOURCES,
            Satcat.LABEL_ORIGINATOR.as("s_label_originator"), Satcat.LABEL_RELEASABILITY.as("s_label_rel"),
            Satcat.LABEL_TLP.as("s_label_tlp"), Satcat.LABEL_CAVEATS.as("s_label_caveats"),
            Satcat.LABEL_EXPIRY.as("s_label_expiry"), Satcat.SOURCE_ID.as("s_source_id")};
    }

    /** The SATCAT entry of an object read with {@link #satcatFields}, if the caller may see one. */
    Optional<SatcatEntry> entry(Record r) {
        Optional<SatcatEntry> satcat = Optional.empty();
        if (r.get("satcat_norad_id") != null) {
            Label label = LabelColumns.label(r.get("s_label_originator", String.class),
                    r.get("s_label_rel", String.class), r.get("s_label_tlp", String.class),
                    r.get("s_label_caveats", String.class), r.get("s_label_expiry", OffsetDateTime.class));
            Provenance provenance = satcatProvenance(r.get("s_source_id", Long.class));
            satcat = Optional.of(new SatcatEntry(r.get(Satcat.OBJECT_TYPE), Optional.ofNullable(r.get(Satcat.OWNER)),
                    Optional.ofNullable(r.get(Satcat.LAUNCH_DATE)), Optional.ofNullable(r.get(Satcat.LAUNCH_SITE)),
                    Optional.ofNullable(r.get(Satcat.DECAY_DATE)), Optional.ofNullable(r.get(Satcat.RCS_SIZE)),
                    fieldSources(r.get(Satcat.FIELD_SOURCES)), label, provenance));
        }
        return satcat;
    }

    /** A SATCAT entry's field sources as stored: {@code field=source;...} in the order of the entry's fields. */
    private static String fieldSources(Map<String, String> sources) {
        return sources.isEmpty() ? null : SatcatEntry.FIELDS.stream().filter(sources::containsKey)
                .map(f -> f + "=" + sources.get(f)).collect(java.util.stream.Collectors.joining(";"));
    }

    private static Map<String, String> fieldSources(String stored) {
        Map<String, String> sources = new HashMap<>();
        if (stored != null) {
            for (String part : stored.split(";")) {
                int eq = part.indexOf('=');
                sources.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return sources;
    }

    private Provenance satcatProvenance(long sourceId) {
        return satcatProvenanceCache.computeIfAbsent(sourceId, id -> dsl.select(IngestSource.SOURCE_NAME,
                        IngestSource.SOURCE_SHA256, IngestSource.INGESTED_AT, IngestSource.INGESTED_BY)
                .from(IngestSource.T).where(IngestSource.ID.eq(id)).fetchOne(s -> new Provenance(s.value1(),
                        s.value2(), s.value3().toInstant(), s.value4())));
    }
}
