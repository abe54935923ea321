package org.concord.cyber;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private TaxiiSettings() {
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
                sources.add(new TaxiiSource("taxii.pull." + n, URI.create(required(keys, prefix + "url")),
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
