package org.concord.cyber;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.label.LabelFilter;

/**
 * The TAXII 2.1 client: pulls a source's objects added since the last pull (TAXII's {@code added_after}, from the
 * last {@code X-TAXII-Date-Added-Last} it answered), page by page with {@code next}, and adds them to the receiving
 * collection as the source's party posting them: checked, labelled from their markings and the collection, audited.
 * Where a source stands is stored ({@link CyberService#pullPosition}), by the source's name and URL: a restart goes on
 * from there, and a source given another URL starts from the beginning.
 */
public final class TaxiiPuller implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaxiiPuller.class);

    static final String TAXII = "application/taxii+json;version=2.1";
    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one pull did: versions fetched, how many the collection took and refused, or why it failed. */
    public record Report(String source, int fetched, int stored, int refused, Optional<String> error) {
    }

    private final CyberService cyber;
    private final List<TaxiiSource> sources;
    private final java.util.concurrent.ScheduledExecutorService scheduler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "taxii-pull");
                t.setDaemon(true);
                return t;
            });
    private final HttpClient http;

    public TaxiiPuller(CyberService cyber, List<TaxiiSource> sources) {
        this(cyber, sources, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** With the HTTP client the pulls go through. */
    public TaxiiPuller(CyberService cyber, List<TaxiiSource> sources, HttpClient http) {
        this.cyber = cyber;
        this.sources = List.copyOf(sources);
        this.http = http;
    }

    public List<TaxiiSource> sources() {
        return sources;
    }

    /** Pulls every source every {@code period} (zero: never), logging what each pull did. */
    public void startPulling(Duration period) {
        if (period.isZero() || sources.isEmpty()) {
            return;
        }
        scheduler.scheduleWithFixedDelay(this::turn, 0, period.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * One scheduled turn: every source pulled and what it did logged. Nothing escapes it: a task of a scheduled
     * executor that throws is never run again, so one failing pull would stop every later one.
     */
    private void turn() {
        for (TaxiiSource source : sources) {
            try {
                Report r = pull(source);
                r.error().ifPresentOrElse(e -> LOG.warn("TAXII pull failed: {}", e),
                        () -> LOG.info("TAXII pull {}: {} fetched, {} taken, {} refused", r.source(), r.fetched(),
                                r.stored(), r.refused()));
            } catch (RuntimeException e) {
                LOG.warn("TAXII pull of {} failed; tried again at the next turn", source, e);
            }
        }
    }

    /** Pulls every source once. */
    public List<Report> pullAll() {
        return sources.stream().map(this::pull).toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** Pulls what the source added since the last pull; a failure is reported, never thrown. */
    public Report pull(TaxiiSource source) {
        try {
            CyberCollection collection = cyber.collections().stream()
                    .filter(c -> c.id().equals(source.collectionId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no collection " + source.collectionId()
                            + " here to receive it"));
            List<JsonNode> objects = new ArrayList<>();
            Optional<Instant> last = Optional.empty();
            Optional<String> next = Optional.empty();
            do {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(page(source, next))
                        .header("Accept", TAXII).header("Authorization", "Bearer " + source.token())
                        .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    return failed(source, "answered " + r.statusCode());
                }
                JsonNode envelope = JSON.readTree(r.body());
                envelope.path("objects").forEach(objects::add);
                Optional<Instant> pageLast = r.headers().firstValue("X-TAXII-Date-Added-Last")
                        .flatMap(v -> StixValidator.timestamp(JSON.getNodeFactory().textNode(v)));
                last = pageLast.isPresent() ? pageLast : last;
                next = envelope.path("more").asBoolean() && envelope.path("next").isTextual()
                        ? Optional.of(envelope.path("next").asText()) : Optional.empty();
            } while (next.isPresent());
            TaxiiStatus status = cyber.add(collection, objects, new CyberService.Actor("taxii-pull " + source.name(),
                    source.originator()), LabelFilter.UNRESTRICTED);
            last.ifPresent(l -> cyber.pulledUpTo(source, l));
            return new Report(source.name(), objects.size(), status.successes().size(), status.failures().size(),
                    Optional.empty());
        } catch (IOException | IllegalArgumentException e) {
            return failed(source, e.getMessage());
        } catch (RuntimeException e) { // the HTTP client or the store failing: reported like any failure
            LOG.debug("TAXII pull of {} failed", source, e);
            return failed(source, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, "interrupted");
        }
    }

    private URI page(TaxiiSource source, Optional<String> next) {
        StringBuilder q = new StringBuilder("?limit=" + PAGE + "&match%5Bversion%5D=all");
        cyber.pullPosition(source).ifPresent(a -> q.append("&added_after=")
                .append(Timestamps.micros(a)));
        next.ifPresent(n -> q.append("&next=").append(URLEncoder.encode(n, StandardCharsets.UTF_8)));
        String url = source.objectsUrl().toString();
        return URI.create((url.endsWith("/") ? url : url + "/") + q);
    }

    private static Report failed(TaxiiSource source, String why) {
        return new Report(source.name(), 0, 0, 0, Optional.of(source + ": " + why));
    }
}
