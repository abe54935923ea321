package org.concord.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import org.concord.catalog.CatalogStore;
import org.concord.catalog.SpaceObject;
import org.concord.conjunction.CollisionRisk;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventKind;
import org.concord.event.EventUpdate;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.spaceweather.SpaceWeatherService;

/**
 * A conjunction event as the API shows it: both objects with the name, owner and object type the caller may see in
 * the catalog and the age of their element sets at TCA; the latest state; the trend as parallel arrays a chart draws
 * directly; and every update with the id of its conjunction. The latest state and each update say which storm, if
 * any, leaves an input stale at its TCA ({@code staleAfterStorm}, as conjunctions do: {@link StormFlags}), from the
 * storms in the indices the caller may see, read once for the whole answer.
 */
final class EventView {

    private final CatalogStore catalog;
    private final SpaceWeatherService spaceWeather;

    EventView(CatalogStore catalog, SpaceWeatherService spaceWeather) {
        this.catalog = catalog;
        this.spaceWeather = spaceWeather;
    }

    /** The events of one answer. */
    List<Map<String, Object>> views(Context ctx, LabelFilter filter, List<Product<?>> answer) {
        SpaceWeatherService.Storms storms = StormFlags.read(ctx, spaceWeather, filter, answer.stream()
                .flatMap(p -> ((ConjunctionEvent) p.value()).updates().stream())
                .flatMap(u -> StormFlags.inputs(u.inputAges(), u.tca()).stream()).toList());
        return answer.stream().map(p -> of(p, filter, storms)).toList();
    }

    private Map<String, Object> of(Product<?> product, LabelFilter filter, SpaceWeatherService.Storms storms) {
        ConjunctionEvent e = (ConjunctionEvent) product.value();
        EventUpdate latest = e.latest();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", product.id());
        m.put("kind", EventKind.CODE.code());
        m.put("key", product.key().orElse(null));
        boolean primaryIsFrame = latest.frameNoradId() == e.primaryNoradId();
        m.put("primary", object(e.primaryNoradId(), latest.inputAges().map(a -> primaryIsFrame ? a.primary()
                : a.secondary()).map(java.time.Duration::toSeconds), filter));
        m.put("secondary", object(e.secondaryNoradId(), latest.inputAges().map(a -> primaryIsFrame ? a.secondary()
                : a.primary()).map(java.time.Duration::toSeconds), filter));
        m.put("tca", latest.tca().toString());
        m.put("missDistanceMeters", latest.missDistanceMeters());
        m.put("risk", latest.risk().map(r -> JsonViews.risk(r, latest.missDistanceMeters())).orElse(null));
        m.put("stale", latest.inputAges().map(a -> a.stale()).orElse(null));
        m.put("staleAfterStorm", StormFlags.flag(storms, latest.inputAges(), latest.tca()));
        m.put("minimumMissDistanceMeters", e.minimumMissMeters());
        m.put("maximumProbability", e.maximumPc().orElse(null));
        m.put("updateCount", e.updates().size());
        m.put("firstComputedAt", e.updates().stream().map(EventUpdate::computedAt).min(java.time.Instant::compareTo)
                .orElseThrow().toString());
        m.put("lastComputedAt", latest.computedAt().toString());
        m.put("trend", trend(e));
        m.put("updates", updates(e, product.inputs(), storms));
        m.put("label", JsonViews.label(product.label()));
        return m;
    }

    private Map<String, Object> object(long noradId, Optional<Long> elementAgeSeconds, LabelFilter filter) {
        Optional<SpaceObject> known = catalog.findObject(noradId, filter);
        Optional<SpaceObject.SatcatEntry> satcat = known.flatMap(SpaceObject::satcat);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("noradId", noradId);
        m.put("name", known.map(SpaceObject::name).orElse(null));
        m.put("owner", satcat.flatMap(SpaceObject.SatcatEntry::owner).orElse(null));
        m.put("objectType", satcat.map(SpaceObject.SatcatEntry::objectType).orElse(null));
        m.put("elementAgeSeconds", elementAgeSeconds.orElse(null));
        return m;
    }

    /** The updates in the order they were computed, as parallel arrays (null where an update gave no Pc). */
    private static Map<String, Object> trend(ConjunctionEvent e) {
        List<EventUpdate> ordered = e.updates().stream().sorted(java.util.Comparator.comparing(EventUpdate::computedAt)
                .thenComparingInt(EventUpdate::number)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("computedAt", ordered.stream().map(u -> u.computedAt().toString()).toList());
        m.put("tca", ordered.stream().map(u -> u.tca().toString()).toList());
        m.put("missDistanceMeters", ordered.stream().map(EventUpdate::missDistanceMeters).toList());
        List<Double> pc = new ArrayList<>();
        ordered.forEach(u -> pc.add(u.risk().map(CollisionRisk::probability).orElse(null)));
        m.put("probability", pc);
        return m;
    }

    private static List<Map<String, Object>> updates(ConjunctionEvent e, List<ProductInput> inputs,
                                                     SpaceWeatherService.Storms storms) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (EventUpdate u : e.updates()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", u.number());
            m.put("conjunctionId", inputs.stream().filter(i -> i.role().equals(EventKind.updateRole(u.number())))
                    .findFirst().map(ProductInput::id).orElse(null));
            m.put("source", u.source().name());
            m.put("originator", u.originator());
            m.put("computedAt", u.computedAt().toString());
            m.put("tca", u.tca().toString());
            m.put("missDistanceMeters", u.missDistanceMeters());
            m.put("rtnFrameNoradId", u.frameNoradId());
            m.put("radialMeters", u.radialMeters());
            m.put("inTrackMeters", u.inTrackMeters());
            m.put("crossTrackMeters", u.crossTrackMeters());
            m.put("relativeSpeedMetersPerSecond", u.relativeSpeedMetersPerSecond().orElse(null));
            m.put("risk", u.risk().map(r -> JsonViews.risk(r, u.missDistanceMeters())).orElse(null));
            m.put("primaryElementAgeSeconds", u.inputAges().map(a -> a.primary().toSeconds()).orElse(null));
            m.put("secondaryElementAgeSeconds", u.inputAges().map(a -> a.secondary().toSeconds()).orElse(null));
            m.put("stale", u.inputAges().map(a -> a.stale()).orElse(null));
            m.put("staleAfterStorm", StormFlags.flag(storms, u.inputAges(), u.tca()));
            list.add(m);
        }
        return list;
    }
}
