package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xml.sax.InputSource;

/**
 * The reads of the whole visible catalog over a real node: the boxscore ({@code GET /api/v1/statistics}) and the bulk
 * element-set export ({@code GET /api/v1/elements}), each checked against the object list of the same caller, and
 * for a partner that may not see some of the catalog; and the owner filter's SATCAT codes.
 */
class WholeCatalogApiTest {

    private static final String SUBSET = "/catalog/subset_301obj_3le_2024-07.txt";
    private static final String FULL = "/sample/full_catalog_3le_2024-07_26389obj.txt";
    /** Released to USA alone: GBR and anonymous callers do not see it. */
    private static final Label USA_ONLY = Label.parse("originator=USA;rel=REL TO USA;tlp=AMBER",
            Label.publicFrom("USA"));
    private static final String SATCAT_HEADER = "OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OWNER,DECAY\n";
    /** A catalog number no element set has: an object USA knows only by its SATCAT entry. */
    private static final long SATCAT_ONLY = 99_001L;

    /** Three objects of the 2024 catalog that are not in the subset, ingested as USA_ONLY. */
    private static final List<Long> RESTRICTED = new ArrayList<>();
    private static final List<Long> SUBSET_IDS = new ArrayList<>();

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(WholeCatalogApiTest::fill);

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String gbrViewer;
    private static String usaViewer;

    private static void fill(Node node) {
        byte[] subset = TestNodes.resource(SUBSET);
        node.ingest().ingest(new IngestRequest("subset.tle", subset, Optional.of(Label.publicFrom("TEST")), "test",
                false, Optional.empty()));
        String[] lines = new String(subset, StandardCharsets.US_ASCII).split("\r?\n");
        for (int i = 1; i < lines.length; i += 3) {
            SUBSET_IDS.add(Long.parseLong(lines[i].substring(2, 7).trim()));
        }
        String[] full = new String(TestNodes.resource(FULL), StandardCharsets.US_ASCII).split("\r?\n");
        StringBuilder restricted = new StringBuilder();
        for (int i = 1; i < full.length && RESTRICTED.size() < 3; i += 3) {
            long norad = Long.parseLong(full[i].substring(2, 7).trim());
            if (!SUBSET_IDS.contains(norad)) {
                RESTRICTED.add(norad);
                restricted.append(full[i - 1]).append('\n').append(full[i]).append('\n').append(full[i + 1])
                        .append('\n');
            }
        }
        node.ingest().ingest(new IngestRequest("usa.tle", restricted.toString().getBytes(StandardCharsets.US_ASCII),
                Optional.of(USA_ONLY), "test", false, Optional.empty()));
        // public SATCAT entries of three subset objects, owners in the SATCAT's codes; one decayed
        String publicSatcat = SATCAT_HEADER
                + "A," + "1958-002B," + SUBSET_IDS.get(0) + ",PAYLOAD,US,\n"
                + "B," + "1959-001A," + SUBSET_IDS.get(1) + ",ROCKET BODY,PRC,\n"
                + "C," + "1959-007A," + SUBSET_IDS.get(2) + ",DEBRIS,PRC,2020-01-01\n";
        node.ingest().ingest(new IngestRequest("public-satcat.csv", publicSatcat.getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        String usaSatcat = SATCAT_HEADER + "D,2030-001A," + SATCAT_ONLY + ",PAYLOAD,US,\n";
        node.ingest().ingest(new IngestRequest("usa-satcat.csv", usaSatcat.getBytes(StandardCharsets.US_ASCII),
                Optional.of(USA_ONLY), "test", false, Optional.empty()));
    }

    @BeforeAll
    static void tokens() {
        gbrViewer = TestNodes.token(SERVED.node(), "GBR", Role.VIEWER);
        usaViewer = TestNodes.token(SERVED.node(), "USA", Role.VIEWER);
    }

    @Test
    void statisticsCountWhatTheCallerSeesAndNothingElse() throws Exception {
        JsonNode gbr = get("/api/v1/statistics", Optional.of(gbrViewer)).json();
        JsonNode usa = get("/api/v1/statistics", Optional.of(usaViewer)).json();
        JsonNode anonymous = get("/api/v1/statistics", Optional.empty()).json();
        assertThat(gbr.get("objects").asLong()).isEqualTo(301);
        assertThat(usa.get("objects").asLong()).isEqualTo(301 + 3 + 1);
        for (JsonNode boxscore : List.of(gbr, anonymous)) {
            // what GBR may not see leaves no trace: not the restricted orbits, not the USA-only SATCAT entry
            assertThat(without(boxscore, "at")).isEqualTo(without(gbr, "at"));
            assertThat(boxscore.get("byOwner").toString()).isEqualTo("{\"CHN\":2,\"USA\":1}");
            assertThat(boxscore.get("withoutOrbit").asLong()).isZero();
        }
        for (JsonNode boxscore : List.of(gbr, usa, anonymous)) {
            assertThat(OpenApiValidator.served().validate("/api/v1/statistics", "get", 200, boxscore)).isEmpty();
        }
        assertThat(usa.get("byOwner").toString()).isEqualTo("{\"CHN\":2,\"USA\":2}");
        assertThat(usa.get("withoutOrbit").asLong()).isEqualTo(1);
        for (JsonNode b : List.of(gbr, usa)) {
            long objects = b.get("objects").asLong();
            assertThat(b.get("ownerUnknown").asLong() + sum(b.get("byOwner"))).isEqualTo(objects);
            assertThat(b.get("withoutSatcat").asLong() + sum(b.get("byObjectType"))).isEqualTo(objects);
            assertThat(b.get("withoutOrbit").asLong() + sum(b.get("byOrbitRegime"))).isEqualTo(objects);
            assertThat(b.get("withoutSatcat").asLong() + b.get("onOrbit").asLong() + b.get("decayed").asLong())
                    .isEqualTo(objects);
            long aged = 0;
            for (JsonNode band : b.get("elementSetAge")) {
                aged += band.get("objects").asLong();
            }
            assertThat(aged).isEqualTo(objects - b.get("withoutOrbit").asLong());
        }
        assertThat(gbr.get("decayed").asLong()).isEqualTo(1);
        assertThat(gbr.get("byObjectType").toString()).isEqualTo("{\"DEBRIS\":1,\"PAYLOAD\":1,\"ROCKET BODY\":1}");
        // the objects with an orbit are exactly those the object list shows the same caller
        for (String token : List.of(gbrViewer, usaViewer)) {
            JsonNode b = get("/api/v1/statistics", Optional.of(token)).json();
            assertThat(b.get("objects").asLong() - b.get("withoutOrbit").asLong())
                    .isEqualTo(get("/api/v1/objects?limit=1", Optional.of(token)).json().get("total").asLong());
        }
    }

    @Test
    void bulkExportHoldsTheNewestElementSetOfEveryVisibleObjectInEachFormat() throws Exception {
        Set<Long> everyone = new TreeSet<>(SUBSET_IDS);
        Set<Long> usa = new TreeSet<>(everyone);
        usa.addAll(RESTRICTED);
        Reply tle = get("/api/v1/elements", Optional.of(gbrViewer));
        assertThat(tle.status()).isEqualTo(200);
        assertThat(tleObjects(tle.body())).containsExactlyElementsOf(everyone);
        assertThat(tleObjects(get("/api/v1/elements?format=tle", Optional.empty()).body()))
                .containsExactlyElementsOf(everyone);
        assertThat(tleObjects(get("/api/v1/elements?format=TLE", Optional.of(usaViewer)).body()))
                .containsExactlyElementsOf(usa);
        // each element set as the single-object export writes it
        for (long norad : List.of(SUBSET_IDS.get(0), SUBSET_IDS.get(150))) {
            String one = get("/api/v1/objects/" + norad + "/elements?format=tle", Optional.of(gbrViewer)).body();
            assertThat(tle.body()).contains(one);
        }
        JsonNode json = JSON.readTree(get("/api/v1/elements?format=omm-json", Optional.of(usaViewer)).body());
        assertThat(json.isArray()).isTrue();
        List<Long> jsonObjects = new ArrayList<>();
        json.forEach(o -> jsonObjects.add(o.get("NORAD_CAT_ID").asLong()));
        assertThat(jsonObjects).containsExactlyElementsOf(usa);
        String[] csv = get("/api/v1/elements?format=omm-csv", Optional.of(gbrViewer)).body().split("\n");
        assertThat(csv[0]).startsWith("OBJECT_NAME,OBJECT_ID,");
        assertThat(csv).hasSize(everyone.size() + 1);
        String kvn = get("/api/v1/elements?format=omm-kvn", Optional.of(gbrViewer)).body();
        assertThat(kvn.split("CCSDS_OMM_VERS", -1)).hasSize(everyone.size() + 1);
        String xml = get("/api/v1/elements?format=omm-xml", Optional.of(gbrViewer)).body();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("ndm");
        assertThat(document.getElementsByTagName("omm").getLength()).isEqualTo(everyone.size());
        Reply unknown = get("/api/v1/elements?format=gif", Optional.of(gbrViewer));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("'gif'").contains("omm-json");
        assertThat(OpenApiValidator.served().validate("/api/v1/elements", "get", 400, unknown.json())).isEmpty();
        String kvn2 = get("/api/v1/elements?format=omm-kvn&ommVersion=2.0", Optional.of(gbrViewer)).body();
        assertThat(kvn2.split("CCSDS_OMM_VERS\\s+=\\s+2\\.0\\s", -1)).hasSize(everyone.size() + 1);
        Reply versionOfTle = get("/api/v1/elements?format=tle&ommVersion=2.0", Optional.of(gbrViewer));
        assertThat(versionOfTle.status()).isEqualTo(400);
        assertThat(versionOfTle.body()).contains("OMM version").contains("omm-kvn").contains("omm-xml");
    }

    @Test
    void anOwnerFilterTakesPartyAndSatcatCodesAndRefusesAnUnknownOne() throws Exception {
        JsonNode byParty = get("/api/v1/objects?owner=CHN", Optional.of(gbrViewer)).json();
        JsonNode bySatcatCode = get("/api/v1/objects?owner=PRC", Optional.of(gbrViewer)).json();
        assertThat(byParty.get("total").asLong()).isEqualTo(2);
        assertThat(bySatcatCode.get("items")).isEqualTo(byParty.get("items"));
        assertThat(get("/api/v1/objects?owner=US", Optional.of(gbrViewer)).json().get("total").asLong()).isEqualTo(1);
        Reply unknown = get("/api/v1/objects?owner=XYZ", Optional.of(gbrViewer));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/message").asText()).contains("'XYZ'").contains("docs/satcat.md");
    }

    private static long sum(JsonNode counts) {
        long sum = 0;
        for (JsonNode count : counts) {
            sum += count.asLong();
        }
        return sum;
    }

    private static JsonNode without(JsonNode node, String field) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy;
    }

    /** The catalog numbers of a TLE document's line 1s, in order. */
    private static List<Long> tleObjects(String text) {
        List<Long> objects = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("1 ")) {
                long norad = Long.parseLong(line.substring(2, 7).trim());
                assertThat(seen.add(norad)).as("object %d once", norad).isTrue();
                objects.add(norad);
            }
        }
        return objects;
    }

    private record Reply(int status, String body) {
        JsonNode json() throws java.io.IOException {
            return JSON.readTree(body);
        }
    }

    private static Reply get(String url, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVED.base() + url));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
