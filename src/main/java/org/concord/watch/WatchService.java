package org.concord.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.concord.access.Principal;
import org.concord.access.SharingService;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEvent;
import org.concord.audit.AuditLog;
import org.concord.conjunction.CollisionRisk;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventUpdate;
import org.concord.identity.NodeIdentity;
import org.concord.label.Label;
import org.concord.product.Product;
import org.concord.product.ProductStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches and their notifications. A party's users add, list and remove its watches (each change audited with the
 * watch); {@link #evaluate} looks at the events of every watched object that the watch's party may see and makes a
 * notification of each that is news ({@link NotificationRule}). Evaluation runs in the background: after each pass that
 * builds events ({@link #evaluateSoon}), and every {@link #PERIOD} once {@link #start started} (a TCA comes within a
 * watch's reach as time passes), together with the deliveries that are due ({@link Deliveries}).
 */
public final class WatchService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchService.class);
    /** How often a serving node evaluates the watches and delivers what is due. */
    public static final Duration PERIOD = Duration.ofSeconds(30);
    /** The longest a watch looks ahead. */
    public static final Duration MAX_WITHIN = Duration.ofDays(30);
    /** The most notifications a list shows. */
    public static final int MAX_LIMIT = 1000;

    private final WatchStore store;
    private final PartyEvents events;
    private final SharingService sharing;
    private final AuditLog audit;
    private final Deliveries deliveries;
    private final WatchSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("watches").factory());

    public WatchService(WatchStore store, SharingService sharing, ProductStore products, AuditLog audit,
                        NodeIdentity identity, String nodeParty, EventCdms cdms, WatchSettings settings,
                        Clock clock, MeterRegistry meters) {
        this.store = store;
        this.events = new PartyEvents(sharing, products);
        this.sharing = sharing;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.deliveries = new Deliveries(store, events, identity, nodeParty, cdms, settings, clock, meters);
    }

    /** The node's delivery settings (the webhook rule the adapters check a URL by). */
    public WatchSettings settings() {
        return settings;
    }

    /**
     * Adds a watch of {@code party} (a user adds watches of its own party only; the node's local operator of any
     * registered party), audited in the same transaction.
     */
    public Watch add(String party, Watch.Terms terms, Principal by) {
        requireParty(party, by);
        terms.webhook().ifPresent(url -> Webhooks.checkAddress("webhook", url, settings.allowLoopbackHttp()));
        Watch watch = audit.recordedChange(() -> {
            Watch added = store.add(party, terms, by.name(), clock.instant());
            audit.append(AuditEvent.of(clock.instant(), by.name(), by.party(), AuditAction.WATCH_CHANGE,
                    "watch " + added.id(), List.of(party), "added: object " + terms.noradId() + describe(terms)));
            return added;
        });
        evaluateSoon();
        return watch;
    }

    /** The party's watches. */
    public List<Watch> watches(String party, Principal by) {
        requireParty(party, by);
        return store.watches(party);
    }

    /** Removes a watch of the party with its notifications; false when the party has none with this id. */
    public boolean remove(String party, long watchId, Principal by) {
        requireParty(party, by);
        return audit.recordedChange(() -> {
            boolean removed = store.remove(party, watchId);
            if (removed) {
                audit.append(AuditEvent.of(clock.instant(), by.name(), by.party(), AuditAction.WATCH_CHANGE,
                        "watch " + watchId, List.of(party), "removed with its notifications"));
            }
            return removed;
        });
    }

    /** A notification as its party is shown it, with the label of its event (what the read audit records). */
    public record Shown(Notification notification, Label eventLabel) {
    }

    /**
     * The party's notifications of events the party may see now, newest first, at most {@code limit}; one whose
     * event it may no longer see is not shown.
     */
    public List<Shown> notifications(String party, int limit, Principal by) {
        requireParty(party, by);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        List<Shown> shown = new ArrayList<>();
        for (Notification n : store.notifications(party, MAX_LIMIT)) {
            events.event(party, n.eventId()).ifPresent(e -> shown.add(new Shown(n, e.label())));
            if (shown.size() == limit) {
                break;
            }
        }
        return shown;
    }

    private void requireParty(String party, Principal by) {
        if (!by.local() && !by.party().map(party::equals).orElse(false)) {
            throw new IllegalArgumentException("a user keeps the watches of its own party only, not " + party);
        }
        if (sharing.parties().stream().noneMatch(p -> p.code().equals(party))) {
            throw new IllegalArgumentException("no party " + party + " is registered on this node");
        }
    }

    private static String describe(Watch.Terms t) {
        return t.missDistanceMeters().map(m -> ", miss at most " + m + " m").orElse("")
                + t.probability().map(p -> ", Pc at least " + p).orElse("") + ", TCA within " + t.within()
                + t.webhook().map(u -> ", webhook " + u.getScheme() + "://" + u.getHost()).orElse("");
    }

    /**
     * Makes a notification of every event that is news to a watch, among the events of the watched object its party
     * may see now; returns how many it made. Safe to run from several processes at once (one notification per watch,
     * event and update).
     */
    public synchronized int evaluate() {
        Instant now = clock.instant();
        int made = 0;
        for (Watch watch : store.allWatches()) {
            Watch.Terms terms = watch.terms();
            for (Product<ConjunctionEvent> event : events.events(watch.party(), terms.noradId(), now,
                    now.plus(terms.within()))) {
                EventUpdate latest = event.value().latest();
                Optional<Notification.Reason> news = NotificationRule.news(terms, latest,
                        store.lastNotified(watch.id(), event.id()), now);
                if (news.isPresent()) {
                    made += store.addNotification(new Notification(0, watch.id(), watch.party(), event.id(),
                            latest.number(), news.get(), now, event.value().primaryNoradId(),
                            event.value().secondaryNoradId(), latest.tca(), latest.missDistanceMeters(),
                            latest.risk().map(CollisionRisk::probability),
                            terms.webhook().isPresent() ? Notification.Status.PENDING : Notification.Status.LISTED,
                            terms.webhook().map(u -> now), List.of())).isPresent() ? 1 : 0;
                }
            }
        }
        return made;
    }

    /** Makes one attempt at every delivery due now; returns how many attempts it made ({@link Deliveries}). */
    public int deliverDue() {
        return deliveries.deliverDue();
    }

    /** Evaluates the watches in the background, soon, and delivers what is due: what event passes call. */
    public void evaluateSoon() {
        try {
            background.execute(this::evaluateAndDeliver);
        } catch (RejectedExecutionException closing) {
            LOG.warn("closing: the watches are evaluated at the next start");
        }
    }

    /** Evaluates and delivers every {@link #PERIOD} from now on (while serving). */
    public void start() {
        background.scheduleWithFixedDelay(this::evaluateAndDeliver, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void evaluateAndDeliver() {
        try {
            int made = evaluate();
            if (made > 0) {
                LOG.info("{} new notifications of watched objects", made);
            }
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("evaluating watches or delivering notifications failed; the next pass tries again: {}",
                    e.toString());
        }
    }

    /** Stops evaluating and waits for a pass under way. */
    @Override
    public void close() {
        background.shutdown();
        try {
            if (!background.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("a watch pass did not end within a minute; its deliveries are tried again at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliveries.close();
    }
}
