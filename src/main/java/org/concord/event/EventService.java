package org.concord.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.conjunction.Conjunction;
import org.concord.conjunction.StoredConjunctions;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductService;

/**
 * Builds conjunction events: every conjunction no event holds yet (from a screening, a CDM, a partner) joins the event
 * of its encounter or starts one ({@link EventGrouping}). A pass after a screening is handed the run's conjunctions
 * as stored, with their inputs' labels ({@link #placeSoon}: nothing read back); other passes read the conjunctions
 * with their inputs' labels once. Either reads the candidate events by their columns only ({@link EventSummary}, not
 * their histories); the events it starts are stored, and the updates that join stored events are appended to them,
 * labels combined with the new inputs' by the kind's rule, in one transaction. Asked for in the background after each
 * screening ({@link #placeSoon}) and CDM ingest ({@link #updateSoon}), so that neither waits for it, and run every
 * minute while serving (partners' conjunctions, events a recall removed).
 */
public final class EventService implements AutoCloseable {

    /** How often a serving node places the conjunctions that came otherwise (partners' feeds). */
    public static final java.time.Duration CATCH_UP_PERIOD = java.time.Duration.ofMinutes(1);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventService.class);

    /** How many conjunctions one pass places; a pass continues until none are left. */
    private static final int BATCH = 50_000;

    private final EventStore store;
    /** Every conjunction up to this id is in an event or never one, but those a recall left ({@link #update(long)}). */
    private long placedThrough;
    private final ProductService products;
    private final String party;
    private final Clock clock;
    private final io.micrometer.core.instrument.Timer buildTime;
    private volatile Runnable afterPlacing = () -> { };
    private final java.util.concurrent.ScheduledExecutorService catchUp =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("conjunction-events").factory());

    public EventService(EventStore store, ProductService products, String party, Clock clock,
                        io.micrometer.core.instrument.MeterRegistry meters) {
        this.buildTime = io.micrometer.core.instrument.Timer.builder("concord.events.build")
                .description("how long placing new conjunctions in events took, per pass").register(meters);
        this.store = store;
        this.products = products;
        this.party = party;
        this.clock = clock;
    }

    /**
     * Places every conjunction no event holds yet that was stored after those this service placed (all of them on its
     * first pass); returns how many it placed.
     */
    public synchronized int update() {
        return update(placedThrough);
    }

    /**
     * Places every conjunction with an id above {@code afterId} that no event holds yet. Those at or below
     * {@link #placedThrough} are placed but for the remaining conjunctions of an event a recall removed, which only a
     * pass from the first id finds (the periodic one): a scan of every conjunction stored, which a pass after each
     * screening need not pay.
     */
    private synchronized int update(long afterId) {
        long start = System.nanoTime();
        int placed = scan(afterId, Long.MAX_VALUE);
        passed(start, placed);
        return placed;
    }

    /**
     * Places a screening run's conjunctions as it hands them over, just stored: nothing of them is read back (their
     * values, inputs, inputs' labels and the run's start come with them). Those that no pass has placed yet are
     * placed, but for a pair of an object with itself; so are the conjunctions stored before them that no pass has
     * placed yet (read as {@link #update} reads them), and those stored since. None handed over: as {@link #update}.
     * Returns how many it placed.
     */
    public synchronized int place(StoredConjunctions stored) {
        if (stored.conjunctions().isEmpty()) {
            return update();
        }
        long start = System.nanoTime();
        long first = stored.conjunctions().getFirst().id();
        long last = stored.conjunctions().getLast().id();
        int placed = scan(placedThrough, first);
        List<ToPlace> handed = new ArrayList<>(stored.conjunctions().size());
        for (Product<Conjunction> c : stored.conjunctions()) {
            if (c.id() > placedThrough && c.value().primaryNoradId() != c.value().secondaryNoradId()) {
                handed.add(new ToPlace(c, stored.computedAt()));
            }
        }
        for (int from = 0; from < handed.size(); from += BATCH) {
            List<ToPlace> batch = handed.subList(from, Math.min(handed.size(), from + BATCH));
            place(batch, stored.inputLabels());
            placed += batch.size();
            placedThrough = Math.max(placedThrough, batch.getLast().conjunction().id());
        }
        placedThrough = Math.max(placedThrough, last);
        placed += scan(placedThrough, Long.MAX_VALUE);
        passed(start, placed);
        return placed;
    }

    /**
     * Places the conjunctions no event holds yet with ids above {@code afterId} and below {@code beforeId}, read in
     * batches; returns how many.
     */
    private int scan(long afterId, long beforeId) {
        int placed = 0;
        List<EventStore.Pending> pending = store.pending(afterId, beforeId, BATCH);
        while (!pending.isEmpty()) {
            Map<ProductInput, Label> inputLabels = new HashMap<>();
            List<ToPlace> toPlace = new ArrayList<>(pending.size());
            for (EventStore.Pending p : pending) {
                inputLabels.putAll(p.inputLabels());
                toPlace.add(new ToPlace(p.conjunction(), p.computedAt()));
            }
            place(toPlace, inputLabels);
            placed += pending.size();
            long last = pending.getLast().conjunction().id();
            placedThrough = Math.max(placedThrough, last);
            pending = pending.size() < BATCH ? List.of() : store.pending(last, beforeId, BATCH);
        }
        return placed;
    }

    /** Records a pass's time, and tells the listener when it placed any. */
    private void passed(long start, int placed) {
        long took = System.nanoTime() - start;
        buildTime.record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (placed > 0) {
            LOG.info("placed {} conjunctions in events in {} s", placed, String.format("%.2f", took / 1e9));
            afterPlacing.run();
        }
    }

    /** What to run after each pass that placed conjunctions (watch lists look at the events then: docs/watches.md). */
    public void afterPlacing(Runnable listener) {
        this.afterPlacing = listener;
    }

    /**
     * Places pending conjunctions in the background, soon: what CDM ingests call, so that they end without waiting
     * for their events ({@link #close} waits for it).
     */
    public void updateSoon() {
        soon(this::update);
    }

    /**
     * Places a screening run's conjunctions just stored ({@link #place(StoredConjunctions)}) in the background, soon:
     * what a screening calls, so that it ends without waiting for its events ({@link #close} waits for it).
     */
    public void placeSoon(StoredConjunctions stored) {
        soon(() -> place(stored));
    }

    private void soon(Runnable pass) {
        try {
            catchUp.execute(() -> logged(pass));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("closing: the conjunctions just stored are placed in events at the next pass");
        }
    }

    /**
     * Places pending conjunctions every {@link #CATCH_UP_PERIOD} from now on (while serving), looking at every
     * conjunction stored.
     */
    public void startCatchingUp() {
        long period = CATCH_UP_PERIOD.toMillis();
        catchUp.scheduleWithFixedDelay(() -> logged(() -> update(0)), period, period,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void logged(Runnable pass) {
        try {
            pass.run();
        } catch (RuntimeException e) {
            LOG.warn("building conjunction events failed; the next pass tries again: {}", e.toString());
        }
    }

    /** Waits for the passes asked for so far ({@link #updateSoon}, {@link #placeSoon}) to end. */
    public void awaitPassesAskedFor() {
        try {
            catchUp.submit(() -> { }).get();
        } catch (java.util.concurrent.RejectedExecutionException e) {
            close(); // closing: it waits for them
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the periodic passes and waits for a pass asked for to end. */
    @Override
    public void close() {
        catchUp.shutdown();
        try {
            if (!catchUp.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS)) {
                LOG.warn("a pass placing conjunctions in events did not end within an hour; left to the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A conjunction to place, and when it was computed if this node knows. */
    private record ToPlace(Product<Conjunction> conjunction, Optional<Instant> computedAt) {
    }

    /** Places these conjunctions, given the labels of their inputs (at least). */
    private void place(List<ToPlace> toPlace, Map<ProductInput, Label> conjunctionInputLabels) {
        Instant now = clock.instant();
        List<EventGrouping.Arrival> arrivals = new ArrayList<>(toPlace.size());
        Map<String, Label> itemLabels = new HashMap<>();
        Instant earliest = Instant.MAX;
        Instant latest = Instant.MIN;
        for (ToPlace p : toPlace) {
            Conjunction c = p.conjunction().value();
            arrivals.add(new EventGrouping.Arrival(p.conjunction(), sourceOf(c), p.computedAt().orElse(now)));
            earliest = c.tca().isBefore(earliest) ? c.tca() : earliest;
            latest = c.tca().isAfter(latest) ? c.tca() : latest;
            itemLabels.put(item(DataKind.CONJUNCTIONS, p.conjunction().id()), p.conjunction().label());
        }
        conjunctionInputLabels.forEach((input, label) -> itemLabels.put(item(input.kind(), input.id()), label));
        List<EventGrouping.Grouped> grouped = EventGrouping.group(store.eventsWithTcaWithin(
                earliest.minus(EventGrouping.TCA_TOLERANCE), latest.plus(EventGrouping.TCA_TOLERANCE)), arrivals);
        Map<ProductInput, Label> inputLabels = new HashMap<>();
        for (EventGrouping.Grouped g : grouped) {
            for (ProductInput input : g.inputs()) {
                Label label = itemLabels.get(item(input.kind(), input.id()));
                if (label != null) {
                    inputLabels.put(input, label);
                }
            }
        }
        List<Product<ConjunctionEvent>> fresh = new ArrayList<>();
        List<EventStore.Extension> extended = new ArrayList<>();
        for (EventGrouping.Grouped g : grouped) {
            Label label = products.settledLabel(EventKind.INSTANCE, g.storedLabel().orElse(Label.publicFrom(party)),
                    g.inputs(), inputLabels, party);
            if (g.id() == 0) {
                fresh.add(new Product<>(0, java.util.Optional.empty(), label, g.inputs(), new ConjunctionEvent(
                        g.summary().primaryNoradId(), g.summary().secondaryNoradId(), g.updates())));
            } else {
                extended.add(new EventStore.Extension(g.id(), label, g.summary(), g.updates(), g.inputs()));
            }
        }
        store.write(fresh, extended, inputLabels);
    }

    private static String item(DataKind kind, long id) {
        return kind.code() + " " + id;
    }

    private EventUpdate.Source sourceOf(Conjunction c) {
        if (c.cdm().isPresent()) {
            return EventUpdate.Source.CDM;
        }
        return c.screeningRunId().isPresent() && c.label().originator().equals(party) ? EventUpdate.Source.SCREENING
                : EventUpdate.Source.PARTNER;
    }
}
