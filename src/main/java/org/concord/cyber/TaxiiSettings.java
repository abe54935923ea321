package org.concord.cyber;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.connector.ConfigKeys;
import org.concord.label.Releasability;
import org.concord.label.Tlp;

/**
 * Reads the TAXII part of the node's configuration (docs/configuration.md, docs/cyber.md): the collections this node
 * serves ({@code taxii.collection.N.*}) and the collections of other TAXII servers it pulls ({@code taxii.pull.N.*}).
 * Every mistake is refused when the node opens, naming the key and what it accepts.
 */
public final class TaxiiSettings {

    private static final Pattern COLLECTION_KEY = Pattern.compile(
            "taxii\\.collection\\.(\\d{1,6})\\.(id|api-root|title|description|community|read|write|tlp)");
    private static final Pattern PULL_KEY = Pattern.compile(
            "taxii\\.pull\\.(\\d{1,6})\\.(url|token|collection|originator)");

    /** How long a post's status resource is kept when {@code taxii.status-retention} is not set. */
    public static final Duration DEFAULT_STATUS_RETENTION = Duration.ofDays(30);
    /** The longest {@code taxii.status-retention} (ten years). */
    public static final Duration MAX_STATUS_RETENTION = Duration.ofDays(3650);
    /** The longest {@code taxii.pull.N.url}, as the pull positions store it. */
    public static final int MAX_URL_CHARS = 2048;

    private TaxiiSettings() {
    }

    /**
     * {@code taxii.status-retention}: how long a post's status resource is kept, an ISO-8601 duration with its unit
     * ({@code P30D}, {@code PT12H}), more than zero and at most {@link #MAX_STATUS_RETENTION}; default 30 days.
     */
    public static Duration statusRetention(ConfigKeys keys) {
        String key = "taxii.status-retention";
        Optional<String> text = keys.optional(key);
        if (text.isEmpty()) {
            return DEFAULT_STATUS_RETENTION;
        }
        String accepted = "an ISO-8601 duration with its unit, more than zero and at most P3650D, such as P30D or"
                + " PT12H";
        Duration value;
        try {
            value = Duration.parse(text.get());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(keys.origin(key) + ": " + key + " = '" + text.get() + "': expected "
                    + accepted, e);
        }
        if (value.isNegative() || value.isZero() || value.compareTo(MAX_STATUS_RETENTION) > 0) {
            throw new IllegalArgumentException(keys.origin(key) + ": " + key + " = '" + text.get() + "': expected "
                    + accepted);
        }
        return value;
    }

    /** The collections {@code taxii.collection.N.*} configure, in the order of N; {@code configured}: every key set. */
    public static List<CyberCollection> collections(ConfigKeys keys, Set<String> configured) {
        List<CyberCollection> collections = new ArrayList<>();
        for (int n : numbers(keys, configured, "taxii.collection.", COLLECTION_KEY,
                "{id,api-root,title,description,community,read,write,tlp}")) {
            String prefix = "taxii.collection." + n + ".";
            String idKey = prefix + "id";
            try {
                String id = keys.optional(idKey).orElseThrow(() -> new IllegalArgumentException(idKey
                        + " is missing"));
                collections.add(new CyberCollection(get(keys, prefix + "api-root", "concord"), id,
                        get(keys, prefix + "title", id), get(keys, prefix + "description", ""),
                        Releasability.parse(get(keys, prefix + "community", "NONE")),
                        parties(get(keys, prefix + "read", "")), parties(get(keys, prefix + "write", "")),
                        Tlp.parse(get(keys, prefix + "tlp", "AMBER"))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(keys.origin(idKey) + ": " + prefix + "*: " + e.getMessage(), e);
            }
        }
        return List.copyOf(collections);
    }

    /** The sources {@code taxii.pull.N.*} configure, in the order of N; {@code configured}: every key set. */
    public static List<TaxiiSource> sources(ConfigKeys keys, Set<String> configured) {
        List<TaxiiSource> sources = new ArrayList<>();
        for (int n : numbers(keys, configured, "taxii.pull.", PULL_KEY, "{url,token,collection,originator}")) {
            String prefix = "taxii.pull." + n + ".";
            try {
                sources.add(new TaxiiSource("taxii.pull." + n, url(required(keys, prefix + "url")),
                        required(keys, prefix + "token"), required(keys, prefix + "collection"),
                        Releasability.to(required(keys, prefix + "originator").toUpperCase(Locale.ROOT)).parties()
                                .first()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(keys.origin(prefix + "url") + ": " + prefix + "*: "
                        + e.getMessage(), e);
            }
        }
        return List.copyOf(sources);
    }

    /** The numbers N of the keys under {@code prefix}; a key there of another shape is refused. */
    private static TreeSet<Integer> numbers(ConfigKeys keys, Set<String> configured, String prefix, Pattern shape,
                                            String accepted) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String key : configured) {
            if (key.startsWith(prefix)) {
                Matcher m = shape.matcher(key);
                if (!m.matches()) {
                    throw new IllegalArgumentException(keys.origin(key) + ": " + key + ": expected " + prefix + "N."
                            + accepted);
                }
                numbers.add(Integer.parseInt(m.group(1)));
            }
        }
        return numbers;
    }

    /** A source's URL: at most {@link #MAX_URL_CHARS} characters, http or https, with a host. */
    private static URI url(String text) {
        if (text.length() > MAX_URL_CHARS) {
            throw new IllegalArgumentException("url is " + text.length() + " characters long; expected at most "
                    + MAX_URL_CHARS + " (an http(s) URL of a collection's objects)");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + text + "' is not a URL (" + e.getReason()
                    + "); expected an http(s) URL of a collection's objects", e);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("url '" + text + "' names no host; expected an http(s) URL of a"
                    + " collection's objects");
        }
        return uri;
    }

    private static String get(ConfigKeys keys, String key, String fallback) {
        return keys.optional(key).orElse(fallback);
    }

    private static String required(ConfigKeys keys, String key) {
        return keys.optional(key).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException(key + " is missing"));
    }

    private static Set<String> parties(String list) {
        return list.isBlank() ? Set.of() : Releasability.parse(list).parties();
    }
}
