package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.reentry.ReentryFixtures;
import org.concord.reentry.ReentryService;
import org.concord.spaceweather.SpaceWeatherFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * The console's product views in a real browser against a real node: space weather from CelesTrak's file of 1998-07 to
 * 2026-04 (public) and SWPC's alerts (released to the node's own party only), and two re-entry predictions of a
 * decaying debris, the first from a public element set, the second also from a newer one released to the node's own
 * party only (so the partner sees the first and not the second).
 */
class ConsoleProductsBrowserTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(ConsoleProductsBrowserTest::prepare)
            .in(Map.of("CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "100000",
                    "CONCORD_HTTP_ANONYMOUS_BURST", "10000"));

    /** The browser, signed out before each test. */
    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser(SERVED);

    private static final String MAY_2024 = "from=2024-05-08T00%3A00%3A00Z&to=2024-05-13T00%3A00%3A00Z";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The debris's name in its public element set. */
    private static final String PUBLIC_NAME = "FALCON 9 DEB";
    /** Its name in the newer element set released to the node's party only: a partner must never see it. */
    private static final String OWN_NAME = "FALCON 9 DEB (TRACKED)";

    private static ChromeDriver browser;
    private static String partnerToken;
    private static long publicPrediction;
    private static long ownPrediction;
    private static long trackPrediction;

    private static void prepare(Node node) {
        String party = node.sharing().nodeParty();
        Label open = Label.publicFrom(party);
        Label own = Label.parse("rel=REL TO " + party + ";tlp=AMBER", open);
        node.ingestSpaceWeatherAudited("SW-All.csv",
                SpaceWeatherFiles.bytes("SW-All_CelesTrak_csv_1998-07_to_2026-04.csv"), open, "test", "test",
                Optional.empty());
        node.ingestSpaceWeatherAudited("alerts.json", SpaceWeatherFiles.bytes("swpc-alerts.json"), own, "test", "test",
                Optional.empty());
        List<TLE> sets = ReentryFixtures.debrisSets();
        ReentryService reentries = ReentryFixtures.service(node);
        ingest(node, "older.tle", PUBLIC_NAME, sets.get(0), open);
        publicPrediction = reentries.predict(ReentryFixtures.DEBRIS).map(Product::id).orElseThrow();
        ingest(node, "newest.tle", OWN_NAME, sets.get(1), own);
        ownPrediction = reentries.predict(ReentryFixtures.DEBRIS).map(Product::id).orElseThrow();
        ingest(node, "altair.tle", "ALTAIR PATHFINDER", ReentryFixtures.altairSet(), own);
        trackPrediction = reentries.predict(ReentryFixtures.ALTAIR).map(Product::id).orElseThrow();
        partnerToken = TestNodes.token(node, "AUS", Role.ANALYST);
    }

    private static void ingest(Node node, String file, String objectName, TLE tle, Label label) {
        String text = "0 " + objectName + "\n" + tle.getLine1() + "\n" + tle.getLine2() + "\n";
        node.ingest().ingest(new IngestRequest(file, text.getBytes(StandardCharsets.US_ASCII), Optional.of(label),
                "test", false, Optional.empty()));
    }

    @BeforeAll
    static void openBrowser() {
        browser = CONSOLE.driver();
    }

    /**
     * The May 2024 storm as the node's merged Kp gives it (docs/space-weather.md): 2024-05-10 15:00 8- (G3), 18:00
     * 9- (G4: 9- is below G5), 2024-05-11 00:00 9o (G5); each bar coloured by its level, reaching its threshold line.
     */
    @Test
    void theKpChartColoursTheMay2024StormByItsGLevels() throws IOException {
        CONSOLE.signIn(SERVED.adminToken());
        browser.findElement(By.linkText("Space weather")).click();
        CONSOLE.rendered("#/space-weather");
        String window = "#/space-weather?from=2024-05-09T00%3A00%3A00Z&to=2024-05-13T00%3A00%3A00Z";
        browser.findElement(By.name("from")).sendKeys("2024-05-09T00:00:00Z");
        WebElement to = browser.findElement(By.name("to"));
        to.sendKeys("2024-05-13T00:00:00Z");
        to.submit();
        CONSOLE.rendered(window);
        List<WebElement> bars = browser.findElements(By.cssSelector("svg.chart-kp rect.bar"));
        assertThat(bars).as("four days of 3-hour intervals").hasSize(32);
        assertThat(bar("2024-05-10T15:00:00Z").getAttribute("class")).isEqualTo("bar g3");
        assertThat(bar("2024-05-10T18:00:00Z").getAttribute("class")).isEqualTo("bar g4");
        assertThat(bar("2024-05-11T00:00:00Z").getAttribute("class")).isEqualTo("bar g5");
        assertThat(bar("2024-05-09T00:00:00Z").getAttribute("class")).isEqualTo("bar g0");
        assertThat(bar("2024-05-11T00:00:00Z").getCssValue("fill")).isEqualTo("rgb(200, 0, 0)");
        assertThat(bar("2024-05-10T18:00:00Z").getCssValue("fill")).isEqualTo("rgb(255, 0, 0)");
        assertThat(bar("2024-05-11T00:00:00Z").findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo("2024-05-11 00:00:00Z + 3 h: Kp 9o (9.00), G5, ap 400 nT, observed");
        // the thresholds: G1 at Kp 5 up to G5 at 9; a 9o bar reaches the G5 line, a 9- bar stays under it
        List<WebElement> thresholds = browser.findElements(By.cssSelector("svg.chart-kp g.g-threshold"));
        assertThat(thresholds).extracting(t -> t.getAttribute("data-value")).containsExactly("5", "6", "7", "8", "9");
        assertThat(thresholds).extracting(WebElement::getText).containsExactly("G1 minor", "G2 moderate",
                "G3 strong", "G4 severe", "G5 extreme");
        double g5 = Double.parseDouble(thresholds.get(4).findElement(By.tagName("line")).getAttribute("y1"));
        double g4 = Double.parseDouble(thresholds.get(3).findElement(By.tagName("line")).getAttribute("y1"));
        assertThat(Double.parseDouble(bar("2024-05-11T00:00:00Z").getAttribute("y"))).isCloseTo(g5, within(0.1));
        double nineMinus = Double.parseDouble(bar("2024-05-10T18:00:00Z").getAttribute("y"));
        assertThat(nineMinus).isGreaterThan(g5).isLessThan(g4);
        assertThat(browser.findElements(By.cssSelector("svg.chart-f107 circle.point"))).as("a point a day").hasSize(4);
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).contains("sfu", "32 intervals of 3.0 h", "Alerts", "SWPC", "TLP:AMBER", "TLP:CLEAR");
        assertThat(browser.findElement(By.className("later")).getAttribute("href"))
                .endsWith("#/space-weather?from=2024-05-13T00%3A00%3A00Z&to=2024-05-17T00%3A00%3A00Z");
        CONSOLE.tallScreenshot("space-weather", 1800);
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy"));
    }

    private static WebElement bar(String start) {
        return browser.findElement(By.cssSelector("svg.chart-kp rect.bar[data-start='" + start + "']"));
    }

    /**
     * The node holds nothing this recent: the chart says why and offers the newest observed week, where the days after
     * the file's last observed one are drawn as predicted.
     */
    @Test
    void anEmptyWindowSaysWhyAndLeadsToTheNewestDaysWithTheirPredictionsMarked() {
        CONSOLE.open("#/space-weather");
        WebElement why = browser.findElement(By.cssSelector("main .empty"));
        assertThat(why.getText()).startsWith("No Kp you may see in this window: the newest observed day of indices"
                + " you may see is 2026-04-26 (observed, from celestrak-csv).");
        why.findElement(By.className("newest-window")).click();
        CONSOLE.rendered("#/space-weather?from=2026-04-22T00%3A00%3A00Z&to=2026-04-29T00%3A00%3A00Z");
        List<WebElement> bars = browser.findElements(By.cssSelector("svg.chart-kp rect.bar"));
        assertThat(bars).hasSize(56);
        for (WebElement bar : bars) {
            boolean after = bar.getAttribute("data-start").compareTo("2026-04-27") > 0;
            assertThat(bar.getAttribute("data-status")).isEqualTo(after ? "daily-predicted" : "observed");
            assertThat(bar.getAttribute("class").endsWith(" predicted")).as(bar.getAttribute("data-start"))
                    .isEqualTo(after);
        }
        // a window the node refuses is refused in its words
        CONSOLE.open("#/space-weather?from=2024-05-13&to=2024-05-09");
        assertThat(browser.findElement(By.cssSelector("main .error")).getText())
                .isEqualTo("400: from must be before to, and the window at most 366 days");
    }

    /** SWPC's alerts with their lifecycle: the extension chain and the cancellation named on their rows. */
    @Test
    void theAlertsShowHowSwpcsMessagesExtendAndCancelEachOther() throws IOException {
        CONSOLE.signIn(SERVED.adminToken());
        CONSOLE.open("#/space-weather?origin=swpc&" + MAY_2024);
        List<WebElement> rows = browser.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).hasSize(9);
        assertThat(row(4162).getText()).contains("extended by #4170");
        assertThat(row(4170).getText()).contains("extends #4162", "extended by #4175");
        assertThat(row(1001).getText()).contains("cancelled by #1005");
        assertThat(row(1005).getText()).contains("cancels #1001");
        browser.executeScript("document.querySelector('main section:last-of-type').scrollIntoView()");
        CONSOLE.screenshot("space-weather-alerts");
    }

    private static WebElement row(long serial) {
        return browser.findElement(By.cssSelector("table.data tbody tr[data-serial='" + serial + "']"));
    }

    @Test
    void aPredictionChartsTheWindowsOfItsObjectsPredictionsAndSaysWhenItHasNoGroundTrack() throws Exception {
        CONSOLE.signIn(SERVED.adminToken());
        browser.findElement(By.linkText("Re-entries")).click();
        CONSOLE.rendered("#/reentries");
        assertThat(browser.findElement(By.cssSelector("main .empty")).getText())
                .startsWith("No re-entry predicted from now on");
        browser.findElement(By.linkText("Show every prediction")).click();
        CONSOLE.rendered("#/reentries?from=any");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-key")).containsExactlyInAnyOrder(
                String.valueOf(publicPrediction), String.valueOf(ownPrediction), String.valueOf(trackPrediction));
        assertThat(browser.findElement(By.cssSelector("tr[data-key='" + ownPrediction + "']")).getText())
                .contains(String.valueOf(ReentryFixtures.DEBRIS), "uncontrolled", "epoch and window", "ago)", "2 sets",
                        "TLP:AMBER");
        assertThat(browser.findElement(By.cssSelector("tr[data-key='" + publicPrediction + "']")).getText())
                .contains("1 set", "TLP:CLEAR");
        // the object as the catalog names it to this caller (after the newest record it may see), the label as a
        // marking: its TLP colour and releasability
        for (long id : List.of(publicPrediction, ownPrediction)) {
            WebElement row = browser.findElement(By.cssSelector("tr[data-key='" + id + "']"));
            assertThat(row.findElement(By.cssSelector("td:first-child")).getText())
                    .isEqualTo(ReentryFixtures.DEBRIS + " " + OWN_NAME);
            assertThat(row.findElement(By.cssSelector("td:first-child a")).getAttribute("href"))
                    .endsWith("#/object?id=" + ReentryFixtures.DEBRIS);
        }
        assertThat(browser.findElements(By.cssSelector("table.data thead th"))).extracting(WebElement::getText)
                .contains("Object", "Label");
        WebElement own = browser.findElement(By.cssSelector("tr[data-key='" + ownPrediction + "'] td:last-child"));
        assertThat(own.findElement(By.className("tlp")).getText()).isEqualTo("TLP:AMBER");
        assertThat(own.findElement(By.className("tlp")).getCssValue("color")).isEqualTo("rgba(255, 192, 0, 1)");
        assertThat(own.findElement(By.className("rel")).getText()).isEqualTo("REL TO " + SERVED.node().sharing()
                .nodeParty());
        CONSOLE.screenshot("reentries");
        browser.findElement(By.cssSelector("tr[data-key='" + ownPrediction + "']")).sendKeys(Keys.ENTER);
        CONSOLE.rendered("#/reentry?id=" + ownPrediction);
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).contains("Re-entry of " + ReentryFixtures.DEBRIS + " " + OWN_NAME + ": prediction "
                        + ownPrediction,
                "uncontrolled — left to drag", "m²/kg", "NRLMSISE-00",
                "No ground track in this prediction: its window is too long",
                "States overflown in the window", "FJI Fiji",
                "2 predictions of object " + ReentryFixtures.DEBRIS + " you may see");
        // one row per prediction, oldest data first, each window as long as its duration on one time scale
        List<WebElement> predictions = browser.findElements(By.cssSelector("svg.chart-windows g.prediction"));
        assertThat(predictions).extracting(r -> r.getAttribute("data-id"))
                .containsExactly(String.valueOf(publicPrediction), String.valueOf(ownPrediction));
        assertThat(predictions.get(1).getAttribute("class")).isEqualTo("prediction current");
        double[] pixels = new double[2];
        double[] seconds = new double[2];
        for (int i = 0; i < 2; i++) {
            WebElement row = predictions.get(i);
            pixels[i] = Double.parseDouble(row.findElement(By.cssSelector("rect.window")).getAttribute("width"));
            JsonNode p = prediction(Long.parseLong(row.getAttribute("data-id")));
            seconds[i] = Duration.between(Instant.parse(p.get("windowOpens").asText()),
                    Instant.parse(p.get("windowCloses").asText())).toSeconds();
        }
        assertThat(pixels[1] / pixels[0]).isCloseTo(seconds[1] / seconds[0], within(0.01));
        CONSOLE.tallScreenshot("reentry", 1500);
    }

    private static JsonNode prediction(long id) throws IOException, InterruptedException {
        return prediction(id, SERVED.adminToken());
    }

    private static JsonNode prediction(long id, String token) throws IOException, InterruptedException {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SERVED.base()
                + "/api/v1/reentries/" + id)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * A real prediction of a window of hours, as the node computed it: the page draws the answer's ground track (one
     * piece per line of the MultiLineString, each starting where the line starts on the map's projection), highlights
     * every state of the answer's {@code overflown} list that the 1:110m map has a shape for, with its first and last
     * overflight, names the others as too small, and lists them all in the answer's order.
     */
    @Test
    void aPredictionWithAGroundTrackDrawsItAndHighlightsTheStatesOverflown() throws Exception {
        JsonNode p = prediction(trackPrediction);
        assertThat(p.get("outcome").asText()).isEqualTo("WINDOW");
        JsonNode lines = p.get("groundTrack").get("coordinates");
        assertThat(lines.size()).as("a track of hours crosses the antimeridian").isGreaterThan(1);
        List<JsonNode> overflown = new ArrayList<>();
        p.get("overflown").forEach(overflown::add);
        assertThat(overflown).isNotEmpty();
        List<String> codes = overflown.stream().filter(o -> !o.get("state").isNull()).map(o -> o.get("state")
                .asText()).toList();

        CONSOLE.signIn(SERVED.adminToken());
        CONSOLE.open("#/reentry?id=" + trackPrediction);
        WebElement map = browser.findElement(By.cssSelector("main svg.map"));
        String track = map.findElement(By.cssSelector("path.track")).getAttribute("d");
        List<double[]> starts = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("M(-?[0-9.e-]+),(-?[0-9.e-]+)").matcher(track);
        while (m.find()) {
            starts.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        assertThat(starts).as("pieces of the track").hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            // the map's equirectangular projection of the whole sphere onto 960 × 480
            double longitude = lines.get(i).get(0).get(0).asDouble();
            double latitude = lines.get(i).get(0).get(1).asDouble();
            assertThat(starts.get(i)[0]).as("x of line %d", i).isCloseTo((longitude + 180) * 960 / 360,
                    within(0.5));
            assertThat(starts.get(i)[1]).as("y of line %d", i).isCloseTo((90 - latitude) * 480 / 180, within(0.5));
        }
        List<String> highlighted = map.findElements(By.cssSelector("path.state.overflown")).stream()
                .map(s -> s.getAttribute("data-state")).toList();
        String text = browser.findElement(By.tagName("main")).getText();
        List<String> tooSmall = text.lines().filter(l -> l.startsWith("Overflown but too small for this 1:110m map: "))
                .flatMap(l -> java.util.Arrays.stream(l.substring(l.indexOf(": ") + 2, l.length() - 1).split(", ")))
                .toList();
        assertThat(highlighted).as("drawn states").isNotEmpty().doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(tooSmall);
        List<String> shown = new ArrayList<>(highlighted);
        shown.addAll(tooSmall);
        assertThat(shown).as("every state overflown, drawn or named").containsExactlyInAnyOrderElementsOf(codes);
        for (JsonNode o : overflown) {
            String code = o.get("state").asText();
            if (highlighted.contains(code)) {
                assertThat(map.findElement(By.cssSelector("path[data-state=" + code + "] title"))
                        .getAttribute("textContent")).endsWith("(" + code + "): overflown "
                        + utc(o.get("firstOverflightUtc").asText()) + " to " + utc(o.get("lastOverflightUtc").asText()));
            }
        }
        assertThat(text).doesNotContain("No ground track");
        List<WebElement> rows = browser.findElements(By.cssSelector(
                "table[aria-label='States overflown in the window'] tbody tr"));
        assertThat(rows).hasSize(overflown.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode o = overflown.get(i);
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).startsWith(o.get("state").isNull() ? "— " + o.get("name").asText()
                    : o.get("state").asText() + " ");
            assertThat(cells.get(1).getText()).startsWith(utc(o.get("firstOverflightUtc").asText()));
            assertThat(cells.get(2).getText()).startsWith(utc(o.get("lastOverflightUtc").asText()));
        }
        CONSOLE.tallScreenshot("reentry-map", 1500);
    }

    /** An instant as the console writes it: 2019-12-08 02:03:04Z. */
    private static String utc(String instant) {
        return instant.replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
    }

    @Test
    void aPartnerSeesOnlyWhatIsReleasedToIt() throws Exception {
        CONSOLE.signIn(partnerToken);
        CONSOLE.open("#/reentries?from=any");
        assertThat(browser.findElements(By.cssSelector("table.data tbody tr"))).extracting(r -> r.getAttribute(
                "data-key")).containsExactly(String.valueOf(publicPrediction));
        // the object is named after the newest record the partner may see: the name in the hidden one never shows
        assertThat(browser.findElement(By.cssSelector("table.data tbody tr td:first-child")).getText())
                .isEqualTo(ReentryFixtures.DEBRIS + " " + PUBLIC_NAME);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(OWN_NAME);
        assertThat(prediction(publicPrediction, partnerToken).get("objectName").asText()).isEqualTo(PUBLIC_NAME);
        CONSOLE.open("#/reentry?id=" + ownPrediction);
        assertThat(browser.findElement(By.cssSelector("main .error")).getText()).contains("404");
        CONSOLE.open("#/reentry?id=" + publicPrediction);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Re-entry of " + ReentryFixtures.DEBRIS
                + " " + PUBLIC_NAME + ": prediction", "1 prediction of object " + ReentryFixtures.DEBRIS
                + " you may see").doesNotContain("TLP:AMBER", OWN_NAME);
        assertThat(browser.findElements(By.cssSelector("svg.chart-windows rect.window"))).hasSize(1);
        CONSOLE.open("#/space-weather?origin=swpc&" + MAY_2024);
        assertThat(browser.findElements(By.cssSelector("table.data tbody tr"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("main section:last-of-type .empty")).getText())
                .isEqualTo("No alert issued in this window matches these filters among those you may see.");
        CONSOLE.open("#/space-weather?from=2024-05-10T00%3A00%3A00Z&to=2024-05-11T00%3A00%3A00Z");
        assertThat(browser.findElements(By.cssSelector("svg.chart-kp rect.bar.g4"))).as("the public indices")
                .isNotEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("TLP:AMBER");
    }
}
