package org.concord.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.concord.TestNodes;
import org.concord.node.Node;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningService;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * The console's speed in the real browser (Debian's chromium, headless, the browser tests' flags) against a node
 * holding the bundled catalog and SATCAT ({@code concord serve}'s first load), after an all-vs-all screening of
 * {@code [days]} (default 1) at {@code [km]} (default 5) from 2024-07-05 and its events, with re-entry predictions of
 * the 30 objects of lowest perigee (without space weather: no epoch, as a test node has none). Arguments:
 * {@code [days] [km] [rounds] [globe-rounds]}.
 *
 * <p>For each main list view, {@code rounds} times (default 5), signed in as the node's administrator and anonymously,
 * it prints the medians of: <b>load</b>, from a fresh page load at the view's address to the first page drawn (the
 * router's {@code data-rendered} mark, recorded in the page by a script installed before any of the page's own);
 * <b>switch</b>, from the hash change of a click in the navigation to the first page drawn; and <b>api</b>, the
 * duration of the view's list request as the browser's resource timing gives it (request sent to last byte). Then the
 * globe, {@code globe-rounds} times (default 2; anonymous, every object): from navigation to ready (imagery loaded,
 * every point drawn) and its parts, from the view's own performance marks. Figures, not assertions: the numbers depend
 * on the machine and its load, which are printed with them. The globe as last drawn is saved as
 * {@code target/console-screenshots/globe-catalog.png}.
 */
public final class ConsoleBenchmark {

    /** The router's mark, recorded with the page's clock (navigation start is 0) whenever it is set. */
    private static final String RECORDER = """
            window.__rendered = [];
            new MutationObserver(changes => {
              for (const c of changes) {
                if (c.target.id === 'main' && c.target.dataset.rendered) {
                  window.__rendered.push([c.target.dataset.rendered, performance.now()]);
                }
              }
            }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
            """;

    /** The main list views: the view's address, the path of its list request, the name of its navigation link. */
    private record View(String hash, String apiPath, String link, boolean adminOnly) {
    }

    private static final List<View> VIEWS = List.of(
            new View("#/conjunctions", "/api/v1/conjunctions", "Conjunctions", false),
            new View("#/events", "/api/v1/events", "Events", false),
            new View("#/objects", "/api/v1/objects", "Objects", false),
            new View("#/reentries?from=any", "/api/v1/reentries", "Re-entries", false),
            new View("#/audit", "/api/v1/audit/entries", "Audit", true));

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double days = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        double km = args.length > 1 ? Double.parseDouble(args[1]) : 5.0;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int globeRounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path dir = Files.createTempDirectory("concord-bench-console");
        Path profile = Files.createTempDirectory("concord-bench-chromium-");
        Node node = TestNodes.open(dir, Map.of("CONCORD_NODE_PARTY", "BENCH",
                "CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "1000000", "CONCORD_HTTP_ANONYMOUS_BURST", "1000000"));
        ApiServer server = null;
        ChromeDriver browser = null;
        try {
            node.loadSampleCatalogIfEmpty(line -> System.out.println("load: " + line));
            long t0 = System.nanoTime();
            ScreeningRun run = node.screening().run(new ScreeningService.Request(Instant.parse("2024-07-05T00:00:00Z"),
                    Duration.ofMillis(Math.round(days * 86_400_000.0)), km * 1000, java.util.Optional.empty()),
                    "bench", fraction -> { });
            node.events().update();
            System.out.printf(Locale.ROOT, "screening %.2f d at %.1f km: %d conjunctions, %.1f s with its events%n",
                    days, km, run.figures().orElseThrow().conjunctions(), (System.nanoTime() - t0) / 1e9);
            org.concord.orbit.OrekitSetup.get();
            List<Long> lowest = lowestPerigees(30);
            lowest.forEach(node.reentries()::predict);
            System.out.printf(Locale.ROOT, "re-entry predictions of the %d objects of lowest perigee%n",
                    lowest.size());
            String admin = TestNodes.adminToken(node);
            server = new ApiServer(node);
            String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
            browser = browser(profile);
            System.out.printf(Locale.ROOT, "chromium %s, %d processors, load average %.1f%n",
                    browser.getCapabilities().getBrowserVersion(), Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            browser.get(base + "/");
            views(browser, base, "anonymous", rounds);
            WebElement field = browser.findElement(By.id("token"));
            field.sendKeys(admin);
            field.submit();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("signout"))
                    .isDisplayed());
            views(browser, base, "administrator", rounds);
            browser.findElement(By.id("signout")).click();
            globe(browser, base, globeRounds);
            System.out.printf(Locale.ROOT, "load average %.1f at the end%n", loadAverage());
        } finally {
            if (browser != null) {
                browser.quit();
            }
            if (server != null) {
                server.close();
            }
            node.close();
            delete(dir);
            delete(profile);
        }
    }

    private static void views(ChromeDriver browser, String base, String caller, int rounds) {
        System.out.printf(Locale.ROOT, "%s, medians of %d (min–max): load = page load to first page drawn;"
                + " switch = navigation click to first page drawn (the view's default filters); api = the list request of the"
                + " page load; rows = on its first page%n", caller, rounds);
        for (View view : VIEWS) {
            if (view.adminOnly() && caller.equals("anonymous")) {
                continue;
            }
            List<Double> loads = new ArrayList<>();
            List<Double> switches = new ArrayList<>();
            List<Double> apis = new ArrayList<>();
            int rows = 0;
            for (int round = 0; round < rounds; round++) {
                // a page of its own (a new hash on the same page would only change the view)
                browser.get("about:blank");
                browser.get(base + "/" + view.hash());
                loads.add(renderedAt(browser, view.hash(), 0));
                rows = browser.findElements(By.cssSelector("main table.data tbody tr")).size();
                apis.add(apiMillis(browser, view.apiPath()));
                // from another view, by its navigation link, as a user moves between views
                browser.findElement(By.linkText("Screening")).click();
                renderedAt(browser, "#/screening", 0);
                double clicked = ((Number) browser.executeScript("return performance.now();")).doubleValue();
                browser.findElement(By.linkText(view.link())).click();
                String hash = view.hash().contains("?") ? view.hash().substring(0, view.hash().indexOf('?'))
                        : view.hash();
                switches.add(renderedAt(browser, hash, clicked) - clicked);
            }
            System.out.printf(Locale.ROOT, "  %-22s load %s  switch %s  api %s  (%d rows)%n", view.hash(),
                    median(loads), median(switches), median(apis), rows);
        }
    }

    /**
     * When the view of {@code hash} was drawn on this page after {@code sinceMillis}, in ms from navigation start
     * (waits for it).
     */
    private static double renderedAt(ChromeDriver browser, String hash, double sinceMillis) {
        Object at = new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(20)).until(d ->
                ((ChromeDriver) d).executeScript("const r = (window.__rendered || []).filter(e => e[0] === arguments[0]"
                        + " && e[1] > arguments[1]); return r.length ? r[0][1] : null;", hash, sinceMillis));
        return ((Number) at).doubleValue();
    }

    /** The duration of the newest request to {@code path} on this page, from its resource timing. */
    private static double apiMillis(ChromeDriver browser, String path) {
        Object ms = browser.executeScript("const e = performance.getEntriesByType('resource').filter(r =>"
                + " new URL(r.name).pathname === arguments[0]); return e.length ? e[e.length - 1].responseEnd"
                + " - e[e.length - 1].requestStart : -1;", path);
        return ((Number) ms).doubleValue();
    }

    private static void globe(ChromeDriver browser, String base, int rounds) throws IOException {
        System.out.printf(Locale.ROOT, "globe, anonymous, every object (load average %.1f)%n", loadAverage());
        // the globe's one large request, alone: its wall time and the CPU time the node's process spent on it
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            byte[] body;
            try {
                body = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                        + "/api/v1/elements?format=omm-json")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            System.out.printf(Locale.ROOT, "  GET /api/v1/elements?format=omm-json from Java: %.1f s, %.1f MB,"
                    + " node CPU %.1f s%n", (System.nanoTime() - t0) / 1e9, body.length / 1e6,
                    (os.getProcessCpuTime() - cpu0) / 1e9);
        }
        for (int round = 0; round < rounds; round++) {
            browser.get("about:blank");
            browser.get(base + "/#/globe");
            new WebDriverWait(browser, Duration.ofSeconds(600), Duration.ofMillis(100)).until(d -> "ready".equals(
                    d.findElement(By.id("main")).getAttribute("data-globe")));
            @SuppressWarnings("unchecked")
            Map<String, Object> marks = (Map<String, Object>) browser.executeScript("""
                    const at = name => performance.getEntriesByName(name)[0].startTime;
                    const elements = performance.getEntriesByType('resource')
                      .filter(r => new URL(r.name).pathname === '/api/v1/elements')[0];
                    const cesium = performance.getEntriesByType('resource')
                      .filter(r => new URL(r.name).pathname === '/console/cesium/Cesium.js')[0];
                    return { start: at('globe-start'), loaded: at('globe-loaded'), points: at('globe-points'),
                      ready: at('globe-ready'), elementsMs: elements.responseEnd - elements.requestStart,
                      elementsBytes: elements.encodedBodySize, cesiumMs: cesium.responseEnd - cesium.startTime,
                      drawn: document.getElementById('main').dataset.globePoints };""");
            double start = num(marks, "start");
            System.out.printf(Locale.ROOT, "  round %d: ready %.1f s from navigation; the view: %.1f s to the"
                    + " library and element sets (elements request %.1f s, %.1f MB; Cesium.js %.1f s), %.1f s to"
                    + " propagate and add %s points, %.1f s to the first frame with every tile; load average"
                    + " %.1f%n", round + 1, num(marks, "ready") / 1000, (num(marks, "loaded") - start) / 1000,
                    num(marks, "elementsMs") / 1000, num(marks, "elementsBytes") / 1e6, num(marks, "cesiumMs") / 1000,
                    (num(marks, "points") - num(marks, "loaded")) / 1000, marks.get("drawn"),
                    (num(marks, "ready") - num(marks, "points")) / 1000, loadAverage());
        }
        if (rounds > 0) {
            // the README's and docs/console.md's picture of the globe with the whole catalog
            Files.createDirectories(ConsoleBrowser.SCREENSHOTS);
            Files.write(ConsoleBrowser.SCREENSHOTS.resolve("globe-catalog.png"),
                    browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static String median(List<Double> ms) {
        List<Double> sorted = ms.stream().sorted().toList();
        return String.format(Locale.ROOT, "%5.0f ms (%.0f–%.0f)", sorted.get(sorted.size() / 2), sorted.getFirst(),
                sorted.getLast());
    }

    private static ChromeDriver browser(Path profile) {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
        return driver;
    }

    /** The catalog numbers of the {@code count} objects of the bundled catalog with the lowest perigee. */
    private static List<Long> lowestPerigees(int count) throws IOException {
        String text;
        try (InputStream in = Node.class.getResourceAsStream(Node.SAMPLE_CATALOG)) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        Map<Long, Double> perigeeKm = new HashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("2 ") && lines[i - 1].startsWith("1 ")) {
                TLE tle = new TLE(lines[i - 1], lines[i]);
                double n = tle.getMeanMotion();
                double semiMajorKm = Math.cbrt(398_600.4418 / (n * n));
                perigeeKm.put((long) tle.getSatelliteNumber(), semiMajorKm * (1 - tle.getE()) - 6378.137);
            }
        }
        return perigeeKm.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(count)
                .map(Map.Entry::getKey).toList();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
