package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.ingest.IngestRequest;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.screening.ScreeningService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analyst console in a real browser (Debian's chromium through chromium-driver) against a real node: the public
 * catalog subset for everyone, the ISS released to the node's own party only, and conjunctions from an all-vs-all
 * screening. Screenshots of each main view go to {@code target/console-screenshots}.
 */
@Isolated("the globe renders through SwiftShader on the CPU: it runs alone, not beside the concurrent leak test")
class ConsoleBrowserTest {

    private static final String CATALOG = "/catalog/subset_301obj_3le_2024-07.txt";
    /** The object the partner must not see anywhere: its name, as the catalog spells it. */
    private static final String HIDDEN_NAME = "ISS (ZARYA)";
    private static final long HIDDEN_NORAD_ID = 25544;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every test loads the page anew as an anonymous visitor first, more often than one visitor would. */
    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(ConsoleBrowserTest::prepare)
            .in(java.util.Map.of("CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "100000",
                    "CONCORD_HTTP_ANONYMOUS_BURST", "10000"));

    /** The browser, signed out before each test. */
    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser(SERVED);

    private static ChromeDriver browser;
    private static Path profile;
    private static Path downloads;
    private static String partnerToken;

    /**
     * The catalog subset as public data, except the ISS, which keeps the node's default-like label released to its own
     * party only; an agreement to the partner that is not yet in force; an all-vs-all screening of three hours and
     * one of the ISS over eight hours.
     */
    private static void prepare(Node node) {
        String[] lines = new String(TestNodes.resource(CATALOG), StandardCharsets.US_ASCII).split("\n");
        StringBuilder open = new StringBuilder();
        StringBuilder hidden = new StringBuilder();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            String tle = lines[i] + "\n" + lines[i + 1] + "\n" + lines[i + 2] + "\n";
            (lines[i + 1].startsWith("1 " + HIDDEN_NORAD_ID) ? hidden : open).append(tle);
        }
        assertThat(hidden).as("the ISS in the subset").isNotEmpty();
        String party = node.sharing().nodeParty();
        node.ingest().ingest(new IngestRequest("public.tle", open.toString().getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.publicFrom(party)), "test", false, Optional.empty()));
        node.ingest().ingest(new IngestRequest("own.tle", hidden.toString().getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.parse("rel=REL TO " + party + ";tlp=AMBER", Label.publicFrom(party))), "test",
                false, Optional.empty()));
        node.ingest().ingest(new IngestRequest("warning.cdm", TestNodes.resource("/ccsds/cdm/AlfanoTestCase01.cdm"),
                Optional.of(Label.publicFrom(party)), "test", false, Optional.empty()));
        partnerToken = TestNodes.token(node, "AUS", Role.ANALYST);
        node.sharing().addAgreement(new SharingService.Terms(party, new TreeSet<>(List.of("AUS")),
                Set.of(DataKind.CONJUNCTIONS), false, Instant.now().plus(Duration.ofDays(30)), Optional.empty()),
                TestNodes.TEST_ADMIN);
        var peer = node.federation().addPeer("AUS", org.concord.identity.NodeIdentity.generateEphemeral().publicKeyPem(),
                java.net.URI.create("http://127.0.0.1:1"), TestNodes.TEST_ADMIN);
        assertThat(node.federation().serve(peer, 0)).as("a bundle served to the partner").isPresent();
        assertThatThrownBy(() -> node.federation().receive(peer, new org.concord.federation.SignedBundle(
                new byte[] {1, 2, 3}, new byte[] {4, 5, 6}))).as("a bundle refused from it").isNotNull();
        var allVsAll = node.screening().run(new ScreeningService.Request(Instant.parse("2024-07-05T12:00:00Z"),
                Duration.ofHours(3), 20_000, Optional.empty()), "test", fraction -> { });
        // one public object screened again over the same window: each of its encounters becomes an event of two updates
        long again = node.screening().conjunctionsOf(allVsAll, org.concord.label.LabelFilter.UNRESTRICTED).stream()
                .filter(c -> c.primaryNoradId() != HIDDEN_NORAD_ID && c.secondaryNoradId() != HIDDEN_NORAD_ID)
                .findFirst().orElseThrow().primaryNoradId();
        node.screening().run(new ScreeningService.Request(Instant.parse("2024-07-05T12:00:00Z"), Duration.ofHours(3),
                20_000, Optional.of(again)), "test", fraction -> { });
        node.screening().run(new ScreeningService.Request(Instant.parse("2024-07-05T14:00:00Z"), Duration.ofHours(8),
                100_000, Optional.of(HIDDEN_NORAD_ID)), "test", fraction -> { });
        node.events().update(); // the runs asked for passes in the background: wait for them, or make one
    }

    @BeforeAll
    static void openBrowser() {
        browser = CONSOLE.driver();
        profile = CONSOLE.profile();
        downloads = CONSOLE.downloads();
    }

    @Test
    void theConsoleIsServedWithAPolicyThatAllowsOnlyTheNodesOwnOrigin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/console/app.js", "/console/views/conjunctions.js",
                "/console/vendor/d3-geo.min.js", "/console/vendor/countries-110m.json",
                "/console/vendor/iso-3166-codes.json", "/console/views/space-weather.js")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(SERVED.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(ConsoleRoutes.CONTENT_SECURITY_POLICY);
            assertThat(ConsoleRoutes.CONTENT_SECURITY_POLICY).doesNotContain("http", "*", "unsafe", "data:");
        }
        // the page works under that policy: its modules ran, and the browser reports no violation
        assertThat(browser.findElements(By.cssSelector("table.data tbody tr"))).isNotEmpty();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void anAnonymousVisitorSeesThePublicConjunctionsWithTheirLabels() throws IOException {
        assertThat(browser.findElement(By.id("who")).getText()).contains("anonymous");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.getFirst().getText()).contains("km", "km/s", "TLP:CLEAR", "PUBLIC");
        assertThat(browser.findElements(By.cssSelector("table.data tbody span.name"))).as("names of objects")
                .hasSizeGreaterThan(rows.size());
        assertThat(browser.getPageSource()).doesNotContain(HIDDEN_NAME);
        assertThat(browser.findElements(By.linkText("Sharing"))).as("administrator views hidden").isEmpty();
        screenshot("conjunctions-anonymous");
    }

    @Test
    void signedInAnAnalystFindsAnObjectAndSeesItsGroundTrack() throws IOException {
        signIn(SERVED.adminToken());
        browser.findElement(By.linkText("Objects")).click();
        rendered("#/objects");
        String firstPage = browser.findElement(By.cssSelector("table.data tbody")).getText();
        browser.findElement(By.xpath("//button[text()='Next →']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("cursor="));
        rendered(browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('#')));
        assertThat(browser.findElement(By.cssSelector("table.data tbody")).getText()).isNotEqualTo(firstPage);
        browser.findElement(By.xpath("//button[text()='← Previous']")).click();
        rendered("#/objects");
        assertThat(browser.findElement(By.cssSelector("table.data tbody")).getText()).isEqualTo(firstPage);
        WebElement name = browser.findElement(By.name("name"));
        name.sendKeys("ZARYA");
        name.submit();
        rendered("#/objects?name=ZARYA");
        WebElement row = browser.findElement(By.cssSelector("table.data tbody tr"));
        assertThat(row.getText()).contains("25544", HIDDEN_NAME, "TLP:AMBER");
        row.sendKeys(Keys.ENTER);
        rendered("#/object?id=25544");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("25544 " + HIDDEN_NAME);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("1998-067A", "Latest element set",
                "ago)", "Orbit history", "1 record you may see", "own.tle:");
        String track = browser.findElement(By.cssSelector("svg.map path.track")).getAttribute("d");
        // two revolutions of a 51.6° orbit cross the antimeridian: d3-geo cuts the line there into pieces
        assertThat(track.chars().filter(c -> c == 'M').count()).as("pieces of the ground track").isGreaterThan(1);
        assertThat(browser.findElements(By.cssSelector("svg.map path.land"))).hasSize(1);
        tallScreenshot("object");
    }

    @Test
    void aConjunctionRowOpensItsEventFromTheKeyboardAndItsTcaTheConjunction() throws Exception {
        signIn(SERVED.adminToken());
        rendered("#/conjunctions");
        screenshot("conjunctions");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows.size()).isGreaterThan(1);
        String second = rows.get(1).getAttribute("data-key");
        long event = firstEvent("the event of conjunction " + second, e -> java.util.stream.StreamSupport.stream(
                e.get("updates").spliterator(), false).anyMatch(u -> u.get("conjunctionId").asText().equals(second)))
                .get("id").asLong();
        rows.getFirst().sendKeys(Keys.ARROW_DOWN);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        rendered("#/event?id=" + event);
        assertThat(browser.findElement(By.linkText("conjunction " + second)).getAttribute("href"))
                .endsWith("#/conjunction?id=" + second);
        browser.navigate().back();
        rendered("#/conjunctions");
        browser.findElement(By.cssSelector("table.data tbody tr[data-key='" + second + "'] a.conjunction-link"))
                .sendKeys(Keys.ENTER);
        rendered("#/conjunction?id=" + second);
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).contains("Conjunction " + second, "Miss distance", "Relative speed", "Pc", "maximum",
                "Element ages at TCA", "No CDM", "Inputs", "Epoch (UTC, age now)", "public.tle", "ago)");
        JsonNode shown = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SERVED.base()
                + "/api/v1/conjunctions/" + second)).header("Authorization", "Bearer " + SERVED.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(text).contains(shown.get("primaryNoradId").asText() + " " + shown.get("primaryName").asText(),
                shown.get("secondaryNoradId").asText() + " " + shown.get("secondaryName").asText());
        screenshot("conjunction");
    }

    @Test
    void anEventChartsItsMissDistanceAndPcOverTimeOnePointPerUpdate() throws Exception {
        JsonNode event = firstEvent("an event of two updates or more, with a Pc",
                e -> e.get("updateCount").asInt() >= 2 && e.get("risk").hasNonNull("probability"));
        signIn(SERVED.adminToken());
        long id = event.get("id").asLong();
        int updates = event.get("updateCount").asInt();
        long conjunctionId = event.get("updates").get(0).get("conjunctionId").asLong();

        browser.findElement(By.linkText("Events")).click();
        rendered("#/events");
        assertThat(browser.findElement(By.cssSelector("table.data tbody tr[data-key='" + id + "']")).getText())
                .contains("km", "TLP:CLEAR", "ago)");
        browser.findElement(By.xpath("//button[starts-with(text(),'Miss')]")).click();
        rendered("#/events?sort=miss");
        List<Double> misses = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("table.data tbody tr td:nth-child(4)"))) {
            misses.add(Double.parseDouble(row.getText().replace(" km", "")));
        }
        assertThat(misses).as("sorted by the API, smallest miss first").isSorted().hasSizeGreaterThan(1);
        WebElement nearest = browser.findElement(By.cssSelector("table.data tbody tr"));
        String nearestId = nearest.getAttribute("data-key");
        nearest.sendKeys(Keys.ENTER);
        rendered("#/event?id=" + nearestId);
        assertThat(browser.findElements(By.cssSelector("svg.chart-miss circle.point"))).isNotEmpty();

        // the conjunction of an update links to its event
        browser.get(SERVED.base() + "/#/conjunction?id=" + conjunctionId);
        rendered("#/conjunction?id=" + conjunctionId);
        browser.findElement(By.id("event-link")).click();
        rendered("#/event?id=" + id);
        for (String chart : List.of("miss", "pc")) {
            WebElement line = browser.findElement(By.cssSelector("svg.chart-" + chart + " path.line"));
            assertThat(line.getAttribute("d").split("[ML]")).as(chart + ": one point per update").hasSize(updates + 1);
            assertThat(browser.findElements(By.cssSelector("svg.chart-" + chart + " circle.point"))).hasSize(updates);
        }
        WebElement pcAxis = browser.findElement(By.cssSelector("svg.chart-pc g.axis.y"));
        assertThat(pcAxis.getAttribute("data-scale")).isEqualTo("log");
        // decades equally spaced: the axis is logarithmic
        List<WebElement> ticks = pcAxis.findElements(By.cssSelector("g.tick"));
        assertThat(ticks.size()).isGreaterThan(2);
        List<Double> positions = new ArrayList<>();
        for (WebElement tick : ticks) {
            assertThat(tick.findElement(By.tagName("text")).getText()).matches("1e-\\d+|1");
            positions.add(Double.parseDouble(tick.findElement(By.tagName("line")).getAttribute("y1")));
        }
        for (int i = 2; i < positions.size(); i++) {
            assertThat(positions.get(i) - positions.get(i - 1)).isCloseTo(positions.get(1) - positions.get(0),
                    org.assertj.core.api.Assertions.within(1e-6));
        }
        // and the first update's Pc sits where a log scale puts it between the decades
        double topDecade = Math.log10(Double.parseDouble(ticks.getFirst().getAttribute("data-value")));
        double perDecade = (positions.get(1) - positions.get(0))
                / (Math.log10(Double.parseDouble(ticks.get(1).getAttribute("data-value"))) - topDecade);
        double firstPc = event.get("trend").get("probability").get(0).asDouble();
        assertThat(Double.parseDouble(browser.findElement(By.cssSelector("svg.chart-pc circle.point"))
                .getAttribute("cy"))).isCloseTo(positions.get(0) + (Math.log10(firstPc) - topDecade) * perDecade,
                org.assertj.core.api.Assertions.within(0.1));
        assertThat(browser.findElements(By.cssSelector("svg.chart-pc g.threshold"))).extracting(t -> t.getAttribute(
                "data-value")).containsExactlyInAnyOrder("0.0001", "0.00001");
        assertThat(browser.findElements(By.cssSelector("svg.chart-miss g.threshold"))).extracting(t -> t.getAttribute(
                "data-value")).containsExactly("1");
        assertThat(browser.findElement(By.cssSelector("svg.chart-miss g.axis.y text.label")).getText())
                .isEqualTo("Miss distance (km)");
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).contains("Event " + id, "Updates", "screening", "Computed at (UTC)");
        assertThat(browser.findElements(By.cssSelector("main table.data tbody tr"))).hasSize(updates);
        assertThat(browser.findElement(By.linkText("conjunction " + conjunctionId)).getAttribute("href"))
                .endsWith("#/conjunction?id=" + conjunctionId);
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy"));
        tallScreenshot("event");
    }

    @Test
    void anEventOfAReceivedCdmOffersTheCdmOfItsUpdate() throws Exception {
        java.util.function.Predicate<JsonNode> fromCdm = u -> u.get("source").asText().equals("CDM");
        JsonNode event = firstEvent("the event of the CDM received",
                e -> java.util.stream.StreamSupport.stream(e.get("updates").spliterator(), false).anyMatch(fromCdm));
        long id = event.get("id").asLong();
        long conjunctionId = java.util.stream.StreamSupport.stream(event.get("updates").spliterator(), false)
                .filter(fromCdm).findFirst().orElseThrow().get("conjunctionId").asLong();
        signIn(SERVED.adminToken());
        browser.get(SERVED.base() + "/#/event?id=" + id);
        rendered("#/event?id=" + id);
        WebElement button = browser.findElement(By.id("cdm-" + conjunctionId + "-xml"));
        button.click();
        // the status beside the update's buttons (the event's own CDM buttons have theirs)
        WebElement status = button.findElement(By.xpath("following-sibling::span[contains(@class, 'status')]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> status.getText().startsWith("saved"));
        Path file = downloads.resolve("conjunction-" + conjunctionId + ".xml");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Files.exists(file));
        assertThat(Files.readString(file)).contains("<cdm");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("cdm", "conjunction " + conjunctionId);
    }

    @Test
    void anEventOffersItsCdmOrSaysWhyItHasNone() throws Exception {
        JsonNode fromCdm = firstEvent("the event of the CDM received", e -> e.at("/risk/covarianceSource").asText()
                .equals("MEASURED"));
        JsonNode screened = firstEvent("an event of a screening without element-set histories",
                e -> e.at("/risk/covarianceSource").asText().equals("MAXIMUM"));
        signIn(SERVED.adminToken());
        browser.get(SERVED.base() + "/#/event?id=" + fromCdm.get("id").asLong());
        rendered("#/event?id=" + fromCdm.get("id").asLong());
        WebElement button = browser.findElement(By.id("event-cdm-kvn"));
        button.click();
        WebElement status = button.findElement(By.xpath("following-sibling::span[contains(@class, 'status')]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> status.getText().startsWith("saved"));
        Path file = downloads.resolve("event-" + fromCdm.get("id").asLong() + ".kvn");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Files.exists(file));
        assertThat(Files.readString(file)).startsWith("CCSDS_CDM_VERS").contains("Covariance source: MEASURED");

        browser.get(SERVED.base() + "/#/event?id=" + screened.get("id").asLong());
        rendered("#/event?id=" + screened.get("id").asLong());
        WebElement refused = browser.findElement(By.id("event-cdm-xml"));
        refused.click();
        WebElement why = refused.findElement(By.xpath("following-sibling::span[contains(@class, 'status')]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> why.getText().contains("covariances"));
        assertThat(why.getText()).contains("MAXIMUM Pc");
    }

    @Test
    void aConjunctionReceivedAsACdmDownloadsAsOne() throws Exception {
        signIn(SERVED.adminToken());
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SERVED.base()
                + "/api/v1/conjunctions?limit=1000")).header("Authorization", "Bearer " + SERVED.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        long id = -1;
        for (JsonNode c : JSON.readTree(list.body()).get("items")) {
            if (c.get("fromCdm").asBoolean()) {
                id = c.get("id").asLong();
            }
        }
        assertThat(id).as("the conjunction received as a CDM").isNotNegative();
        browser.get(SERVED.base() + "/#/conjunction?id=" + id);
        rendered("#/conjunction?id=" + id);
        browser.findElement(By.id("cdm-kvn")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(".status"))
                .getText().startsWith("saved"));
        Path file = downloads.resolve("conjunction-" + id + ".kvn");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Files.exists(file));
        assertThat(Files.readString(file)).startsWith("CCSDS_CDM_VERS");
        assertThat(browser.findElement(By.cssSelector(".status")).getText()).contains("CLEAR");
    }

    @Test
    void aOneObjectScreeningStartedFromThePageLandsOnItsResults() throws IOException {
        signIn(SERVED.adminToken());
        browser.get(SERVED.base() + "/#/object?id=25544");
        rendered("#/object?id=25544");
        browser.findElement(By.id("screen-object")).click();
        rendered("#/screening?noradId=25544");
        assertThat(browser.findElement(By.name("start")).getAttribute("value")).isEqualTo("2024-07-05T14:27:56Z");
        type("windowHours", "8");
        type("thresholdKm", "100");
        long runId = landOnResults();
        assertThat(SERVED.node().screening().findRun(runId).orElseThrow().primaryNoradId()).hasValue(HIDDEN_NORAD_ID);
        List<WebElement> rows = browser.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).isNotEmpty().allMatch(r -> r.getText().contains("25544"));
        assertThat(browser.findElement(By.cssSelector(".run")).getText()).startsWith("Screening run " + runId
                + ": one vs all 25544, window 8.0 h from 2024-07-05 14:27:56Z");
        screenshot("screening-results");
        browser.get(SERVED.base() + "/#/screening");
        rendered("#/screening");
        screenshot("screening");
    }

    @Test
    void anAllAgainstAllScreeningStartedFromThePageLandsOnItsResults() throws IOException {
        signIn(SERVED.adminToken());
        browser.get(SERVED.base() + "/#/screening");
        rendered("#/screening");
        browser.findElement(By.cssSelector("input[name=kind][value=all]")).click();
        assertThat(browser.findElement(By.name("primaryNoradId")).isDisplayed()).isFalse();
        browser.findElement(By.name("start")).sendKeys("2024-07-05T12:00:00Z");
        type("windowHours", "1");
        long runId = landOnResults();
        assertThat(SERVED.node().screening().findRun(runId).orElseThrow().primaryNoradId()).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".run")).getText()).startsWith("Screening run " + runId
                + ": all vs all, window 60 min from 2024-07-05 12:00:00Z");
    }

    @Test
    void anUploadedOemScreenedFromThePageLandsOnItsResults() throws Exception {
        String oem = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SERVED.base()
                + "/api/v1/objects/25544/ephemeris?from=2024-07-05T12:00:00Z&to=2024-07-06T00:00:00Z&step=20s"
                + "&frame=gcrf&format=oem")).header("Authorization", "Bearer " + SERVED.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Path file = profile.resolve("iss-plan.oem");
        Files.writeString(file, oem);
        signIn(SERVED.adminToken());
        browser.get(SERVED.base() + "/#/screening?kind=oem");
        rendered("#/screening?kind=oem");
        assertThat(browser.findElement(By.name("windowHours")).getAttribute("value")).as("whole ephemeris").isEmpty();
        browser.findElement(By.name("file")).sendKeys(file.toString());
        type("thresholdKm", "200");
        long runId = landOnResults();
        screenshot("screening-oem-results");
        var run = SERVED.node().screening().findRun(runId).orElseThrow();
        assertThat(run.kind()).isEqualTo(org.concord.screening.ScreeningRun.Kind.EPHEMERIS);
        assertThat(browser.findElement(By.cssSelector(".run")).getText()).startsWith("Screening run " + runId
                + ": ephemeris");
        assertThat(browser.findElements(By.cssSelector("table.data tbody tr"))).isNotEmpty()
                .allMatch(r -> r.getText().contains("25544"));
    }

    /** Replaces what the form's field {@code name} holds with {@code text}. */
    private static void type(String name, String text) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    /** Submits the screening form and waits for the conjunctions of its run; the run's id. */
    private static long landOnResults() {
        browser.findElement(By.xpath("//button[text()='Start screening']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("runId="));
        String hash = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('#'));
        rendered(hash);
        long runId = Long.parseLong(hash.replaceAll(".*runId=(\\d+).*", "$1"));
        assertThat(browser.findElement(By.cssSelector(".summary")).getText())
                .startsWith(SERVED.node().screening().findRun(runId).orElseThrow().figures().orElseThrow()
                        .conjunctions() + " conjunction");
        return runId;
    }

    /**
     * The one WebGL test (SwiftShader is slow): the globe reaches 'ready' with every object the caller may see, asks
     * nothing of any other host, and a click on the selected object (where the camera looks) picks it.
     */
    @Test
    void theGlobeShowsEveryObjectAndPicksTheSelectedOneWithoutCallingOut() throws Exception {
        signIn(SERVED.adminToken());
        browser.manage().logs().get(LogType.PERFORMANCE);
        long began = System.nanoTime();
        browser.get(SERVED.base() + "/#/globe?ids=25544");
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(d -> "ready".equals(d.findElement(By.id("main"))
                .getAttribute("data-globe")));
        System.out.printf("globe ready in %.1f s (the page's own count: %s s)%n", (System.nanoTime() - began) / 1e9,
                browser.findElement(By.id("main")).getAttribute("data-globe-seconds"));
        assertThat(browser.findElement(By.cssSelector("main .summary")).getText())
                .startsWith("301 objects you may see, at 2024-07-0").contains("1 selected");
        WebElement canvas = browser.findElement(By.cssSelector("#globe canvas"));
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(canvas).click().perform();
        WebElement picked = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.id("picked")).stream().findFirst().orElse(null));
        assertThat(picked.getText()).startsWith("25544 " + HIDDEN_NAME + ":").contains("km", "element epoch 2024-07-")
                .doesNotContain("[object");
        screenshot("globe");
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.at("/params/request/url").asText());
            }
        }
        assertThat(urls).as("requests").anyMatch(u -> u.contains("/console/cesium/Assets/Textures/NaturalEarthII/"))
                .allMatch(u -> u.startsWith(SERVED.base() + "/") || u.startsWith("data:") || u.startsWith("blob:"));
        // the policy refused no script, worker, request or image: CesiumJS reports only its credit sanitiser's inline
        // styles and the WebAssembly decoders it compiles on loading, neither of which the globe uses
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .filteredOn(m -> m.contains("Content Security Policy"))
                .allMatch(m -> m.contains("/console/cesium/Cesium.js") && (m.contains("Applying inline style")
                        || m.contains("WebAssembly")), "inline style or WebAssembly from Cesium.js");
    }

    /** A browser without WebGL (every canvas refuses a context): the globe says so, and every other view works. */
    @Test
    void withoutWebGlTheGlobeSaysSoAndEveryOtherViewWorks() {
        signIn(SERVED.adminToken());
        browser.executeScript("HTMLCanvasElement.prototype.getContext = function () { return null; };");
        for (String page : List.of("#/objects", "#/object?id=25544", "#/conjunctions?noradId=25544", "#/screening",
                "#/cyber", "#/sharing", "#/federation", "#/audit", "#/globe")) {
            browser.executeScript("location.hash = arguments[0];", page); // the same document keeps the refusal
            rendered(page);
            assertThat(browser.findElements(By.cssSelector("main .error"))).as(page).isEmpty();
        }
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("The globe needs WebGL");
        assertThat(browser.findElement(By.id("main")).getAttribute("data-globe")).isNull();
    }

    @Test
    void aPartnersTokenShowsTheHiddenObjectNowhereOnThePage() {
        List<String> pages = List.of("#/conjunctions", "#/conjunctions?sort=tca", "#/conjunctions?noradId=25544",
                "#/objects", "#/objects?name=ZARYA", "#/object?id=25544", "#/screening", "#/events",
                "#/events?noradId=25544");
        signIn(SERVED.adminToken());
        List<String> adminSaw = pagesShowing(pages, HIDDEN_NAME);
        assertThat(adminSaw).as("the node's administrator sees the ISS on these pages").contains(
                "#/conjunctions?noradId=25544", "#/objects?name=ZARYA", "#/object?id=25544", "#/events?noradId=25544");
        signIn(partnerToken);
        assertThat(browser.findElement(By.id("who")).getText()).contains("AUS");
        assertThat(pagesShowing(pages, HIDDEN_NAME)).as("pages that show the partner the ISS").isEmpty();
        browser.get(SERVED.base() + "/#/conjunctions?noradId=25544");
        rendered("#/conjunctions?noradId=25544");
        assertThat(browser.findElements(By.cssSelector("table.data tbody tr"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".empty")).getText()).contains("No conjunction matches");
    }

    @Test
    void theTokenStaysInTheSessionAndNeverInAUrl() throws Exception {
        browser.manage().logs().get(LogType.PERFORMANCE);
        signIn(SERVED.adminToken());
        for (String page : List.of("#/objects", "#/object?id=25544", "#/conjunctions", "#/sharing", "#/audit")) {
            browser.get(SERVED.base() + "/" + page);
            rendered(page);
        }
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.at("/params/request/url").asText());
                urls.add(message.at("/params/documentURL").asText());
            }
        }
        assertThat(urls).as("requests seen").anyMatch(u -> u.contains("/api/v1/objects/25544"));
        assertThat(urls).noneMatch(u -> u.contains(SERVED.adminToken()));
        assertThat(browser.getCurrentUrl()).doesNotContain(SERVED.adminToken());
        assertThat((String) browser.executeScript("return sessionStorage.getItem('concord.token')"))
                .isEqualTo(SERVED.adminToken());
        assertThat((Long) browser.executeScript("return localStorage.length")).isZero();
        assertThat(browser.manage().getCookies()).isEmpty();
    }

    @Test
    void anAdministratorSeesTheSharingAndVerifiesTheAuditLog() throws Exception {
        HttpResponse<String> signed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(SERVED.base() + "/api/v1/audit/checkpoints")).header("Authorization", "Bearer "
                + SERVED.adminToken()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signed.statusCode()).isEqualTo(201);
        signIn(SERVED.adminToken());
        browser.findElement(By.linkText("Sharing")).click();
        rendered("#/sharing");
        String sharing = browser.findElement(By.tagName("main")).getText();
        assertThat(sharing).contains("Parties", "AUS", "Users", "Tokens", "Agreements", "conjunctions", "not yet in force");
        screenshot("sharing");
        browser.findElement(By.linkText("Federation")).click();
        rendered("#/federation");
        WebElement partner = browser.findElement(By.cssSelector("section.partner[data-party=AUS]"));
        assertThat(partner.getText()).contains("AUS active", "Bundles served / acknowledged\n1 / 0",
                "Bundles accepted\n0", "Last received\nnever", "Agreements releasing to AUS", "conjunctions",
                "not yet in force").containsPattern("Errors\\n1 — last: rejected a bundle: .+ \\(2\\d{3}-.+ ago\\)\\)")
                .doesNotContain("[object");
        screenshot("federation");
        browser.findElement(By.linkText("Audit")).click();
        rendered("#/audit");
        browser.findElement(By.id("verify")).click();
        WebElement verdict = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector(".verdict .ok, .verdict .error")).stream().findFirst().orElse(null));
        assertThat(verdict.getText()).startsWith("The log is intact: its first "
                + JSON.readTree(signed.body()).get("treeSize").asLong() + " entries");
        screenshot("audit");
    }

    private static List<String> pagesShowing(List<String> pages, String text) {
        List<String> showing = new ArrayList<>();
        for (String page : pages) {
            browser.get(SERVED.base() + "/" + page);
            rendered(page);
            if (browser.getPageSource().contains(text)) {
                showing.add(page);
            }
        }
        return showing;
    }

    private static void signIn(String token) {
        CONSOLE.signIn(token);
    }

    private static void rendered(String hash) {
        CONSOLE.rendered(hash);
    }

    private static void tallScreenshot(String name) throws IOException {
        CONSOLE.tallScreenshot(name, 1500);
    }

    /** The first event the node's administrator sees (highest Pc first) that matches; fails when none does. */
    private static JsonNode firstEvent(String what, java.util.function.Predicate<JsonNode> matches)
            throws IOException, InterruptedException {
        JsonNode page = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SERVED.base()
                + "/api/v1/events?sort=-pc&limit=1000")).header("Authorization", "Bearer " + SERVED.adminToken())
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false).filter(matches)
                .findFirst().orElseThrow(() -> new AssertionError("no " + what + " among the events"));
    }

    private static void screenshot(String name) throws IOException {
        CONSOLE.screenshot(name);
    }
}
