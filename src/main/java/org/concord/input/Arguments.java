package org.concord.input;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named text values a user gave, such as the query parameters of a request (or the options of a command, named as the
 * API names them): each name known, each given at most once (except lists), each value read by this package's rules.
 * An empty value is absent.
 */
public final class Arguments {

    private final Map<String, List<String>> values;
    private final Map<String, String> shownNames;

    private Arguments(Map<String, List<String>> values, Map<String, String> shownNames) {
        this.values = values;
        this.shownNames = shownNames;
    }

    /** The values, refusing any name not in {@code known}. */
    public static Arguments of(Map<String, List<String>> values, Collection<String> known) {
        KnownNames.requireKnown("query parameter", values.keySet(), known);
        return new Arguments(Map.copyOf(values), Map.of());
    }

    /**
     * The same values, with messages naming each parameter as {@code shownNames} does (a command line shows
     * {@code --norad} where the API has {@code noradId}).
     */
    public Arguments shownAs(Map<String, String> shownNames) {
        return new Arguments(values, Map.copyOf(shownNames));
    }

    /** The name of {@code name} in messages. */
    public String shown(String name) {
        return shownNames.getOrDefault(name, name);
    }

    /** The single value of {@code name}, if given and not blank. */
    public Optional<String> text(String name, int maxCharacters) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            throw new IllegalArgumentException(shown(name) + " is given " + given.size() + " times; give it once");
        }
        return given.stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst()
                .map(v -> Texts.bounded(shown(name), v, maxCharacters));
    }

    /** Every value of {@code name}, each a comma-separated list of whole numbers in [{@code min}, {@code max}]. */
    public List<Long> wholeList(String name, long min, long max, int maxItems) {
        List<Long> items = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    items.add(Numbers.whole(shown(name), part, min, max));
                }
            }
        }
        if (items.size() > maxItems) {
            throw new IllegalArgumentException(shown(name) + " lists " + items.size() + " values; at most " + maxItems
                    + " are accepted");
        }
        return items;
    }

    public Optional<Instant> instant(String name) {
        return text(name, 64).map(v -> Instants.parse(shown(name), v));
    }

    public Optional<Double> decimal(String name, double min, double max) {
        return text(name, 64).map(v -> Numbers.decimal(shown(name), v, min, max));
    }

    public Optional<Long> whole(String name, long min, long max) {
        return text(name, 64).map(v -> Numbers.whole(shown(name), v, min, max));
    }

    public Optional<Boolean> bool(String name) {
        return text(name, 16).map(v -> Boolean.parseBoolean(Choices.of(shown(name), v,
                List.of("true", "false"))));
    }

    public Optional<Duration> duration(String name, Duration max) {
        return text(name, 64).map(v -> Quantities.duration(shown(name), v, max));
    }

    public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        return text(name, 64).map(v -> Choices.of(shown(name), v, type));
    }

    public <T> Optional<T> choice(String name, Map<String, T> accepted) {
        return text(name, 64).map(v -> Choices.of(shown(name), v, accepted));
    }
}
