package org.concord.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.catalog.Page;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionStore;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.http.HttpErrors.UnavailableException;
import org.concord.input.Choices;
import org.concord.input.ConjunctionSearch;

/** Conjunctions over HTTP: the list, one conjunction, and its CCSDS CDM. */
final class ConjunctionApi {

    private final ConjunctionStore conjunctions;
    private final SharingService sharing;

    ConjunctionApi(ConjunctionStore conjunctions, SharingService sharing) {
        this.conjunctions = conjunctions;
        this.sharing = sharing;
    }

    void conjunctions(Context ctx) {
        org.concord.conjunction.ConjunctionQuery query = ConjunctionSearch.read(RouteInputs.query(ctx));
        ApiServer.requireAnonymousPageSize(ctx, query.limit());
        Page<Conjunction> page = conjunctions.findConjunctions(query, Callers.filter(ctx, sharing));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(JsonViews::conjunction).toList());
        Callers.served(ctx, page.items().stream().map(Conjunction::label).toList());
        m.put("total", page.total());
        m.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(m);
    }

    void conjunction(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("conjunctionId"));
        Conjunction c = conjunctions.findConjunction(id, Callers.filter(ctx, sharing))
                .orElseThrow(() -> new NotFoundException("no conjunction " + id));
        Callers.served(ctx, c.label());
        ctx.json(JsonViews.conjunction(c));
    }

    void conjunctionCdm(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("conjunctionId"));
        Conjunction c = conjunctions.findConjunction(id, Callers.filter(ctx, sharing))
                .orElseThrow(() -> new NotFoundException("no conjunction " + id));
        String format = RouteInputs.query(ctx).text("format", 64)
                .map(f -> Choices.of("format", f, List.of("kvn", "xml"))).orElse("kvn");
        String cdm = c.cdm().orElseThrow(() -> new UnavailableException("conjunction " + id + " comes from a"
                + " screening of mean elements without covariance; a CCSDS CDM needs both objects' covariances at TCA,"
                + " so it has no CDM form"));
        org.orekit.files.ccsds.ndm.cdm.Cdm parsed = org.concord.formats.CdmReader.parse("conjunction-" + id, cdm);
        Callers.exported(ctx, c.label());
        ctx.header("X-Concord-Label", c.label().toString());
        ctx.contentType(format.equals("xml") ? "application/xml" : "text/plain")
                .result(format.equals("xml") ? org.concord.formats.CdmWriter.writeXml(parsed)
                        : org.concord.formats.CdmWriter.writeKvn(parsed));
    }
}
