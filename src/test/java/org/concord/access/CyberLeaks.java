package org.concord.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.cyber.CyberKind;
import org.concord.cyber.StixObject;
import org.concord.cyber.Timestamps;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.product.ProductQuery;

/**
 * The leak test's STIX objects and the oracle of the TAXII routes and of a space object's cyber links: every version of
 * an object has a label of its own, so a reader sees exactly the versions its labels admit, the first and last among
 * those, and of an object it sees no version of, an answer exactly like that about an object that does not exist.
 */
final class CyberLeaks {

    static final String COLLECTION = "leak-collection";
    static final String DISCOVERY = "/taxii2";
    static final String API_ROOT = "/taxii2/{apiRoot}";
    static final String COLLECTIONS = "/taxii2/{apiRoot}/collections";
    static final String COLLECTION_PATH = "/taxii2/{apiRoot}/collections/{collectionId}";
    static final String MANIFEST = COLLECTION_PATH + "/manifest";
    static final String OBJECTS = COLLECTION_PATH + "/objects";
    static final String OBJECT = OBJECTS + "/{objectId}";
    static final String VERSIONS = OBJECT + "/versions";
    static final String STATUS = "/taxii2/{apiRoot}/status/{statusId}";
    static final String LINKED = "/api/v1/objects/{noradId}/cyber";
    static final String GROUND_STATION = "/api/v1/ground-stations/{stationId}/cyber";
    private static final String MISSING_OBJECT = "indicator--00000000-0000-4000-8000-00000000dead";
    private static final String MISSING_STATUS = "00000000-0000-4000-8000-000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every stored version, by product id (filled after the node stored them). */
    private static final Map<Long, StixObject> VERSIONS_BY_ID = new LinkedHashMap<>();
    private static final List<Long> NORAD_IDS = new ArrayList<>();
    private static final Set<String> STATIONS = new HashSet<>();
    private static String statusId;
    private static String poster;

    private CyberLeaks() {
    }

    /**
     * Stores 30 objects, a third with two versions (some revoking the object), half naming a catalogued space object,
     * each version with a label {@code label} makes for its originator.
     */
    static void store(Node node, Random random, List<Long> noradIds, Function<String, Label> label) {
        Instant t0 = Instant.parse("2024-07-05T00:00:00Z");
        List<String> originators = List.of("GBR", "USA", "AUS");
        for (int i = 0; i < 30; i++) {
            String type = i % 2 == 0 ? "infrastructure" : "indicator";
            String id = type + "--" + String.format("%08d-0000-4000-8000-%012d", i, i);
            // infrastructure: a space object, or (one in four) a ground station
            Optional<String> station = i % 4 == 2 ? Optional.of("GS-LEAK-" + i % 3) : Optional.empty();
            Optional<Long> norad = i % 2 == 0 && station.isEmpty()
                    ? Optional.of(noradIds.get(random.nextInt(noradIds.size()))) : Optional.empty();
            norad.ifPresent(NORAD_IDS::add);
            station.ifPresent(STATIONS::add);
            int versions = i % 3 == 0 ? 2 : 1;
            for (int v = 0; v < versions; v++) {
                String originator = originators.get(random.nextInt(originators.size()));
                Instant modified = t0.plusSeconds(3600L * v + i);
                boolean revoked = v == 1 && i % 9 == 0;
                String json = "{\"type\":\"" + type + "\",\"spec_version\":\"2.1\",\"id\":\"" + id
                        + "\",\"created\":\"" + Timestamps.format(t0.plusSeconds(i)) + "\",\"modified\":\""
                        + Timestamps.format(modified) + "\"" + (revoked ? ",\"revoked\":true" : "") + "}";
                Instant added = Instant.now();
                StixObject o = new StixObject(id, type, "2.1", t0.plusSeconds(i), modified, revoked, COLLECTION,
                        added, norad, Optional.empty(), Optional.empty(), json, Optional.empty(), Optional.of(added),
                        Optional.empty(), station);
                node.productService().store(CyberKind.INSTANCE, List.of(Product.of(o, label.apply(originator),
                        List.of()).withKey(CyberKind.key(o))), originator);
            }
        }
    }

    /** Posts one object as {@code token}'s party (USA) over TAXII, so that a status resource exists. */
    static void postAs(String base, String token) throws Exception {
        String envelope = "{\"objects\":[{\"type\":\"incident\",\"spec_version\":\"2.1\",\"id\":"
                + "\"incident--7e57c0de-0000-4000-8000-000000000001\",\"created\":\"2024-07-05T00:00:00.000Z\","
                + "\"modified\":\"2024-07-05T00:00:00.000Z\",\"name\":\"posted over TAXII\"}]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/taxii2/concord/collections/" + COLLECTION + "/objects/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/taxii+json;version=2.1")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(JSON.readTree(r.body()).path("success_count").asInt()).isEqualTo(1);
        statusId = JSON.readTree(r.body()).path("id").asText();
        poster = "USA";
    }

    /** Called once the node's products are known: every cyber version the store holds. */
    static void known(Node node) {
        if (VERSIONS_BY_ID.isEmpty()) {
            node.products().list(CyberKind.INSTANCE, ProductQuery.all(CyberKind.INSTANCE, 10_000),
                    LabelFilter.UNRESTRICTED).items().forEach(p -> VERSIONS_BY_ID.put(p.id(), p.value()));
        }
    }

    /** A ground station some object names, or (one time in four) one that none does. */
    static String linkedStation(Random random) {
        List<String> stations = List.copyOf(new java.util.TreeSet<>(STATIONS));
        return random.nextInt(4) == 0 ? "GS-NOBODY" : stations.get(random.nextInt(stations.size()));
    }

    static long linkedNorad(Random random) {
        return NORAD_IDS.get(random.nextInt(NORAD_IDS.size()));
    }

    private static String versionKey(StixObject o) {
        return o.stixId() + "@" + Timestamps.format(o.version());
    }

    private static Set<String> keys(Set<Long> visible) {
        Set<String> keys = new HashSet<>();
        visible.forEach(id -> keys.add(versionKey(VERSIONS_BY_ID.get(id))));
        return keys;
    }

    /** The newest visible version of each object. */
    private static Map<String, StixObject> newest(Set<Long> visible) {
        Map<String, StixObject> newest = new HashMap<>();
        for (long id : visible) {
            StixObject o = VERSIONS_BY_ID.get(id);
            newest.merge(o.stixId(), o, (a, b) -> b.version().isAfter(a.version()) ? b : a);
        }
        return newest;
    }

    interface Getter {
        HttpResponse<String> get(String path) throws Exception;
    }

    /** One TAXII route for one caller; returns how many forbidden-versus-missing comparisons it made. */
    static int checkTaxii(String route, org.concord.access.Principal caller, Set<Long> visible, Random random,
                          String what, Getter getter) throws Exception {
        String path = route.replace("{apiRoot}", "concord").replace("{collectionId}", COLLECTION);
        if (caller.isAnonymous()) {
            assertThat(getter.get(path.replace("{objectId}", MISSING_OBJECT).replace("{statusId}", MISSING_STATUS))
                    .statusCode()).as(what).isEqualTo(401);
            return 0;
        }
        switch (route) {
            case DISCOVERY, API_ROOT, COLLECTIONS, COLLECTION_PATH -> {
                assertThat(getter.get(path).statusCode()).as(what).isEqualTo(200);
                return 0;
            }
            case OBJECTS, MANIFEST -> {
                HttpResponse<String> all = getter.get(path + "?limit=10000&" + q("match[version]") + "=all");
                assertThat(all.statusCode()).as(what + ": " + all.body()).isEqualTo(200);
                assertThat(shown(all, route.equals(MANIFEST))).as(what).isEqualTo(keys(visible));
                Set<String> last = new HashSet<>();
                newest(visible).values().forEach(o -> last.add(versionKey(o)));
                assertThat(shown(getter.get(path + "?limit=10000"), route.equals(MANIFEST))).as(what + ", last")
                        .isEqualTo(last);
                return 0;
            }
            case OBJECT, VERSIONS -> {
                List<StixObject> all = List.copyOf(VERSIONS_BY_ID.values());
                String stixId = all.get(random.nextInt(all.size())).stixId();
                Set<String> expected = new HashSet<>();
                visible.stream().map(VERSIONS_BY_ID::get).filter(o -> o.stixId().equals(stixId))
                        .forEach(o -> expected.add(versionKey(o)));
                String query = route.equals(OBJECT) ? "?" + q("match[version]") + "=all" : "";
                HttpResponse<String> r = getter.get(path.replace("{objectId}", stixId) + query);
                if (!expected.isEmpty()) {
                    assertThat(r.statusCode()).as(what + " " + stixId).isEqualTo(200);
                    Set<String> shown = new HashSet<>();
                    if (route.equals(OBJECT)) {
                        shown.addAll(shown(r, false));
                    } else {
                        JSON.readTree(r.body()).path("versions").forEach(v -> shown.add(stixId + "@" + v.asText()));
                    }
                    assertThat(shown).as(what + " " + stixId).isEqualTo(expected);
                    return 0;
                }
                HttpResponse<String> missing = getter.get(path.replace("{objectId}", MISSING_OBJECT) + query);
                assertThat(r.statusCode()).as(what + " " + stixId).isEqualTo(missing.statusCode());
                assertThat(r.body().replace(stixId, "ID")).as(what).isEqualTo(missing.body()
                        .replace(MISSING_OBJECT, "ID"));
                return 1;
            }
            case STATUS -> {
                HttpResponse<String> r = getter.get(path.replace("{statusId}", statusId));
                if (caller.party().orElseThrow().equals(poster)) {
                    assertThat(r.statusCode()).as(what).isEqualTo(200);
                    return 0;
                }
                HttpResponse<String> missing = getter.get(path.replace("{statusId}", MISSING_STATUS));
                assertThat(r.statusCode()).as(what).isEqualTo(404).isEqualTo(missing.statusCode());
                assertThat(r.body().replace(statusId, "ID")).as(what).isEqualTo(missing.body()
                        .replace(MISSING_STATUS, "ID"));
                return 1;
            }
            default -> throw new IllegalArgumentException(route);
        }
    }

    /** A space object's links show the newest visible version of each object naming it, unless that revokes it. */
    static void checkLinked(long norad, Set<Long> visible, HttpResponse<String> reply, String what) throws Exception {
        assertThat(reply.statusCode()).as(what + ": " + reply.body()).isEqualTo(200);
        Set<String> shown = new HashSet<>();
        JSON.readTree(reply.body()).path("items").forEach(i -> shown.add(i.path("stixId").asText() + "@"
                + i.path("version").asText()));
        Set<String> expected = new HashSet<>();
        newest(visible).values().stream().filter(o -> o.noradId().equals(Optional.of(norad)) && !o.revoked())
                .sorted(Comparator.comparing(StixObject::stixId)).forEach(o -> expected.add(versionKey(o)));
        assertThat(shown).as(what + " norad " + norad).isEqualTo(expected);
    }

    /** A ground station's links: the newest visible version of each object naming it, unless that revokes it. */
    static void checkGroundStation(String station, Set<Long> visible, HttpResponse<String> reply, String what)
            throws Exception {
        assertThat(reply.statusCode()).as(what + ": " + reply.body()).isEqualTo(200);
        Set<String> shown = new HashSet<>();
        JSON.readTree(reply.body()).path("items").forEach(i -> shown.add(i.path("stixId").asText() + "@"
                + i.path("version").asText()));
        Set<String> expected = new HashSet<>();
        newest(visible).values().stream().filter(o -> o.groundStation().equals(Optional.of(station))
                && !o.revoked()).forEach(o -> expected.add(versionKey(o)));
        assertThat(shown).as(what + " ground station " + station).isEqualTo(expected);
    }

    private static Set<String> shown(HttpResponse<String> reply, boolean manifest) throws Exception {
        Set<String> shown = new HashSet<>();
        JSON.readTree(reply.body()).path("objects").forEach(o -> shown.add(o.path("id").asText() + "@"
                + (manifest ? o.path("version").asText() : o.path("modified").asText())));
        return shown;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
