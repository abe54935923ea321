package org.concord.connector;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Any URL serving a file the node ingests (TLE, OMM, OEM, OPM, SATCAT CSV), asked conditionally
 * ({@code If-None-Match}, {@code If-Modified-Since}) so that an unchanged file is not sent again.
 */
public final class UrlSource implements ConnectorType {

    public static final ConnectorType TYPE = new UrlSource();

    private UrlSource() {
    }

    @Override
    public String name() {
        return "url";
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public Duration minimumPeriod() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofHours(1);
    }

    @Override
    public Optional<URI> defaultUrl() {
        return Optional.empty();
    }

    @Override
    public Source source(ConnectorDefinition definition) {
        URI url = definition.url();
        String path = Optional.ofNullable(url.getPath()).orElse("");
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return (http, previous) -> pull(http, previous, url, fileName.isEmpty() ? definition.name() : fileName);
    }

    /** One conditional GET of a whole file: unchanged on 304, else the answer (refused when not 200). */
    static Source.Pull pull(SourceHttp http, Source.Validators previous, URI url, String fileName)
            throws SourceFailure, IOException, InterruptedException {
        SourceHttp.Answer answer = http.getIfChanged(url, previous);
        if (answer.status() == 304) {
            return new Source.Unchanged(304, "not modified");
        }
        http.requireOk(answer, "GET " + url);
        return new Source.Fetched(200, answer.body(), fileName, SourceHttp.validators(answer));
    }
}
