package org.concord.http;

import java.util.List;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.conjunction.Conjunction;
import org.concord.conjunction.ConjunctionStore;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.http.HttpErrors.UnavailableException;
import org.concord.input.Choices;

/** A conjunction's CCSDS CDM over HTTP (the list and one conjunction are the routes of every product kind). */
final class ConjunctionApi {

    private final ConjunctionStore conjunctions;
    private final SharingService sharing;

    ConjunctionApi(ConjunctionStore conjunctions, SharingService sharing) {
        this.conjunctions = conjunctions;
        this.sharing = sharing;
    }

    void conjunctionCdm(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("id"));
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
