package org.concord.http;

import java.util.List;

import io.javalin.http.Context;
import org.concord.access.SharingService;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventCdm;
import org.concord.event.EventKind;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.http.HttpErrors.UnavailableException;
import org.concord.input.Choices;
import org.concord.product.Product;
import org.concord.product.ProductStore;

/** A conjunction event as a CCSDS CDM over HTTP (the list and one event are the routes of every product kind). */
final class EventCdmApi {

    private final ProductStore products;
    private final EventCdm cdm;
    private final SharingService sharing;

    EventCdmApi(ProductStore products, EventCdm cdm, SharingService sharing) {
        this.products = products;
        this.cdm = cdm;
        this.sharing = sharing;
    }

    /** 404 for an event the caller may not see (as for one that does not exist), 409 for one without a CDM form. */
    void eventCdm(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("id"));
        Product<ConjunctionEvent> event = products.find(EventKind.INSTANCE, id, Callers.filter(ctx, sharing))
                .orElseThrow(() -> new NotFoundException("no event " + id));
        EventCdm.Format format = format(ctx);
        String text;
        try {
            text = cdm.write(event, format);
        } catch (EventCdm.NoCdmException e) {
            throw new UnavailableException(e.getMessage());
        }
        reply(ctx, event.label(), format, text);
    }

    /** The {@code format} query parameter of a CDM route: kvn (the default) or xml. */
    static EventCdm.Format format(Context ctx) {
        return EventCdm.Format.parse(RouteInputs.query(ctx).text("format", 64)
                .map(f -> Choices.of("format", f, List.of("kvn", "xml"))).orElse("kvn"));
    }

    /** A CDM as the answer: exported under its label (read audit), which the X-Concord-Label header gives. */
    static void reply(Context ctx, org.concord.label.Label label, EventCdm.Format format, String text) {
        Callers.exported(ctx, label);
        ctx.header("X-Concord-Label", label.toString());
        ctx.contentType(format == EventCdm.Format.XML ? "application/xml" : "text/plain").result(text);
    }
}
