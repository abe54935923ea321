package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.node.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each input an attacker or a hurried user sent that the node misread, stored, or answered with a 500: now a 400 that
 * names the field and what is accepted, and nothing stored.
 */
class HostileInputRegressionTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.withCatalogSubset();

    private static Node node;

    private record Reply(int status, String message) {
    }

    @BeforeAll
    static void start() {
        node = SERVED.node();
    }

    private static Reply send(String method, String pathAndQuery, String body) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(SERVED.base() + pathAndQuery))
                .header("Authorization", "Bearer " + SERVED.adminToken())
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        return new Reply(response.statusCode(), json.at("/error/message").asText());
    }

    private static Reply get(String pathAndQuery) throws Exception {
        return send("GET", pathAndQuery, "");
    }

    private static int storedRuns() {
        return node.screeningRuns().runs(1000).size();
    }

    /** Found (by the console's review): HEAD on any GET route answered 500. */
    @Test
    void headOnAnyRouteIsRefusedNotAServerError() throws Exception {
        for (String path : new String[] {"/api/v1/status", "/api/v1/objects", "/api/v1/conjunctions", "/api/v1/whoami"}) {
            assertThat(send("HEAD", path, "").status()).as("HEAD " + path).isEqualTo(400);
        }
    }

    /** Found: answered 500, stored the run, and the node could not start again until the row was deleted by SQL. */
    @Test
    void aScreeningStartOutsideTheAcceptedYearsIsRefusedAndNotStored() throws Exception {
        int before = storedRuns();
        Reply r = send("POST", "/api/v1/screenings", "{\"start\": \"-999999999-01-01T00:00:00Z\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).startsWith("start: ").contains("1957-10-04 to 2200-01-01");
        assertThat(storedRuns()).isEqualTo(before);
    }

    /** Found: the misspelled key was ignored and a run at the 5 km default stored. */
    @Test
    void aMisspelledScreeningKeyIsRefusedWithTheKnownKeys() throws Exception {
        int before = storedRuns();
        Reply r = send("POST", "/api/v1/screenings", "{\"start\": \"2024-07-05T00:00:00Z\", \"treshold\": 100,"
                + " \"windowSeconds\": 3600}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("'treshold'").contains("thresholdMeters");
        assertThat(storedRuns()).isEqualTo(before);
    }

    /** Found: {@code "until"} (the CLI's word) was ignored and the agreement stored as open-ended: failing open. */
    @Test
    void anAgreementWithAnUnknownKeyIsRefusedNotStoredOpenEnded() throws Exception {
        int before = node.sharing().agreements().size();
        Reply r = send("POST", "/api/v1/agreements", "{\"grantor\": \"TEST\", \"recipients\": [\"TEST\"],"
                + " \"kinds\": [\"orbits\"], \"until\": \"2027-01-01T00:00:00Z\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("'until'").contains("validTo");
        assertThat(node.sharing().agreements()).hasSize(before);
    }

    /** Found: a description over 256 characters answered 500. */
    @Test
    void aTokenDescriptionOverItsLimitIsRefused() throws Exception {
        String user = node.sharing().users().get(0).name();
        int before = node.sharing().tokens().size();
        Reply r = send("POST", "/api/v1/users/" + user + "/tokens", "{\"description\": \"" + "x".repeat(300)
                + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("description has 300 characters; at most 256 are accepted");
        assertThat(node.sharing().tokens()).hasSize(before);
    }

    /** Found: 500s and a wrapped limit, each now a 400 naming the field and the accepted range. */
    @Test
    void extremeNumbersAndTimesInQueriesAreBadRequests() throws Exception {
        Reply age = get("/api/v1/objects?maxEpochAgeDays=1e12");
        assertThat(age.status()).isEqualTo(400);
        assertThat(age.message()).startsWith("maxEpochAgeDays: ").contains("0 to 36525");
        Reply from = get("/api/v1/conjunctions?from=%2B1000000000-01-01T00:00:00Z");
        assertThat(from.status()).isEqualTo(400);
        assertThat(from.message()).startsWith("from: ");
        Reply ephemeris = get("/api/v1/objects/25544/ephemeris?from=1900-01-01T00:00:00Z");
        assertThat(ephemeris.status()).isEqualTo(400);
        assertThat(ephemeris.message()).startsWith("from: ").contains("1957-10-04");
        for (String route : new String[] {"/api/v1/objects", "/api/v1/conjunctions"}) {
            Reply limit = get(route + "?limit=4294967297");
            assertThat(limit.status()).isEqualTo(400);
            assertThat(limit.message()).isEqualTo("limit: 4294967297 is outside the accepted range 1 to 10000");
        }
    }

    /** Found: {@code objectType=BOGUS} answered 0 items with no hint; an unknown frame named a Java enum. */
    @Test
    void unknownValuesAreRefusedWithTheAcceptedOnes() throws Exception {
        Reply type = get("/api/v1/objects?objectType=BOGUS");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.message()).contains("PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN");
        Reply frame = get("/api/v1/objects/25544/ephemeris?frame=ECEF");
        assertThat(frame.status()).isEqualTo(400);
        assertThat(frame.message()).isEqualTo("frame: 'ECEF' is not an accepted value (accepted: teme, gcrf, itrf,"
                + " geodetic)");
        Reply skip = send("POST", "/api/v1/orbits?skipInvalid=yes", "");
        assertThat(skip.status()).isEqualTo(400);
        assertThat(skip.message()).contains("skipInvalid").contains("true, false");
    }

    /** An ephemeris step is a duration with its unit ({@code step=60s}), or a number in {@code stepSeconds}. */
    @Test
    void aStepWithoutItsUnitIsRefused() throws Exception {
        Reply bare = get("/api/v1/objects/25544/ephemeris?step=60");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.message()).contains("'60' has no unit");
        assertThat(get("/api/v1/objects/25544/ephemeris?stepSeconds=60&from=2024-07-05&to=2024-07-05T00:10:00Z")
                .status()).isEqualTo(200);
        assertThat(get("/api/v1/objects/25544/ephemeris?step=10m&from=2024-07-05&to=2024-07-05T01:00:00Z")
                .status()).isEqualTo(200);
    }

    /** Found: routes other than the searches ignored parameters they do not know. */
    @Test
    void everyRouteRefusesUnknownQueryParameters() throws Exception {
        for (String path : new String[] {"/api/v1/status", "/api/v1/screenings", "/api/v1/objects/25544/orbits",
                "/api/v1/audit/entries"}) {
            Reply r = get(path + "?contnet=true");
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.message()).as(path).startsWith("unknown query parameter 'contnet'");
        }
    }

    /** Every JSON body route refuses a key it does not know, whatever the route. */
    @Test
    void everyJsonBodyRefusesUnknownKeys() throws Exception {
        for (Map.Entry<String, RouteInputs> route : RouteInputs.ROUTES.entrySet()) {
            if (route.getValue().body() instanceof RouteInputs.Json) {
                String[] parts = route.getKey().split(" ");
                String path = parts[1].replaceAll("\\{[^}]+}", "1");
                Reply r = send(parts[0], path, "{\"bogusKey\": 1}");
                assertThat(r.status()).as(route.getKey()).isEqualTo(400);
                assertThat(r.message()).as(route.getKey()).contains("'bogusKey'");
            }
        }
    }
}
