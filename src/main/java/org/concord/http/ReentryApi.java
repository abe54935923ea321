package org.concord.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.http.HttpErrors.NotFoundException;
import org.concord.ingest.LabelRules;
import org.concord.input.JsonFields;
import org.concord.input.Quantities;
import org.concord.product.Product;
import org.concord.product.ProductStore;
import org.concord.reentry.ReentryJobs;
import org.concord.reentry.ReentryKind;
import org.concord.reentry.ReentryNotice;
import org.concord.reentry.ReentryNoticeKind;
import org.concord.reentry.ReentryPrediction;
import org.concord.reentry.ReentryService;

/**
 * {@code POST /api/v1/reentries}: a re-entry prediction made now for one object and stored, or a background job
 * predicting every low object ({@code GET /api/v1/reentry-jobs/{jobId}} its progress); an object's history and the
 * upcoming re-entries are the kind's list ({@code GET /api/v1/reentries?noradId=...&sort=-predicted}).
 */
final class ReentryApi {

    static final String PATH = "/api/v1/reentries";
    static final String JOB = "/api/v1/reentry-jobs/{jobId}";
    static final String NORAD_ID = "noradId";
    static final String ALL = "all";
    static final String PERIGEE_BELOW = "perigeeBelow";
    /** The perigee altitude of {@code all} without {@code perigeeBelow}. */
    static final String DEFAULT_PERIGEE_BELOW = "300km";
    /** Far above any decaying orbit: past it, a job would predict most of the catalog. */
    static final double MAX_PERIGEE_BELOW_METERS = 2_000_000;
    private static final long MAX_NORAD_ID = 999_999_999;
    private static final String GROUND_TRACK = "groundTrack";
    private static final String OVERFLOWN = "overflown";
    private static final String OBJECT_NAME = "objectName";
    private static final String CONCERNED = "concernedParties";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReentryService reentries;
    private final ReentryJobs jobs;
    private final ProductStore store;
    private final SharingService sharing;
    private final ObjectNames names;

    ReentryApi(ReentryService reentries, ReentryJobs jobs, ProductStore store, SharingService sharing,
               ObjectNames names) {
        this.reentries = reentries;
        this.jobs = jobs;
        this.store = store;
        this.sharing = sharing;
        this.names = names;
    }

    /**
     * One object ({@code noradId}: the stored prediction, 201), or every object whose latest orbit has a perigee under
     * {@code perigeeBelow} ({@code all: true}; 300 km unless given, with its unit) as a background job (202, the job).
     */
    void predict(Context ctx) {
        Principal principal = Callers.requireNodeAnalyst(ctx, sharing, "re-entries are predicted");
        JsonFields body = RouteInputs.body(ctx);
        boolean all = body.bool(ALL).orElse(false);
        if (all && body.has(NORAD_ID)) {
            throw new IllegalArgumentException("give either noradId (one object) or all: true (every object under a"
                    + " perigee altitude), not both");
        }
        if (!all && body.has(PERIGEE_BELOW)) {
            throw new IllegalArgumentException("perigeeBelow goes with all: true (every object whose perigee is under"
                    + " it)");
        }
        if (all) {
            String text = body.text(PERIGEE_BELOW, 64).orElse(DEFAULT_PERIGEE_BELOW);
            double meters = Quantities.distanceMeters(PERIGEE_BELOW, text, MAX_PERIGEE_BELOW_METERS);
            String party = principal.party().orElse(sharing.nodeParty());
            ReentryJobs.Job job = jobs.start(meters, party, LabelRules.privateTo(party, sharing.nodeParty()));
            Callers.served(ctx, job.label());
            ctx.status(HttpStatus.ACCEPTED).header("Location", JOB.replace("{jobId}", Long.toString(job.id())))
                    .json(jobView(job));
            return;
        }
        long noradId = body.whole(NORAD_ID, 1, MAX_NORAD_ID).orElseThrow(() ->
                new IllegalArgumentException("noradId is required: the catalog number of the object to predict"
                        + " (or all: true, with perigeeBelow such as 300km, for every low object)"));
        Product<ReentryPrediction> stored = reentries.predict(noradId)
                .flatMap(p -> store.find(ReentryKind.INSTANCE, p.id(), Callers.filter(ctx, sharing)))
                .orElseThrow(() -> new NotFoundException("no mean-element record of object " + noradId
                        + " that you may see on this node to predict from"));
        Callers.served(ctx, stored.label());
        ctx.status(HttpStatus.CREATED).header("Location", PATH + "/" + stored.id())
                .json(views(ctx, List.of(stored)).getFirst());
    }

    /** A job of the caller's party; any other is not found (404), as a job that does not exist. */
    void job(Context ctx) {
        Principal principal = Callers.requireAuthenticated(ctx);
        long id = ApiServer.parseId(ctx.pathParam("jobId"));
        Optional<String> party = principal.party().or(() -> Callers.isOfNodeParty(principal, sharing)
                ? Optional.of(sharing.nodeParty()) : Optional.empty());
        ReentryJobs.Job job = party.flatMap(p -> jobs.find(id, p))
                .orElseThrow(() -> new NotFoundException("no re-entry job " + id));
        Callers.served(ctx, job.label());
        ctx.json(jobView(job));
    }

    static Map<String, Object> jobView(ReentryJobs.Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("perigeeBelowMeters", job.perigeeBelowMeters());
        m.put("started", job.started().toString());
        m.put("total", job.total());
        m.put("done", job.done());
        m.put("stored", job.stored());
        m.put("failed", job.errors().size());
        m.put("errors", job.errors().stream().map(e -> Map.of("noradId", e.noradId(), "reason", e.reason()))
                .toList());
        m.put("finished", job.finished());
        m.put("finishedAt", job.finishedAt().map(Object::toString).orElse(null));
        m.put("label", JsonViews.label(job.label()));
        return m;
    }

    /**
     * The predictions of one answer as JSON ({@link #view}), each with its object's name as the catalog shows it to
     * this caller ({@link ObjectNames}): one catalog query for the whole answer.
     */
    List<Map<String, Object>> views(Context ctx, List<? extends Product<?>> answer) {
        Map<Long, String> named = names.of(ctx, answer.stream()
                .map(p -> ((ReentryPrediction) p.value()).noradId()).toList());
        Set<String> nations = concernedShown(Callers.principal(ctx));
        return answer.stream().map(p -> view(p, Optional.ofNullable(
                named.get(((ReentryPrediction) p.value()).noradId())), nations)).toList();
    }

    /**
     * The parties whose concern this caller is shown: to the node's party, every nation the node's agreements release
     * re-entries to; to another party, its own code only when it is one of them (the node's agreements with others
     * are not its business); to an anonymous caller, none.
     */
    private Set<String> concernedShown(Principal principal) {
        if (principal.isAnonymous()) {
            return Set.of();
        }
        Set<String> nations = sharing.nationsReleasedTo(ReentryKind.REENTRIES);
        if (Callers.isOfNodeParty(principal, sharing)) {
            return nations;
        }
        return principal.party().filter(nations::contains).map(Set::of).orElse(Set.of());
    }

    /**
     * The kind's default view with the object's name ({@code objectName}, beside its catalog number; null when the
     * caller may see none), the ground track as a GeoJSON geometry and the states overflown as an array (stored as
     * JSON text), so that clients read them without parsing a string; {@code concernedParties}: those of
     * {@code nations} whose territory the window overflies (docs/reentry.md), by code.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> view(Product<?> product, Optional<String> objectName, Set<String> nations) {
        Map<String, Object> defaults = ProductApi.defaultView(ReentryKind.INSTANCE,
                (Product<ReentryPrediction>) product);
        Map<String, Object> m = new LinkedHashMap<>();
        defaults.forEach((field, value) -> {
            m.put(field, value);
            if (field.equals(NORAD_ID)) {
                m.put(OBJECT_NAME, objectName.orElse(null));
            }
        });
        for (String field : List.of(GROUND_TRACK, OVERFLOWN)) {
            try {
                m.put(field, JSON.readTree((String) m.get(field)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored " + field + " of re-entry " + product.id() + " is not JSON", e);
            }
        }
        m.put(CONCERNED, List.copyOf(((ReentryPrediction) product.value()).concerned(nations)));
        return m;
    }

    /**
     * A re-entry notice: the kind's default view with the state's territory under the window as an array (stored as
     * JSON text), and without {@code withdrawnAt}, which no notice served has (a withdrawn one is never listed).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> noticeView(Product<?> product) {
        Map<String, Object> m = ProductApi.defaultView(ReentryNoticeKind.INSTANCE, (Product<ReentryNotice>) product);
        m.remove("withdrawnAt");
        try {
            m.put(OVERFLOWN, JSON.readTree((String) m.get(OVERFLOWN)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored overflown of re-entry notice " + product.id() + " is not JSON", e);
        }
        return m;
    }
}
