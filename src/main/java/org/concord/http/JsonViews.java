package org.concord.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.CatalogFreshness;
import org.concord.catalog.LatestOrbitChoice;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Provenance;
import org.concord.catalog.RecallOutcome;
import org.concord.catalog.SpaceObject;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.InputAges;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningVolume;
import org.concord.formats.InputError;
import org.concord.ingest.IngestReport;
import org.concord.label.Label;

/** The JSON shapes of the API (described in {@code openapi.yaml}); every data item carries its label. */
final class JsonViews {

    private JsonViews() {
    }

    static Map<String, Object> label(Label label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("originator", label.originator());
        m.put("releasability", label.releasability().toString());
        m.put("releasableTo", List.copyOf(label.releasability().parties()));
        m.put("tlp", label.tlp().code());
        m.put("caveats", List.copyOf(label.caveats()));
        m.put("expires", label.expiry().map(Instant::toString).orElse(null));
        return m;
    }

    static Map<String, Object> provenance(Provenance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceName", p.sourceName());
        m.put("sourceSha256", p.sourceSha256());
        m.put("ingestedAt", p.ingestedAt().toString());
        m.put("ingestedBy", p.ingestedBy());
        return m;
    }

    static Map<String, Object> orbit(OrbitRecord o, boolean withContent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("noradId", o.noradId());
        m.put("objectName", o.objectName());
        m.put("internationalDesignator", o.internationalDesignator().orElse(null));
        m.put("epoch", o.epoch().toString());
        m.put("kind", o.kind().name());
        m.put("format", o.format().name());
        m.put("perigeeAltitudeKm", o.summary().perigeeAltitudeKm());
        m.put("apogeeAltitudeKm", o.summary().apogeeAltitudeKm());
        m.put("inclinationDeg", o.summary().inclinationDeg());
        m.put("periodMinutes", o.summary().periodMinutes());
        m.put("eccentricity", o.summary().eccentricity());
        m.put("coverage", o.coverage().map(c -> Map.of("start", c.start().toString(), "stop", c.stop().toString()))
                .orElse(null));
        m.put("hasCovariance", o.hasCovariance());
        m.put("contentSha256", o.contentSha256());
        Map<String, Object> provenance = provenance(o.provenance());
        provenance.put("line", o.sourceLine());
        m.put("provenance", provenance);
        m.put("label", label(o.label()));
        if (withContent) {
            m.put("content", o.content());
        }
        return m;
    }

    static Map<String, Object> latestOrbitChoice(LatestOrbitChoice c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orbitId", c.chosen().orbitId());
        m.put("rule", c.rule().text());
        m.put("sourcePriority", c.chosen().priority());
        m.put("alternatives", c.alternatives().size());
        m.put("reason", c.reason());
        return m;
    }

    static Map<String, Object> recall(RecallOutcome r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orbitRecordsRemoved", r.orbitRecordsRemoved());
        m.put("productsRemoved", r.productsRemoved());
        m.put("noradId", r.noradId().orElse(null));
        return m;
    }

    static Map<String, Object> relabel(org.concord.catalog.RelabelOutcome.Relabelled r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changed", r.oldId() != r.newId());
        m.put("orbitId", r.newId());
        m.put("previousOrbitId", r.oldId());
        m.put("noradId", r.noradId());
        m.put("label", label(r.newLabel()));
        m.put("previousLabel", label(r.oldLabel()));
        m.put("products", r.products());
        return m;
    }

    static Map<String, Object> object(SpaceObject s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("noradId", s.noradId());
        m.put("name", s.name());
        m.put("internationalDesignator", s.internationalDesignator().orElse(null));
        m.put("satcat", s.satcat().map(c -> {
            Map<String, Object> sc = new LinkedHashMap<>();
            sc.put("objectType", c.objectType());
            sc.put("owner", c.ownerParty().orElse(null));
            sc.put("satcatOwner", c.owner().orElse(null));
            sc.put("launchDate", c.launchDate().map(Object::toString).orElse(null));
            sc.put("launchSite", c.launchSite().orElse(null));
            sc.put("decayDate", c.decayDate().map(Object::toString).orElse(null));
            sc.put("rcsSize", c.rcsSize().orElse(null));
            sc.put("unknown", c.unknownFields());
            Map<String, String> sources = new LinkedHashMap<>();
            for (String field : List.of("objectType", "owner", "launchDate", "launchSite", "decayDate", "rcsSize")) {
                if (sc.get(field) != null && !c.unknownFields().contains(field)) {
                    sources.put(field, c.sourceOf(field));
                }
            }
            sc.put("fieldSources", sources);
            sc.put("provenance", provenance(c.provenance()));
            sc.put("label", label(c.label()));
            return sc;
        }).orElse(null));
        m.put("latestOrbit", s.latestOrbit().map(o -> orbit(o, false)).orElse(null));
        return m;
    }

    /**
     * A probability of collision and how it was obtained; one from estimated (or assumed) covariances has the maximum
     * Pc beside it, at the miss distance {@code missDistanceMeters}.
     */
    static Map<String, Object> risk(CollisionRisk r, double missDistanceMeters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probability", r.probability());
        m.put("method", r.method());
        m.put("covarianceSource", r.source().name());
        r.maximumBeside(missDistanceMeters).ifPresent(max -> m.put("maximumProbability", max));
        m.put("combinedHardBodyRadiusMeters", Double.isNaN(r.combinedHardBodyRadiusMeters()) ? null
                : r.combinedHardBodyRadiusMeters());
        m.put("statement", r.statement());
        return m;
    }

    /** A conjunction with the names of its objects as the caller may see them (none for an object it may not). */
    static Map<String, Object> conjunction(Conjunction c, Optional<String> primaryName,
                                           Optional<String> secondaryName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("primaryNoradId", c.primaryNoradId());
        m.put("secondaryNoradId", c.secondaryNoradId());
        m.put("primaryName", primaryName.orElse(null));
        m.put("secondaryName", secondaryName.orElse(null));
        m.put("primaryOrbitId", c.primaryOrbitId().orElse(null));
        m.put("secondaryOrbitId", c.secondaryOrbitId().orElse(null));
        m.put("tca", c.tca().toString());
        List<String> unknown = new ArrayList<>();
        quantity(m, "missDistanceMeters", c.missDistanceMeters(), unknown);
        quantity(m, "relativeSpeedMetersPerSecond", c.relativeSpeedMetersPerSecond(), unknown);
        quantity(m, "radialMeters", c.radialMeters(), unknown);
        quantity(m, "inTrackMeters", c.inTrackMeters(), unknown);
        quantity(m, "crossTrackMeters", c.crossTrackMeters(), unknown);
        m.put("risk", c.risk().map(r -> risk(r, c.missDistanceMeters())).orElse(null));
        m.put("cdmRisk", c.cdmRisk().map(r -> risk(r, c.missDistanceMeters())).orElse(null));
        m.put("screeningRunId", c.screeningRunId().orElse(null));
        m.put("fromCdm", c.cdm().isPresent());
        m.put("label", label(c.label()));
        m.put("primaryElementAgeSeconds", c.inputAges().map(a -> a.primary().toSeconds()).orElse(null));
        m.put("secondaryElementAgeSeconds", c.inputAges().map(a -> a.secondary().toSeconds()).orElse(null));
        m.put("stale", c.inputAges().map(InputAges::stale).orElse(null));
        m.put("unknown", unknown);
        return m;
    }

    /**
     * A quantity, or null when its source does not give it (a CDM without RELATIVE_SPEED): its name then goes to
     * {@code unknown}, so that a JSON number is never the string "NaN".
     */
    private static void quantity(Map<String, Object> m, String name, double value, List<String> unknown) {
        if (Double.isFinite(value)) {
            m.put(name, value);
        } else {
            m.put(name, null);
            unknown.add(name);
        }
    }

    static Map<String, Object> staleness(ScreeningRun.Staleness s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("elementSets", s.inputs());
        m.put("staleElementSets", s.staleInputs());
        m.put("youngestElementAgeSeconds", s.youngestAge().toSeconds());
        m.put("oldestElementAgeSeconds", s.oldestAge().toSeconds());
        m.put("primaryElementAgeSeconds", s.primaryAge().map(Duration::toSeconds).orElse(null));
        m.put("primaryStale", s.primaryStale());
        return m;
    }

    static Map<String, Object> freshness(CatalogFreshness f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", f.at().toString());
        m.put("objects", f.objects());
        m.put("shareOlderThan3Days", f.share(f.olderThan3Days()));
        m.put("shareOlderThan7Days", f.share(f.olderThan7Days()));
        m.put("shareOlderThan30Days", f.share(f.olderThan30Days()));
        return m;
    }

    static Map<String, Object> ellipsoid(ScreeningVolume.RtnEllipsoid e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("radial", e.radialMeters());
        m.put("inTrack", e.inTrackMeters());
        m.put("crossTrack", e.crossTrackMeters());
        return m;
    }

    static Map<String, Object> screeningRun(ScreeningRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind().name());
        m.put("primaryNoradId", r.primaryNoradId().orElse(null));
        m.put("start", r.start().toString());
        m.put("windowSeconds", r.window().toSeconds());
        m.put("thresholdMeters", r.volume().broadPhaseRadiusMeters());
        m.put("ellipsoidMeters", r.volume() instanceof ScreeningVolume.RtnEllipsoid e ? ellipsoid(e) : null);
        m.put("ephemeris", r.ephemeris().map(source -> {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("name", source.name());
            em.put("sha256", source.sha256());
            return em;
        }).orElse(null));
        m.put("requestedBy", r.requestedBy());
        m.put("forParty", r.forParty().orElse(null));
        m.put("startedAt", r.startedAt().toString());
        m.put("status", r.status().name());
        m.put("progress", r.progress());
        m.put("finishedAt", r.finishedAt().map(Instant::toString).orElse(null));
        m.put("figures", r.figures().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("objectsScreened", f.objectsScreened());
            fm.put("objectsExcluded", f.objectsExcluded());
            fm.put("candidatePairs", f.candidatePairs());
            fm.put("conjunctions", f.conjunctions());
            fm.put("propagationSeconds", f.propagationSeconds());
            fm.put("broadPhaseSeconds", f.broadPhaseSeconds());
            fm.put("refinementSeconds", f.refinementSeconds());
            fm.put("riskSeconds", f.riskSeconds());
            fm.put("storageSeconds", f.storageSeconds());
            fm.put("staleness", f.staleness().map(JsonViews::staleness).orElse(null));
            return fm;
        }).orElse(null));
        m.put("stale", r.figures().flatMap(ScreeningRun.Figures::staleness).map(ScreeningRun.Staleness::stale)
                .orElse(null));
        m.put("warning", r.warning().orElse(null));
        m.put("error", r.error().orElse(null));
        return m;
    }

    static Map<String, Object> inputError(InputError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", e.file());
        m.put("line", e.line().orElse(null));
        m.put("path", e.path().orElse(null));
        m.put("field", e.field());
        m.put("reason", e.reason());
        m.put("message", e.toString());
        return m;
    }

    static Map<String, Object> ingestReport(IngestReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceName", r.sourceName());
        m.put("sourceSha256", r.sourceSha256());
        m.put("format", r.format().name());
        m.put("stored", r.stored());
        m.put("unchanged", r.unchanged());
        m.put("rejected", r.rejected());
        m.put("summary", r.summary());
        m.put("heldUnderAnotherLabel", r.heldUnderAnotherLabel());
        m.put("warnings", r.warnings());
        m.put("label", label(r.label()));
        List<Map<String, Object>> errors = new ArrayList<>();
        r.errors().forEach(e -> errors.add(inputError(e)));
        m.put("errors", errors);
        return m;
    }

    static Map<String, Object> error(int status, String message, List<InputError> errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("message", message);
        List<Map<String, Object>> list = new ArrayList<>();
        errors.forEach(e -> list.add(inputError(e)));
        m.put("errors", list);
        return Map.of("error", m);
    }
}
