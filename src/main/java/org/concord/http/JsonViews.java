package org.concord.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.concord.catalog.OrbitRecord;
import org.concord.catalog.Provenance;
import org.concord.catalog.SpaceObject;
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

    static Map<String, Object> object(SpaceObject s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("noradId", s.noradId());
        m.put("name", s.name());
        m.put("internationalDesignator", s.internationalDesignator().orElse(null));
        m.put("satcat", s.satcat().map(c -> {
            Map<String, Object> sc = new LinkedHashMap<>();
            sc.put("objectType", c.objectType());
            sc.put("owner", c.owner());
            sc.put("launchDate", c.launchDate().map(Object::toString).orElse(null));
            sc.put("launchSite", c.launchSite().orElse(null));
            sc.put("decayDate", c.decayDate().map(Object::toString).orElse(null));
            sc.put("rcsSize", c.rcsSize().orElse(null));
            sc.put("provenance", provenance(c.provenance()));
            sc.put("label", label(c.label()));
            return sc;
        }).orElse(null));
        m.put("latestOrbit", s.latestOrbit().map(o -> orbit(o, false)).orElse(null));
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
