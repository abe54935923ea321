package org.concord.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.conjunction.Conjunction;
import org.concord.screening.ScreeningRun;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.ingest.LabelRules;
import org.concord.input.JsonFields;
import org.concord.input.ScreeningInput;
import org.concord.label.Label;
import org.concord.screening.ScreeningService;
import org.concord.spaceweather.SpaceWeatherService;

/** Screenings over HTTP, for the node's own party: runs, a screening of the catalog, an uploaded OEM screened. */
final class ScreeningApi {

    private final ScreeningService screening;
    private final LabelRules labels;
    private final SharingService sharing;
    private final ConjunctionApi conjunctions;
    private final SpaceWeatherService spaceWeather;

    ScreeningApi(ScreeningService screening, LabelRules labels, SharingService sharing, ConjunctionApi conjunctions,
                 SpaceWeatherService spaceWeather) {
        this.screening = screening;
        this.labels = labels;
        this.sharing = sharing;
        this.conjunctions = conjunctions;
        this.spaceWeather = spaceWeather;
    }

    /** Runs (their parameters and counts over the whole catalog) are the node's own business. */
    void screenings(Context ctx) {
        List<ScreeningRun> runs = Callers.isOfNodeParty(Callers.principal(ctx), sharing)
                ? screening.runs(100) : List.of();
        ctx.json(Map.of("items", runs.stream().map(JsonViews::screeningRun).toList()));
    }

    void startScreening(Context ctx) {
        Principal principal = Callers.requireNodeAnalyst(ctx, sharing);
        JsonFields body = RouteInputs.body(ctx);
        ScreeningService.Request request = ScreeningInput.request(body);
        if (body.bool("wait").orElse(false)) {
            ScreeningRun run = screening.run(request, principal.name(), fraction -> { });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", JsonViews.screeningRun(run));
            List<Conjunction> visible = screening.conjunctionsOf(run, Callers.filter(ctx, sharing));
            Callers.served(ctx, visible.stream().map(Conjunction::label).toList());
            m.put("conjunctions", conjunctions.views(ctx, visible));
            ctx.status(HttpStatus.OK).header("Location", "/api/v1/screenings/" + run.id()).json(m);
            return;
        }
        ScreeningRun run = screening.start(request, principal.name());
        ctx.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/screenings/" + run.id())
                .json(JsonViews.screeningRun(run));
    }

    /** An uploaded OEM screened against the catalog now; the answer is the stored run and its conjunctions. */
    void screenEphemeris(Context ctx) {
        Principal principal = Callers.requireNodeAnalyst(ctx, sharing);
        ScreeningInput.EphemerisQuery query = ScreeningInput.ephemerisQuery(RouteInputs.query(ctx));
        String name = query.name().orElse("upload.oem");
        Optional<Label> label = query.label().map(spec -> Label.parse(spec, labels.labelFor(name)));
        ScreeningService.EphemerisScreening result = screening.screenEphemeris(
                new ScreeningService.EphemerisRequest(name, ctx.bodyAsBytes(), label, query.start(), query.window(),
                        query.volume()),
                principal.name(), fraction -> { });
        List<Conjunction> visible = screening.conjunctionsOf(result.run(), Callers.filter(ctx, sharing));
        Callers.served(ctx, visible.stream().map(Conjunction::label).toList());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", JsonViews.screeningRun(result.run()));
        m.put("screened", result.screened().stream().map(span -> Map.of("start", span.start().toString(),
                "stop", span.stop().toString())).toList());
        m.put("conjunctions", conjunctions.views(ctx, visible));
        ctx.status(HttpStatus.OK).header("Location", "/api/v1/screenings/" + result.run().id()).json(m);
    }

    void screening(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("runId"));
        ScreeningRun run = screening.findRun(id)
                .filter(r -> Callers.isOfNodeParty(Callers.principal(ctx), sharing))
                .orElseThrow(() -> new NotFoundException("no screening run " + id));
        Map<String, Object> m = JsonViews.screeningRun(run);
        // a storm in the window (or ending in it) makes the drag of its LEO objects unlike their element sets'
        SpaceWeatherService.Storms storms = spaceWeather.storms(run.start().minus(SpaceWeatherService.STORM_LOOKBACK),
                run.start().plus(run.window()), Callers.filter(ctx, sharing));
        Callers.served(ctx, storms.served());
        m.put("storms", storms.storms().stream().filter(s -> s.end().isAfter(run.start()))
                .map(SpaceWeatherApi::storm).toList());
        ctx.json(m);
    }
}
