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
import org.concord.http.HttpErrors.ForbiddenException;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.ingest.LabelRules;
import org.concord.input.JsonFields;
import org.concord.input.ScreeningInput;
import org.concord.label.Label;
import org.concord.screening.Requester;
import org.concord.screening.ScreeningService;
import org.concord.spaceweather.SpaceWeatherService;

/**
 * Screenings over HTTP: runs, a screening of the catalog, an uploaded OEM screened. The node's own party screens the
 * whole catalog and sees every run; a partner party screens against what it may read, and sees its own runs only.
 */
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

    /**
     * Runs are the business of those they were run for: the node's own party sees every run (their counts cover the
     * whole catalog), a partner party the runs it asked for (their counts cover what it may read), others none.
     */
    void screenings(Context ctx) {
        Principal principal = Callers.principal(ctx);
        List<ScreeningRun> runs = Callers.isOfNodeParty(principal, sharing) ? screening.runs(100)
                : principal.party().map(party -> screening.runsFor(party, 100)).orElse(List.of());
        ctx.json(Map.of("items", runs.stream().map(JsonViews::screeningRun).toList()));
    }

    /**
     * Who screens: an analyst, operator or administrator of the node's own party (the whole catalog the node holds)
     * or of a partner party (only the orbit records its party may read now; its results labelled to it).
     */
    private Requester requester(Context ctx) {
        Principal principal = Callers.requireAuthenticated(ctx);
        if (!principal.mayScreen()) {
            throw new ForbiddenException("screenings are run by analysts, operators or administrators");
        }
        return Callers.isOfNodeParty(principal, sharing) ? Requester.ofNode(principal.name())
                : Requester.ofPartner(principal.name(), principal.party().orElseThrow(), Callers.filter(ctx, sharing));
    }

    /** Whether the caller may see this run: the node's own party every run, a partner party those run for it. */
    private boolean maySee(Context ctx, ScreeningRun run) {
        Principal principal = Callers.principal(ctx);
        return Callers.isOfNodeParty(principal, sharing)
                || run.forParty().isPresent() && run.forParty().equals(principal.party());
    }

    void startScreening(Context ctx) {
        Requester requester = requester(ctx);
        JsonFields body = RouteInputs.body(ctx);
        ScreeningService.Request request = ScreeningInput.request(body);
        if (body.bool("wait").orElse(false)) {
            ScreeningRun run = screening.run(request, requester, fraction -> { });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", JsonViews.screeningRun(run));
            List<Conjunction> visible = screening.conjunctionsOf(run, Callers.filter(ctx, sharing));
            Callers.served(ctx, visible.stream().map(Conjunction::label).toList());
            m.put("conjunctions", conjunctions.views(ctx, visible));
            ctx.status(HttpStatus.OK).header("Location", "/api/v1/screenings/" + run.id()).json(m);
            return;
        }
        ScreeningRun run = screening.start(request, requester);
        ctx.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/screenings/" + run.id())
                .json(JsonViews.screeningRun(run));
    }

    /**
     * An uploaded OEM screened against the catalog now; the answer is the stored run and its conjunctions. A partner
     * party's OEM is labelled as its uploads are (its own originator; releasable to it and the node's party unless
     * the label narrows it).
     */
    void screenEphemeris(Context ctx) {
        Requester requester = requester(ctx);
        ScreeningInput.EphemerisQuery query = ScreeningInput.ephemerisQuery(RouteInputs.query(ctx));
        String name = query.name().orElse("upload.oem");
        Optional<Label> label = requester.partner().isEmpty()
                ? query.label().map(spec -> Label.parse(spec, labels.labelFor(name)))
                : Optional.of(partnerLabel(requester.partner().get(), name, query.label()));
        ScreeningService.EphemerisScreening result = screening.screenEphemeris(
                new ScreeningService.EphemerisRequest(name, ctx.bodyAsBytes(), label, query.start(), query.window(),
                        query.volume()),
                requester, fraction -> { });
        List<Conjunction> visible = screening.conjunctionsOf(result.run(), Callers.filter(ctx, sharing));
        Callers.served(ctx, visible.stream().map(Conjunction::label).toList());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", JsonViews.screeningRun(result.run()));
        m.put("screened", result.screened().stream().map(span -> Map.of("start", span.start().toString(),
                "stop", span.stop().toString())).toList());
        m.put("conjunctions", conjunctions.views(ctx, visible));
        ctx.status(HttpStatus.OK).header("Location", "/api/v1/screenings/" + result.run().id()).json(m);
    }

    /** A partner's ephemeris label: the given one read over its upload default, as its own originator only. */
    private Label partnerLabel(String party, String name, Optional<String> spec) {
        Label base = labels.uploadLabelFor(name, Optional.of(party), sharing.nodeParty());
        Label label = spec.map(s -> Label.parse(s, base)).orElse(base);
        if (!label.originator().equals(party)) {
            throw new ForbiddenException("you may screen an ephemeris only as originator " + party);
        }
        return label;
    }

    void screening(Context ctx) {
        long id = ApiServer.parseId(ctx.pathParam("runId"));
        ScreeningRun run = screening.findRun(id)
                .filter(r -> maySee(ctx, r))
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
