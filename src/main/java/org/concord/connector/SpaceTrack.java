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
 * One class of Space-Track's API, as its API use policy asks: a login with the account's own credentials each run
 * ({@code /ajaxauth/login}, a session cookie, {@code /ajaxauth/logout} after), no more often than the policy says for
 * the class (GP and TIP: once an hour; SATCAT: once a day), and at most 30 requests a minute and 300 an hour over all of the
 * node's Space-Track connectors. Refused credentials stop the connector until a person has looked (retrying them
 * risks the account).
 */
public final class SpaceTrack implements ConnectorType {

    /** Space-Track's recommended query for the current catalog: objects on orbit with an epoch in the last 30 days. */
    static final String DEFAULT_GP_QUERY = "decay_date/null-val/epoch/>now-30/orderby/norad_cat_id/format/json";

    /** Current GP element sets (class {@code gp}). */
    public static final ConnectorType GP = new SpaceTrack("spacetrack-gp", "gp", Duration.ofHours(1),
            DEFAULT_GP_QUERY);
    /** The satellite catalog (class {@code satcat}), as CSV, which the node's SATCAT ingest reads. */
    public static final ConnectorType SATCAT = new SpaceTrack("spacetrack-satcat", "satcat", Duration.ofDays(1),
            "orderby/norad_cat_id/format/csv");
    /**
     * Tracking and Impact Prediction messages (class {@code tip}), which the node's ingest reads as re-entry reports
     * (docs/reentry.md): at most once an hour, the rate the policy sets for GP (it names none for TIP); by default
     * the messages issued in the last week.
     */
    public static final ConnectorType TIP = new SpaceTrack("spacetrack-tip", "tip", Duration.ofHours(1),
            "msg_epoch/>now-7/orderby/id/format/json");

    static final String LOGIN_PATH = "/ajaxauth/login";
    static final String LOGOUT_PATH = "/ajaxauth/logout";
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9_/<>=,.~^%:-]{1,1024}");

    private final String name;
    private final String queryPath;
    private final Duration minimumPeriod;
    private final String defaultQuery;

    private SpaceTrack(String name, String className, Duration minimumPeriod, String defaultQuery) {
        this.name = name;
        this.queryPath = "/basicspacedata/query/class/" + className + "/";
        this.minimumPeriod = minimumPeriod;
        this.defaultQuery = defaultQuery;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> keys() {
        return Set.of("identity", "password-file", "password-env", "query");
    }

    @Override
    public Duration minimumPeriod() {
        return minimumPeriod;
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
        String query = definition.setting("query").orElse(defaultQuery).replaceAll("^/+|/+$", "");
        if (!QUERY.matcher(query).matches() || query.toLowerCase(Locale.ROOT).startsWith("class/")) {
            throw new IllegalArgumentException("connector." + definition.name() + ".query = '" + query + "': the"
                    + " predicates after " + queryPath + ", such as " + defaultQuery);
        }
        String base = definition.url().toString().replaceAll("/+$", "");
        URI queryUrl;
        try {
            URI root = definition.url();
            queryUrl = new URI(root.getScheme(), root.getRawAuthority(), Optional.ofNullable(root.getPath()).orElse("")
                    .replaceAll("/+$", "") + queryPath + query, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("connector." + definition.name() + ".query: " + e.getReason(), e);
        }
        String form = "identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password.reveal(), StandardCharsets.UTF_8);
        String fileName = name + "." + formatOf(query);
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
