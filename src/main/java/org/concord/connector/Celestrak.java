package org.concord.connector;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One of CelesTrak's query pages, as its usage policy asks: not more often than the data changes (GP and SupGP: every
 * two hours at most; SATCAT: once a day), asked conditionally so an unchanged set is not sent again, its "has not
 * updated" answer taken as nothing new, and any refusal (403, 404, a moved URL, "No ... found") stopping the
 * connector until a person has looked, as CelesTrak asks of machine clients.
 */
public final class Celestrak implements ConnectorType {

    private static final Set<String> ELEMENT_FORMATS = Set.of("csv", "json", "xml", "kvn", "tle", "3le", "2le");

    /** GP element sets of one group: {@code gp.php?GROUP=...&FORMAT=...}. */
    public static final ConnectorType GP = new Celestrak("celestrak-gp", "/NORAD/elements/gp.php", "group",
            ELEMENT_FORMATS, Duration.ofHours(2));
    /** Supplemental GP element sets (from operators' ephemerides) of one file: {@code sup-gp.php?FILE=...}. */
    public static final ConnectorType SUPGP = new Celestrak("celestrak-supgp",
            "/NORAD/elements/supplemental/sup-gp.php", "file", ELEMENT_FORMATS, Duration.ofHours(2));
    /** SATCAT records of one group, as CSV: {@code satcat/records.php?GROUP=...&FORMAT=CSV}. */
    public static final ConnectorType SATCAT = new Celestrak("celestrak-satcat", "/satcat/records.php", "group",
            Set.of("csv"), Duration.ofDays(1));

    /** The start of CelesTrak's answer when a GP group has not changed since this client's last download. */
    public static final String NOT_UPDATED = "GP data has not updated since your last successful download";
    /** CelesTrak's "has not updated" answer, for any of its data sets. */
    private static final Pattern NOT_UPDATED_ANY = Pattern.compile(
            "^\\S+( \\S+)? data has not updated since your last successful download");
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String name;
    private final String path;
    private final String selectorKey;
    private final Set<String> formats;
    private final Duration minimumPeriod;

    private Celestrak(String name, String path, String selectorKey, Set<String> formats, Duration minimumPeriod) {
        this.name = name;
        this.path = path;
        this.selectorKey = selectorKey;
        this.formats = formats;
        this.minimumPeriod = minimumPeriod;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> keys() {
        return Set.of(selectorKey, "format");
    }

    @Override
    public Duration minimumPeriod() {
        return minimumPeriod;
    }

    @Override
    public Optional<URI> defaultUrl() {
        return Optional.of(URI.create("https://celestrak.org"));
    }

    @Override
    public Source source(ConnectorDefinition definition) {
        String selector = definition.required(selectorKey);
        if (!SELECTOR.matcher(selector).matches()) {
            throw new IllegalArgumentException("connector." + definition.name() + "." + selectorKey + " = '"
                    + selector + "': a CelesTrak " + selectorKey + " name such as " + (selectorKey.equals("file")
                    ? "starlink or iss" : "active, stations or starlink"));
        }
        String format = definition.setting("format").orElse("csv").toLowerCase(Locale.ROOT);
        if (!formats.contains(format)) {
            throw new IllegalArgumentException("connector." + definition.name() + ".format = '" + format
                    + "': one of " + new TreeSet<>(formats));
        }
        URI url = URI.create(definition.url().toString().replaceAll("/+$", "") + path + "?"
                + selectorKey.toUpperCase(Locale.ROOT) + "=" + selector + "&FORMAT=" + format.toUpperCase(Locale.ROOT));
        return (http, previous) -> pull(http, previous, url, name + "-" + selector + "." + format);
    }

    private static Source.Pull pull(SourceHttp http, Source.Validators previous, URI url, String fileName)
            throws SourceFailure, IOException, InterruptedException {
        SourceHttp.Answer answer = http.getIfChanged(url, previous);
        if (answer.status() == 304) {
            return new Source.Unchanged(304, "not modified since " + previous.lastModified().orElse("?"));
        }
        String start = answer.text().strip();
        if (NOT_UPDATED_ANY.matcher(start).lookingAt()) {
            return new Source.Unchanged(answer.status(), start.lines().findFirst().orElse(start));
        }
        http.requireOk(answer, "CelesTrak " + url);
        if (start.length() < 200 && (start.startsWith("No ") && start.contains(" found")
                || start.startsWith("Invalid query"))) {
            throw SourceFailure.halt(Optional.of(200), "CelesTrak " + url + " answered" + http.excerpt(start));
        }
        return new Source.Fetched(200, answer.body(), fileName, SourceHttp.validators(answer));
    }
}
