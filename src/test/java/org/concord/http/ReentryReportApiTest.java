package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.catalog.OrbitRecord;
import org.concord.formats.CcsdsSchemas;
import org.concord.formats.rdm.RdmKey;
import org.concord.formats.rdm.RdmMessage;
import org.concord.formats.rdm.RdmReader;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.reentry.BallisticCoefficient;
import org.concord.reentry.ReentryClass;
import org.concord.reentry.ReentryKind;
import org.concord.reentry.ReentryOutcome;
import org.concord.reentry.ReentryPrediction;
import org.concord.reentry.ReentryWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TIP messages ingested through the ordinary ingest route, an object's re-entry with them beside the node's own
 * predictions, and a prediction exported as an RDM; every JSON answer checked against the OpenAPI document.
 */
class ReentryReportApiTest {

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.withCatalogSubset();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiValidator VALIDATOR = OpenApiValidator.served();
    private static final long ISS = 25544;

    private static HttpResponse<String> send(String method, String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVED.base() + url))
                .header("Authorization", "Bearer " + token);
        request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.ofString(body)) : request.GET();
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String method, String documentedPath, String url, String body, String token,
                                 int expectedStatus) throws Exception {
        HttpResponse<String> response = send(method, url, body, token);
        JsonNode json = JSON.readTree(response.body());
        assertThat(VALIDATOR.validate(documentedPath, method, response.statusCode(), json))
                .as("%s %s -> %d %s", method, url, response.statusCode(), response.body()).isEmpty();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json;
    }

    private static String tipSample() {
        return new String(TestNodes.resource("/reentry/tip/spacetrack_tip_sample_2005-2019.csv"),
                StandardCharsets.UTF_8);
    }

    @Test
    void tipPredictionsAreShownBesideTheNodesOwnAndConfirmationsCloseTheirObjects() throws Exception {
        String admin = SERVED.adminToken();
        // the sample, and one of its rows given to the ISS (which the test catalog holds), so that one object has
        // a prediction of this node and a TIP
        String first = tipSample().lines().skip(1).findFirst().orElseThrow();
        String tip = tipSample().stripTrailing() + "\n" + first.replace("1377,", "25544,").replace(",2993,", ",99993,")
                .replaceAll(",1377$", ",25544") + "\n";
        JsonNode ingested = json("POST", "/api/v1/orbits", "/api/v1/orbits?name=tip.csv", tip, admin, 201);
        assertThat(ingested.get("format").asText()).isEqualTo("TIP_CSV");
        assertThat(ingested.get("stored").asInt()).isEqualTo(35);
        long predicted = json("POST", "/api/v1/reentries", "/api/v1/reentries", "{\"noradId\": " + ISS + "}", admin,
                201).get("id").asLong();

        JsonNode iss = json("GET", ReentryReportApi.OF_OBJECT, "/api/v1/objects/" + ISS + "/reentries", "", admin,
                200);
        // the other test of this class may have predicted the ISS too: the newest comes first
        assertThat(iss.get("predictions").get(0).get("id").asLong()).isEqualTo(predicted);
        assertThat(iss.get("predictions").get(0).get("kind").asText()).isEqualTo("reentries");
        assertThat(iss.get("reports")).hasSize(1);
        assertThat(iss.get("reports").get(0).get("source").asText()).isEqualTo("TIP");
        assertThat(iss.get("reports").get(0).get("nominalEpoch").asText()).isEqualTo("2012-03-09T13:02:00Z");
        assertThat(iss.get("reentered").isNull()).isTrue();

        JsonNode closed = json("GET", ReentryReportApi.OF_OBJECT, "/api/v1/objects/29488/reentries", "", admin, 200);
        assertThat(closed.get("reports")).hasSize(3);
        assertThat(closed.get("reentered").get("nominalEpoch").asText()).isEqualTo("2006-12-23T12:14:00Z");
        assertThat(closed.get("reentered").get("latitudeDeg").asDouble()).isEqualTo(17.0);
        assertThat(closed.get("reentered").get("observed").asBoolean()).isTrue();

        // uploaded without a label: private to the uploader's party (and the node's); another party sees nothing
        String gbr = TestNodes.token(SERVED.node(), "GBR", Role.VIEWER);
        JsonNode hidden = json("GET", ReentryReportApi.OF_OBJECT, "/api/v1/objects/29488/reentries", "", gbr, 200);
        assertThat(hidden.get("reports")).isEmpty();
        assertThat(hidden.get("reentered").isNull()).isTrue();
        JsonNode list = json("GET", "/api/v1/reentry-reports", "/api/v1/reentry-reports?noradId=29488&source=TIP",
                "", admin, 200);
        assertThat(list.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void aPredictionIsExportedAsAnRdmOnlyWhenItGivesAnEpoch() throws Exception {
        String admin = SERVED.adminToken();
        OrbitRecord issRecord = SERVED.node().catalog().latestMeanElements(ISS, LabelFilter.UNRESTRICTED)
                .orElseThrow();
        Instant basis = issRecord.epoch();
        Product<ReentryPrediction> withEpoch = SERVED.node().productService().store(ReentryKind.INSTANCE, List.of(
                Product.of(new ReentryPrediction(ISS, basis, 1, ReentryClass.UNCONTROLLED, ReentryOutcome.WINDOW,
                        Optional.of(new BallisticCoefficient(0.01, BallisticCoefficient.Source.MEAN_MOTION_RATE, 1)),
                        Optional.of(basis.plusSeconds(86_400 * 10)), Optional.of(new ReentryWindow(
                                basis.plusSeconds(86_400 * 7), basis.plusSeconds(86_400 * 16))),
                        basis.plusSeconds(86_400 * 400), "NRLMSISE-00", "test", "a test prediction", Instant.now()),
                        Label.publicFrom("TEST"), List.of(new ProductInput(ReentryKind.setRole(1),
                                issRecord.kind().dataKind(), issRecord.id())))), "TEST").getFirst();

        HttpResponse<String> kvn = send("GET", "/api/v1/reentries/" + withEpoch.id() + "/rdm", "", admin);
        HttpResponse<String> xml = send("GET", "/api/v1/reentries/" + withEpoch.id() + "/rdm?format=xml", "", admin);

        assertThat(kvn.statusCode()).as(kvn.body()).isEqualTo(200);
        assertThat(kvn.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        assertThat(kvn.headers().firstValue("X-Concord-Label")).isPresent();
        RdmMessage read = RdmReader.read("export.kvn", kvn.body());
        assertThat(read.number(RdmKey.ORBIT_LIFETIME)).contains(10.0);
        assertThat(read.number(RdmKey.ORBIT_LIFETIME_WINDOW_START)).contains(7.0);
        assertThat(read.number(RdmKey.BALLISTIC_COEFF)).contains(100.0);
        assertThat(read.text(RdmKey.OBJECT_NAME)).contains(issRecord.objectName());
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(CcsdsSchemas.violations(xml.body())).isEmpty();
        assertThat(RdmReader.read("export.xml", xml.body())).isEqualTo(read);

        JsonNode none = json("POST", "/api/v1/reentries", "/api/v1/reentries", "{\"noradId\": " + ISS + "}", admin,
                201);
        json("GET", ReentryReportApi.RDM, "/api/v1/reentries/" + none.get("id").asLong() + "/rdm", "", admin, 409);
        json("GET", ReentryReportApi.RDM, "/api/v1/reentries/" + withEpoch.id() + "/rdm?format=json", "", admin, 400);
        json("GET", ReentryReportApi.RDM, "/api/v1/reentries/" + withEpoch.id() + "/rdm?frmat=xml", "", admin, 400);
        json("GET", ReentryReportApi.RDM, "/api/v1/reentries/999999/rdm", "", admin, 404);
    }

    /**
     * An RDM or TIP with an impossible epoch is refused with 422, each error naming the file, line and keyword or
     * field, and nothing is stored. Found: 31 April and year 0001 were stored (201), month 13 gave a 500.
     */
    @Test
    void reentryMessagesWithImpossibleEpochsAreRefusedAndNothingStored() throws Exception {
        String admin = SERVED.adminToken();
        record Bad(String file, int line, String field, String reason) {
        }
        List<Bad> cases = List.of(
                new Bad("rdm-kvn-april-31.txt", 28, "NOMINAL_REENTRY_EPOCH", "day 31 is not a day of 2018-04"),
                new Bad("rdm-kvn-month-13.txt", 2, "CREATION_DATE", "month 13 is outside 01-12"),
                new Bad("rdm-kvn-year-0001.txt", 14, "EPOCH_TZERO", "year 0001 is outside 1900-2200"),
                new Bad("rdm-xml-year-9999.xml", 24, "EPOCH_TZERO", "year 9999 is outside 1900-2200"),
                new Bad("rdm-kvn-day-366-of-2018.txt", 28, "NOMINAL_REENTRY_EPOCH", "day of year 366"),
                new Bad("tip-csv-hour-25.csv", 2, "DECAY_EPOCH", "hour 25 is outside 00-23"),
                new Bad("tip-json-epoch-not-a-date.json", 2, "DECAY_EPOCH", "is not a date and time"));
        long before = json("GET", "/api/v1/reentry-reports", "/api/v1/reentry-reports", "", admin, 200)
                .get("total").asLong();
        for (Bad bad : cases) {
            String body = new String(TestNodes.resource("/malformed/" + bad.file()), StandardCharsets.UTF_8);
            JsonNode refused = json("POST", "/api/v1/orbits", "/api/v1/orbits?name=" + bad.file(), body, admin, 422);
            assertThat(refused.get("error").get("message").asText()).as(bad.file()).contains("nothing was stored");
            assertThat(refused.get("error").get("errors")).as(bad.file()).anySatisfy(e -> {
                assertThat(e.get("file").asText()).isEqualTo(bad.file());
                assertThat(e.get("line").asInt()).isEqualTo(bad.line());
                assertThat(e.get("field").asText()).isEqualTo(bad.field());
                assertThat(e.get("reason").asText()).contains("is not a").contains(bad.reason());
            });
        }
        assertThat(json("GET", "/api/v1/reentry-reports", "/api/v1/reentry-reports", "", admin, 200)
                .get("total").asLong()).isEqualTo(before);
        assertThat(json("GET", "/api/v1/reentry-reports", "/api/v1/reentry-reports?noradId=81594", "", admin, 200)
                .get("total").asLong()).isZero();
    }

    /**
     * {@code overflies=FRA} keeps the predictions whose window overflies France (and not those over a state whose
     * name or code merely contains the letters); a code that is not ISO 3166-1 alpha-3 is refused naming the rule.
     */
    @Test
    void predictionsAreFilteredByAStateTheirWindowOverflies() throws Exception {
        String admin = SERVED.adminToken();
        OrbitRecord issRecord = SERVED.node().catalog().latestMeanElements(ISS, LabelFilter.UNRESTRICTED)
                .orElseThrow();
        Instant basis = issRecord.epoch();
        List<Long> ids = new java.util.ArrayList<>();
        for (List<String> states : List.<List<String>>of(List.of("AUS", "FRA"), List.of("GBR"), List.of("FRO"),
                List.of())) {
            List<org.concord.reentry.Overflight> overflown = states.stream().map(code ->
                    new org.concord.reentry.Overflight(new org.concord.territory.Territory(Optional.of(code), code),
                            basis.plusSeconds(86_400 * 7), basis.plusSeconds(86_400 * 8))).toList();
            ids.add(SERVED.node().productService().store(ReentryKind.INSTANCE, List.of(Product.of(
                    new ReentryPrediction(ISS, basis, 1, ReentryClass.UNCONTROLLED, ReentryOutcome.WINDOW,
                            Optional.empty(), Optional.of(basis.plusSeconds(86_400 * 10)), Optional.of(
                            new ReentryWindow(basis.plusSeconds(86_400 * 7), basis.plusSeconds(86_400 * 16))),
                            basis.plusSeconds(86_400 * 400), "NRLMSISE-00", "test", "over " + states,
                            Instant.now(), org.concord.reentry.GroundTrack.NONE, overflown),
                    Label.publicFrom("TEST"), List.of(new ProductInput(ReentryKind.setRole(1),
                            issRecord.kind().dataKind(), issRecord.id())))), "TEST").getFirst().id());
        }
        JsonNode france = json("GET", "/api/v1/reentries", "/api/v1/reentries?overflies=FRA&limit=1000", "",
                admin, 200);
        List<Long> shown = new java.util.ArrayList<>();
        france.get("items").forEach(item -> shown.add(item.get("id").asLong()));
        assertThat(shown).contains(ids.get(0)).doesNotContain(ids.get(1), ids.get(2), ids.get(3));
        france.get("items").forEach(item -> assertThat(item.get("overflown").toString()).contains("\"FRA\""));
        JsonNode lower = json("GET", "/api/v1/reentries", "/api/v1/reentries?overflies=fra&limit=1000", "", admin,
                200);
        assertThat(lower.get("total")).isEqualTo(france.get("total"));
        assertThat(json("GET", "/api/v1/reentries", "/api/v1/reentries?overflies=FRO&limit=1000", "", admin, 200)
                .get("items")).extracting(item -> item.get("id").asLong()).contains(ids.get(2))
                .doesNotContain(ids.get(0));

        for (String bad : List.of("XYZ", "FR", "FRANCE", "250")) {
            JsonNode refused = json("GET", "/api/v1/reentries", "/api/v1/reentries?overflies=" + bad, "", admin, 400);
            assertThat(refused.at("/error/message").asText()).as(bad).contains("overflies: '" + bad + "' is not an"
                    + " ISO 3166-1 alpha-3 code");
        }
    }
}
