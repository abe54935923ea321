package org.concord.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.concord.TestClock;
import org.concord.TestNodes;
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.catalog.OrbitRecord;
import org.concord.connector.ConnectorRun.Outcome;
import org.concord.connector.LoopbackSource.Request;
import org.concord.connector.LoopbackSource.Response;
import org.concord.http.ApiServer;
import org.concord.label.LabelFilter;
import org.concord.label.Releasability;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connectors against loopback servers that answer as Space-Track and CelesTrak do, with real catalog files; time is
 * the test's clock, moved by hand, so that every schedule, back-off and etiquette limit is checked without sleeping.
 */
class ConnectorsTest {

    private static final String CELESTRAK_CSV = "/catalog/celestrak_on_orbit_omm_2024-11-01_26834obj.csv";
    private static final String SUBSET_3LE = "/catalog/subset_301obj_3le_2024-07.txt";
    private static final String IDENTITY = "analyst@example.org";
    private static final String PASSWORD = "s3cret-Pa55!word";
    private static final String COOKIE = "chocolatechip=4f9c2e";

    @TempDir
    Path dataDirectory;

    private final TestClock clock = new TestClock();
    private LoopbackSource source;
    private Node node;

    @BeforeEach
    void startSource() throws IOException {
        source = LoopbackSource.start();
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        source.close();
    }

    private Node open(Map<String, String> settings) {
        return open(settings, clock);
    }

    private Node open(Map<String, String> settings, java.time.Clock on) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("CONCORD_SAMPLE_LOAD", "false");
        environment.put("CONCORD_NODE_PARTY", "TEST");
        node = Node.open(NodeConfig.load(dataDirectory, Optional.empty(), environment), on);
        return node;
    }

    private Node openCelestrak() {
        return open(Map.of("CONCORD_CONNECTORS", "celestrak-active",
                "CONCORD_CONNECTOR_CELESTRAK_ACTIVE_TYPE", "celestrak-gp",
                "CONCORD_CONNECTOR_CELESTRAK_ACTIVE_URL", source.base(),
                "CONCORD_CONNECTOR_CELESTRAK_ACTIVE_GROUP", "active"));
    }

    /** The header and the first {@code rows} rows of CelesTrak's on-orbit OMM CSV of 2024-11-01. */
    private static String celestrakRows(int rows) {
        String text = new String(TestNodes.resource(CELESTRAK_CSV), StandardCharsets.UTF_8);
        return text.lines().limit(rows + 1L).collect(Collectors.joining("\n", "", "\n"));
    }

    private static Response csv(String text, String lastModified) {
        return Response.ok(text.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/csv",
                "Last-Modified", lastModified));
    }

    private ConnectorRun only(List<ConnectorRun> runs) {
        assertThat(runs).hasSize(1);
        return runs.getFirst();
    }

    private ConnectorState state(String name) {
        return node.connectors().status(name).orElseThrow().state();
    }

    private List<AuditEntry> audited(AuditAction action) {
        node.audit().flush();
        return node.audit().entries(0, Integer.MAX_VALUE).stream().filter(e -> e.event().action() == action)
                .toList();
    }

    @Test
    void aFreshNodeHasNoConnectorsAndMakesNoOutsideCalls() {
        open(Map.of());
        assertThat(node.connectors().status()).isEmpty();
        clock.advance(Duration.ofDays(30));
        assertThat(node.connectors().runDue()).isEmpty();
        assertThatThrownBy(() -> node.connectors().runNow("celestrak")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configuration key connectors");
        assertThat(source.requests()).isEmpty();
    }

    @Test
    void celestrakIsPulledWhenDueUnderAPrivateLabelAndAskedOnlyForChanges() {
        String lastModified = "Fri, 01 Nov 2024 10:00:00 GMT";
        String rows = celestrakRows(120);
        source.on("/NORAD/elements/gp.php", request -> request.header("If-Modified-Since").isPresent()
                ? Response.text(200, Celestrak.NOT_UPDATED + " of GROUP=active FORMAT=csv at 2024-11-01 10:05:11"
                + " UTC.\nData is updated once every 2 hours.")
                : csv(rows, lastModified));
        openCelestrak();

        ConnectorRun first = only(node.connectors().runDue());
        assertThat(first.outcome()).as(first.error().orElse("")).isEqualTo(Outcome.INGESTED);
        assertThat(first.stored()).isEqualTo(120);
        assertThat(first.httpStatus()).contains(200);
        Request asked = source.requests().getFirst();
        assertThat(asked.query()).isEqualTo("GROUP=active&FORMAT=CSV");
        assertThat(asked.header("User-Agent").orElseThrow()).startsWith("Concord/");
        List<OrbitRecord> orbits = node.catalog().latestOrbits();
        assertThat(orbits).hasSize(120).allSatisfy(orbit -> {
            assertThat(orbit.provenance().sourceName()).isEqualTo("connector:celestrak-active");
            assertThat(orbit.label().originator()).isEqualTo("TEST");
            assertThat(orbit.label().releasability()).isEqualTo(Releasability.to("TEST"));
        });
        assertThat(audited(AuditAction.INGEST)).singleElement().satisfies(entry -> {
            assertThat(entry.event().actor()).isEqualTo("connector:celestrak-active");
            assertThat(entry.event().detail()).contains("120 stored");
        });

        assertThat(node.connectors().runDue()).as("not due again at once").isEmpty();
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(node.connectors().runDue()).as("CelesTrak is asked at most every two hours").isEmpty();
        assertThat(source.requests()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        ConnectorRun second = only(node.connectors().runDue());
        assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(source.requests().get(1).header("If-Modified-Since")).contains(lastModified);
        assertThat(node.catalog().latestOrbits()).hasSize(120);
        assertThat(audited(AuditAction.INGEST)).as("nothing ingested the second time").hasSize(1);
        assertThat(node.metrics().scrape())
                .contains("concord_connector_runs_total{connector=\"celestrak-active\",outcome=\"ingested\"} 1.0\n")
                .contains("concord_connector_runs_total{connector=\"celestrak-active\",outcome=\"unchanged\"} 1.0\n");
        assertThat(node.connectors().status("celestrak-active").orElseThrow().runs()).extracting(ConnectorRun::id)
                .containsExactly(second.id(), first.id());
        assertThatThrownBy(() -> node.connectors().runNow("celestrak-active"))
                .isInstanceOf(Connectors.TooSoonException.class).hasMessageContaining("PT2H");
        assertThat(source.requests()).as("a run refused as too soon asks nothing").hasSize(2);
    }

    @Test
    void swpcAlertsArePulledIntoTheSpaceWeatherIngestUnderAPrivateLabel() {
        String lastModified = "Sat, 11 May 2024 03:00:00 GMT";
        byte[] alerts = TestNodes.resource("/spaceweather/swpc-alerts.json");
        source.on("/products/alerts.json", request -> request.header("If-Modified-Since").isPresent()
                ? new Response(304, Map.of(), new byte[0], false)
                : Response.ok(alerts, Map.of("Content-Type", "application/json", "Last-Modified", lastModified)));
        open(Map.of("CONCORD_CONNECTORS", "swpc-alerts",
                "CONCORD_CONNECTOR_SWPC_ALERTS_TYPE", "swpc",
                "CONCORD_CONNECTOR_SWPC_ALERTS_URL", source.base(),
                "CONCORD_CONNECTOR_SWPC_ALERTS_PRODUCT", "alerts"));

        ConnectorRun first = only(node.connectors().runDue());
        assertThat(first.outcome()).as(first.error().orElse("")).isEqualTo(Outcome.INGESTED);
        assertThat(first.stored()).isEqualTo(9);
        Instant from = Instant.parse("2024-05-01T00:00:00Z");
        Instant to = Instant.parse("2024-05-31T00:00:00Z");
        assertThat(node.spaceWeather().alerts(from, to, LabelFilter.UNRESTRICTED))
                .as("9 messages: two extend warning 4162, one cancels watch 1001").hasSize(6);
        assertThat(node.spaceWeather().alertLabels(from, to, LabelFilter.UNRESTRICTED)).singleElement()
                .satisfies(label -> {
                    assertThat(label.originator()).isEqualTo("TEST");
                    assertThat(label.releasability()).isEqualTo(Releasability.to("TEST"));
                });
        assertThat(audited(AuditAction.INGEST)).singleElement()
                .satisfies(entry -> assertThat(entry.event().actor()).isEqualTo("connector:swpc-alerts"));

        clock.advance(Duration.ofMinutes(15));
        ConnectorRun second = only(node.connectors().runDue());
        assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(source.requests().get(1).header("If-Modified-Since")).contains(lastModified);
        assertThatThrownBy(() -> NodeConfig.load(dataDirectory, Optional.empty(), Map.of("CONCORD_CONNECTORS", "swpc",
                "CONCORD_CONNECTOR_SWPC_TYPE", "swpc", "CONCORD_CONNECTOR_SWPC_PRODUCT", "x-rays")))
                .hasMessageContaining("alerts, f107, kp, kp-forecast");
    }

    @Test
    void errorsBackOffHonouringRetryAfterAndARefusalHaltsUntilAnAdministratorRuns() {
        AtomicInteger answers = new AtomicInteger();
        String rows = celestrakRows(5);
        source.on("/NORAD/elements/gp.php", request -> switch (answers.getAndIncrement()) {
            case 0 -> new Response(429, Map.of("Retry-After", "10800"), "slow down".getBytes(StandardCharsets.UTF_8),
                    false);
            case 1, 2 -> Response.text(500, "internal error");
            case 3 -> Response.text(403, "Forbidden");
            default -> csv(rows, "Fri, 01 Nov 2024 10:00:00 GMT");
        });
        openCelestrak();

        Instant t0 = clock.instant();
        ConnectorRun limited = only(node.connectors().runDue());
        assertThat(limited.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(limited.httpStatus()).contains(429);
        assertThat(state("celestrak-active").nextAttemptAt()).as("Retry-After (3 h) over the period (2 h)")
                .isEqualTo(t0.plus(Duration.ofHours(3)));
        clock.advance(Duration.ofHours(2));
        assertThat(node.connectors().runDue()).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(only(node.connectors().runDue()).httpStatus()).contains(500);
        ConnectorState afterTwo = state("celestrak-active");
        assertThat(afterTwo.failures()).isEqualTo(2);
        assertThat(afterTwo.nextAttemptAt()).as("two failures: twice the period")
                .isEqualTo(clock.instant().plus(Duration.ofHours(4)));
        clock.advance(Duration.ofHours(4));
        assertThat(only(node.connectors().runDue()).httpStatus()).contains(500);
        assertThat(state("celestrak-active").nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
        clock.advance(Duration.ofHours(8));
        ConnectorRun refused = only(node.connectors().runDue());
        assertThat(refused.outcome()).isEqualTo(Outcome.HALTED);
        assertThat(state("celestrak-active").halted().orElseThrow()).contains("HTTP 403");
        clock.advance(Duration.ofDays(3));
        assertThat(node.connectors().runDue()).as("halted: not asked again until a person looks").isEmpty();
        assertThat(source.requests()).hasSize(4);

        ConnectorRun byHand = node.connectors().runNow("celestrak-active");
        assertThat(byHand.outcome()).isEqualTo(Outcome.INGESTED);
        assertThat(byHand.manual()).isTrue();
        assertThat(state("celestrak-active").halted()).isEmpty();
        assertThat(state("celestrak-active").failures()).isZero();
        assertThat(node.catalog().latestOrbits()).hasSize(5);
    }

    @Test
    void anAnswerThatFailsTheChecksOrIsCutShortStoresNothingAndLosesNothing() {
        String good = celestrakRows(60);
        List<String> lines = good.lines().toList();
        String line55 = lines.get(55);
        String broken = good.replace(line55, line55.replaceFirst(",(\\d+\\.\\d+),", ",fast,"));
        assertThat(broken).isNotEqualTo(good);
        AtomicInteger answers = new AtomicInteger();
        source.on("/NORAD/elements/gp.php", request -> switch (answers.getAndIncrement()) {
            case 0 -> csv(celestrakRows(50), "Fri, 01 Nov 2024 10:00:00 GMT");
            case 1 -> csv(broken, "Fri, 01 Nov 2024 12:00:00 GMT");
            case 2 -> new Response(200, Map.of(), good.getBytes(StandardCharsets.UTF_8), true);
            default -> csv(good, "Fri, 01 Nov 2024 14:00:00 GMT");
        });
        openCelestrak();
        assertThat(only(node.connectors().runDue()).stored()).isEqualTo(50);
        List<OrbitRecord> before = node.catalog().latestOrbits();

        clock.advance(Duration.ofHours(2));
        ConnectorRun refused = only(node.connectors().runDue());
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.error().orElseThrow()).contains("refused whole").contains(":56:")
                .contains("MEAN_MOTION");
        assertThat(node.catalog().latestOrbits()).as("none of the 9 valid new records either")
                .containsExactlyInAnyOrderElementsOf(before);

        clock.advance(Duration.ofHours(2));
        ConnectorRun cut = only(node.connectors().runDue());
        assertThat(cut.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(cut.error().orElseThrow()).contains("no whole answer");
        assertThat(node.catalog().latestOrbits()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(source.requests().get(2).header("If-Modified-Since"))
                .as("a refused answer is asked for again: its validators were not kept")
                .contains("Fri, 01 Nov 2024 10:00:00 GMT");

        clock.advance(Duration.ofHours(2));
        ConnectorRun whole = only(node.connectors().runDue());
        assertThat(whole.outcome()).isEqualTo(Outcome.INGESTED);
        assertThat(whole.stored()).isEqualTo(10);
        assertThat(whole.unchanged()).isEqualTo(50);
    }

    private void spaceTrack(byte[] gp) {
        spaceTrack("gp", gp);
    }

    /** Space-Track's login and logout, and {@code answer} to a query of class {@code className} in the session. */
    private void spaceTrack(String className, byte[] answer) {
        source.on("/ajaxauth/login", request -> {
            boolean valid = request.method().equals("POST")
                    && request.body().equals("identity=" + java.net.URLEncoder.encode(IDENTITY, StandardCharsets.UTF_8)
                    + "&password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
            // a careless server that echoes what it was sent: the connector must not pass it on
            return valid ? new Response(200, Map.of("Set-Cookie", COOKIE + "; Path=/; HttpOnly"), new byte[0], false)
                    : Response.text(200, "{\"Login\":\"Failed\",\"sent\":\"" + request.body() + "\"}");
        });
        source.on("/ajaxauth/logout", request -> Response.text(200, "\"Successfully logged out\""));
        source.on("/basicspacedata/query/class/" + className + "/", request -> request.header("Cookie").orElse("")
                .contains(COOKIE) ? Response.ok(answer, Map.of("Content-Type", "text/plain"))
                : Response.text(401, "You must be logged in to complete this action"));
    }

    private Node openSpaceTrack(String password, String... names) {
        return openSpaceTrackOf("spacetrack-gp", "decay_date/null-val/epoch/>now-30/orderby/norad_cat_id/format/3le",
                password, names);
    }

    private Node openSpaceTrackOf(String type, String query, String password, String... names) {
        Map<String, String> settings = new HashMap<>();
        settings.put("CONCORD_CONNECTORS", String.join(",", names));
        settings.put("ST_SECRET", password);
        for (String name : names) {
            String prefix = "CONCORD_CONNECTOR_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
            settings.put(prefix + "TYPE", type);
            settings.put(prefix + "URL", source.base());
            settings.put(prefix + "IDENTITY", IDENTITY);
            settings.put(prefix + "PASSWORD_ENV", "ST_SECRET");
            settings.put(prefix + "QUERY", query);
        }
        return open(settings);
    }

    @Test
    void spaceTrackLogsInPullsGpAtMostOnceAnHourAndLogsOut() {
        spaceTrack(TestNodes.resource(SUBSET_3LE));
        openSpaceTrack(PASSWORD, "spacetrack");

        ConnectorRun run = only(node.connectors().runDue());
        assertThat(run.outcome()).as(run.error().orElse("")).isEqualTo(Outcome.INGESTED);
        assertThat(run.stored()).isEqualTo(301);
        assertThat(run.requests()).isEqualTo(3);
        List<Request> asked = source.requests();
        assertThat(asked).extracting(Request::method).containsExactly("POST", "GET", "GET");
        assertThat(asked.get(1).path())
                .isEqualTo("/basicspacedata/query/class/gp/decay_date/null-val/epoch/>now-30/orderby/norad_cat_id/format/3le");
        assertThat(asked.get(2).path()).isEqualTo("/ajaxauth/logout");
        assertThat(node.catalog().latestOrbits()).hasSize(301)
                .allMatch(o -> o.provenance().sourceName().equals("connector:spacetrack"));

        assertThatThrownBy(() -> node.connectors().runNow("spacetrack"))
                .isInstanceOf(Connectors.TooSoonException.class).hasMessageContaining("PT1H");
        clock.advance(Duration.ofMinutes(59));
        assertThat(node.connectors().runDue()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        ConnectorRun again = only(node.connectors().runDue());
        assertThat(again.outcome()).isEqualTo(Outcome.INGESTED);
        assertThat(again.unchanged()).isEqualTo(301);
        assertThat(source.requests()).hasSize(6);
    }

    @Test
    void badSpaceTrackCredentialsAreReportedButNeverLoggedShownOrRetried() throws Exception {
        String wrong = "wr0ng-Pa55!word";
        String encoded = java.net.URLEncoder.encode(wrong, StandardCharsets.UTF_8);
        spaceTrack(TestNodes.resource(SUBSET_3LE));
        openSpaceTrack(wrong, "spacetrack");
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ConnectorRun run;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            run = only(node.connectors().runDue());
        } finally {
            System.setErr(err);
        }
        assertThat(run.outcome()).isEqualTo(Outcome.HALTED);
        assertThat(run.error().orElseThrow()).contains("refused the login of identity '" + IDENTITY + "'")
                .contains("***").doesNotContain(wrong).doesNotContain(encoded);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("refused the login").doesNotContain(wrong)
                .doesNotContain(encoded);
        assertThat(source.requests()).as("no query without a session").hasSize(1);
        assertThat(source.requests().getFirst().body()).as("the password was sent to the source only")
                .contains(encoded);

        clock.advance(Duration.ofDays(1));
        assertThat(node.connectors().runDue()).as("bad credentials are not retried (the account would lock)")
                .isEmpty();
        try (ApiServer server = new ApiServer(node)) {
            String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
            HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/connectors")).header("Authorization", "Bearer "
                    + TestNodes.adminToken(node)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("refused the login").contains("HALTED").doesNotContain(wrong)
                    .doesNotContain(encoded);
        }
        node.audit().flush();
        assertThat(node.audit().entries(0, Integer.MAX_VALUE)).allSatisfy(entry ->
                assertThat(entry.toString()).doesNotContain(wrong).doesNotContain(encoded));
    }

    @Test
    void spaceTrackRequestsStayWithinItsBudgetOverAllItsConnectors() {
        String three = new String(TestNodes.resource(SUBSET_3LE), StandardCharsets.UTF_8).lines().limit(9)
                .collect(Collectors.joining("\n", "", "\n"));
        spaceTrack(three.getBytes(StandardCharsets.UTF_8));
        String[] names = new String[11];
        for (int i = 0; i < names.length; i++) {
            names[i] = "st-" + i;
        }
        openSpaceTrack(PASSWORD, names);

        List<ConnectorRun> runs = node.connectors().runDue();
        assertThat(runs).as("30 requests a minute: ten runs of three").hasSize(10)
                .allMatch(r -> r.outcome() == Outcome.INGESTED);
        assertThat(source.requests()).hasSize(30);
        assertThat(state("st-10").lastAttemptAt()).isEmpty();
        assertThat(state("st-10").nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> node.connectors().runNow("st-10")).isInstanceOf(Connectors.TooSoonException.class)
                .hasMessageContaining("request budget");
        clock.advance(Duration.ofMinutes(1));
        assertThat(only(node.connectors().runDue()).connector()).isEqualTo("st-10");
        assertThat(source.requests()).hasSize(33);
    }

    @Test
    void theSpaceTrackSatcatIsPulledAtMostOnceADay() throws IOException {
        String satcat;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                TestNodes.resource("/satcat/spacetrack_satcat_2021-01-19.csv.gz")))) {
            satcat = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(51)
                    .collect(Collectors.joining("\n", "", "\n"));
        }
        spaceTrack("satcat", satcat.getBytes(StandardCharsets.UTF_8));
        openSpaceTrackOf("spacetrack-satcat", "orderby/norad_cat_id/format/csv", PASSWORD, "satcat");
        ConnectorRun run = only(node.connectors().runDue());
        assertThat(run.outcome()).as(run.error().orElse("")).isEqualTo(Outcome.INGESTED);
        assertThat(run.stored()).isEqualTo(50);
        assertThat(source.requests().get(1).path())
                .isEqualTo("/basicspacedata/query/class/satcat/orderby/norad_cat_id/format/csv");
        assertThat(node.catalog().statistics(org.concord.label.LabelFilter.UNRESTRICTED).satcatEntries())
                .isEqualTo(50);
        clock.advance(Duration.ofHours(23));
        assertThat(node.connectors().runDue()).isEmpty();
        assertThatThrownBy(() -> node.connectors().runNow("satcat")).isInstanceOf(Connectors.TooSoonException.class)
                .hasMessageContaining("PT24H");
    }

    @Test
    void spaceTrackTipMessagesAreIngestedAsReentryReportsAtMostOnceAnHour() {
        spaceTrack("tip", TestNodes.resource("/reentry/tip/spacetrack_tip_sample_2005-2019.csv"));
        openSpaceTrackOf("spacetrack-tip", "msg_epoch/>now-7/orderby/id/format/csv", PASSWORD, "tip");

        ConnectorRun run = only(node.connectors().runDue());

        assertThat(run.outcome()).as(run.error().orElse("")).isEqualTo(Outcome.INGESTED);
        assertThat(run.stored()).isEqualTo(34);
        assertThat(run.requests()).isEqualTo(3);
        assertThat(source.requests().get(1).path())
                .isEqualTo("/basicspacedata/query/class/tip/msg_epoch/>now-7/orderby/id/format/csv");
        assertThat(node.reentryReports().reentered(29488, org.concord.label.LabelFilter.UNRESTRICTED)
                .orElseThrow().value().nominal()).contains(java.time.Instant.parse("2006-12-23T12:14:00Z"));
        assertThat(node.reentryReports().of(1377, org.concord.label.LabelFilter.UNRESTRICTED).getFirst().label()
                .releasability().toString()).as("a connector's default label: private to the node's party")
                .isEqualTo("REL TO " + node.config().party());
        clock.advance(Duration.ofMinutes(59));
        assertThat(node.connectors().runDue()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        ConnectorRun again = only(node.connectors().runDue());
        assertThat(again.stored()).isZero();
        assertThat(again.unchanged()).isEqualTo(34);
    }

    @Test
    void celestrakSupplementalGpIsAskedByItsFile() {
        source.on("/NORAD/elements/supplemental/sup-gp.php", request -> csv(celestrakRows(10),
                "Fri, 01 Nov 2024 10:00:00 GMT"));
        open(Map.of("CONCORD_CONNECTORS", "starlink", "CONCORD_CONNECTOR_STARLINK_TYPE", "celestrak-supgp",
                "CONCORD_CONNECTOR_STARLINK_URL", source.base(), "CONCORD_CONNECTOR_STARLINK_FILE", "starlink"));
        ConnectorRun run = only(node.connectors().runDue());
        assertThat(run.outcome()).as(run.error().orElse("")).isEqualTo(Outcome.INGESTED);
        assertThat(run.stored()).isEqualTo(10);
        assertThat(source.requests().getFirst().query()).isEqualTo("FILE=starlink&FORMAT=CSV");
    }

    /** On the system clock, whose every reading is later than the one before, as {@code serve} runs. */
    @Test
    void startedConnectorsRunOnTheirOwnWhenDue() throws InterruptedException {
        source.on("/feed.tle", request -> Response.ok(TestNodes.resource(SUBSET_3LE), Map.of()));
        open(Map.of("CONCORD_CONNECTORS", "feed", "CONCORD_CONNECTOR_FEED_TYPE", "url",
                "CONCORD_CONNECTOR_FEED_URL", source.base() + "/feed.tle"), java.time.Clock.systemUTC());
        node.connectors().start();
        // the scheduler's first look is at once: wait for it (bounded), not for a period
        for (int i = 0; i < 300 && node.connectors().status("feed").orElseThrow().runs().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(node.connectors().status("feed").orElseThrow().runs()).singleElement()
                .satisfies(run -> assertThat(run.outcome()).isEqualTo(Outcome.INGESTED));
        assertThat(source.requests()).hasSize(1);
    }

    /** A store that cannot read the state of {@code broken}, and keeps everything else in memory. */
    private static final class BrokenStore implements ConnectorStore {
        private final String broken;
        private final Map<String, ConnectorState> states = new HashMap<>();
        private final List<ConnectorRun> runs = new java.util.ArrayList<>();

        BrokenStore(String broken) {
            this.broken = broken;
        }

        @Override
        public Optional<ConnectorState> state(String connector) {
            if (connector.equals(broken)) {
                throw new IllegalStateException("the database is unavailable");
            }
            return Optional.ofNullable(states.get(connector));
        }

        @Override
        public ConnectorRun record(ConnectorRun run, ConnectorState state) {
            runs.add(run.withId(runs.size() + 1));
            states.put(state.connector(), state);
            return runs.getLast();
        }

        @Override
        public void save(ConnectorState state) {
            states.put(state.connector(), state);
        }

        @Override
        public List<ConnectorRun> runs(String connector, int limit) {
            return runs.stream().filter(r -> r.connector().equals(connector)).toList();
        }

        @Override
        public int requestsSince(String host, Instant since) {
            return 0;
        }
    }

    @Test
    void aConnectorWhoseRunCannotBeRecordedDoesNotStopTheOthers() {
        source.on("/feed.tle", request -> Response.ok(TestNodes.resource(SUBSET_3LE), Map.of()));
        List<ConnectorDefinition> definitions = java.util.stream.Stream.of("first", "second").map(name ->
                new ConnectorDefinition(name, "url", URI.create(source.base() + "/feed.tle"), Duration.ofHours(1),
                        org.concord.label.Label.publicFrom("TEST"), false, Map.of(), Optional.empty())).toList();
        try (Connectors connectors = new Connectors(definitions, ConnectorTypes.BUILT_IN,
                Map.of(Sink.CATALOG, (connector, name, content) -> new Sink.Ingested(1, 0, 0, "b".repeat(64))),
                new BrokenStore("first"), clock, 1 << 20, "test",
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            assertThat(only(connectors.runDue()).connector()).isEqualTo("second");
        }
    }

    @Test
    void aUrlSourceIsAskedConditionally() {
        byte[] file = TestNodes.resource(SUBSET_3LE);
        source.on("/feeds/catalog.tle", request -> request.header("If-None-Match").filter("\"v1\""::equals).isPresent()
                ? new Response(304, Map.of(), new byte[0], false)
                : Response.ok(file, Map.of("ETag", "\"v1\"")));
        open(Map.of("CONCORD_CONNECTORS", "partner-feed", "CONCORD_CONNECTOR_PARTNER_FEED_TYPE", "url",
                "CONCORD_CONNECTOR_PARTNER_FEED_URL", source.base() + "/feeds/catalog.tle",
                "CONCORD_CONNECTOR_PARTNER_FEED_PERIOD", "PT10M",
                "CONCORD_CONNECTOR_PARTNER_FEED_LABEL", "rel=PUBLIC;tlp=CLEAR"));
        ConnectorRun first = only(node.connectors().runDue());
        assertThat(first.stored()).isEqualTo(301);
        assertThat(node.catalog().latestOrbits()).allMatch(o -> o.label().releasability().isPublic());
        clock.advance(Duration.ofMinutes(10));
        ConnectorRun second = only(node.connectors().runDue());
        assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(second.httpStatus()).contains(304);
    }

    @Test
    void configurationMistakesAreRefusedNamingTheKeyAndWhatItTakes() throws IOException {
        Map<String, String> base = Map.of("CONCORD_CONNECTORS", "st", "CONCORD_CONNECTOR_ST_TYPE", "spacetrack-gp",
                "CONCORD_CONNECTOR_ST_IDENTITY", IDENTITY, "CONCORD_CONNECTOR_ST_PASSWORD_ENV", "ST_SECRET",
                "ST_SECRET", PASSWORD);
        assertThat(NodeConfig.load(dataDirectory, Optional.empty(), base).connectors()).singleElement()
                .satisfies(d -> {
                    assertThat(d.url()).isEqualTo(URI.create("https://www.space-track.org"));
                    assertThat(d.period()).isEqualTo(Duration.ofHours(1));
                    assertThat(d.password().orElseThrow().toString()).isEqualTo("***");
                });
        assertThatThrownBy(() -> NodeConfig.load(dataDirectory, Optional.empty(),
                with(base, "CONCORD_CONNECTOR_ST_PERIOD", "PT30M")))
                .hasMessageContaining("connector.st.period = PT30M is shorter than PT1H");
        assertThatThrownBy(() -> NodeConfig.load(dataDirectory, Optional.empty(),
                with(base, "CONCORD_CONNECTOR_ST_PASSWORD_ENV", "NOT_SET")))
                .hasMessageContaining("NOT_SET is not set");
        assertThatThrownBy(() -> NodeConfig.load(dataDirectory, Optional.empty(),
                with(base, "CONCORD_CONNECTOR_ST_TYPE", "spacetrack")))
                .hasMessageContaining("one of [celestrak-gp, celestrak-satcat, celestrak-supgp, spacetrack-gp, spacetrack-satcat, spacetrack-tip, swpc, url]");
        Files.writeString(dataDirectory.resolve(NodeConfig.FILE_NAME), "connector.st.password = " + PASSWORD + "\n");
        assertThatThrownBy(() -> NodeConfig.load(dataDirectory, Optional.empty(), base))
                .hasMessageContaining("connector.st.password:").hasMessageContaining("connector.st.password-file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        Files.writeString(dataDirectory.resolve(NodeConfig.FILE_NAME), "connector.other.type = url\n");
        assertThatThrownBy(() -> NodeConfig.load(dataDirectory, Optional.empty(), base))
                .hasMessageContaining("'other' is not a connector named in connectors");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> changed = new HashMap<>(base);
        changed.put(key, value);
        return changed;
    }
}
