package org.concord.connector;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.concord.connector.ConnectorRun.Outcome;
import org.concord.formats.InputRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's connectors: each runs when it is due by the injected clock (checked every {@link #TICK} once
 * {@link #start started}), or when an administrator asks, within its source's etiquette: never sooner after its last
 * request than its type's minimum period, never over its source's request budget. A run ingests the whole answer
 * or nothing; a failure backs off (one period, then two, four ... at most {@link #MAX_BACKOFF}, and never sooner
 * than the source's {@code Retry-After}); a refusal that retrying will not mend halts the connector until an
 * administrator runs it by hand. Every run is recorded.
 */
public final class Connectors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Connectors.class);

    /** How often the scheduler looks for connectors that are due. */
    static final Duration TICK = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofDays(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** The runs of each connector its status shows. */
    public static final int RUNS_SHOWN = 10;
    private static final String RUNS_METER = "concord.connector.runs";

    private final Map<String, ConnectorDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, ConnectorType> types;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Sink> sinks;
    private final ConnectorStore store;
    private final Clock clock;
    private final long maxBytes;
    private final String userAgent;
    private final MeterRegistry meters;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    /**
     * The connectors {@code definitions} configure, of the source {@code types}, ingesting into {@code sinks} (by
     * {@link ConnectorType#sink()}); answers over {@code maxBytes} are refused; requests carry {@code userAgent}.
     */
    public Connectors(List<ConnectorDefinition> definitions, List<ConnectorType> types, Map<String, Sink> sinks,
                      ConnectorStore store, Clock clock, long maxBytes, String userAgent, MeterRegistry meters) {
        this.types = types.stream().collect(Collectors.toMap(ConnectorType::name, t -> t));
        this.sinks = Map.copyOf(sinks);
        this.store = store;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.meters = meters;
        for (ConnectorDefinition definition : definitions) {
            ConnectorType type = this.types.get(definition.type());
            if (type == null || !sinks.containsKey(type.sink())) {
                throw new IllegalStateException("connector " + definition.name() + ": no source type "
                        + definition.type() + " with an ingest path on this node");
            }
            this.definitions.put(definition.name(), definition);
            sources.put(definition.name(), type.source(definition));
        }
    }

    /** A connector, its state and its newest runs. */
    public record Status(ConnectorDefinition definition, ConnectorType type, ConnectorState state,
                         List<ConnectorRun> runs) {
    }

    public List<Status> status() {
        return definitions.values().stream().map(this::status).toList();
    }

    public Optional<Status> status(String name) {
        return Optional.ofNullable(definitions.get(name)).map(this::status);
    }

    private Status status(ConnectorDefinition definition) {
        return new Status(definition, types.get(definition.type()), state(definition, clock.instant()),
                store.runs(definition.name(), RUNS_SHOWN));
    }

    /** The connector's state, or, if it never ran, that it is due {@code now}. */
    private ConnectorState state(ConnectorDefinition definition, Instant now) {
        return store.state(definition.name()).orElseGet(() -> ConnectorState.initial(definition.name(), now));
    }

    /**
     * Runs every connector that is due now and not halted; returns the runs made. A connector whose run cannot be
     * made or recorded (the database unavailable) is logged and left due; the others still run.
     */
    public List<ConnectorRun> runDue() {
        List<ConnectorRun> runs = new ArrayList<>();
        for (ConnectorDefinition definition : definitions.values()) {
            try {
                run(definition, false).ifPresent(runs::add);
            } catch (RuntimeException e) {
                LOG.warn("connector {}: the run could not be made or recorded: {}", definition.name(),
                        e.getMessage(), e);
            }
        }
        return runs;
    }

    /**
     * Runs a connector now, for an administrator, also when it is halted or backing off; refused
     * ({@link TooSoonException}) when its source's etiquette does not allow a request yet.
     */
    public ConnectorRun runNow(String name) {
        ConnectorDefinition definition = definitions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("no connector named '" + name + "'; this node has "
                    + (definitions.isEmpty() ? "none (configuration key connectors)" : definitions.keySet()));
        }
        return run(definition, true).orElseThrow();
    }

    /** Looks for due connectors every {@link #TICK}, in a thread of its own, until closed. */
    public synchronized void start() {
        if (definitions.isEmpty() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "connectors");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runDue, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A run the source's etiquette does not allow yet; says when it will. */
    public static final class TooSoonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSoonException(String message) {
            super(message);
        }
    }

    private Optional<ConnectorRun> run(ConnectorDefinition definition, boolean manual) {
        synchronized (locks.computeIfAbsent(definition.name(), n -> new Object())) {
            Instant now = clock.instant();
            ConnectorType type = types.get(definition.type());
            ConnectorState state = state(definition, now);
            if (!manual && (state.halted().isPresent() || state.nextAttemptAt().isAfter(now))) {
                return Optional.empty();
            }
            Optional<Instant> allowed = state.lastAttemptAt().map(t -> t.plus(type.minimumPeriod()))
                    .filter(t -> t.isAfter(now));
            if (manual && allowed.isPresent()) {
                throw new TooSoonException("connector " + definition.name() + " last asked its source at "
                        + state.lastAttemptAt().orElseThrow() + "; its source accepts one pull every "
                        + type.minimumPeriod() + ", so not before " + allowed.get());
            }
            String host = definition.url().getHost();
            Optional<Instant> budgetFree = budgetFreeAt(type, host, now);
            if (budgetFree.isPresent()) {
                if (manual) {
                    throw new TooSoonException("connector " + definition.name() + ": the request budget of " + host
                            + " (" + type.budget().orElseThrow() + ") is spent; not before " + budgetFree.get());
                }
                store.save(new ConnectorState(state.connector(), state.lastAttemptAt(), state.lastSuccessAt(),
                        budgetFree.get(), state.failures(), state.halted(), state.validators()));
                return Optional.empty();
            }
            return Optional.of(execute(definition, type, state, host, manual, now));
        }
    }

    /** When the source's budget allows another run, if it does not now. */
    private Optional<Instant> budgetFreeAt(ConnectorType type, String host, Instant now) {
        if (type.budget().isEmpty()) {
            return Optional.empty();
        }
        ConnectorType.RequestBudget budget = type.budget().get();
        if (store.requestsSince(host, now.minus(Duration.ofHours(1))) + budget.perRun() > budget.perHour()) {
            return Optional.of(now.plus(Duration.ofHours(1)));
        }
        if (store.requestsSince(host, now.minus(Duration.ofMinutes(1))) + budget.perRun() > budget.perMinute()) {
            return Optional.of(now.plus(Duration.ofMinutes(1)));
        }
        return Optional.empty();
    }

    private ConnectorRun execute(ConnectorDefinition definition, ConnectorType type, ConnectorState state,
                                 String host, boolean manual, Instant now) {
        Outcome outcome;
        Optional<Integer> status = Optional.empty();
        Sink.Ingested ingested = new Sink.Ingested(0, 0, 0, "");
        Optional<String> error = Optional.empty();
        Optional<Duration> retryAfter = Optional.empty();
        Source.Validators validators = state.validators();
        int requests;
        try (SourceHttp http = new SourceHttp(maxBytes, userAgent, definition.password(), clock)) {
            try {
                Source.Pull pull = sources.get(definition.name()).pull(http, state.validators());
                status = Optional.of(pull.httpStatus());
                switch (pull) {
                    case Source.Unchanged unchanged -> outcome = Outcome.UNCHANGED;
                    case Source.Fetched fetched -> {
                        try {
                            ingested = sinks.get(type.sink()).ingest(definition, definition.sourceName(),
                                    fetched.content());
                            outcome = Outcome.INGESTED;
                            validators = fetched.validators();
                        } catch (InputRejectedException e) {
                            outcome = Outcome.REFUSED;
                            error = Optional.of("the answer was refused whole and nothing of it stored: "
                                    + e.errors().stream().limit(5).map(Object::toString)
                                    .collect(Collectors.joining("; "))
                                    + (e.errors().size() > 5 ? "; and " + (e.errors().size() - 5) + " more" : ""));
                        } catch (IllegalArgumentException e) {
                            outcome = Outcome.REFUSED;
                            error = Optional.of("the answer was refused and nothing of it stored: " + e.getMessage());
                        }
                    }
                }
            } catch (SourceFailure e) {
                status = e.httpStatus();
                outcome = e.retry() ? Outcome.FAILED : Outcome.HALTED;
                retryAfter = e.retryAfter();
                error = Optional.of(e.getMessage());
            } catch (IOException e) {
                outcome = Outcome.FAILED;
                error = Optional.of("no whole answer from " + host + ": " + Optional.ofNullable(e.getMessage())
                        .orElse(e.getClass().getSimpleName()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = Outcome.FAILED;
                error = Optional.of("interrupted (the node is stopping)");
            }
            requests = http.requests();
        }
        error = error.map(e -> definition.password().map(secret -> secret.redact(e)).orElse(e));
        Instant finished = clock.instant();
        ConnectorState next = next(definition, state, outcome, error, retryAfter, validators, now);
        ConnectorRun run = store.record(new ConnectorRun(0, definition.name(), host, manual, now, finished,
                requests, status, outcome, ingested.stored(), ingested.unchanged(), ingested.rejected(),
                Optional.of(ingested.sourceSha256()).filter(s -> !s.isEmpty()), error), next);
        Counter.builder(RUNS_METER).description("connector runs, by connector and outcome")
                .tag("connector", definition.name()).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters).increment();
        if (error.isPresent()) {
            LOG.warn("connector {}: {} ({}); next attempt {}", definition.name(), outcome, error.get(),
                    next.halted().isPresent() ? "when an administrator runs it" : next.nextAttemptAt());
        } else {
            LOG.info("connector {}: {}, {} stored, {} unchanged", definition.name(), outcome, ingested.stored(),
                    ingested.unchanged());
        }
        return run;
    }

    private static ConnectorState next(ConnectorDefinition definition, ConnectorState state, Outcome outcome,
                                       Optional<String> error, Optional<Duration> retryAfter,
                                       Source.Validators validators, Instant now) {
        Instant regular = now.plus(definition.period());
        return switch (outcome) {
            case INGESTED, UNCHANGED -> new ConnectorState(state.connector(), Optional.of(now), Optional.of(now),
                    regular, 0, Optional.empty(), validators);
            case REFUSED -> new ConnectorState(state.connector(), Optional.of(now), state.lastSuccessAt(), regular,
                    0, Optional.empty(), validators);
            case FAILED -> {
                int failures = state.failures() + 1;
                Duration backoff = definition.period().multipliedBy(1L << Math.min(failures - 1, 20));
                Duration wait = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
                if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
                    wait = retryAfter.get();
                }
                yield new ConnectorState(state.connector(), Optional.of(now), state.lastSuccessAt(), now.plus(wait),
                        failures, Optional.empty(), validators);
            }
            case HALTED -> new ConnectorState(state.connector(), Optional.of(now), state.lastSuccessAt(), regular,
                    state.failures() + 1, error, validators);
        };
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                // a run under way records its end (interrupted) before the node closes its database
                scheduler.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
