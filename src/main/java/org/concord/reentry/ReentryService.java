package org.concord.reentry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.concord.catalog.CatalogStore;
import org.concord.catalog.Page;
import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SpaceObject;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.concord.orbit.MeanElementsDecoder;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductQuery;
import org.concord.product.ProductService;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Predicts an object's re-entry from the mean-element records this node holds of it and stores the prediction as a
 * {@link ReentryKind} product of the node's party, derived from those records and the stored days of space weather
 * it read ({@link StoredSpaceWeather}): its label is theirs combined, and recalling any of them withdraws it. Each
 * prediction is kept, so an object's predictions show how its window narrowed. Beside a prediction it stores a
 * {@link ReentryNotice} for each state concerned that may not see it, and tells the nodes of the states concerned to
 * pull (docs/reentry.md): after each prediction of one object, once at the end of a {@link Batch}.
 */
public final class ReentryService {

    private final CatalogStore catalog;
    private final MeanElementsDecoder decoder;
    private final Function<SpaceWeather, ReentryPredictor> predictors;
    private final Supplier<StoredSpaceWeather> spaceWeather;
    private final ProductService products;
    private final String party;
    private final ReentrySharing sharing;

    /**
     * @param predictors   the predictor fed with given space weather
     * @param spaceWeather the node's stored space weather, read anew for each prediction (or batch)
     */
    public ReentryService(CatalogStore catalog, MeanElementsDecoder decoder,
                          Function<SpaceWeather, ReentryPredictor> predictors,
                          Supplier<StoredSpaceWeather> spaceWeather, ProductService products, String party) {
        this(catalog, decoder, predictors, spaceWeather, products, party, ReentrySharing.NONE);
    }

    /**
     * @param sharing who is concerned by a prediction and may see it, and how their nodes are told to pull
     */
    public ReentryService(CatalogStore catalog, MeanElementsDecoder decoder,
                          Function<SpaceWeather, ReentryPredictor> predictors,
                          Supplier<StoredSpaceWeather> spaceWeather, ProductService products, String party,
                          ReentrySharing sharing) {
        this.sharing = sharing;
        this.catalog = catalog;
        this.decoder = decoder;
        this.predictors = predictors;
        this.spaceWeather = spaceWeather;
        this.products = products;
        this.party = party;
    }

    /**
     * Predicts and stores, with its notices; empty when the node holds no readable mean-element record of the object.
     * The records used are those of the {@link ReentryPredictor#HISTORY_SPAN} before the newest, one per epoch (the
     * best, by the catalog's rule); the inputs are those records and the stored days of space weather the propagation
     * read. The nodes of the states concerned are told to pull.
     */
    public Optional<Product<ReentryPrediction>> predict(long noradId) {
        StoredSpaceWeather weather = spaceWeather.get();
        Set<String> toTell = new TreeSet<>();
        Optional<Product<ReentryPrediction>> stored = predict(noradId, predictors.apply(weather.weather()), weather,
                toTell);
        if (!toTell.isEmpty()) {
            sharing.tellToPull(toTell);
        }
        return stored;
    }

    /** Predicts and stores, with its notices; adds the parties whose nodes are to be told to {@code toTell}. */
    private Optional<Product<ReentryPrediction>> predict(long noradId, ReentryPredictor predictor,
                                                         StoredSpaceWeather weather, Set<String> toTell) {
        List<Used> used = history(noradId);
        if (used.isEmpty()) {
            return Optional.empty();
        }
        ReentryPrediction prediction = predictor.predict(noradId, used.get(used.size() - 1).record().objectName(),
                used.stream().map(Used::elements).toList());
        List<ProductInput> inputs = new ArrayList<>(used.size());
        for (int i = 0; i < used.size(); i++) {
            OrbitRecord record = used.get(i).record();
            inputs.add(new ProductInput(ReentryKind.setRole(i + 1), record.kind().dataKind(), record.id()));
        }
        inputs.addAll(weather.inputs(used.get(0).record().epoch(),
                prediction.nominal().orElse(prediction.horizon())));
        Product<ReentryPrediction> product = products.store(ReentryKind.INSTANCE,
                List.of(Product.of(prediction, Label.publicFrom(party), inputs)), party).get(0);
        toTell.addAll(share(product));
        return Optional.of(product);
    }

    /**
     * Stores the notices of a stored prediction: one to each nation an agreement of this node's party releases
     * {@code reentry-notices} to, whose territory the window overflies and which may not see the prediction. Returns
     * the parties whose nodes have something to pull: those told, and the nations the prediction is marked for
     * ({@link ReentryPrediction#concerned}, under {@code reentries} agreements) that may see it.
     */
    private Set<String> share(Product<ReentryPrediction> stored) {
        ReentryPrediction prediction = stored.value();
        Set<String> toTell = new TreeSet<>();
        if (prediction.window().isEmpty() || prediction.nominal().isEmpty()) {
            return toTell;
        }
        for (String marked : prediction.concerned(sharing.nationsReleasedTo(ReentryKind.REENTRIES))) {
            if (maySee(marked, stored)) {
                toTell.add(marked);
            }
        }
        List<Product<ReentryNotice>> notices = new ArrayList<>();
        for (String state : prediction.concerned(sharing.nationsReleasedTo(ReentryNoticeKind.REENTRY_NOTICES))) {
            if (!maySee(state, stored)) {
                notices.add(Product.of(notice(prediction, state), new Label(party, Releasability.to(state), Tlp.AMBER,
                        new TreeSet<>(), Optional.empty()), List.of(new ProductInput(ReentryNoticeKind.PREDICTION,
                        ReentryKind.INSTANCE.code(), stored.id()))));
            }
        }
        for (Product<ReentryNotice> notice : products.store(ReentryNoticeKind.INSTANCE, notices, party)) {
            toTell.add(notice.value().party());
        }
        return toTell;
    }

    private boolean maySee(String party, Product<ReentryPrediction> stored) {
        return products.store().find(ReentryKind.INSTANCE, stored.id(), sharing.filterOf(party)).isPresent();
    }

    /**
     * The notice of a prediction to {@code state}: the object (named only when the state may see a record that names
     * it), the window, the nominal epoch and the state's own territory under the window.
     */
    private ReentryNotice notice(ReentryPrediction prediction, String state) {
        Optional<String> name = catalog.findObject(prediction.noradId(), sharing.filterOf(state))
                .map(SpaceObject::name).filter(n -> !n.isBlank());
        List<Overflight> own = prediction.overflown().stream()
                .filter(o -> o.territory().alpha3().filter(state::equals).isPresent()).toList();
        return new ReentryNotice(state, prediction.noradId(), name, prediction.window().orElseThrow(),
                prediction.nominal().orElseThrow(), own, prediction.predictedAt(), Optional.empty());
    }

    /**
     * Predicts every object whose latest orbit has a mean perigee altitude under {@code perigeeBelowMeters}, one after
     * the other, telling {@code progress} how many of how many are done after each; returns the stored predictions.
     */
    public List<Product<ReentryPrediction>> predictAll(double perigeeBelowMeters, BiConsumer<Integer, Integer> progress) {
        List<Long> objects = objectsBelow(perigeeBelowMeters);
        List<Product<ReentryPrediction>> stored = new ArrayList<>(objects.size());
        Batch batch = batch();
        try {
            for (int i = 0; i < objects.size(); i++) {
                batch.predict(objects.get(i)).ifPresent(stored::add);
                progress.accept(i + 1, objects.size());
            }
        } finally {
            batch.finish();
        }
        return stored;
    }

    /** The objects whose latest orbit is a mean-element record with a perigee under this altitude, by number. */
    public List<Long> objectsBelow(double perigeeBelowMeters) {
        return catalog.latestOrbits().stream()
                .filter(r -> r.kind() == OrbitKind.MEAN_ELEMENTS)
                .filter(r -> r.summary().perigeeAltitudeKm() * 1000.0 < perigeeBelowMeters)
                .map(OrbitRecord::noradId).distinct().sorted().toList();
    }

    /**
     * Predictions of many objects with the space weather read once, when the batch is made; the nodes of the states
     * concerned by any of them are told to pull once, when it is {@link #finish finished}, rather than after each.
     */
    public final class Batch {

        private final StoredSpaceWeather weather = spaceWeather.get();
        private final ReentryPredictor predictor = predictors.apply(weather.weather());
        private final Set<String> toTell = new TreeSet<>();

        private Batch() {
        }

        /** Predicts and stores, with its notices; empty when the node holds no readable mean-element record. */
        public Optional<Product<ReentryPrediction>> predict(long noradId) {
            return ReentryService.this.predict(noradId, predictor, weather, toTell);
        }

        /** Tells the nodes of the states concerned by the batch's predictions to pull, each once. */
        public void finish() {
            if (!toTell.isEmpty()) {
                sharing.tellToPull(Set.copyOf(toTell));
                toTell.clear();
            }
        }
    }

    /** A batch of predictions over the space weather stored now. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * The newest prediction of each object whose nominal epoch falls between {@code from} and {@code to}: first those
     * whose window overflies the node's own party's territory (its code taken as ISO 3166-1 alpha-3), then the others,
     * each soonest first; an object whose newest prediction moved out of the span is not listed for an older one
     * inside it.
     */
    public List<Product<ReentryPrediction>> upcoming(Instant from, Instant to, LabelFilter filter) {
        Set<Long> seen = new HashSet<>();
        List<Product<ReentryPrediction>> newest = new ArrayList<>();
        ProductQuery query = new ProductQuery(Map.of(), ReentryKind.NEWEST_FIRST, ProductQuery.MAX_LIMIT,
                Optional.empty());
        while (true) {
            Page<Product<ReentryPrediction>> page = products.store().list(ReentryKind.INSTANCE, query, filter);
            for (Product<ReentryPrediction> p : page.items()) {
                if (seen.add(p.value().noradId())) {
                    newest.add(p);
                }
            }
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = query.after(page.nextCursor().get());
        }
        return newest.stream().filter(p -> p.value().nominal().filter(n -> !n.isBefore(from) && !n.isAfter(to))
                        .isPresent())
                .sorted(Comparator.comparing((Product<ReentryPrediction> p) -> !p.value().overflies(party))
                        .thenComparing(p -> p.value().nominal().orElseThrow())).toList();
    }

    private record Used(OrbitRecord record, TLE elements) {
    }

    private List<Used> history(long noradId) {
        List<OrbitRecord> records = catalog.orbitHistory(noradId, LabelFilter.UNRESTRICTED).stream()
                .filter(r -> r.kind() == OrbitKind.MEAN_ELEMENTS).toList();
        List<Used> readable = new ArrayList<>();
        Set<Instant> epochs = new HashSet<>();
        for (OrbitRecord record : records) {
            if (!epochs.add(record.epoch())) {
                continue;
            }
            try {
                readable.add(new Used(record, decoder.toTle(record.format(), record.content())));
            } catch (RuntimeException unreadable) {
                epochs.remove(record.epoch());
            }
        }
        if (readable.isEmpty()) {
            return List.of();
        }
        Instant newest = readable.stream().map(u -> u.record().epoch()).max(Comparator.naturalOrder()).orElseThrow();
        Instant from = newest.minus(ReentryPredictor.HISTORY_SPAN);
        return readable.stream().filter(u -> !u.record().epoch().isBefore(from))
                .sorted(Comparator.comparing(u -> u.record().epoch())).toList();
    }
}
