package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.cyber.CyberCollection;
import org.concord.cyber.CyberKind;
import org.concord.cyber.CyberService;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TAXII 2.1 server exercised over HTTP as a TAXII client would: GBR's node with the reference server's sample
 * collection (medallion) and collections of a coalition, read and written by tokens of GBR, USA and AUS.
 */
class TaxiiApiTest {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String MEDALLION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
    static final String COALITION = "5a1b2c3d-0000-4000-8000-000000000001";
    static final String GBR_ONLY = "5a1b2c3d-0000-4000-8000-000000000002";
    static final String USA_READS = "5a1b2c3d-0000-4000-8000-000000000003";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static Node node;
    static ApiServer server;
    static String base;
    static String gbr;
    static String usa;
    static String aus;
    static JsonNode medallion;

    static Map<String, String> collections() {
        Map<String, String> env = new HashMap<>();
        collection(env, 1, "trustgroup1", MEDALLION, "PUBLIC", "GBR,USA", "GBR", "CLEAR");
        collection(env, 2, "concord", COALITION, "REL TO GBR,USA,AUS", "GBR,USA,AUS", "GBR,USA", "AMBER");
        collection(env, 3, "concord", GBR_ONLY, "REL TO GBR", "GBR", "GBR", "AMBER");
        collection(env, 4, "concord", USA_READS, "REL TO GBR,USA", "GBR,USA", "GBR", "AMBER");
        return env;
    }

    static void collection(Map<String, String> env, int n, String root, String id, String community, String read,
                           String write, String tlp) {
        String p = "CONCORD_TAXII_COLLECTION_" + n + "_";
        env.put(p + "ID", id);
        env.put(p + "API_ROOT", root);
        env.put(p + "TITLE", "collection " + n);
        env.put(p + "COMMUNITY", community);
        env.put(p + "READ", read);
        env.put(p + "WRITE", write);
        env.put(p + "TLP", tlp);
    }

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = collections();
        env.put("CONCORD_NODE_PARTY", "GBR");
        node = TestNodes.open(dir, env);
        gbr = TestNodes.token(node, "GBR", Role.OPERATOR);
        usa = TestNodes.token(node, "USA", Role.OPERATOR);
        aus = TestNodes.token(node, "AUS", Role.OPERATOR);
        node.sharing().addAgreement(new SharingService.Terms("GBR", SharingService.parseParties("USA,AUS"),
                Set.of(CyberKind.CYBER), false, Instant.now().minusSeconds(60), Optional.empty()),
                TestNodes.TEST_ADMIN);
        medallion = JSON.readTree(TestNodes.resource("/stix/taxii21_medallion_default_data.json"));
        loadMedallion(node);
        server = new ApiServer(node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    /** The reference server's sample collection, with the dates its manifest gives. */
    static void loadMedallion(Node node) {
        JsonNode source = sampleCollection();
        List<JsonNode> objects = new ArrayList<>();
        source.path("objects").forEach(objects::add);
        CyberCollection c = node.cyber().collection("trustgroup1", MEDALLION).orElseThrow();
        var status = node.cyber().add(c, objects, new CyberService.Actor("loader", "GBR"), LabelFilter.UNRESTRICTED,
                CyberService.datesAdded(source.path("manifest")));
        assertThat(status.failures()).isEmpty();
    }

    static JsonNode sampleCollection() {
        for (JsonNode c : medallion.path("trustgroup1").path("collections")) {
            if (c.path("id").asText().equals(MEDALLION)) {
                return c;
            }
        }
        throw new IllegalStateException("no sample collection");
    }

    @AfterAll
    static void stop() {
        server.close();
        node.close();
    }

    record Reply(int status, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }
    }

    static Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r);
    }

    static HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", TAXII);
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    static Reply get(String token, String path) throws Exception {
        return send(request(token, path).GET());
    }

    static Reply post(String token, String path, JsonNode envelope) throws Exception {
        return send(request(token, path).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toString())));
    }

    static String objects(String root, String collection) {
        return "/taxii2/" + root + "/collections/" + collection + "/objects/";
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------- access

    @Test
    void discoveryListsTheApiRootsTheCallerKnowsAndNeedsAToken() throws Exception {
        Reply anonymous = get(null, "/taxii2/");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).contains("Basic").contains("Bearer");
        assertThat(anonymous.header("Content-Type")).startsWith("application/taxii+json");
        assertThat(anonymous.json().path("http_status").asText()).isEqualTo("401");
        assertThat(send(request("not-a-token", "/taxii2/").GET()).status()).isEqualTo(401);

        Reply forGbr = get(gbr, "/taxii2/");
        assertThat(forGbr.status()).isEqualTo(200);
        assertThat(forGbr.header("Content-Type")).isEqualTo(TAXII);
        assertThat(forGbr.json().path("api_roots")).extracting(JsonNode::asText)
                .containsExactly(base + "/taxii2/trustgroup1/", base + "/taxii2/concord/");
        Reply forAus = get(aus, "/taxii2/");
        assertThat(forAus.json().path("api_roots")).extracting(JsonNode::asText)
                .containsExactly(base + "/taxii2/concord/");
        assertThat(get(aus, "/taxii2/trustgroup1/").status()).isEqualTo(404);
        Reply root = get(gbr, "/taxii2/concord/");
        assertThat(root.json().path("versions")).extracting(JsonNode::asText).containsExactly(TAXII);
    }

    @Test
    void httpBasicWithTheTokenAsPasswordAuthenticates() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("anyone:" + usa).getBytes(StandardCharsets.UTF_8));
        Reply r = send(HttpRequest.newBuilder(URI.create(base + "/taxii2/concord/collections/"))
                .header("Accept", TAXII).header("Authorization", "Basic " + basic).GET());
        assertThat(r.status()).isEqualTo(200);
        String wrong = Base64.getEncoder().encodeToString("anyone:guess".getBytes(StandardCharsets.UTF_8));
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/taxii2/concord/collections/"))
                .header("Accept", TAXII).header("Authorization", "Basic " + wrong).GET()).status()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/whoami"))
                .header("Authorization", "Basic " + basic).GET()).status()).as("Basic on TAXII only")
                .isEqualTo(401);
    }

    @Test
    void collectionsAreKnownToTheirReadersAndWritersAndRightsAreEnforced() throws Exception {
        Reply usaCollections = get(usa, "/taxii2/concord/collections/");
        Map<String, JsonNode> byId = new HashMap<>();
        usaCollections.json().path("collections").forEach(c -> byId.put(c.path("id").asText(), c));
        assertThat(byId.keySet()).containsExactlyInAnyOrder(COALITION, USA_READS);
        assertThat(byId.get(USA_READS).path("can_read").asBoolean()).isTrue();
        assertThat(byId.get(USA_READS).path("can_write").asBoolean()).isFalse();
        assertThat(byId.get(COALITION).path("media_types")).extracting(JsonNode::asText)
                .containsExactly("application/stix+json;version=2.1");
        assertThat(get(usa, "/taxii2/concord/collections/" + GBR_ONLY + "/").status()).isEqualTo(404);
        assertThat(get(usa, objects("concord", GBR_ONLY)).status()).isEqualTo(404);
        assertThat(get(usa, "/taxii2/concord/collections/no-such-collection/").status()).isEqualTo(404);
        Reply refused = post(usa, objects("concord", USA_READS), envelope(indicator(
                "indicator--11111111-2222-4333-8444-555555555555", "2024-03-01T10:00:00.000Z")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("http_status").asText()).isEqualTo("403");
        assertThat(get(usa, objects("concord", USA_READS)).status()).isEqualTo(200);
    }

    @Test
    void mediaTypesOtherThanTaxii21AreRefused() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/taxii2/")).header("Authorization", "Bearer " + gbr)
                .header("Accept", "application/json").GET()).status()).isEqualTo(406);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/taxii2/")).header("Authorization", "Bearer " + gbr)
                .header("Accept", "application/taxii+json;version=2.0").GET()).status()).isEqualTo(406);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/taxii2/")).header("Authorization", "Bearer " + gbr)
                .header("Accept", "application/taxii+json").GET()).status()).isEqualTo(200);
        Reply wrongContent = send(request(gbr, objects("concord", COALITION)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(envelope().toString())));
        assertThat(wrongContent.status()).isEqualTo(415);
        assertThat(wrongContent.json().path("http_status").asText()).isEqualTo("415");
        assertThat(send(request(gbr, objects("concord", COALITION)).header("Content-Type",
                "application/stix+json;version=2.1").POST(HttpRequest.BodyPublishers.ofString(
                envelope().toString()))).status()).isEqualTo(415);
    }

    // -------------------------------------------------------------------------------------- sample data

    @Test
    void theSampleCollectionIsServedWithTheReferenceServersObjectsManifestAndVersions() throws Exception {
        JsonNode source = sampleCollection();
        String path = objects("trustgroup1", MEDALLION);
        Reply all = get(usa, path + "?match%5Bversion%5D=all");
        assertThat(all.status()).isEqualTo(200);
        assertThat(set(all.json().path("objects"))).isEqualTo(set(source.path("objects")));
        Reply manifest = get(usa, "/taxii2/trustgroup1/collections/" + MEDALLION + "/manifest/?match%5Bversion%5D=all");
        assertThat(set(manifest.json().path("objects"))).isEqualTo(set(source.path("manifest")));
        Reply versions = get(usa, path + "indicator--6770298f-0fd8-471a-ab8c-1c658a46574e/versions/");
        assertThat(versions.json().path("versions")).extracting(JsonNode::asText).containsExactly(
                "2016-11-03T12:30:59.000Z", "2016-12-25T12:30:59.444Z", "2017-01-27T13:49:53.935Z");
        Reply latest = get(usa, path);
        assertThat(latest.json().path("objects")).hasSize(5);
        Reply object = get(usa, path + "indicator--6770298f-0fd8-471a-ab8c-1c658a46574e/");
        assertThat(object.json().path("objects")).singleElement()
                .satisfies(o -> assertThat(o.path("modified").asText()).isEqualTo("2017-01-27T13:49:53.935Z"));
    }

    private static Set<JsonNode> set(JsonNode array) {
        Set<JsonNode> s = new HashSet<>();
        array.forEach(s::add);
        return s;
    }

    private static List<String> versionsOf(Reply r) {
        List<String> v = new ArrayList<>();
        r.json().path("objects").forEach(o -> v.add(o.path("id").asText() + "@"
                + (o.has("modified") ? o.path("modified").asText() : o.path("created").asText())));
        return v;
    }

    @Test
    void everyFilterSelectsAsTheSpecificationSays() throws Exception {
        String path = objects("trustgroup1", MEDALLION);
        String indicator = "indicator--6770298f-0fd8-471a-ab8c-1c658a46574e";
        String malware = "malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec";
        assertThat(versionsOf(get(usa, path + "?match%5Bid%5D=" + indicator + "&match%5Bversion%5D=first")))
                .containsExactly(indicator + "@2016-11-03T12:30:59.000Z");
        assertThat(versionsOf(get(usa, path + "?match%5Bid%5D=" + indicator + "&match%5Bversion%5D="
                + q("first,last")))).containsExactly(indicator + "@2016-11-03T12:30:59.000Z",
                indicator + "@2017-01-27T13:49:53.935Z");
        assertThat(versionsOf(get(usa, path + "?match%5Bversion%5D=2016-12-25T12:30:59.444Z")))
                .containsExactly(indicator + "@2016-12-25T12:30:59.444Z");
        assertThat(versionsOf(get(usa, path + "?match%5Btype%5D=" + q("malware,relationship"))))
                .containsExactlyInAnyOrder("relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463@2014-05-08T09:00:00.000Z",
                        malware + "@2018-02-23T18:30:00.000Z");
        assertThat(versionsOf(get(usa, path + "?match%5Bid%5D=" + malware + "&match%5Bspec_version%5D=2.1")))
                .as("the last of the 2.1 versions").containsExactly(malware + "@2017-01-27T13:49:53.997Z");
        assertThat(versionsOf(get(usa, path + "?match%5Bid%5D=" + malware + "&match%5Bspec_version%5D=2.0")))
                .containsExactly(malware + "@2018-02-23T18:30:00.000Z");
        // in the order added; the two malware versions were added at once, and keep the order they were given in
        Reply after = get(usa, path + "?match%5Bversion%5D=all&added_after=2016-12-27T13:49:59.000000Z");
        assertThat(versionsOf(after)).containsExactly(
                "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da@2017-01-20T00:00:00.000Z",
                malware + "@2018-02-23T18:30:00.000Z", malware + "@2017-01-27T13:49:53.997Z",
                indicator + "@2017-01-27T13:49:53.935Z");
        assertThat(after.header("X-TAXII-Date-Added-First")).isEqualTo("2017-01-20T00:00:00.000000Z");
        assertThat(after.header("X-TAXII-Date-Added-Last")).isEqualTo("2017-12-31T13:49:53.935000Z");
        Reply bad = get(usa, path + "?added_after=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("description").asText()).contains("added_after");
        assertThat(get(usa, path + "?match%5Bspec_version%5D=3.0").status()).isEqualTo(400);
    }

    @Test
    void pagesFollowNextThroughEveryVersionOnce() throws Exception {
        String path = objects("trustgroup1", MEDALLION) + "?match%5Bversion%5D=all&limit=3";
        List<String> seen = new ArrayList<>();
        Reply page = get(usa, path);
        int pages = 1;
        seen.addAll(versionsOf(page));
        assertThat(page.header("X-TAXII-Date-Added-First")).isEqualTo("2014-05-08T09:00:00.000000Z");
        assertThat(page.header("X-TAXII-Date-Added-Last")).isEqualTo("2016-11-03T12:30:59.001000Z");
        while (page.json().path("more").asBoolean()) {
            page = get(usa, path + "&next=" + q(page.json().path("next").asText()));
            seen.addAll(versionsOf(page));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertThat(page.json().has("next")).isFalse();
        assertThat(get(usa, path + "&next=garbage").status()).isEqualTo(400);
    }

    // -------------------------------------------------------------------------------------- writing

    static ObjectNode indicator(String id, String modified) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "indicator").put("spec_version", "2.1").put("id", id)
                .put("created", "2024-03-01T10:00:00.000Z").put("modified", modified)
                .put("name", "Spoofed telecommand source").put("pattern", "[ipv4-addr:value = '198.51.100.7']")
                .put("pattern_type", "stix").put("valid_from", "2024-03-01T10:00:00Z");
        return o;
    }

    static ObjectNode envelope(JsonNode... objects) {
        ObjectNode e = JSON.createObjectNode();
        ArrayNode a = e.putArray("objects");
        for (JsonNode o : objects) {
            a.add(o);
        }
        return e;
    }

    @Test
    void aPartlyFailedPostReportsEachObjectAndItsStatusStaysWithItsPoster() throws Exception {
        String good1 = "indicator--a1a1a1a1-0000-4000-8000-000000000001";
        String good2 = "indicator--a1a1a1a1-0000-4000-8000-000000000002";
        String bad = "indicator--a1a1a1a1-0000-4000-8000-000000000003";
        Reply r = post(gbr, objects("concord", COALITION), envelope(indicator(good1, "2024-03-01T10:00:00.000Z"),
                indicator(good2, "2024-03-02T10:00:00.000Z"), indicator(bad, "2024-02-01T10:00:00.000Z")));
        assertThat(r.status()).isEqualTo(202);
        JsonNode status = r.json();
        assertThat(status.path("status").asText()).isEqualTo("complete");
        assertThat(status.path("total_count").asInt()).isEqualTo(3);
        assertThat(status.path("success_count").asInt()).isEqualTo(2);
        assertThat(status.path("pending_count").asInt()).isZero();
        assertThat(status.path("failures")).singleElement().satisfies(f -> {
            assertThat(f.path("id").asText()).isEqualTo(bad);
            assertThat(f.path("version").asText()).isEqualTo("2024-02-01T10:00:00.000Z");
            assertThat(f.path("message").asText()).contains("modified").contains("is before created");
        });
        String statusPath = "/taxii2/concord/status/" + status.path("id").asText() + "/";
        assertThat(get(gbr, statusPath).json()).isEqualTo(status);
        assertThat(get(usa, statusPath).status()).isEqualTo(404);
        assertThat(versionsOf(get(usa, objects("concord", COALITION) + "?match%5Bid%5D=" + q(good1 + "," + good2
                + "," + bad)))).containsExactlyInAnyOrder(good1 + "@2024-03-01T10:00:00.000Z",
                good2 + "@2024-03-02T10:00:00.000Z");
        Reply notJson = send(request(gbr, objects("concord", COALITION)).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString("{\"objects\": [")));
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void anObjectIsDeletedOnlyByItsOriginatorAndThenIsGone() throws Exception {
        String id = "indicator--b2b2b2b2-0000-4000-8000-000000000001";
        assertThat(post(usa, objects("concord", COALITION), envelope(indicator(id, "2024-03-01T10:00:00.000Z"),
                indicator(id, "2024-03-05T10:00:00.000Z"))).json().path("success_count").asInt()).isEqualTo(2);
        String path = objects("concord", COALITION) + id + "/";
        assertThat(get(gbr, path + "versions/").json().path("versions")).hasSize(2);
        assertThat(send(request(gbr, path).DELETE()).status()).isEqualTo(403);
        assertThat(send(request(usa, path + "?match%5Bversion%5D=first").DELETE()).status()).isEqualTo(200);
        assertThat(get(usa, path + "versions/").json().path("versions")).extracting(JsonNode::asText)
                .containsExactly("2024-03-05T10:00:00.000Z");
        assertThat(send(request(usa, path).DELETE()).status()).isEqualTo(200);
        assertThat(get(usa, path).status()).isEqualTo(404);
        assertThat(send(request(usa, path).DELETE()).status()).isEqualTo(404);
    }
}
