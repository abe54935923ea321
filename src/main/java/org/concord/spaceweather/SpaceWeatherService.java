package org.concord.spaceweather;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.concord.catalog.Page;
import org.concord.catalog.Provenance;
import org.concord.digest.Sha256;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.concord.product.ProductKind;
import org.concord.product.ProductQuery;
import org.concord.product.ProductService;

/**
 * Space weather on a node: ingest (read, store the days of indices and SWPC's messages as products with the label
 * given, raise the node's alerts with the same label), and the merged reads: the indices of a window and the
 * conditions now.
 */
public final class SpaceWeatherService {

    /** How long an alert that names no end stays "in force" in the conditions now. */
    public static final Duration OPEN_ALERT_SPAN = Duration.ofDays(1);
    /** How far back the conditions now look for alerts. */
    static final Duration ALERT_LOOKBACK = Duration.ofDays(7);

    private final ProductService products;
    private final AlertThresholds thresholds;
    private final String party;
    private final Clock clock;

    public SpaceWeatherService(ProductService products, AlertThresholds thresholds, String party, Clock clock) {
        this.products = products;
        this.thresholds = thresholds;
        this.party = party;
        this.clock = clock;
    }

    /**
     * Reads and stores one input, all or nothing (the caller's transaction also holds its audit entry).
     *
     * @throws org.concord.formats.InputRejectedException naming file, line and field when the input is not valid
     */
    public SpaceWeatherReport ingest(String name, byte[] content, Label label, String ingestedBy) {
        Instant now = clock.instant();
        if (label.isExpiredAt(now)) {
            throw new IllegalArgumentException("the label expires " + label.expiry().orElseThrow()
                    + ", which is already past");
        }
        Provenance provenance = new Provenance(name, Sha256.hex(content), now, ingestedBy);
        ParsedSpaceWeather parsed = SpaceWeatherFormat.read(new String(content, StandardCharsets.UTF_8), provenance);
        List<Product<DailyIndices>> days = parsed.indices().stream()
                .map(d -> Product.of(d, label, List.of()).withKey(IndicesKind.keyOf(d))).toList();
        int stored = products.store(IndicesKind.INSTANCE, days, party).size();
        List<Product<SpaceWeatherAlert>> messages = parsed.alerts().stream()
                .map(a -> Product.of(a, label, List.of()).withKey(AlertsKind.keyOf(a))).toList();
        int messagesStored = products.store(AlertsKind.INSTANCE, messages, party).size();
        List<Product<SpaceWeatherAlert>> raised = NodeAlerts.raise(parsed.indices(), thresholds).stream()
                .map(a -> Product.of(a, label, List.of()).withKey(AlertsKind.keyOf(a))).toList();
        List<SpaceWeatherAlert> newlyRaised = products.store(AlertsKind.INSTANCE, raised, party).stream()
                .map(Product::value).toList();
        return new SpaceWeatherReport(name, provenance.sourceSha256(), parsed.format(), label, stored,
                days.size() - stored, messagesStored, newlyRaised);
    }

    /** The indices of the days from {@code from} to {@code to} that {@code filter} admits, merged. */
    public Conditions indices(Instant from, Instant to, LabelFilter filter) {
        Instant dayBefore = from.minus(Duration.ofDays(1));
        List<Product<DailyIndices>> days = all(IndicesKind.INSTANCE, Map.of("from", dayBefore, "to", to), filter);
        Map<Instant, Product<DailyIndices>> bestKp = new TreeMap<>();
        Map<Instant, Integer> bestKpAt = new HashMap<>();
        Map<LocalDate, Product<DailyIndices>> bestFlux = new TreeMap<>();
        for (Product<DailyIndices> p : days) {
            DailyIndices d = p.value();
            for (int i = 0; i < DailyIndices.INTERVALS; i++) {
                Instant start = d.intervalStart(i);
                if (d.kp().get(i).isPresent() && !start.isBefore(from) && start.isBefore(to)
                        && better(p, bestKp.get(start))) {
                    bestKp.put(start, p);
                    bestKpAt.put(start, i);
                }
            }
            if (d.flux().observedSfu().isPresent() && d.start().plus(Duration.ofDays(1)).isAfter(from)
                    && d.start().isBefore(to)
                    && better(p, bestFlux.get(d.day()))) {
                bestFlux.put(d.day(), p);
            }
        }
        List<KpInterval> kp = new ArrayList<>();
        List<Label> served = new ArrayList<>();
        bestKp.forEach((start, p) -> {
            int i = bestKpAt.get(start);
            DailyIndices d = p.value();
            double value = d.kp().get(i).getAsDouble();
            kp.add(new KpInterval(start, value, d.ap().get(i), d.status(), GeomagneticScale.level(value),
                    d.source()));
            served.add(p.label());
        });
        List<DailyFlux> flux = new ArrayList<>();
        bestFlux.forEach((day, p) -> {
            SolarFlux f = p.value().flux();
            flux.add(new DailyFlux(day, f.observedSfu().getAsDouble(), f.observedCentered81Sfu(),
                    p.value().status(), p.value().source()));
            served.add(p.label());
        });
        return new Conditions(kp, flux, served.stream().distinct().toList());
    }

    /**
     * Orekit's space weather (the input of its NRLMSISE-00 and DTM2000 drag models) over every day {@code filter}
     * admits that Orekit can use ({@link OrekitSpaceWeather#complete}), a day's best one chosen as for the merged reads.
     *
     * @throws IllegalArgumentException when no such day is stored
     */
    public org.orekit.models.earth.atmosphere.data.CssiSpaceWeatherData orekitData(LabelFilter filter,
                                                                                  org.orekit.time.TimeScale utc) {
        return orekitDays(filter, utc).data();
    }

    /** Orekit's space weather and the stored day each of its days is (a product a model computed from it names). */
    public record OrekitDays(org.orekit.models.earth.atmosphere.data.CssiSpaceWeatherData data,
                             java.util.NavigableMap<LocalDate, Product<DailyIndices>> days) {
    }

    /** As {@link #orekitData}, with the stored days used. */
    public OrekitDays orekitDays(LabelFilter filter, org.orekit.time.TimeScale utc) {
        TreeMap<LocalDate, Product<DailyIndices>> best = new TreeMap<>();
        for (Product<DailyIndices> p : all(IndicesKind.INSTANCE, Map.of(), filter)) {
            if (OrekitSpaceWeather.complete(p.value()) && better(p, best.get(p.value().day()))) {
                best.put(p.value().day(), p);
            }
        }
        return new OrekitDays(OrekitSpaceWeather.of(best.values().stream().map(Product::value).toList(), utc),
                java.util.Collections.unmodifiableNavigableMap(best));
    }

    /** How far back before a read the storms that make an element set stale are looked for. */
    /** How far back {@link #now} looks for the latest measured Kp: an older one is not the conditions now. */
    public static final Duration LATEST_KP_LOOKBACK = Duration.ofDays(3);

    public static final Duration STORM_LOOKBACK = Duration.ofDays(60);

    /**
     * The storms (G3 or more) from {@code from} to {@code to} in the indices {@code filter} admits, and the labels of
     * what they were taken from.
     */
    public Storms storms(Instant from, Instant to, LabelFilter filter) {
        Conditions c = indices(from, to, filter);
        return new Storms(Storm.of(c.kp()), c.served());
    }

    /** Storms and the labels of the indices they were found in (what a read served). */
    public record Storms(List<Storm> storms, List<Label> served) {

        public Storms {
            storms = List.copyOf(storms);
            served = List.copyOf(served);
        }

        /**
         * The latest of these storms that leaves any input of a result stale at its time ({@link Storm#unseenByAny}),
         * if any.
         */
        public Optional<Storm> unseenBy(Inputs result) {
            return Storm.unseenByAny(result.epochs(), result.at(), storms);
        }
    }

    /**
     * What the stale-after-storm rule needs of one result computed from element sets (a conjunction, an event's
     * update): the epochs of its inputs and the time it concerns (its TCA).
     */
    public record Inputs(List<Instant> epochs, Instant at) {

        public Inputs {
            epochs = List.copyOf(epochs);
            if (epochs.isEmpty()) {
                throw new IllegalArgumentException("a result has at least one input");
            }
        }
    }

    /**
     * The storms that may leave an input of these results stale at its time, read once for an answer ({@link
     * #stormsUnseenBy(Instant, Instant, Instant, LabelFilter)} over all of them), with the labels of the indices read;
     * {@link Storms#unseenBy} then gives each result's flag. No results, nothing read.
     */
    public Storms stormsUnseenBy(java.util.Collection<Inputs> results, LabelFilter filter) {
        if (results.isEmpty()) {
            return new Storms(List.of(), List.of());
        }
        Instant earliestEpoch = results.stream().flatMap(r -> r.epochs().stream()).min(Instant::compareTo)
                .orElseThrow();
        Instant earliestAt = results.stream().map(Inputs::at).min(Instant::compareTo).orElseThrow();
        Instant latestAt = results.stream().map(Inputs::at).max(Instant::compareTo).orElseThrow();
        return stormsUnseenBy(earliestEpoch, earliestAt, latestAt, filter);
    }

    /**
     * The storm that leaves an element set of this epoch stale at {@code at} ({@link Storm#unseenBy}; none, or one),
     * looked for back to {@link #STORM_LOOKBACK} before {@code at}, as far as the indices go up to a day after it
     * (a storm under way ends where its measured or predicted intervals do), with the labels of the indices read.
     */
    public Storms staleAfterStorm(Instant epoch, Instant at, LabelFilter filter) {
        Storms storms = stormsUnseenBy(epoch, at, at, filter);
        return new Storms(Storm.unseenBy(epoch, at, storms.storms()).stream().toList(), storms.served());
    }

    /**
     * Every storm that may leave an element set of epoch {@code earliestEpoch} or later stale at a time from
     * {@code earliestAt} to {@code latestAt} (read once for a page of results): back to the earliest epoch, but no
     * further than {@link #STORM_LOOKBACK} before {@code earliestAt}, and up to a day after {@code latestAt}.
     */
    public Storms stormsUnseenBy(Instant earliestEpoch, Instant earliestAt, Instant latestAt, LabelFilter filter) {
        Instant from = earliestEpoch.isAfter(earliestAt.minus(STORM_LOOKBACK)) ? earliestEpoch.minus(Duration.ofDays(1))
                : earliestAt.minus(STORM_LOOKBACK);
        return storms(from, latestAt.plus(Duration.ofDays(1)), filter);
    }

    /** Measured before estimated before predicted; among equals, the one stored last. */
    private static boolean better(Product<DailyIndices> candidate, Product<DailyIndices> held) {
        if (held == null) {
            return true;
        }
        int byStatus = candidate.value().status().compareTo(held.value().status());
        return byStatus < 0 || byStatus == 0 && candidate.id() > held.id();
    }

    /** The alerts of the window that {@code filter} admits, as their later messages left them. */
    public List<AlertLifecycle.State> alerts(Instant from, Instant to, LabelFilter filter) {
        return AlertLifecycle.of(all(AlertsKind.INSTANCE, Map.of("from", from, "to", to), filter).stream()
                .map(Product::value).toList());
    }

    /** The labels of the alerts of the window that {@code filter} admits (what {@link #alerts} served). */
    public List<Label> alertLabels(Instant from, Instant to, LabelFilter filter) {
        return all(AlertsKind.INSTANCE, Map.of("from", from, "to", to), filter).stream().map(Product::label)
                .distinct().toList();
    }

    /**
     * The conditions at {@code now}: the latest measured Kp interval and the next predicted ones (a day ahead), the
     * latest measured F10.7, and the alerts in force (those naming no end for {@link #OPEN_ALERT_SPAN} after they
     * begin).
     */
    public Now now(Instant now, LabelFilter filter) {
        Conditions recent = indices(now.minus(LATEST_KP_LOOKBACK), now.plus(Duration.ofDays(1)), filter);
        Optional<KpInterval> latest = recent.kp().stream().filter(k -> !k.status().predicted()
                && !k.start().isAfter(now)).max(Comparator.comparing(KpInterval::start));
        List<KpInterval> ahead = recent.kp().stream().filter(k -> k.start().isAfter(latest.map(KpInterval::start)
                .orElse(now))).toList();
        Optional<DailyFlux> flux = recent.flux().stream().filter(f -> !f.status().predicted()
                && !f.day().isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)))
                .max(Comparator.comparing(DailyFlux::day));
        List<AlertLifecycle.State> inForce = alerts(now.minus(ALERT_LOOKBACK), now, filter).stream()
                .filter(s -> s.inForceAt(now) && (s.endsAt().isPresent() || !now.isAfter(
                        s.alert().beginsAt().orElse(s.alert().issuedAt()).plus(OPEN_ALERT_SPAN)))).toList();
        List<Label> served = new ArrayList<>(recent.served());
        served.addAll(alertLabels(now.minus(ALERT_LOOKBACK), now, filter));
        return new Now(now, latest, ahead, flux, inForce, served.stream().distinct().toList());
    }

    /** The conditions at a time: see {@link #now}. */
    public record Now(Instant at, Optional<KpInterval> latestKp, List<KpInterval> predictedKp,
                      Optional<DailyFlux> latestFlux, List<AlertLifecycle.State> alertsInForce, List<Label> served) {

        public Now {
            predictedKp = List.copyOf(predictedKp);
            alertsInForce = List.copyOf(alertsInForce);
            served = List.copyOf(served);
        }

        /** The highest level of a NOAA scale ({@code G}, {@code S}, {@code R}) reported now (0: none). */
        public int highest(char scale) {
            int fromKp = scale == 'G' ? latestKp.map(KpInterval::gScale).orElse(0) : 0;
            return Math.max(fromKp, alertsInForce.stream().flatMap(s -> s.alert().scale().stream())
                    .filter(s -> s.charAt(0) == scale).mapToInt(s -> s.charAt(1) - '0').max().orElse(0));
        }
    }

    private <T> List<Product<T>> all(ProductKind<T> kind, Map<String, Object> filters, LabelFilter filter) {
        List<Product<T>> all = new ArrayList<>();
        ProductQuery query = new ProductQuery(filters, kind.sorts().getFirst(), ProductQuery.MAX_LIMIT,
                Optional.empty());
        while (true) {
            Page<Product<T>> page = products.store().list(kind, query, filter);
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return all;
            }
            query = query.after(page.nextCursor().get());
        }
    }

}
