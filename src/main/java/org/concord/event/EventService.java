package org.concord.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.concord.conjunction.Conjunction;
import org.concord.label.Label;
import org.concord.product.Product;
import org.concord.product.ProductService;

/**
 * Builds conjunction events: every conjunction no event holds yet (from a screening, a CDM, a partner) joins the event
 * of its encounter or starts one ({@link EventGrouping}); the events it starts are stored and those it changes are
 * restated with the new update, their labels combined from every input's by the kind's rule. Asked for in the
 * background after each screening and CDM ingest ({@link #updateSoon}: a pass costs a few times as much as storing the
 * conjunctions, which a screening should not wait for), and run every minute while serving (partners' conjunctions,
 * events a recall removed).
 */
public final class EventService implements AutoCloseable {

    /** How often a serving node places the conjunctions that came otherwise (partners' feeds). */
    public static final java.time.Duration CATCH_UP_PERIOD = java.time.Duration.ofMinutes(1);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventService.class);

    /** How many conjunctions one pass places; a pass continues until none are left. */
    private static final int BATCH = 50_000;

    private final EventStore store;
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

    /** Places every conjunction no event holds yet; returns how many it placed. */
    public synchronized int update() {
        long start = System.nanoTime();
        int placed = 0;
        List<EventStore.Pending> pending = store.pending(BATCH);
        while (!pending.isEmpty()) {
            place(pending);
            placed += pending.size();
            pending = pending.size() < BATCH ? List.of() : store.pending(BATCH);
        }
        long took = System.nanoTime() - start;
        buildTime.record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (placed > 0) {
            LOG.info("placed {} conjunctions in events in {} s", placed, String.format("%.2f", took / 1e9));
            afterPlacing.run();
        }
        return placed;
    }

    /** What to run after each pass that placed conjunctions (watch lists look at the events then: docs/watches.md). */
    public void afterPlacing(Runnable listener) {
        this.afterPlacing = listener;
    }

    /**
     * Places pending conjunctions in the background, soon: what screenings and CDM ingests call, so that they end
     * without waiting for their events ({@link #close} waits for it).
     */
    public void updateSoon() {
        try {
            catchUp.execute(this::updateLogged);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("closing: the conjunctions just stored are placed in events at the next pass");
        }
    }

    /** Places pending conjunctions every {@link #CATCH_UP_PERIOD} from now on (while serving). */
    public void startCatchingUp() {
        long period = CATCH_UP_PERIOD.toMillis();
        catchUp.scheduleWithFixedDelay(this::updateLogged, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void updateLogged() {
        try {
            update();
        } catch (RuntimeException e) {
            LOG.warn("building conjunction events failed; the next pass tries again: {}", e.toString());
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

    private void place(List<EventStore.Pending> pending) {
        Instant now = clock.instant();
        List<EventGrouping.Arrival> arrivals = new ArrayList<>(pending.size());
        Instant earliest = Instant.MAX;
        Instant latest = Instant.MIN;
        for (EventStore.Pending p : pending) {
            Conjunction c = p.conjunction().value();
            arrivals.add(new EventGrouping.Arrival(p.conjunction(), sourceOf(c), p.computedAt().orElse(now)));
            earliest = c.tca().isBefore(earliest) ? c.tca() : earliest;
            latest = c.tca().isAfter(latest) ? c.tca() : latest;
        }
        List<Product<ConjunctionEvent>> existing = store.eventsWithTcaWithin(
                earliest.minus(EventGrouping.TCA_TOLERANCE), latest.plus(EventGrouping.TCA_TOLERANCE));
        List<Product<ConjunctionEvent>> fresh = new ArrayList<>();
        List<Product<ConjunctionEvent>> changed = new ArrayList<>();
        for (EventGrouping.Grouped g : EventGrouping.group(existing, arrivals)) {
            Product<ConjunctionEvent> product = new Product<>(g.id(), java.util.Optional.empty(),
                    Label.publicFrom(party), g.inputs(), g.event());
            (g.id() == 0 ? fresh : changed).add(product);
        }
        products.restate(EventKind.INSTANCE, changed, party);
        products.store(EventKind.INSTANCE, fresh, party);
    }

    private EventUpdate.Source sourceOf(Conjunction c) {
        if (c.cdm().isPresent()) {
            return EventUpdate.Source.CDM;
        }
        return c.screeningRunId().isPresent() && c.label().originator().equals(party) ? EventUpdate.Source.SCREENING
                : EventUpdate.Source.PARTNER;
    }
}
