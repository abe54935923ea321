package org.concord.connector;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CelesTrak's GP data of one group ({@code gp.php?GROUP=...&FORMAT=...}), as its usage policy asks: not more often
 * than the data changes (every two hours at most), with {@code If-Modified-Since} so an unchanged set is not sent
 * again, its "has not updated" answer taken as nothing new, and any refusal (403, 404, a moved URL) stopping the
 * connector until a person has looked, as CelesTrak asks of machine clients.
 */
public final class CelestrakGp implements ConnectorType {

    public static final ConnectorType TYPE = new CelestrakGp();

    static final String PATH = "/NORAD/elements/gp.php";
    /** The start of CelesTrak's answer when the group has not changed since this client's last download. */
    public static final String NOT_UPDATED = "GP data has not updated since your last successful download";
    private static final Set<String> FORMATS = Set.of("csv", "json", "xml", "kvn", "tle", "3le", "2le");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private CelestrakGp() {
    }

    @Override
    public String name() {
        return "celestrak-gp";
    }

    @Override
    public Set<String> keys() {
        return Set.of("group", "format");
    }

    @Override
    public Duration minimumPeriod() {
        return Duration.ofHours(2);
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofHours(2);
    }

    @Override
    public Optional<URI> defaultUrl() {
        return Optional.of(URI.create("https://celestrak.org"));
    }

    @Override
    public Source source(ConnectorDefinition definition) {
        String group = definition.required("group");
        if (!GROUP.matcher(group).matches()) {
            throw new IllegalArgumentException("connector." + definition.name() + ".group = '" + group
                    + "': a CelesTrak group name such as active, stations or starlink");
        }
        String format = definition.setting("format").orElse("csv").toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("connector." + definition.name() + ".format = '" + format
                    + "': one of " + new java.util.TreeSet<>(FORMATS));
        }
        URI url = URI.create(definition.url().toString().replaceAll("/+$", "") + PATH + "?GROUP=" + group
                + "&FORMAT=" + format.toUpperCase(Locale.ROOT));
        return (http, previous) -> pull(http, previous, url, "celestrak-" + group + "." + format);
    }

    private static Source.Pull pull(SourceHttp http, Source.Validators previous, URI url, String fileName)
            throws SourceFailure, IOException, InterruptedException {
        SourceHttp.Answer answer = http.getIfChanged(url, previous);
        if (answer.status() == 304) {
            return new Source.Unchanged(304, "not modified since " + previous.lastModified().orElse("?"));
        }
        String start = answer.text().strip();
        if (start.startsWith(NOT_UPDATED)) {
            return new Source.Unchanged(answer.status(), start.lines().findFirst().orElse(start));
        }
        http.requireOk(answer, "CelesTrak " + url);
        if (start.startsWith("No GP data found") || start.startsWith("Invalid query")) {
            throw SourceFailure.halt(Optional.of(200), "CelesTrak " + url + " answered" + http.excerpt(start));
        }
        return new Source.Fetched(200, answer.body(), fileName, SourceHttp.validators(answer));
    }
}
