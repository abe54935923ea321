package org.concord.connector;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Space-Track's current GP element sets (class {@code gp}), as its API use policy asks: a login with the account's
 * own credentials each run ({@code /ajaxauth/login}, a session cookie, {@code /ajaxauth/logout} after), at most one
 * GP pull an hour, and at most 30 requests a minute and 300 an hour over all of the node's Space-Track connectors.
 * Refused credentials stop the connector until a person has looked (retrying them risks the account).
 */
public final class SpaceTrackGp implements ConnectorType {

    public static final ConnectorType TYPE = new SpaceTrackGp();

    static final String LOGIN_PATH = "/ajaxauth/login";
    static final String LOGOUT_PATH = "/ajaxauth/logout";
    static final String QUERY_PATH = "/basicspacedata/query/class/gp/";
    /** Space-Track's recommended query for the current catalog: objects on orbit with an epoch in the last 30 days. */
    static final String DEFAULT_QUERY = "decay_date/null-val/epoch/>now-30/orderby/norad_cat_id/format/json";
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9_/<>=,.~^%:-]{1,1024}");

    private SpaceTrackGp() {
    }

    @Override
    public String name() {
        return "spacetrack-gp";
    }

    @Override
    public Set<String> keys() {
        return Set.of("identity", "password-file", "password-env", "query");
    }

    @Override
    public Duration minimumPeriod() {
        return Duration.ofHours(1);
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofHours(1);
    }

    @Override
    public Optional<URI> defaultUrl() {
        return Optional.of(URI.create("https://www.space-track.org"));
    }

    @Override
    public Optional<RequestBudget> budget() {
        return Optional.of(new RequestBudget(30, 300, 3));
    }

    @Override
    public Source source(ConnectorDefinition definition) {
        String identity = definition.required("identity");
        Secret password = definition.password().orElseThrow(() -> new IllegalArgumentException("connector."
                + definition.name() + ".password-file or connector." + definition.name() + ".password-env is required"
                + " for a connector of type " + name()));
        String query = definition.setting("query").orElse(DEFAULT_QUERY).replaceAll("^/+|/+$", "");
        if (!QUERY.matcher(query).matches() || query.toLowerCase(Locale.ROOT).startsWith("class/")) {
            throw new IllegalArgumentException("connector." + definition.name() + ".query = '" + query + "': the"
                    + " predicates after /class/gp/, such as " + DEFAULT_QUERY);
        }
        String base = definition.url().toString().replaceAll("/+$", "");
        URI queryUrl;
        try {
            URI root = definition.url();
            queryUrl = new URI(root.getScheme(), root.getRawAuthority(), Optional.ofNullable(root.getPath()).orElse("")
                    .replaceAll("/+$", "") + QUERY_PATH + query, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("connector." + definition.name() + ".query: " + e.getReason(), e);
        }
        String form = "identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password.reveal(), StandardCharsets.UTF_8);
        String fileName = "spacetrack-gp." + formatOf(query);
        return (http, previous) -> {
            login(http, URI.create(base + LOGIN_PATH), form, identity);
            try {
                SourceHttp.Answer answer = http.requireOk(http.send(HttpRequest.newBuilder(queryUrl).GET()),
                        "Space-Track " + queryUrl);
                return new Source.Fetched(200, answer.body(), fileName, Source.Validators.NONE);
            } finally {
                logout(http, URI.create(base + LOGOUT_PATH));
            }
        };
    }

    /** Ends the session; a failure to is no failure of the run (the session expires on its own). */
    private static void logout(SourceHttp http, URI url) throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(url).GET());
        } catch (IOException e) {
            // nothing to do: Space-Track ends the session itself
        }
    }

    private static void login(SourceHttp http, URI url, String form, String identity)
            throws SourceFailure, IOException, InterruptedException {
        SourceHttp.Answer answer = http.send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.status() == 401 || answer.status() == 403
                || answer.text().toLowerCase(Locale.ROOT).replace(" ", "").contains("\"login\":\"failed\"")) {
            throw SourceFailure.halt(Optional.of(answer.status()), "Space-Track refused the login of identity '"
                    + identity + "' (check connector.*.identity and the password; not retried, so as not to lock"
                    + " the account)" + http.excerpt(answer.text()));
        }
        http.requireOk(answer, "Space-Track login");
    }

    /** The format the query asks for ({@code json} when it names none, as Space-Track answers). */
    private static String formatOf(String query) {
        String[] parts = query.toLowerCase(Locale.ROOT).split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("format")) {
                return parts[i + 1];
            }
        }
        return "json";
    }
}
