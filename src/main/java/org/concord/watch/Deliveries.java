package org.concord.watch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.concord.event.ConjunctionEvent;
import org.concord.identity.NodeIdentity;
import org.concord.product.Product;

/**
 * Delivers notifications to their watches' webhooks: one HTTP POST of the signed payload ({@link NotificationPayload})
 * per attempt, no redirects followed, within {@link #CONNECT_TIMEOUT} and {@link #REQUEST_TIMEOUT}; a 2xx answer
 * delivers it, anything else (another status, no answer, a refused address) is a failed attempt, tried again after the
 * settings' back-off until its attempts are spent. Before each attempt the event is read again as the watch's party
 * may see it now: one it may no longer see is withheld, never sent. Every attempt is recorded with its time, status
 * and error.
 */
public final class Deliveries implements AutoCloseable {

    /** The header that carries the base64 Ed25519 signature of the body's exact bytes by the node's key. */
    public static final String SIGNATURE_HEADER = "Concord-Signature";
    /** The header that carries the fingerprint of the node key that signed (as {@code GET /api/v1/node/key}). */
    public static final String NODE_HEADER = "Concord-Node";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** The most notifications one pass attempts. */
    static final int BATCH = 200;
    private static final int MAX_ERROR = 1000;

    private final WatchStore store;
    private final PartyEvents events;
    private final NodeIdentity identity;
    private final String nodeParty;
    private final EventCdms cdms;
    private final WatchSettings settings;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final MeterRegistry meters;
    private final Timer attemptTime;

    Deliveries(WatchStore store, PartyEvents events, NodeIdentity identity, String nodeParty, EventCdms cdms,
               WatchSettings settings, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.events = events;
        this.identity = identity;
        this.nodeParty = nodeParty;
        this.cdms = cdms;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.attemptTime = Timer.builder("concord.watch.delivery").description("how long one attempt to deliver a"
                + " notification to a webhook took").register(meters);
    }

    /** Makes one attempt at each notification due now; returns how many attempts it made. */
    synchronized int deliverDue() {
        List<Notification> due = store.due(clock.instant(), BATCH);
        for (Notification n : due) {
            attempt(n);
        }
        return due.size();
    }

    private void attempt(Notification n) {
        Instant at = clock.instant();
        int number = n.attempts().size() + 1;
        Optional<Watch> watch = store.watch(n.watchId());
        Optional<Product<ConjunctionEvent>> event = events.event(n.party(), n.eventId());
        if (watch.isEmpty() || watch.get().terms().webhook().isEmpty() || event.isEmpty()) {
            store.recordAttempt(n.id(), new Notification.DeliveryAttempt(number, at, Optional.empty(),
                    Optional.of("withheld: the event is no longer visible to party " + n.party()
                            + " (recalled, re-labelled or no longer released)")), Notification.Status.WITHHELD,
                    Optional.empty());
            count("withheld");
            return;
        }
        URI url = watch.get().terms().webhook().get();
        long start = System.nanoTime();
        Optional<Integer> status = Optional.empty();
        Optional<String> error;
        try {
            Webhooks.checkAddress("webhook", url, settings.allowLoopbackHttp());
            byte[] body = payload(n, watch.get(), event.get(), number, at);
            HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, Base64.getEncoder().encodeToString(identity.sign(body)))
                    .header(NODE_HEADER, identity.fingerprint())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            answer.body().close(); // the status is the answer; a body is not read
            status = Optional.of(answer.statusCode());
            error = answer.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("the webhook answered HTTP " + answer.statusCode());
        } catch (IllegalArgumentException | IOException e) {
            error = Optional.of(Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = Optional.of("interrupted: the node is closing");
        } finally {
            attemptTime.record(Duration.ofNanos(System.nanoTime() - start));
        }
        Notification.DeliveryAttempt attempt = new Notification.DeliveryAttempt(number, at, status,
                error.map(e -> e.length() <= MAX_ERROR ? e : e.substring(0, MAX_ERROR)));
        if (error.isEmpty()) {
            store.recordAttempt(n.id(), attempt, Notification.Status.DELIVERED, Optional.empty());
            count("delivered");
        } else if (number >= settings.attempts()) {
            store.recordAttempt(n.id(), attempt, Notification.Status.FAILED, Optional.empty());
            count("failed");
        } else {
            store.recordAttempt(n.id(), attempt, Notification.Status.PENDING,
                    Optional.of(at.plus(settings.backOff(number))));
            count("retry");
        }
    }

    /**
     * The signed body of this attempt. A failure to write it (an event whose CDM the writer refuses, say) is this
     * attempt's failure, recorded like a refused connection, so that one notification never stops the others.
     */
    private byte[] payload(Notification n, Watch watch, Product<ConjunctionEvent> event, int number, Instant at) {
        try {
            return NotificationPayload.of(n, watch, event, cdms.of(event), number, at, nodeParty,
                    identity.fingerprint());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the notification could not be written: "
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()), e);
        }
    }

    private void count(String outcome) {
        Counter.builder("concord.watch.deliveries").description("attempts to deliver notifications to webhooks, by"
                + " outcome").tag("outcome", outcome).register(meters).increment();
    }

    @Override
    public void close() {
        client.close();
    }
}
