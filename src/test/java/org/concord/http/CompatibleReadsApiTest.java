package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.ingest.IngestRequest;
import org.concord.input.CelestrakQuery;
import org.concord.label.Label;
import org.concord.node.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Space-Track and CelesTrak compatible reads over a real node (the 301-object subset of 2024-07, SPOT-5's series
 * of 250 element sets, the bundled SATCAT's rows of those objects): each answer compared with what the native API
 * answers the same caller for the same objects; what a partner may not see is absent from them as from the native
 * API; unknown predicates, classes and values are refused by name.
 */
class CompatibleReadsApiTest {

    private static final String SUBSET = "/catalog/subset_301obj_3le_2024-07.txt";
    private static final String FULL = "/sample/full_catalog_3le_2024-07_26389obj.txt";
    private static final String SATCAT = "/sample/satcat_2025-01_merged.csv.gz";
    private static final Label USA_ONLY = Label.parse("originator=USA;rel=REL TO USA;tlp=AMBER",
            Label.publicFrom("USA"));
    private static final long ISS = 25544;
    private static final long SPOT_5 = 27421;

    private static final List<Long> SUBSET_IDS = new ArrayList<>();
    /** An object of the 2024 catalog outside the subset, its element set and SATCAT entry released to USA alone. */
    private static long hidden;

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(CompatibleReadsApiTest::fill);

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String gbrViewer;
    private static String usaViewer;

    private static void fill(Node node) {
        byte[] subset = TestNodes.resource(SUBSET);
        node.ingest().ingest(new IngestRequest("subset.tle", subset, Optional.of(Label.publicFrom("TEST")), "test",
                false, Optional.empty()));
        node.ingest().ingest(new IngestRequest("spot-5.tle", TestNodes.resource("/catalog/spot-5_tle_series_orekit.tle"),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        String[] lines = new String(subset, StandardCharsets.US_ASCII).split("\r?\n");
        for (int i = 1; i < lines.length; i += 3) {
            SUBSET_IDS.add(Long.parseLong(lines[i].substring(2, 7).trim()));
        }
        String[] full = new String(TestNodes.resource(FULL), StandardCharsets.US_ASCII).split("\r?\n");
        for (int i = 1; i < full.length; i += 3) {
            long norad = Long.parseLong(full[i].substring(2, 7).trim());
            if (!SUBSET_IDS.contains(norad)) {
                hidden = norad;
                String tle = full[i - 1] + "\n" + full[i] + "\n" + full[i + 1] + "\n";
                node.ingest().ingest(new IngestRequest("usa.tle", tle.getBytes(StandardCharsets.US_ASCII),
                        Optional.of(USA_ONLY), "test", false, Optional.empty()));
                break;
            }
        }
        StringBuilder publicRows = new StringBuilder();
        StringBuilder usaRows = new StringBuilder();
        try (BufferedReader satcat = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                CompatibleReadsApiTest.class.getResourceAsStream(SATCAT)), StandardCharsets.UTF_8))) {
            String header = satcat.readLine() + "\n";
            publicRows.append(header);
            usaRows.append(header);
            for (String row = satcat.readLine(); row != null; row = satcat.readLine()) {
                long norad = Long.parseLong(row.split(",", -1)[2]);
                if (SUBSET_IDS.contains(norad) || norad == SPOT_5) {
                    publicRows.append(row).append('\n');
                } else if (norad == hidden) {
                    usaRows.append(row).append('\n');
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        node.ingest().ingest(new IngestRequest("satcat.csv", publicRows.toString().getBytes(StandardCharsets.UTF_8),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        node.ingest().ingest(new IngestRequest("usa-satcat.csv", usaRows.toString().getBytes(StandardCharsets.UTF_8),
                Optional.of(USA_ONLY), "test", false, Optional.empty()));
    }

    @BeforeAll
    static void tokens() {
        gbrViewer = TestNodes.token(SERVED.node(), "GBR", Role.VIEWER);
        usaViewer = TestNodes.token(SERVED.node(), "USA", Role.VIEWER);
    }

    @Test
    void gpAnswersTheElementSetsTheNativeApiAnswers() throws Exception {
        for (long norad : List.of(ISS, SPOT_5, SUBSET_IDS.get(0), SUBSET_IDS.get(200))) {
            JsonNode nativeJson = get("/api/v1/objects/" + norad + "/elements?format=omm-json", gbrViewer).json();
            JsonNode spaceTrack = get(spaceTrack("class/gp/NORAD_CAT_ID/" + norad + "/format/json"), gbrViewer)
                    .json();
            assertThat(spaceTrack).as("Space-Track gp of %d", norad).isEqualTo(nativeJson);
            assertThat(get("/NORAD/elements/gp.php?CATNR=" + norad + "&FORMAT=json", gbrViewer).json())
                    .as("CelesTrak gp of %d", norad).isEqualTo(nativeJson);
            List<String> nativeTle = get("/api/v1/objects/" + norad + "/elements?format=tle", gbrViewer).body()
                    .lines().toList();
            List<String> twoLines = nativeTle.subList(nativeTle.size() - 2, nativeTle.size());
            assertThat(get(spaceTrack("class/gp/NORAD_CAT_ID/" + norad + "/format/tle"), gbrViewer).body().lines())
                    .containsExactlyElementsOf(twoLines);
            assertThat(get(spaceTrack("class/gp/NORAD_CAT_ID/" + norad + "/format/3le"), gbrViewer).body().lines()
                    .skip(1)).containsExactlyElementsOf(twoLines);
            assertThat(get("/NORAD/elements/gp.php?CATNR=" + norad + "&FORMAT=2le", gbrViewer).body().lines())
                    .containsExactlyElementsOf(twoLines);
            assertThat(withoutComments(get(spaceTrack("class/gp/NORAD_CAT_ID/" + norad + "/format/kvn"), gbrViewer)
                    .body())).isEqualTo(withoutComments(get("/api/v1/objects/" + norad + "/elements?format=omm-kvn",
                    gbrViewer).body()));
        }
        assertThat(get(spaceTrack("class/gp/NORAD_CAT_ID/" + ISS + "/format/3le"), gbrViewer).body().lines()
                .findFirst()).contains("0 ISS (ZARYA)");
    }

    @Test
    void theWholeVisibleCatalogAndItsPredicatesMatchTheNativeExport() throws Exception {
        JsonNode all = get("/api/v1/elements?format=omm-json", gbrViewer).json();
        JsonNode gp = get(spaceTrack("class/gp"), gbrViewer).json();
        assertThat(gp).isEqualTo(all);
        assertThat(gp.size()).isEqualTo(302);
        // a range, a list, a range in a list
        assertThat(ids(get(spaceTrack("class/gp/NORAD_CAT_ID/1--100/format/json"), gbrViewer).json()))
                .containsExactlyElementsOf(ids(all).stream().filter(id -> id <= 100).toList());
        assertThat(ids(get(spaceTrack("class/gp/NORAD_CAT_ID/" + ISS + "," + SPOT_5 + ",5--11"), gbrViewer).json()))
                .containsExactlyElementsOf(ids(all).stream().filter(id -> id == ISS || id == SPOT_5 || id >= 5
                        && id <= 11).toList());
        // names: exact and contains, ignoring case
        List<Long> nativeVanguard = new ArrayList<>();
        get("/api/v1/objects?name=vanguard", gbrViewer).json().get("items")
                .forEach(o -> nativeVanguard.add(o.get("noradId").asLong()));
        assertThat(nativeVanguard).isNotEmpty();
        assertThat(ids(get(spaceTrack("class/gp/OBJECT_NAME/~~vanguard"), gbrViewer).json()))
                .containsExactlyElementsOf(nativeVanguard);
        assertThat(ids(get(spaceTrack("class/gp/OBJECT_NAME/" + enc("iss (zarya)")), gbrViewer).json()))
                .containsExactly(ISS);
        assertThat(ids(get("/NORAD/elements/gp.php?NAME=vanguard&FORMAT=json", gbrViewer).json()))
                .containsExactlyElementsOf(nativeVanguard);
        // epochs: the subset is of 2024-07, SPOT-5's newest of 2002
        assertThat(get(spaceTrack("class/gp/EPOCH/" + enc(">now-30")), gbrViewer).json()).isEmpty();
        assertThat(get(spaceTrack("class/gp/EPOCH/" + enc(">now-20000")), gbrViewer).json()).hasSize(302);
        assertThat(ids(get(spaceTrack("class/gp/EPOCH/" + enc("<2010-01-01")), gbrViewer).json()))
                .containsExactly(SPOT_5);
        List<Long> early = new ArrayList<>();
        all.forEach(o -> {
            String epoch = o.get("EPOCH").asText();
            if (epoch.compareTo("2024-07-01") >= 0 && epoch.compareTo("2024-07-04T12:00:00") <= 0) {
                early.add(o.get("NORAD_CAT_ID").asLong());
            }
        });
        assertThat(early).isNotEmpty();
        assertThat(ids(get(spaceTrack("class/gp/EPOCH/2024-07-01--2024-07-04T12:00:00"), gbrViewer).json()))
                .containsExactlyElementsOf(early);
        // order and limit
        List<JsonNode> byEpoch = new ArrayList<>();
        all.forEach(byEpoch::add);
        byEpoch.sort(Comparator.comparing((JsonNode o) -> o.get("EPOCH").asText()).reversed()
                .thenComparing(o -> o.get("NORAD_CAT_ID").asLong()));
        assertThat(ids(get(spaceTrack("class/gp/orderby/" + enc("EPOCH desc") + "/limit/5"), gbrViewer).json()))
                .containsExactlyElementsOf(byEpoch.subList(0, 5).stream().map(o -> o.get("NORAD_CAT_ID").asLong())
                        .toList());
        assertThat(get("/NORAD/elements/gp.php?GROUP=starlink", gbrViewer)).as("the subset holds no Starlink")
                .isEqualTo(new Reply(404, CelestrakQuery.NO_DATA));
        assertThat(ids(get(spaceTrack("class/gp/orderby/NORAD_CAT_ID desc/limit/3"), gbrViewer).json()))
                .containsExactlyElementsOf(ids(all).reversed().subList(0, 3));
    }

    @Test
    void gpHistoryIsEveryElementSetTheNativeApiLists() throws Exception {
        List<String> nativeLine1 = new ArrayList<>();
        get("/api/v1/objects/" + SPOT_5 + "/orbits?content=true", gbrViewer).json().get("items")
                .forEach(o -> nativeLine1.add(o.get("content").asText().lines().filter(l -> l.startsWith("1 "))
                        .findFirst().orElseThrow()));
        assertThat(nativeLine1).hasSize(250);
        List<String> history = get(spaceTrack("class/gp_history/NORAD_CAT_ID/" + SPOT_5 + "/orderby/"
                + enc("EPOCH desc") + "/format/tle"), gbrViewer).body().lines().filter(l -> l.startsWith("1 "))
                .toList();
        assertThat(history).containsExactlyElementsOf(nativeLine1);
        assertThat(get(spaceTrack("class/gp_history/NORAD_CAT_ID/" + SPOT_5 + "/EPOCH/"
                + enc("<2002-05-05") + "/format/json"), gbrViewer).json().size())
                .isPositive().isLessThan(250);
        assertThat(get(spaceTrack("class/gp_history/format/json"), gbrViewer).json().at("/error/message").asText())
                .contains("NORAD_CAT_ID");
    }

    @Test
    void satcatAnswersTheEntriesTheObjectViewShows() throws Exception {
        for (long norad : List.of(ISS, SPOT_5, SUBSET_IDS.get(0))) {
            JsonNode object = get("/api/v1/objects/" + norad, gbrViewer).json();
            JsonNode row = get(spaceTrack("class/satcat/NORAD_CAT_ID/" + norad), gbrViewer).json();
            assertThat(row).hasSize(1);
            JsonNode entry = row.get(0);
            assertThat(entry.get("NORAD_CAT_ID").asLong()).isEqualTo(norad);
            assertThat(entry.get("SATNAME").asText()).isEqualTo(object.get("name").asText());
            assertThat(entry.get("INTLDES").asText()).isEqualTo(object.get("internationalDesignator").asText());
            assertThat(entry.get("COUNTRY").asText()).isEqualTo(object.at("/satcat/satcatOwner").asText());
            assertThat(entry.get("SITE").asText()).isEqualTo(object.at("/satcat/launchSite").asText());
            assertThat(entry.get("OBJECT_TYPE").asText()).isEqualTo(object.at("/satcat/objectType").asText());
            assertThat(entry.get("LAUNCH").asText()).isEqualTo(object.at("/satcat/launchDate").asText());
        }
        assertThat(get(spaceTrack("class/satcat/SATNAME/" + enc("~~vanguard") + "/orderby/LAUNCH desc"), gbrViewer)
                .json().size()).isPositive();
    }

    @Test
    void aPartnerAndAnAnonymousCallerSeeNothingOfWhatTheyMayNot() throws Exception {
        String missing = "999999";
        for (Optional<String> token : List.of(Optional.of(gbrViewer), Optional.<String>empty())) {
            String t = token.orElse(null);
            assertThat(get(spaceTrack("class/gp/NORAD_CAT_ID/" + hidden), t).body()).isEqualTo("[]\n");
            assertThat(get(spaceTrack("class/gp_history/NORAD_CAT_ID/" + hidden + "/format/3le"), t).body())
                    .isEmpty();
            assertThat(get(spaceTrack("class/satcat/NORAD_CAT_ID/" + hidden), t).body()).isEqualTo("[]");
            assertThat(ids(get(spaceTrack("class/gp"), t).json())).doesNotContain(hidden).hasSize(302);
            Reply celestrak = get("/NORAD/elements/gp.php?CATNR=" + hidden + "&FORMAT=json", t);
            Reply none = get("/NORAD/elements/gp.php?CATNR=" + missing + "&FORMAT=json", t);
            assertThat(celestrak).isEqualTo(none);
            assertThat(none).isEqualTo(new Reply(404, CelestrakQuery.NO_DATA));
        }
        assertThat(ids(get(spaceTrack("class/gp/NORAD_CAT_ID/" + hidden), usaViewer).json())).containsExactly(hidden);
        assertThat(get(spaceTrack("class/satcat/NORAD_CAT_ID/" + hidden), usaViewer).json()).hasSize(1);
        assertThat(get("/NORAD/elements/gp.php?CATNR=" + hidden + "&FORMAT=3le", usaViewer).body()).startsWith("0 ");
    }

    @Test
    void aReadIsAuditedAsAnExportOfItsOriginatorsData() throws Exception {
        long before = SERVED.node().audit().size();
        String path = "/basicspacedata/query/class/gp/NORAD_CAT_ID/" + ISS + "/format/3le";
        assertThat(get(path, gbrViewer).status()).isEqualTo(200);
        assertThat(get("/NORAD/elements/gp.php?INTDES=1998-067A&FORMAT=json", gbrViewer).json())
                .isEqualTo(get("/api/v1/objects/" + ISS + "/elements?format=omm-json", gbrViewer).json());
        SERVED.node().audit().flush();
        List<String> entries = SERVED.node().audit().entries(before, 100).stream().map(e -> e.entry()).toList();
        assertThat(entries).anySatisfy(e -> assertThat(e).contains("\"action\":\"EXPORT\"").contains(path)
                .contains("TEST"));
        assertThat(entries).anySatisfy(e -> assertThat(e).contains("\"action\":\"EXPORT\"")
                .contains("/NORAD/elements/gp.php?INTDES=1998-067A"));
    }

    @Test
    void unknownPredicatesClassesAndValuesAreRefusedByName() throws Exception {
        assertRefused(spaceTrack("class/gp/APOGEE/500"), "APOGEE", "NORAD_CAT_ID, OBJECT_NAME, EPOCH");
        assertRefused(spaceTrack("class/decay/NORAD_CAT_ID/25544"), "decay", "gp, gp_history, satcat");
        assertRefused(spaceTrack("class/gp/format/html"), "html", "tle, 3le, json, xml, kvn, csv");
        assertRefused(spaceTrack("class/satcat/format/tle"), "tle", "json");
        assertRefused(spaceTrack("class/gp/NORAD_CAT_ID/abc"), "NORAD_CAT_ID", "abc");
        assertRefused(spaceTrack("class/gp/EPOCH/" + enc(">yesterday")), "EPOCH", "yesterday");
        assertRefused(spaceTrack("class/gp/orderby/APOGEE"), "APOGEE", "NORAD_CAT_ID, OBJECT_NAME, EPOCH");
        assertRefused(spaceTrack("class/gp/NORAD_CAT_ID"), "NORAD_CAT_ID", "name/value");
        assertRefused("/NORAD/elements/gp.php?GROUP=stations", "stations", "starlink, oneweb");
        assertRefused("/NORAD/elements/gp.php?CATNR=25544&FORMAT=html", "html", "TLE, 3LE, 2LE");
        assertRefused("/NORAD/elements/gp.php?CATNR=25544&NAME=ISS", "CATNR, NAME", "exactly one");
        assertRefused("/NORAD/elements/gp.php?SPECIAL=gpz", "SPECIAL", "CATNR");
    }

    private static void assertRefused(String url, String... named) throws Exception {
        Reply reply = get(url, gbrViewer);
        assertThat(reply.status()).as(url).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asText()).as(url).contains(named);
    }

    private static String spaceTrack(String query) {
        return "/basicspacedata/query/" + query.replace(" ", "%20");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(o -> ids.add(o.get("NORAD_CAT_ID").asLong()));
        return ids;
    }

    private static List<String> withoutComments(String kvn) {
        return kvn.lines().filter(l -> !l.startsWith("COMMENT") && !l.startsWith("CREATION_DATE")).toList();
    }

    private record Reply(int status, String body) {
        JsonNode json() throws java.io.IOException {
            return JSON.readTree(body);
        }
    }

    private static Reply get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVED.base() + url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
