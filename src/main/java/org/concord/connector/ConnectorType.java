package org.concord.connector;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of source a connector pulls from: the configuration keys it takes beyond the common ones, the etiquette its
 * source asks for (the shortest period between pulls, a request budget), where it is by default, which ingest path
 * its data goes into, and how to make its {@link Source} from a connector's definition. A new source type implements
 * this and is listed in {@link ConnectorTypes#BUILT_IN}; a new ingest path is a {@link Sink} the node registers
 * under {@link #sink()} (docs/connectors.md, "Adding a source type").
 */
public interface ConnectorType {

    /** The value of {@code connector.NAME.type}, such as {@code celestrak-gp}. */
    String name();

    /** The keys {@code connector.NAME.KEY} this type takes besides {@link ConnectorDefinitions#COMMON_KEYS}. */
    Set<String> keys();

    /** The shortest period between two pulls that the source's operators accept; shorter configured periods are refused. */
    Duration minimumPeriod();

    /** The period when {@code connector.NAME.period} is not given: the shortest the source accepts, unless said. */
    default Duration defaultPeriod() {
        return minimumPeriod();
    }

    /** The base URL when {@code connector.NAME.url} is not given (a type without one requires the key). */
    Optional<URI> defaultUrl();

    /**
     * The requests the source accepts from this node over a minute and an hour, counted over all its connectors;
     * none when it publishes no such budget.
     */
    default Optional<RequestBudget> budget() {
        return Optional.empty();
    }

    /** The name of the {@link Sink} the data goes into: {@link Sink#CATALOG}, the node's ingest, unless said. */
    default String sink() {
        return Sink.CATALOG;
    }

    /**
     * The source of one connector; refuses ({@link IllegalArgumentException} naming the key) settings it cannot use.
     */
    Source source(ConnectorDefinition definition);

    /** At most {@code perMinute} requests in any minute and {@code perHour} in any hour, {@code perRun} per run. */
    record RequestBudget(int perMinute, int perHour, int perRun) {
    }
}
