package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.formats.CcsdsSchemas;
import org.concord.node.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP API over a real node: every response checked against the OpenAPI document. */
class ApiServerTest {

    private static final String SUBSET = "/catalog/subset_301obj_3le_2024-07.txt";

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.withCatalogSubset();

    private static Node node;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenApiValidator validator;
    private static String adminToken;

    /** Every request of this test is an administrator's of the node's own party: it sees all it holds. */
    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + adminToken);
    }

    @BeforeAll
    static void start() {
        node = SERVED.node();
        adminToken = SERVED.adminToken();
        base = SERVED.base();
        validator = OpenApiValidator.served();
    }

    private record Reply(int status, JsonNode body, String text) {
    }

    private static Reply get(String documentedPath, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(authorized(URI.create(base + url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return checked(documentedPath, "GET", response);
    }

    private static Reply post(String url, byte[] body) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(authorized(URI.create(base + url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
        return checked("/api/v1/orbits", "POST", response);
    }

    private static Reply checked(String documentedPath, String method, HttpResponse<String> response)
            throws IOException {
        JsonNode body = JSON.readTree(response.body());
        List<String> errors = validator.validate(documentedPath, method, response.statusCode(), body);
        assertThat(errors).as("%s %s -> %d %s", method, documentedPath, response.statusCode(), response.body())
                .isEmpty();
        return new Reply(response.statusCode(), body, response.body());
    }

    @Test
    void statusReportsCatalogSizeFreshnessAndEarthOrientation() throws Exception {
        Reply r = get("/api/v1/status", "/api/v1/status");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().at("/catalog/objects").asLong()).isEqualTo(301);
        assertThat(r.body().at("/catalog/newestEpoch").asText()).startsWith("2024-07");
        assertThat(r.body().at("/orekit/earthOrientationLoaded").asBoolean()).isFalse();
        assertThat(r.body().at("/orekit/itrfApproximate").asBoolean()).isTrue();
        assertThat(r.body().at("/database").asText()).startsWith("H2 jdbc:h2:file:");
    }

    @Test
    void answersSayHowOldTheirElementSetsAreAndWhetherTheyAreStale() throws Exception {
        // the ISS elements of 2024-07-05T14:27:56Z, four days on: beyond the three days of low orbits
        HttpResponse<String> late = CLIENT.send(authorized(URI.create(base + "/api/v1/objects/25544/ephemeris"
                + "?from=2024-07-09T15:00:00Z&to=2024-07-09T16:00:00Z&step=600s")).build(),
                HttpResponse.BodyHandlers.ofString());
        Reply stale = checked("/api/v1/objects/{noradId}/ephemeris", "GET", late);
        long ageSeconds = java.time.Duration.between(Instant.parse("2024-07-05T14:27:56.786976Z"),
                Instant.parse("2024-07-09T16:00:00Z")).toSeconds();
        assertThat(stale.body().get("stale").asBoolean()).isTrue();
        assertThat(stale.body().get("regime").asText()).isEqualTo("LEO");
        assertThat(stale.body().get("elementAgeSeconds").asLong()).isEqualTo(ageSeconds);
        assertThat(stale.body().get("elementAgeLimitSeconds").asLong()).isEqualTo(3 * 86400);
        assertThat(late.headers().firstValue("X-Concord-Stale")).contains("true");
        assertThat(late.headers().firstValue("X-Concord-Element-Age-Seconds")).contains(Long.toString(ageSeconds));
        assertThat(late.headers().firstValue("X-Concord-Element-Epoch")).contains("2024-07-05T14:27:56.786976Z");
        HttpResponse<String> near = CLIENT.send(authorized(URI.create(base + "/api/v1/objects/25544/ephemeris"
                + "?from=2024-07-05T15:00:00Z&to=2024-07-05T16:00:00Z&step=600s&format=csv")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(near.headers().firstValue("X-Concord-Stale")).contains("false");

        // exported now, years after its epoch
        HttpResponse<String> tle = CLIENT.send(authorized(URI.create(base + "/api/v1/objects/25544/elements"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tle.headers().firstValue("X-Concord-Stale")).contains("true");
        assertThat(tle.headers().firstValue("X-Concord-Orbit-Regime")).contains("LEO");
        assertThat(Long.parseLong(tle.headers().firstValue("X-Concord-Element-Age-Seconds").orElseThrow()))
                .isGreaterThan(365L * 86400);
        for (String format : List.of("omm-kvn", "omm-xml")) {
            HttpResponse<String> omm = CLIENT.send(authorized(URI.create(base + "/api/v1/objects/25544/elements"
                    + "?format=" + format)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(omm.body()).as(format).containsPattern("COMMENT\\W+element set \\d+\\.\\d days from its epoch"
                    + " 2024-07-05T14:27:56\\.786976Z \\(limit 3\\.0 days for LEO\\): STALE, the result is not"
                    + " meaningful at export");
        }

        // the screening, through the API: a run that says its results are not meaningful
        HttpResponse<String> waited = CLIENT.send(authorized(URI.create(base + "/api/v1/screenings"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\": \"2026-12-03T00:00:00Z\", \"windowSeconds\":"
                        + " 3600, \"thresholdMeters\": 5000, \"primaryNoradId\": 25544, \"wait\": true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Reply run = checked("/api/v1/screenings", "POST", waited);
        assertThat(run.body().at("/run/stale").asBoolean()).isTrue();
        assertThat(run.body().at("/run/figures/staleness/staleElementSets").asInt()).isEqualTo(301);
        assertThat(run.body().at("/run/figures/staleness/primaryStale").asBoolean()).isTrue();
        assertThat(run.body().at("/run/warning").asText()).startsWith("the primary's element set is 880.4 days");

        // each conjunction: its inputs' ages at TCA
        HttpResponse<String> recent = CLIENT.send(authorized(URI.create(base + "/api/v1/screenings"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\": \"2024-07-05T00:00:00Z\", \"windowSeconds\":"
                        + " 86400, \"thresholdMeters\": 100000, \"primaryNoradId\": 25544, \"wait\": true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode conjunctions = checked("/api/v1/screenings", "POST", recent).body().get("conjunctions");
        assertThat(conjunctions).isNotEmpty();
        for (JsonNode c : conjunctions) {
            assertThat(c.get("primaryElementAgeSeconds").isIntegralNumber()).as(c.toString()).isTrue();
            assertThat(c.get("secondaryElementAgeSeconds").isIntegralNumber()).isTrue();
            assertThat(c.get("stale").isBoolean()).isTrue();
        }

        Reply status = get("/api/v1/status", "/api/v1/status");
        assertThat(status.body().at("/catalog/freshness/objects").asLong()).isEqualTo(301);
        assertThat(status.body().at("/catalog/freshness/shareOlderThan30Days").asDouble()).isEqualTo(1.0);
    }

    @Test
    void objectCarriesItsLatestOrbitProvenanceAndLabel() throws Exception {
        Reply r = get("/api/v1/objects/{noradId}", "/api/v1/objects/25544");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().at("/name").asText()).isEqualTo("ISS (ZARYA)");
        assertThat(r.body().at("/internationalDesignator").asText()).isEqualTo("1998-067A");
        assertThat(r.body().at("/latestOrbit/epoch").asText()).isEqualTo("2024-07-05T14:27:56.786976Z");
        assertThat(r.body().at("/latestOrbit/inclinationDeg").asDouble()).isEqualTo(51.6389);
        assertThat(r.body().at("/latestOrbit/provenance/sourceName").asText()).isEqualTo("subset.tle");
        assertThat(r.body().at("/latestOrbit/provenance/line").asInt()).isEqualTo(901);
        assertThat(r.body().at("/latestOrbit/label/originator").asText()).isEqualTo("TEST");
        // ingested by the node without a label or rule: label.default, private to the node's party
        assertThat(r.body().at("/latestOrbit/label/releasability").asText()).isEqualTo("REL TO TEST");
        assertThat(r.body().at("/latestOrbit/label/tlp").asText()).isEqualTo("AMBER");
    }

    @Test
    void missingAndMalformedIdsAreClearErrors() throws Exception {
        Reply missing = get("/api/v1/objects/{noradId}", "/api/v1/objects/99999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().at("/error/message").asText()).contains("99999");
        Reply malformed = get("/api/v1/objects/{noradId}", "/api/v1/objects/abc");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/error/message").asText()).contains("'abc'");
        assertThat(get("/api/v1/objects/{noradId}/orbits", "/api/v1/objects/99999/orbits").status()).isEqualTo(404);
    }

    @Test
    void searchFiltersSortsAndPagesWithAStableCursor() throws Exception {
        Reply leo = get("/api/v1/objects", "/api/v1/objects?perigeeMaxKm=1000&inclinationMinDeg=60&sort=-perigee"
                + "&limit=1000");
        assertThat(leo.status()).isEqualTo(200);
        double previous = Double.MAX_VALUE;
        for (JsonNode item : leo.body().get("items")) {
            double perigee = item.at("/latestOrbit/perigeeAltitudeKm").asDouble();
            assertThat(perigee).isLessThanOrEqualTo(1000).isLessThanOrEqualTo(previous);
            assertThat(item.at("/latestOrbit/inclinationDeg").asDouble()).isGreaterThanOrEqualTo(60);
            previous = perigee;
        }
        assertThat(leo.body().get("total").asLong()).isEqualTo(leo.body().get("items").size()).isGreaterThan(10);

        Set<Long> paged = new HashSet<>();
        List<Long> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = "/api/v1/objects?sort=name&limit=40" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Reply page = get("/api/v1/objects", url);
            for (JsonNode item : page.body().get("items")) {
                assertThat(paged.add(item.get("noradId").asLong())).as("no object twice").isTrue();
                order.add(item.get("noradId").asLong());
            }
            cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(paged).hasSize(301);
        assertThat(pages).isEqualTo(8);
        Reply all = get("/api/v1/objects", "/api/v1/objects?sort=name&limit=1000");
        List<Long> oneShot = new ArrayList<>();
        all.body().get("items").forEach(item -> oneShot.add(item.get("noradId").asLong()));
        assertThat(order).isEqualTo(oneShot);
    }

    @Test
    void searchRejectsUnknownParametersAndBadValues() throws Exception {
        assertThat(get("/api/v1/objects", "/api/v1/objects?perigee=5").status()).isEqualTo(400);
        assertThat(get("/api/v1/objects", "/api/v1/objects?limit=0").status()).isEqualTo(400);
        assertThat(get("/api/v1/objects", "/api/v1/objects?sort=mass").body().at("/error/message").asText())
                .contains("sort: 'mass' is not an accepted value");
        assertThat(get("/api/v1/objects", "/api/v1/objects?cursor=garbage").status()).isEqualTo(400);
        assertThat(get("/api/v1/objects", "/api/v1/objects?apogeeMaxKm=high").body().at("/error/message").asText())
                .contains("apogeeMaxKm");
    }

    @Test
    void ingestStoresOnceRejectsAtomicallyAndNamesTheLine() throws Exception {
        String iss = """
                0 VANGUARD 2
                1 00011U 59001A   24190.50000000  .00001069  00000-0  55482-3 0  9990
                2 00011  32.8711 255.0638 1455653 332.1888  20.7734 11.88503118450690
                """;
        String fixed = fixChecksums(iss);
        Reply first = post("/api/v1/orbits?name=iss-update.tle&label="
                + URLEncoder.encode("rel=REL TO GBR,USA;tlp=AMBER", StandardCharsets.UTF_8), fixed.getBytes());
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("stored").asInt()).isEqualTo(1);
        assertThat(first.body().at("/label/releasability").asText()).isEqualTo("REL TO GBR,USA");
        Reply again = post("/api/v1/orbits?name=iss-update.tle", fixed.getBytes());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("stored").asInt()).isZero();
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(1);

        Reply history = get("/api/v1/objects/{noradId}/orbits", "/api/v1/objects/11/orbits");
        assertThat(history.body().get("items")).hasSize(2);
        assertThat(history.body().at("/items/0/epoch").asText()).startsWith("2024-07-08T12:00");
        assertThat(history.body().at("/items/0/label/tlp").asText()).isEqualTo("AMBER");

        String broken = fixed.replace("32.8711", "32.87x1");
        Reply rejected = post("/api/v1/orbits?name=broken.tle", broken.getBytes());
        assertThat(rejected.status()).isEqualTo(422);
        JsonNode error = rejected.body().at("/error/errors/0");
        assertThat(error.get("file").asText()).isEqualTo("broken.tle");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("field").asText()).isIn("checksum", "INCLINATION");
        assertThat(get("/api/v1/objects/{noradId}/orbits", "/api/v1/objects/11/orbits").body().get("items"))
                .hasSize(2);
    }

    @Test
    void anOversizedLabelIsABadRequestNotAServerError() throws Exception {
        String parties = String.join(",", java.util.stream.IntStream.range(0, 600).mapToObj(i -> "P" + (1000 + i))
                .toList());
        Reply r = post("/api/v1/orbits?name=x.tle&label=" + URLEncoder.encode("rel=" + parties,
                StandardCharsets.UTF_8), TestNodes.resource(SUBSET));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/error/message").asText()).contains("label too long");
    }

    @Test
    void orbitRecordIncludesItsExactContent() throws Exception {
        Reply history = get("/api/v1/objects/{noradId}/orbits", "/api/v1/objects/5/orbits");
        long id = history.body().at("/items/0/id").asLong();
        Reply orbit = get("/api/v1/orbits/{orbitId}", "/api/v1/orbits/" + id);
        assertThat(orbit.body().get("content").asText()).isEqualTo("""
                0 VANGUARD 1
                1 00005U 58002B   24187.49270102  .00000872  00000-0  11018-2 0  9997
                2 00005  34.2494 350.7565 1842018 170.0536 194.2361 10.85456480365911""");
    }

    @Test
    void everyTleComesBackOutExactlyAsItWentIn() throws Exception {
        String[] lines = new String(TestNodes.resource(SUBSET), StandardCharsets.UTF_8).split("\r?\n");
        int checked = 0;
        for (int i = 0; i + 2 < lines.length; i += 3) {
            long id = Long.parseLong(lines[i + 2].substring(2, 7).trim());
            if (id == 11) {
                continue; // updated by the ingest test
            }
            String expected = lines[i] + "\n" + lines[i + 1] + "\n" + lines[i + 2] + "\n";
            HttpResponse<String> tle = CLIENT.send(authorized(URI.create(base + "/api/v1/objects/" + id
                    + "/elements?format=tle")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tle.statusCode()).isEqualTo(200);
            assertThat(tle.body()).isEqualTo(expected);
            assertThat(tle.headers().firstValue("X-Concord-Label")).contains(
                    "originator=TEST;rel=REL TO TEST;tlp=AMBER;caveats=;expires=never");
            checked++;
        }
        assertThat(checked).isEqualTo(300);
    }

    @Test
    void elementsExportAsOmmInEveryLayout() throws Exception {
        for (String format : List.of("omm-kvn", "omm-xml", "omm-json", "omm-csv")) {
            HttpResponse<String> omm = CLIENT.send(authorized(URI.create(base
                    + "/api/v1/objects/25544/elements?format=" + format)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(omm.statusCode()).as(format).isEqualTo(200);
            assertThat(omm.body()).as(format).contains("ISS (ZARYA)").contains("1998-067A").contains("15.4")
                    .contains("51.6389");
        }
        // as the document and CelesTrak have it: an array, even of one element set
        Reply json = get("/api/v1/objects/{noradId}/elements", "/api/v1/objects/25544/elements?format=omm-json");
        assertThat(json.body().isArray()).as(json.text()).isTrue();
        assertThat(json.body()).singleElement().satisfies(omm -> assertThat(omm.get("NORAD_CAT_ID").asLong())
                .isEqualTo(25544));
        assertThat(get("/api/v1/objects/{noradId}/elements", "/api/v1/objects/25544/elements?format=sp3").status())
                .isEqualTo(400);
    }

    @Test
    void anOmmIsWrittenInTheVersionAskedForValidAgainstTheCcsdsSchema() throws Exception {
        HttpResponse<String> version2 = CLIENT.send(authorized(URI.create(base
                + "/api/v1/objects/25544/elements?format=omm-xml&ommVersion=2.0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(version2.statusCode()).isEqualTo(200);
        assertThat(version2.body()).contains("<omm id=\"CCSDS_OMM_VERS\" version=\"2.0\">");
        assertThat(CcsdsSchemas.violations(version2.body())).isEmpty();
        HttpResponse<String> standing = CLIENT.send(authorized(URI.create(base
                + "/api/v1/objects/25544/elements?format=omm-xml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(standing.body()).contains("<omm id=\"CCSDS_OMM_VERS\" version=\"3.0\">");
        assertThat(CcsdsSchemas.violationsApartFromVersion(standing.body())).isEmpty();

        Reply unknown = get("/api/v1/objects/{noradId}/elements",
                "/api/v1/objects/25544/elements?format=omm-kvn&ommVersion=1.0");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/error/message").asText()).contains("(accepted: ").contains("2.0")
                .contains("3.0");
        Reply notAnOmm = get("/api/v1/objects/{noradId}/elements",
                "/api/v1/objects/25544/elements?format=tle&ommVersion=2.0");
        assertThat(notAnOmm.status()).isEqualTo(400);
        assertThat(notAnOmm.body().at("/error/message").asText()).contains("omm-kvn and omm-xml only");
    }

    @Test
    void ephemerisOfATleInEveryFrameAndFormat() throws Exception {
        Reply json = get("/api/v1/objects/{noradId}/ephemeris", "/api/v1/objects/25544/ephemeris"
                + "?from=2024-07-05T15:00:00Z&to=2024-07-05T16:00:00Z&step=600s&frame=gcrf");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().get("samples")).hasSize(7);
        assertThat(json.body().get("method").asText()).isEqualTo("SGP4");
        assertThat(json.body().at("/label/originator").asText()).isEqualTo("TEST");
        for (JsonNode sample : json.body().get("samples")) {
            JsonNode p = sample.get("positionMeters");
            double radiusKm = Math.sqrt(p.get(0).asDouble() * p.get(0).asDouble() + p.get(1).asDouble()
                    * p.get(1).asDouble() + p.get(2).asDouble() * p.get(2).asDouble()) / 1000;
            assertThat(radiusKm).isBetween(6378.0 + 405, 6378.0 + 430);
        }
        assertThat(json.body().get("approximate").asBoolean()).isFalse();

        HttpResponse<String> csv = CLIENT.send(authorized(URI.create(base + "/api/v1/objects/25544/"
                + "ephemeris?from=2024-07-05T15:00:00Z&to=2024-07-05T15:10:00Z&step=60s&frame=geodetic&format=csv"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] rows = csv.body().split("\n");
        assertThat(rows[0]).isEqualTo("time_utc,latitude_deg,longitude_deg,altitude_m");
        assertThat(rows).hasSize(12);
        double altitude = Double.parseDouble(rows[1].split(",")[3]);
        // orbit radius 6789..6803 km over an ellipsoid whose radius is 6356.8..6378.1 km
        assertThat(altitude).isBetween(410e3, 447e3);
        assertThat(Math.abs(Double.parseDouble(rows[1].split(",")[1]))).isLessThanOrEqualTo(51.7);
        assertThat(csv.headers().firstValue("X-Concord-Approximate")).contains("true");

        HttpResponse<String> oem = CLIENT.send(authorized(URI.create(base + "/api/v1/objects/25544/"
                + "ephemeris?from=2024-07-05T15:00:00Z&to=2024-07-05T15:10:00Z&format=oem&frame=teme")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oem.statusCode()).isEqualTo(200);
        assertThat(oem.body()).contains("CCSDS_OEM_VERS").contains("REF_FRAME").contains("TEME");

        HttpResponse<String> oemXml = CLIENT.send(authorized(URI.create(base + "/api/v1/objects/25544/"
                + "ephemeris?from=2024-07-05T15:00:00Z&to=2024-07-05T15:10:00Z&format=oem-xml&frame=teme")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oemXml.statusCode()).isEqualTo(200);
        assertThat(oemXml.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/xml"));
        assertThat(CcsdsSchemas.violationsApartFromVersion(oemXml.body())).isEmpty();

        Reply unknown = get("/api/v1/objects/{noradId}/ephemeris", "/api/v1/objects/25544/ephemeris?format=oem_kvn");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/error/message").asText()).contains("(accepted: csv, json, oem, oem-xml)");
    }

    @Test
    void anOemIsInterpolatedInsideItsSpanAndNeverExtrapolated() throws Exception {
        Reply ingested = post("/api/v1/orbits?name=iss.oem",
                TestNodes.resource("/ccsds/oem/ISS.resampled.truncated.txt"));
        assertThat(ingested.status()).isEqualTo(201);
        JsonNode orbits = get("/api/v1/objects/{noradId}/orbits", "/api/v1/objects/25544/orbits").body();
        long oemId = -1;
        for (JsonNode orbit : orbits.get("items")) {
            if (orbit.get("kind").asText().equals("EPHEMERIS")) {
                oemId = orbit.get("id").asLong();
                assertThat(orbit.at("/coverage/start").asText()).isEqualTo("2022-01-17T12:00:00Z");
            }
        }
        assertThat(oemId).isPositive();
        Reply inside = get("/api/v1/objects/{noradId}/ephemeris", "/api/v1/objects/25544/ephemeris?orbitId=" + oemId
                + "&from=2022-01-17T12:00:00Z&to=2022-01-17T13:00:00Z&step=300s");
        assertThat(inside.status()).isEqualTo(200);
        assertThat(inside.body().get("method").asText()).isEqualTo("OEM interpolation");
        assertThat(inside.body().get("samples")).hasSize(13);
        Reply outside = get("/api/v1/objects/{noradId}/ephemeris", "/api/v1/objects/25544/ephemeris?orbitId="
                + oemId + "&from=2022-01-18T11:00:00Z&to=2022-01-18T13:00:00Z&step=300s");
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body().at("/error/message").asText()).contains("2022-01-18T12:00");
        Reply badStep = get("/api/v1/objects/{noradId}/ephemeris", "/api/v1/objects/25544/ephemeris?step=-5");
        assertThat(badStep.status()).isEqualTo(400);
    }

    @Test
    void storedConjunctionsAndRunsAreListedWithTheirLabels() throws Exception {
        var run = node.screeningRuns().startRun(new org.concord.screening.ScreeningRun(0,
                org.concord.screening.ScreeningRun.Kind.ONE_VS_ALL, java.util.Optional.of(25544L),
                java.time.Instant.parse("2024-07-05T00:00:00Z"), java.time.Duration.ofDays(1),
                new org.concord.screening.ScreeningVolume.Sphere(5000), java.util.Optional.empty(), "test",
                java.time.Instant.now(), org.concord.screening.ScreeningRun.Status.RUNNING, 0,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));
        var label = org.concord.label.Label.parse("rel=GBR;tlp=AMBER", org.concord.label.Label.publicFrom("TEST"));
        node.screeningRuns().finishRun(run.id(), List.of(new org.concord.conjunction.Conjunction(0, 25544, 5,
                java.util.Optional.empty(), java.util.Optional.empty(), java.time.Instant.parse("2024-07-05T12:00:00Z"),
                1234.5, 9000, 100, 1200, 200, java.util.Optional.of(new org.concord.conjunction.CollisionRisk(2e-5,
                "maximum", org.concord.risk.CovarianceSource.MAXIMUM, 12,
                "the largest probability over all covariance scalings, not a measured probability")),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), label,
                java.util.Optional.empty())),
                new org.concord.screening.ScreeningRun.Figures(2, 0, 1, 1, 0.1, 0.1, 0.1, 0.1, 0.1,
                        java.util.Optional.empty()));
        Reply list = get("/api/v1/conjunctions", "/api/v1/conjunctions?noradId=25544&maxMissMeters=5000&sort=pc");
        assertThat(list.body().get("total").asLong()).isEqualTo(1);
        JsonNode c = list.body().at("/items/0");
        assertThat(c.at("/risk/covarianceSource").asText()).isEqualTo("MAXIMUM");
        assertThat(c.at("/label/releasability").asText()).isEqualTo("REL TO GBR");
        assertThat(get("/api/v1/conjunctions/{id}", "/api/v1/conjunctions/" + c.get("id").asLong())
                .body().get("missDistanceMeters").asDouble()).isEqualTo(1234.5);
        assertThat(get("/api/v1/conjunctions", "/api/v1/conjunctions?sort=mass").status()).isEqualTo(400);
        Reply runs = get("/api/v1/screenings", "/api/v1/screenings");
        assertThat(runs.body().at("/items/0/status").asText()).isEqualTo("DONE");
        assertThat(get("/api/v1/screenings/{runId}", "/api/v1/screenings/" + run.id()).body().at("/figures/conjunctions")
                .asInt()).isEqualTo(1);
        assertThat(get("/api/v1/screenings/{runId}", "/api/v1/screenings/999999").status()).isEqualTo(404);
    }

    @Test
    void aScreeningStartsInTheBackgroundAndIsPolledToItsEnd() throws Exception {
        HttpResponse<String> started = CLIENT.send(authorized(URI.create(base + "/api/v1/screenings"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\": \"2024-07-05T00:00:00Z\", \"windowSeconds\":"
                        + " 21600, \"thresholdMeters\": 20000, \"primaryNoradId\": 25544}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        Reply reply = checked("/api/v1/screenings", "POST", started);
        assertThat(reply.status()).isEqualTo(202);
        long id = reply.body().get("id").asLong();
        assertThat(started.headers().firstValue("Location")).contains("/api/v1/screenings/" + id);
        Reply run = null;
        for (int i = 0; i < 600; i++) {
            run = get("/api/v1/screenings/{runId}", "/api/v1/screenings/" + id);
            if (!run.body().get("status").asText().equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(run.body().get("status").asText()).as(run.text()).isEqualTo("DONE");
        assertThat(run.body().at("/figures/objectsScreened").asInt()).isGreaterThan(300);
        assertThat(run.body().get("kind").asText()).isEqualTo("ONE_VS_ALL");

        HttpResponse<String> waited = CLIENT.send(authorized(URI.create(base + "/api/v1/screenings"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\": \"2024-07-05T00:00:00Z\", \"windowSeconds\":"
                        + " 86400, \"thresholdMeters\": 100000, \"primaryNoradId\": 25544, \"wait\": true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Reply result = checked("/api/v1/screenings", "POST", waited);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body().at("/run/status").asText()).isEqualTo("DONE");
        assertThat(result.body().get("conjunctions").size())
                .isEqualTo(result.body().at("/run/figures/conjunctions").asInt()).isPositive();
        result.body().get("conjunctions").forEach(c -> assertThat(List.of(c.get("primaryNoradId").asLong(),
                c.get("secondaryNoradId").asLong())).contains(25544L));

        HttpResponse<String> bad = CLIENT.send(authorized(URI.create(base + "/api/v1/screenings"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\": \"yesterday\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(checked("/api/v1/screenings", "POST", bad).status()).isEqualTo(400);
        HttpResponse<String> wordy = CLIENT.send(authorized(URI.create(base + "/api/v1/screenings"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\": \"2024-07-05T00:00:00Z\", \"thresholdMeters\":"
                        + " \"5km\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Reply rejected = checked("/api/v1/screenings", "POST", wordy);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body().at("/error/message").asText()).contains("thresholdMeters must be a number");
    }

    private static Reply postReentries(String json, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reentries"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        Reply reply = checked("/api/v1/reentries", "POST", response);
        if (reply.status() == 202) {
            assertThat(response.headers().firstValue("Location"))
                    .contains("/api/v1/reentry-jobs/" + reply.body().get("id").asLong());
        }
        return reply;
    }

    /**
     * Every object under a perigee altitude predicted as a background job, polled to its end: every object done,
     * each stored or named with why; its distance takes a unit, its keys are checked, and it is its party's only.
     */
    @Test
    void everyLowObjectIsPredictedAsABackgroundJobWithProgress() throws Exception {
        double limitKm = 600;
        long expected = node.catalog().latestOrbits().stream()
                .filter(o -> o.kind() == org.concord.catalog.OrbitKind.MEAN_ELEMENTS)
                .filter(o -> o.summary().perigeeAltitudeKm() < limitKm).map(o -> o.noradId()).distinct().count();
        assertThat(expected).as("objects of the test catalog under 600 km").isBetween(5L, 300L);
        long before = get("/api/v1/reentries", "/api/v1/reentries?limit=1").body().get("total").asLong();

        Reply started = postReentries("{\"all\": true, \"perigeeBelow\": \"600km\"}", adminToken);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.body().get("total").asLong()).isEqualTo(expected);
        assertThat(started.body().get("perigeeBelowMeters").asDouble()).isEqualTo(600_000.0);
        long id = started.body().get("id").asLong();
        Reply job = started;
        for (int i = 0; i < 1200 && !job.body().get("finished").asBoolean(); i++) {
            Thread.sleep(100);
            job = get("/api/v1/reentry-jobs/{jobId}", "/api/v1/reentry-jobs/" + id);
            assertThat(job.body().get("done").asInt()).isBetween(0, (int) expected);
        }
        assertThat(job.body().get("finished").asBoolean()).as(job.text()).isTrue();
        assertThat(job.body().get("done").asLong()).isEqualTo(expected);
        assertThat(job.body().get("stored").asInt() + job.body().get("failed").asInt()).isEqualTo((int) expected);
        assertThat(job.body().get("errors").size()).isEqualTo(job.body().get("failed").asInt());
        assertThat(job.body().get("finishedAt").isNull()).isFalse();
        assertThat(job.body().at("/label/tlp").asText()).isEqualTo("AMBER");
        assertThat(get("/api/v1/reentries", "/api/v1/reentries?limit=1").body().get("total").asLong())
                .isEqualTo(before + job.body().get("stored").asLong());

        // 300 km unless told
        Reply defaulted = postReentries("{\"all\": true}", adminToken);
        assertThat(defaulted.status()).isEqualTo(202);
        assertThat(defaulted.body().get("perigeeBelowMeters").asDouble()).isEqualTo(300_000.0);

        // units, ranges, keys
        assertThat(postReentries("{\"all\": true, \"perigeeBelow\": \"300\"}", adminToken).body()
                .at("/error/message").asText()).contains("perigeeBelow: '300' has no unit; give a distance such as 5km");
        assertThat(postReentries("{\"all\": true, \"perigeeBelow\": \"3000km\"}", adminToken).body()
                .at("/error/message").asText()).contains("outside the accepted range").contains("2000 km");
        assertThat(postReentries("{\"perigeeBelow\": \"300km\"}", adminToken).body().at("/error/message").asText())
                .contains("perigeeBelow goes with all: true");
        assertThat(postReentries("{\"all\": true, \"noradId\": 25544}", adminToken).body().at("/error/message")
                .asText()).contains("either noradId");
        Reply unknown = postReentries("{\"all\": true, \"perigee\": \"300km\"}", adminToken);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().at("/error/message").asText()).contains("perigee").contains("perigeeBelow")
                .contains("noradId");

        // a job is its party's: another party's caller, even an administrator, finds nothing; so does a bad id
        String other = TestNodes.token(node, "NZL", org.concord.access.Role.ADMIN);
        HttpResponse<String> hidden = CLIENT.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/reentry-jobs/" + id)).header("Authorization", "Bearer " + other).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(checked("/api/v1/reentry-jobs/{jobId}", "GET", hidden).status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("600");
        assertThat(get("/api/v1/reentry-jobs/{jobId}", "/api/v1/reentry-jobs/999999").status()).isEqualTo(404);
        assertThat(postReentries("{\"all\": true}", other).status()).isEqualTo(403);
    }

    private static Reply postEphemeris(String query, String oem) throws IOException, InterruptedException {
        // Expect: 100-continue, as an upload should be sent: a request refused for its parameters is answered
        // before its body goes, rather than racing the body against the server's answer
        HttpResponse<String> response = CLIENT.send(authorized(URI.create(base
                + "/api/v1/screenings/ephemeris?" + query)).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(oem))
                .header("Content-Type", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        return checked("/api/v1/screenings/ephemeris", "POST", response);
    }

    @Test
    void anUploadedEphemerisIsScreenedAndTheConjunctionsAreTheAnswer() throws Exception {
        String oem = CLIENT.send(authorized(URI.create(base + "/api/v1/objects/25544/ephemeris?from="
                + "2024-07-05T00:00:00Z&to=2024-07-05T12:00:00Z&step=20s&frame=gcrf&format=oem")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(oem).contains("CCSDS_OEM_VERS");

        Reply sphere = postEphemeris("name=iss-plan.oem&thresholdMeters=200000&label="
                + URLEncoder.encode("tlp=AMBER;rel=REL TO GBR", StandardCharsets.UTF_8), oem);
        assertThat(sphere.status()).as(sphere.text()).isEqualTo(200);
        assertThat(sphere.body().at("/run/kind").asText()).isEqualTo("EPHEMERIS");
        assertThat(sphere.body().at("/run/status").asText()).isEqualTo("DONE");
        assertThat(sphere.body().at("/run/primaryNoradId").asLong()).isEqualTo(25544);
        assertThat(sphere.body().at("/run/ephemeris/name").asText()).isEqualTo("iss-plan.oem");
        assertThat(sphere.body().at("/run/ellipsoidMeters").isNull()).isTrue();
        assertThat(sphere.body().at("/screened/0/start").asText()).isEqualTo("2024-07-05T00:00:00Z");
        assertThat(sphere.body().at("/screened/0/stop").asText()).isEqualTo("2024-07-05T12:00:00Z");
        JsonNode conjunctions = sphere.body().get("conjunctions");
        assertThat(conjunctions.size()).isEqualTo(sphere.body().at("/run/figures/conjunctions").asInt()).isEqualTo(5);
        conjunctions.forEach(c -> {
            assertThat(c.get("primaryNoradId").asLong()).isEqualTo(25544);
            assertThat(c.get("primaryOrbitId").isNull()).isTrue();
            assertThat(c.at("/label/tlp").asText()).isEqualTo("AMBER");
            assertThat(c.at("/risk/covarianceSource").asText()).isEqualTo("MAXIMUM");
        });
        long runId = sphere.body().at("/run/id").asLong();
        assertThat(get("/api/v1/screenings/{runId}", "/api/v1/screenings/" + runId).body().at("/ephemeris/sha256")
                .asText()).hasSize(64);

        Reply ellipsoid = postEphemeris("name=iss-plan.oem&ellipsoidMeters=40000,15000,40000", oem);
        assertThat(ellipsoid.status()).as(ellipsoid.text()).isEqualTo(200);
        assertThat(ellipsoid.body().at("/run/ellipsoidMeters/inTrack").asDouble()).isEqualTo(15000);
        assertThat(ellipsoid.body().at("/run/thresholdMeters").asDouble()).isEqualTo(40000);
        assertThat(ellipsoid.body().get("conjunctions").size()).isEqualTo(1);

        Reply late = postEphemeris("name=iss-plan.oem&start=2024-08-01T00:00:00Z&windowSeconds=86400", oem);
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body().at("/error/errors/0/file").asText()).isEqualTo("iss-plan.oem");
        assertThat(late.body().at("/error/errors/0/reason").asText()).contains("does not overlap the window");
        Reply broken = postEphemeris("name=broken.oem", oem.replace("CENTER_NAME", "CENTRE_NAME"));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(postEphemeris("ellipsoidMeters=1,2", oem).status()).isEqualTo(400);
        assertThat(postEphemeris("ellipsoidMeters=1,2,3&thresholdMeters=5", oem).body().at("/error/message")
                .asText()).contains("not both");
        assertThat(postEphemeris("windowSeconds=soon", oem).status()).isEqualTo(400);

        HttpResponse<String> waited = CLIENT.send(authorized(URI.create(base + "/api/v1/screenings"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\": \"2024-07-05T00:00:00Z\", \"windowSeconds\":"
                        + " 43200, \"ellipsoidMeters\": {\"radial\": 40000, \"inTrack\": 15000, \"crossTrack\": 40000},"
                        + " \"primaryNoradId\": 25544, \"wait\": true}")).build(), HttpResponse.BodyHandlers.ofString());
        Reply primary = checked("/api/v1/screenings", "POST", waited);
        assertThat(primary.status()).as(primary.text()).isEqualTo(200);
        assertThat(primary.body().at("/run/ellipsoidMeters/crossTrack").asDouble()).isEqualTo(40000);
        assertThat(primary.body().get("conjunctions").size()).isEqualTo(1);
        HttpResponse<String> bad = CLIENT.send(authorized(URI.create(base + "/api/v1/screenings"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"start\": \"2024-07-05T00:00:00Z\", \"ellipsoidMeters\":"
                        + " {\"radial\": \"wide\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(checked("/api/v1/screenings", "POST", bad).body().at("/error/message").asText())
                .contains("ellipsoidMeters.radial must be a number");
    }

    @Test
    void aCdmIsIngestedAsAConjunctionWithItsOwnPcBesideConcords() throws Exception {
        Reply ingested = post("/api/v1/orbits?name=alfano01.cdm&label=" + URLEncoder.encode("originator=USA;tlp=GREEN",
                StandardCharsets.UTF_8), TestNodes.resource("/ccsds/cdm/AlfanoTestCase01.cdm"));
        assertThat(ingested.status()).as(ingested.text()).isEqualTo(201);
        assertThat(ingested.body().get("format").asText()).isEqualTo("CDM_KVN");
        Reply again = post("/api/v1/orbits?name=alfano01-again.cdm&label=" + URLEncoder.encode(
                "originator=USA;tlp=GREEN", StandardCharsets.UTF_8), TestNodes.resource("/ccsds/cdm/AlfanoTestCase01.cdm"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(1);
        Reply list = get("/api/v1/conjunctions", "/api/v1/conjunctions?sort=pc&limit=1000");
        JsonNode cdm = null;
        for (JsonNode c : list.body().get("items")) {
            if (c.get("fromCdm").asBoolean()) {
                cdm = c;
            }
        }
        assertThat(cdm).isNotNull();
        assertThat(cdm.at("/risk/covarianceSource").asText()).isEqualTo("MEASURED");
        assertThat(cdm.at("/risk/method").asText()).contains("Alfano");
        assertThat(cdm.at("/label/originator").asText()).isEqualTo("USA");
        assertThat(cdm.at("/label/tlp").asText()).isEqualTo("GREEN");
        double ours = cdm.at("/risk/probability").asDouble();
        assertThat(ours).isPositive().isLessThanOrEqualTo(1);
        if (!cdm.get("cdmRisk").isNull()) {
            double theirs = cdm.at("/cdmRisk/probability").asDouble();
            assertThat(Math.abs(ours - theirs) / theirs).isLessThan(1e-2);
        }
        for (String format : List.of("kvn", "xml")) {
            HttpResponse<String> out = CLIENT.send(authorized(URI.create(base + "/api/v1/conjunctions/"
                    + cdm.get("id").asLong() + "/cdm?format=" + format)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).isEqualTo(200);
            assertThat(out.body()).contains("CCSDS_CDM_VERS").contains("TCA");
            org.orekit.files.ccsds.ndm.cdm.Cdm back = org.concord.formats.CdmReader.parse("out." + format, out.body());
            assertThat(back.getRelativeMetadata().getMissDistance()).isEqualTo(cdm.get("missDistanceMeters").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-6));
            if (format.equals("xml")) {
                assertThat(out.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/xml"));
                assertThat(CcsdsSchemas.violations(out.body())).isEmpty();
            }
        }
        Reply broken = post("/api/v1/orbits?name=bad.cdm", TestNodes.resource("/ccsds/cdm/CDM-missing-TCA.txt"));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body().at("/error/errors/0/field").asText()).isEqualTo("TCA");
    }

    @Test
    void theDocumentIsServed() throws Exception {
        HttpResponse<String> yaml = CLIENT.send(authorized(URI.create(base + "/api/v1/openapi.yaml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3.0.3");
        JsonNode json = JSON.readTree(CLIENT.send(authorized(URI.create(base + "/api/v1/openapi.json"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(json.at("/paths").size()).isGreaterThanOrEqualTo(7);
        java.util.Set<String> parameterKeys = java.util.Set.of("name", "in", "description", "required", "schema");
        json.at("/paths").forEach(path -> path.forEach(operation -> operation.path("parameters").forEach(p ->
                p.fieldNames().forEachRemaining(key -> assertThat(parameterKeys).as("parameter %s", p).contains(key)))));
    }

    static String fixChecksums(String tle) {
        StringBuilder out = new StringBuilder();
        for (String line : tle.split("\n")) {
            if (line.length() == 69 && (line.startsWith("1 ") || line.startsWith("2 "))) {
                line = line.substring(0, 68) + org.concord.formats.TleReader.checksumOf(line);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
