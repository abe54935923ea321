package org.concord.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.IngestBatch;
import org.concord.catalog.IngestOutcome;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Provenance;
import org.concord.catalog.SourceFormat;
import org.concord.catalog.SpaceObject.SatcatEntry;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionStore;
import org.concord.digest.Sha256;
import org.concord.formats.CdmReader;
import org.concord.formats.FormatDetector;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.formats.OrbitReaders;
import org.concord.formats.ParseResult;
import org.concord.formats.ParsedOrbit;
import org.concord.formats.ParsedSatcat;
import org.concord.formats.SatcatReader;
import org.concord.label.Label;
import org.concord.reentry.ReentryReports;
import org.concord.risk.HardBodyRadii;

/**
 * Ingest: bytes, format detection, parsing, validation, labelling, and one transaction in the store. An input with
 * any invalid record is rejected whole unless skip-invalid is asked for; either way the store never holds part of
 * a record, and storing the same records again stores nothing new.
 */
public final class IngestService {

    /** The first artificial satellite; no orbit can be older. */
    static final Instant EARLIEST_EPOCH = Instant.parse("1957-10-04T00:00:00Z");
    /** How far ahead of now an epoch may lie (predicted elements are issued days ahead, never years). */
    static final Duration LATEST_EPOCH_AHEAD = Duration.ofDays(366);
    public static final long MAX_CATALOG_NUMBER = 999_999_999L;
    static final int MAX_DESIGNATOR_LENGTH = 32;
    static final int MAX_INGESTED_BY_LENGTH = 256;
    static final int MAX_RELEASABILITY_LENGTH = 2048;
    static final int MAX_CAVEATS_LENGTH = 1024;

    private final CatalogStore store;
    private final ConjunctionStore conjunctions;
    private final ReentryReports reentryReports;
    private final HardBodyRadii radii;
    private final LabelRules labels;
    private final long maxBytes;
    private final Clock clock;
    private final MeterRegistry meters;

    /** {@code meters} receives the counts of what is ingested (docs/metrics.md). */
    public IngestService(CatalogStore store, ConjunctionStore conjunctions, ReentryReports reentryReports,
                         HardBodyRadii radii, LabelRules labels, long maxBytes, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.conjunctions = conjunctions;
        this.reentryReports = reentryReports;
        this.radii = radii;
        this.labels = labels;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.meters = meters;
    }

    public LabelRules labels() {
        return labels;
    }

    /** Ingests one input; throws {@link InputRejectedException} (nothing stored) when it cannot be taken. */
    public IngestReport ingest(IngestRequest request) {
        IngestReport report;
        try {
            report = ingestUncounted(request);
        } catch (InputRejectedException e) {
            countInput("rejected");
            throw e;
        }
        countInput("accepted");
        countRecords("upload", report.stored(), report.unchanged(), report.rejected());
        return report;
    }

    /** Metric names: inputs accepted or rejected whole; records stored, unchanged or refused, by where they came from. */
    private static final String INPUTS = "concord.ingest.inputs";
    private static final String RECORDS = "concord.ingest.records";

    private void countInput(String outcome) {
        Counter.builder(INPUTS).description("inputs ingested (accepted) or refused whole (rejected)")
                .tag("outcome", outcome).register(meters).increment();
    }

    private void countRecords(String source, int stored, int unchanged, int refused) {
        for (var count : Map.of("stored", stored, "unchanged", unchanged, "refused", refused).entrySet()) {
            Counter.builder(RECORDS).description("orbit and SATCAT records ingested, by where they came from (upload:"
                            + " an ingest on this node; federation: a partner's bundle) and what became of them")
                    .tag("source", source).tag("outcome", count.getKey()).register(meters)
                    .increment(count.getValue());
        }
    }

    private IngestReport ingestUncounted(IngestRequest request) {
        String name = request.sourceName();
        byte[] bytes = request.content();
        if (bytes.length > maxBytes) {
            throw new InputRejectedException(InputError.inFile(name, "size", "the input is " + bytes.length
                    + " bytes, over this node's limit of " + maxBytes + " bytes (configuration ingest.max-bytes)"));
        }
        Instant now = clock.instant();
        Label label = checkStorable(request.label().orElseGet(() -> labels.labelFor(name)));
        if (request.ingestedBy().length() > MAX_INGESTED_BY_LENGTH) {
            throw new IllegalArgumentException("the name of who ingests is longer than " + MAX_INGESTED_BY_LENGTH
                    + " characters");
        }
        if (label.isExpiredAt(now)) {
            throw new InputRejectedException(InputError.inFile(name, "label expiry",
                    "the label expires " + label.expiry().orElseThrow() + ", which is already past"));
        }
        String text = FormatDetector.decode(name, bytes);
        SourceFormat format = FormatDetector.detect(name, text);
        Provenance provenance = new Provenance(name, Sha256.hex(bytes), now, request.ingestedBy());
        IngestBatch batch;
        List<InputError> errors;
        if (format == SourceFormat.CDM_KVN || format == SourceFormat.CDM_XML) {
            Conjunction conjunction = CdmConjunctions.of(name, CdmReader.read(name, text), text, label, radii);
            boolean stored = conjunctions.storeFromCdm(conjunction, provenance.sourceSha256()).isPresent();
            boolean otherLabel = !stored && conjunctions.cdmLabel(provenance.sourceSha256(), label.originator())
                    .filter(held -> !held.equals(label)).isPresent();
            return new IngestReport(name, provenance.sourceSha256(), format, label, stored ? 1 : 0, stored ? 0 : 1, 0,
                    List.of(), otherLabel ? 1 : 0);
        }
        if (ReentryReports.reads(format)) {
            ReentryReports.Ingested stored = reentryReports.ingest(name, text, format, label, request.skipInvalid());
            return new IngestReport(name, provenance.sourceSha256(), format, label, stored.stored(),
                    stored.unchanged(), stored.errors().size(), stored.errors(), 0);
        }
        if (format == SourceFormat.SATCAT_CSV) {
            ParseResult<ParsedSatcat> parsed = SatcatReader.read(name, text);
            errors = new ArrayList<>(parsed.errors());
            List<IngestBatch.SatcatRow> rows = satcatRows(parsed.items(), label, provenance, errors);
            checkOutcome(request, errors, rows.size());
            batch = new IngestBatch(provenance, format, List.of(), rows, errors.size());
        } else {
            ParseResult<ParsedOrbit> parsed = OrbitReaders.read(format, name, text);
            errors = new ArrayList<>(parsed.errors());
            List<OrbitRecord> orbits = validOrbits(name, parsed.items(), label, provenance, request, now, errors);
            checkOutcome(request, errors, orbits.size());
            batch = new IngestBatch(provenance, format, orbits, List.of(), errors.size());
        }
        IngestOutcome outcome = store.store(batch);
        return new IngestReport(name, provenance.sourceSha256(), format, label, outcome.stored(), outcome.unchanged(),
                outcome.rejected(), errors, outcome.heldUnderAnotherLabel());
    }

    /** The label, when the store can hold it (its releasability and caveats fit their columns); else refused. */
    public static Label checkStorable(Label label) {
        if (label.releasability().toString().length() > MAX_RELEASABILITY_LENGTH
                || String.join(",", label.caveats()).length() > MAX_CAVEATS_LENGTH) {
            throw new IllegalArgumentException("label too long: releasability at most " + MAX_RELEASABILITY_LENGTH
                    + " characters, caveats at most " + MAX_CAVEATS_LENGTH);
        }
        return label;
    }

    /** An orbit record received from a partner node: its exact message text, format, catalog number and label. */
    public record ReceivedOrbit(long noradId, SourceFormat format, String content, Label label) {
    }

    /** What storing received records did; the records rejected are named in {@code errors}, nothing of them kept. */
    public record ReceivedReport(int stored, int unchanged, List<InputError> errors) {

        public ReceivedReport {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Stores orbit records received from a partner node. Each is read and checked like an ingested record, under its
     * own format and original label (never relabelled); one that fails is reported and not stored, the rest are.
     * Records of one format are stored in one transaction, and storing the same records again stores nothing new, so
     * a bundle that is received again after a failure part-way through leaves the catalog as if received once.
     */
    public ReceivedReport storeReceived(String sourceName, String sourceSha256, String ingestedBy,
                                        List<ReceivedOrbit> received) {
        Instant now = clock.instant();
        Provenance provenance = new Provenance(sourceName, sourceSha256, now, ingestedBy);
        List<InputError> errors = new ArrayList<>();
        Map<SourceFormat, List<OrbitRecord>> byFormat = new java.util.EnumMap<>(SourceFormat.class);
        for (int i = 0; i < received.size(); i++) {
            ReceivedOrbit item = received.get(i);
            String name = sourceName + " orbits[" + i + "]";
            if (item.label().isExpiredAt(now)) {
                errors.add(InputError.inFile(name, "label expiry", "the label expired "
                        + item.label().expiry().orElseThrow()));
                continue;
            }
            ParseResult<ParsedOrbit> parsed;
            try {
                parsed = OrbitReaders.read(item.format(), name, item.content());
            } catch (InputRejectedException e) {
                errors.addAll(e.errors());
                continue;
            }
            if (!parsed.errors().isEmpty()) {
                errors.addAll(parsed.errors());
                continue;
            }
            if (parsed.items().size() != 1) {
                errors.add(InputError.inFile(name, "content", "holds " + parsed.items().size()
                        + " orbit records; a bundle item holds exactly one"));
                continue;
            }
            ParsedOrbit orbit = parsed.items().getFirst();
            if (orbit.noradId() != 0 && orbit.noradId() != item.noradId()) {
                errors.add(InputError.inFile(name, "noradId", "the item says " + item.noradId()
                        + " but its content is of object " + orbit.noradId()));
                continue;
            }
            IngestRequest asIngest = new IngestRequest(name, new byte[0], Optional.of(item.label()), ingestedBy,
                    false, Optional.of(item.noradId()));
            byFormat.computeIfAbsent(item.format(), f -> new ArrayList<>()).addAll(
                    validOrbits(name, List.of(orbit), item.label(), provenance, asIngest, now, errors));
        }
        int stored = 0;
        int unchanged = 0;
        for (Map.Entry<SourceFormat, List<OrbitRecord>> batch : byFormat.entrySet()) {
            IngestOutcome outcome = store.store(new IngestBatch(provenance, batch.getKey(), batch.getValue(), List.of(),
                    0));
            stored += outcome.stored();
            unchanged += outcome.unchanged();
        }
        countRecords("federation", stored, unchanged, errors.size());
        return new ReceivedReport(stored, unchanged, errors);
    }

    private static void checkOutcome(IngestRequest request, List<InputError> errors, int valid) {
        if (!errors.isEmpty() && (!request.skipInvalid() || valid == 0)) {
            throw new InputRejectedException(errors);
        }
    }

    private List<OrbitRecord> validOrbits(String name, List<ParsedOrbit> parsed, Label label, Provenance provenance,
                                          IngestRequest request, Instant now, List<InputError> errors) {
        List<OrbitRecord> orbits = new ArrayList<>();
        Map<String, ParsedOrbit> seen = new HashMap<>();
        Instant latest = now.plus(LATEST_EPOCH_AHEAD);
        for (ParsedOrbit p : parsed) {
            ParsedOrbit orbit = p;
            if (orbit.noradId() == 0) {
                Optional<Long> id = request.noradIdOverride()
                        .or(() -> p.internationalDesignator().flatMap(store::noradIdOf));
                if (id.isEmpty()) {
                    errors.add(InputError.atLine(name, orbit.line(), "OBJECT_ID", "object '"
                            + orbit.internationalDesignator().orElse(orbit.objectName())
                            + "' has no catalog number and is not in this node's catalog or SATCAT;"
                            + " ingest its SATCAT entry first or name its catalog number (--object)"));
                    continue;
                }
                orbit = orbit.withNoradId(id.get());
            }
            if (orbit.noradId() < 0 || orbit.noradId() > MAX_CATALOG_NUMBER) {
                errors.add(InputError.atLine(name, orbit.line(), "NORAD_CAT_ID",
                        orbit.noradId() + " is outside 1.." + MAX_CATALOG_NUMBER));
                continue;
            }
            if (orbit.epoch().isBefore(EARLIEST_EPOCH) || orbit.epoch().isAfter(latest)) {
                errors.add(InputError.atLine(name, orbit.line(), "EPOCH", orbit.epoch()
                        + " is outside the plausible range " + EARLIEST_EPOCH + " .. " + latest));
                continue;
            }
            if (orbit.internationalDesignator().map(String::length).orElse(0) > MAX_DESIGNATOR_LENGTH) {
                errors.add(InputError.atLine(name, orbit.line(), "OBJECT_ID", "'"
                        + orbit.internationalDesignator().get() + "' is longer than " + MAX_DESIGNATOR_LENGTH
                        + " characters"));
                continue;
            }
            String hash = Sha256.hex(orbit.content().getBytes(StandardCharsets.UTF_8));
            String key = orbit.noradId() + "|" + orbit.epoch() + "|" + orbit.format();
            ParsedOrbit earlier = seen.putIfAbsent(key, orbit);
            if (earlier != null) {
                if (!earlier.content().equals(orbit.content())) {
                    errors.add(InputError.atLine(name, orbit.line(), "EPOCH", "object " + orbit.noradId()
                            + " already has a different record for epoch " + orbit.epoch() + " at line "
                            + earlier.line() + " of this input"));
                }
                continue;
            }
            orbits.add(new OrbitRecord(0, orbit.noradId(), orbit.objectName(), orbit.internationalDesignator(),
                    orbit.epoch(), orbit.format().orbitKind(), orbit.format(), orbit.summary(), orbit.coverage(),
                    orbit.hasCovariance(), orbit.content(), hash, label, provenance, orbit.line()));
        }
        return orbits;
    }

    private static List<IngestBatch.SatcatRow> satcatRows(List<ParsedSatcat> parsed, Label label,
                                                          Provenance provenance, List<InputError> errors) {
        List<IngestBatch.SatcatRow> rows = new ArrayList<>();
        Map<Long, ParsedSatcat> seen = new HashMap<>();
        for (ParsedSatcat s : parsed) {
            ParsedSatcat earlier = seen.putIfAbsent(s.noradId(), s);
            if (earlier != null) {
                if (!earlier.content().equals(s.content())) {
                    errors.add(InputError.atLine(provenance.sourceName(), s.line(), "NORAD_CAT_ID",
                            "catalog number " + s.noradId() + " already has a different row at line " + earlier.line()));
                }
                continue;
            }
            SatcatEntry entry = new SatcatEntry(s.objectType(), s.owner(), s.launchDate(), s.launchSite(),
                    s.decayDate(), s.rcsSize(), s.fieldSources(), label, provenance);
            rows.add(new IngestBatch.SatcatRow(s.noradId(), s.name(), s.internationalDesignator(), entry,
                    Sha256.hex(s.content().getBytes(StandardCharsets.UTF_8)), s.line()));
        }
        return rows;
    }
}
