package org.concord.connector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The HTTP client of one connector run: a fresh cookie store (a login lasts one run), no redirects followed (a
 * source that moves is a change a person should see), a bounded answer read whole or not at all, and a count of the
 * requests made, which the run records against its source's budget.
 */
public final class SourceHttp implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient client;
    private final long maxBytes;
    private final String userAgent;
    private final Optional<Secret> secret;
    private final Clock clock;
    private int requests;

    SourceHttp(long maxBytes, String userAgent, Optional<Secret> secret, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.secret = secret;
        this.clock = clock;
    }

    /** One whole answer. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends a request and reads its whole answer; an answer over the size limit is an error, and so is one cut short
     * (the JDK's client throws when the connection ends before the announced length or the last chunk).
     */
    public Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        requests++;
        HttpResponse<InputStream> response = client.send(request.timeout(REQUEST_TIMEOUT)
                .header("User-Agent", userAgent).build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = readBounded(in);
        }
        return new Answer(response.statusCode(), response.headers(), body);
    }

    /**
     * A GET that asks only for a change since the answer {@code previous} describes ({@code If-None-Match},
     * {@code If-Modified-Since}): 304 when there is none.
     */
    public Answer getIfChanged(URI url, Source.Validators previous) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        previous.etag().ifPresent(tag -> request.header("If-None-Match", tag));
        previous.lastModified().ifPresent(at -> request.header("If-Modified-Since", at));
        return send(request);
    }

    /** The validators of an answer, to send with the next request. */
    public static Source.Validators validators(Answer answer) {
        return new Source.Validators(answer.headers().firstValue("Last-Modified"), answer.headers().firstValue("ETag"));
    }

    private byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new IOException("the answer is over " + maxBytes + " bytes, this node's limit"
                        + " (configuration ingest.max-bytes)");
            }
        }
        return out.toByteArray();
    }

    /**
     * The answer when its status is 200; otherwise the failure it is: worth retrying (408, 429, 5xx, after the
     * answer's {@code Retry-After} when given) or not until a person has looked (every other status).
     */
    public Answer requireOk(Answer answer, String what) throws SourceFailure {
        if (answer.status() == 200) {
            return answer;
        }
        int status = answer.status();
        boolean retry = status == 408 || status == 429 || status >= 500;
        String message = what + " answered HTTP " + status + excerpt(answer.text());
        throw new SourceFailure(Optional.of(status), retry, retry ? retryAfter(answer) : Optional.empty(), message);
    }

    /** The answer's {@code Retry-After}, in seconds or as an HTTP date. */
    Optional<Duration> retryAfter(Answer answer) {
        return answer.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    /** A short, single-line excerpt of an answer, with any secret taken out, for a run's error. */
    public String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "";
        }
        String redacted = secret.map(s -> s.redact(line)).orElse(line);
        return ": " + (redacted.length() <= 200 ? redacted : redacted.substring(0, 200) + "...");
    }

    /** The requests made so far. */
    int requests() {
        return requests;
    }

    @Override
    public void close() {
        client.close();
    }
}
