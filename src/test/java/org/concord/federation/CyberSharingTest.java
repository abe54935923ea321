package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.cyber.CyberKind;
import org.concord.cyber.CyberService;
import org.concord.cyber.StixMarkings;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.junit.jupiter.api.Test;

/**
 * STIX objects shared as the product kind cyber between GBR, USA and AUS: labelled from their TLP markings, Concord's
 * releasability extension and the collection's community; read over TAXII only by the parties the label names; sent to
 * partners under agreements of kind cyber; a revocation and a deletion reaching partners with their next sync; a space
 * object made a STIX infrastructure and the objects linked to it. USA's node runs on PostgreSQL, and GBR's where it is
 * alone; the others on H2.
 */
class CyberSharingTest extends PartnersTest {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String COALITION = "0a7e5c01-0000-4000-8000-00000000c0a1";
    static final String TLP_RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    static final String TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The same coalition collection on every node: its community GBR, USA and AUS, all reading, all writing. */
    static Map<String, String> coalition() {
        return Map.of("CONCORD_TAXII_COLLECTION_1_ID", COALITION,
                "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "REL TO GBR,USA,AUS",
                "CONCORD_TAXII_COLLECTION_1_READ", "GBR,USA,AUS", "CONCORD_TAXII_COLLECTION_1_WRITE", "GBR,USA,AUS");
    }

    static ObjectNode incident(String id, String modified, String marking) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "incident").put("spec_version", "2.1").put("id", id)
                .put("created", "2024-03-01T10:00:00.000Z").put("modified", modified)
                .put("name", "Ground station intrusion");
        o.putArray("object_marking_refs").add(marking);
        return o;
    }

    static ObjectNode releasableTo(ObjectNode o, String... parties) {
        ObjectNode ext = o.putObject("extensions").putObject(StixMarkings.RELEASABILITY_EXTENSION);
        ext.put("extension_type", "property-extension");
        if (parties.length > 0) { // without releasable_to the extension names nobody (STIX has no empty lists)
            var list = ext.putArray("releasable_to");
            for (String p : parties) {
                list.add(p);
            }
        }
        return o;
    }

    static JsonNode post(Partners.Member m, String token, JsonNode... objects) throws Exception {
        ObjectNode envelope = JSON.createObjectNode();
        var array = envelope.putArray("objects");
        for (JsonNode o : objects) {
            array.add(o);
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port
                        + "/taxii2/concord/collections/" + COALITION + "/objects/"))
                .header("Authorization", "Bearer " + token).header("Accept", TAXII).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode status = JSON.readTree(r.body());
        assertThat(status.path("failure_count").asInt()).as(r.body()).isZero();
        return status;
    }

    /** The ids (and versions) of the objects a token's party reads in the coalition collection of a node. */
    static List<String> read(Partners.Member m, String token, String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port
                        + "/taxii2/concord/collections/" + COALITION + "/objects/" + query))
                .header("Authorization", "Bearer " + token).header("Accept", TAXII).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.body()).path("objects").forEach(o -> ids.add(o.path("id").asText() + "@"
                + o.path("modified").asText() + (o.path("revoked").asBoolean() ? " revoked" : "")));
        return ids;
    }

    static void agree(Partners.Member m, String grantor, String recipients) {
        m.node.sharing().addAgreement(new SharingService.Terms(grantor, SharingService.parseParties(recipients),
                Set.of(CyberKind.CYBER, DataKind.ORBITS), false, Instant.now().minusSeconds(60), Optional.empty()),
                TestNodes.TEST_ADMIN);
    }

    /** GBR's node alone (on PostgreSQL), GBR's objects released to USA and AUS, a token of each party on it. */
    private record AtGbr(Partners.Member gbr, String gbrToken, String usaToken, String ausToken) {
    }

    private AtGbr atGbr() {
        start(List.of("GBR"), Set.of("GBR"), Clock.systemUTC(), coalition());
        Partners.Member gbr = partners.get("GBR");
        AtGbr g = new AtGbr(gbr, TestNodes.token(gbr.node, "GBR", Role.OPERATOR),
                TestNodes.token(gbr.node, "USA", Role.OPERATOR), TestNodes.token(gbr.node, "AUS", Role.OPERATOR));
        agree(gbr, "GBR", "USA,AUS");
        return g;
    }

    @Test
    void aRedIncidentReachesOnlyThePartiesItNamesAndAnEmptyReleasabilityNobody() throws Exception {
        AtGbr g = atGbr();
        String red = "incident--5e0d0001-0000-4000-8000-000000000001";
        String nobody = "incident--5e0d0001-0000-4000-8000-000000000002";
        String community = "incident--5e0d0001-0000-4000-8000-000000000003";
        String outside = "incident--5e0d0001-0000-4000-8000-000000000004";
        post(g.gbr(), g.gbrToken(), releasableTo(incident(red, "2024-03-01T10:00:00.000Z", TLP_RED), "USA"),
                releasableTo(incident(nobody, "2024-03-01T10:00:00.000Z", TLP_GREEN)),
                incident(community, "2024-03-01T10:00:00.000Z", TLP_GREEN),
                releasableTo(incident(outside, "2024-03-01T10:00:00.000Z", TLP_GREEN), "FRA"));

        Label redLabel = g.gbr().node.cyber().find(org.concord.cyber.TaxiiQuery.versionsOf(COALITION, red,
                org.concord.cyber.TaxiiQuery.Versions.ALL, 10), org.concord.label.LabelFilter.UNRESTRICTED)
                .items().getFirst().label();
        assertThat(redLabel).isEqualTo(new Label("GBR", Releasability.to("USA"), Tlp.RED, new TreeSet<>(),
                Optional.empty()));
        String at = "@2024-03-01T10:00:00.000Z";
        assertThat(read(g.gbr(), g.usaToken(), "")).containsExactlyInAnyOrder(red + at, community + at);
        assertThat(read(g.gbr(), g.ausToken(), "")).containsExactly(community + at);
        assertThat(read(g.gbr(), g.gbrToken(), "")).as("the originator sees its own")
                .containsExactlyInAnyOrder(red + at, nobody + at, community + at, outside + at);
        for (String id : List.of(nobody, outside)) {
            assertThat(g.gbr().node.cyber().find(org.concord.cyber.TaxiiQuery.versionsOf(COALITION, id,
                    org.concord.cyber.TaxiiQuery.Versions.ALL, 10), org.concord.label.LabelFilter.UNRESTRICTED)
                    .items().getFirst().label().releasability()).as("an empty releasability: nobody")
                    .isEqualTo(Releasability.NOBODY);
        }
    }

    /** GBR, USA (on PostgreSQL) and AUS, GBR's objects released to both, a token of each party on its own node. */
    private record Three(Partners.Member gbr, Partners.Member usa, Partners.Member aus, String gbrToken,
                         String usaOnUsa, String ausOnAus) {

        String tokenOn(Partners.Member m) {
            return m == usa ? usaOnUsa : ausOnAus;
        }
    }

    private Three three() throws Exception {
        start(List.of("GBR", "USA", "AUS"), Set.of("USA"), Clock.systemUTC(), coalition());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        Partners.Member aus = partners.get("AUS");
        agree(gbr, "GBR", "USA,AUS");
        return new Three(gbr, usa, aus, TestNodes.token(gbr.node, "GBR", Role.OPERATOR),
                TestNodes.token(usa.node, "USA", Role.OPERATOR), TestNodes.token(aus.node, "AUS", Role.OPERATOR));
    }

    @Test
    void onlyWhatTheLabelsReleaseReachesPartnersAndARevocationReachesThemWithTheNextSync() throws Exception {
        Three t = three();
        String shared = "incident--5e0d0002-0000-4000-8000-000000000001";
        String red = "incident--5e0d0002-0000-4000-8000-000000000002";
        String nobody = "incident--5e0d0002-0000-4000-8000-000000000003";
        post(t.gbr(), t.gbrToken(), incident(shared, "2024-03-01T10:00:00.000Z", TLP_GREEN),
                releasableTo(incident(red, "2024-03-01T10:00:00.000Z", TLP_RED), "USA"),
                releasableTo(incident(nobody, "2024-03-01T10:00:00.000Z", TLP_GREEN)));
        t.usa().pullFrom("GBR");
        t.aus().pullFrom("GBR");
        String at = "@2024-03-01T10:00:00.000Z";
        assertThat(read(t.usa(), t.usaOnUsa(), "")).containsExactlyInAnyOrder(shared + at, red + at);
        assertThat(read(t.aus(), t.ausOnAus(), "")).containsExactly(shared + at);
        assertThat(t.usa().node.cyber().find(org.concord.cyber.TaxiiQuery.versionsOf(COALITION, nobody,
                org.concord.cyber.TaxiiQuery.Versions.ALL, 10), org.concord.label.LabelFilter.UNRESTRICTED).items())
                .as("an empty releasability never leaves its node").isEmpty();

        ObjectNode revocation = incident(shared, "2024-03-02T10:00:00.000Z", TLP_GREEN);
        revocation.put("revoked", true);
        post(t.gbr(), t.gbrToken(), revocation);
        t.usa().pullFrom("GBR");
        t.aus().pullFrom("GBR");
        for (Partners.Member m : List.of(t.usa(), t.aus())) {
            String token = t.tokenOn(m);
            assertThat(read(m, token, "?match%5Bid%5D=" + shared)).as(m.party + " after the next sync")
                    .containsExactly(shared + "@2024-03-02T10:00:00.000Z revoked");
        }
    }

    @Test
    void aDeletionReachesPartnersWithTheNextSyncAndAVersionPostedAgainReachesThemAgain() throws Exception {
        Three t = three();
        String deleted = "incident--5e0d0004-0000-4000-8000-000000000001";
        String kept = "incident--5e0d0004-0000-4000-8000-000000000002";
        ObjectNode v1 = incident(deleted, "2024-03-01T10:00:00.000Z", TLP_GREEN);
        ObjectNode v2 = incident(deleted, "2024-03-02T10:00:00.000Z", TLP_GREEN);
        post(t.gbr(), t.gbrToken(), v1, v2, incident(kept, "2024-03-01T10:00:00.000Z", TLP_GREEN));
        t.usa().pullFrom("GBR");
        t.aus().pullFrom("GBR");
        String at = "@2024-03-01T10:00:00.000Z";
        assertThat(read(t.usa(), t.usaOnUsa(), "?match%5Bversion%5D=all")).containsExactlyInAnyOrder(deleted + at,
                deleted + "@2024-03-02T10:00:00.000Z", kept + at);

        assertThat(delete(t.gbr(), t.gbrToken(), deleted)).isEqualTo(200);
        assertThat(read(t.gbr(), t.gbrToken(), "?match%5Bversion%5D=all")).containsExactly(kept + at);
        assertThat(t.gbr().node.cyber().withdrawnAt(COALITION, deleted, Instant.parse("2024-03-02T10:00:00Z"),
                "GBR")).as("the withdrawal is stored, to travel").isPresent();
        assertThat(listed(t.gbr(), t.gbrToken())).as("GET /api/v1/cyber lists no withdrawal")
                .containsExactly(kept + at);
        t.usa().pullFrom("GBR");
        t.aus().pullFrom("GBR");
        for (Partners.Member m : List.of(t.usa(), t.aus())) {
            String token = t.tokenOn(m);
            assertThat(read(m, token, "?match%5Bversion%5D=all")).as(m.party + " after the next sync")
                    .containsExactly(kept + at);
            assertThat(m.node.cyber().withdrawnAt(COALITION, deleted, Instant.parse("2024-03-01T10:00:00Z"),
                    "GBR")).as(m.party + " received the withdrawal").isPresent();
            assertThat(listed(m, token)).as(m.party + ": GET /api/v1/cyber lists no withdrawal")
                    .containsExactly(kept + at);
            assertThat(m.node.cyber().find(org.concord.cyber.TaxiiQuery.versionsOf(COALITION, deleted,
                    org.concord.cyber.TaxiiQuery.Versions.ALL, 10), org.concord.label.LabelFilter.UNRESTRICTED)
                    .items()).as(m.party + " holds no copy").isEmpty();
            assertThat(m.node.products().list(CyberKind.INSTANCE, org.concord.product.ProductQuery.all(
                    CyberKind.INSTANCE, 100), org.concord.label.LabelFilter.UNRESTRICTED).items().stream()
                    .filter(p -> p.value().stixId().equals(deleted) && !p.value().isWithdrawal()))
                    .as(m.party + " stores no deleted version").isEmpty();
        }

        post(t.gbr(), t.gbrToken(), v1);
        t.usa().pullFrom("GBR");
        assertThat(read(t.usa(), t.usaOnUsa(), "?match%5Bid%5D=" + deleted)).as("posted again after its deletion")
                .containsExactly(deleted + at);
    }

    /**
     * What {@code GET /api/v1/cyber} lists for a token (its STIX ids and versions), checked against its {@code total}
     * and against every id {@code GET /api/v1/cyber/{id}} answers (the ids of the node's rows, withdrawals among them,
     * are tried up to well past the last one listed): only the listed products are found.
     */
    static List<String> listed(Partners.Member m, String token) throws Exception {
        HttpResponse<String> r = rest(m, token, "/api/v1/cyber?limit=1000");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(r.body());
        List<String> listed = new ArrayList<>();
        Set<Long> ids = new TreeSet<>();
        for (JsonNode i : page.path("items")) {
            assertThat(i.path("deletedAt").isNull()).as(i.toString()).isTrue();
            listed.add(i.path("stixId").asText() + "@" + org.concord.cyber.Timestamps.format(Instant.parse(
                    i.path("version").asText())));
            ids.add(i.path("id").asLong());
        }
        assertThat(page.path("total").asLong()).as("total").isEqualTo(listed.size());
        Set<Long> found = new TreeSet<>();
        for (long id = 1; id <= 40; id++) {
            HttpResponse<String> one = rest(m, token, "/api/v1/cyber/" + id);
            if (one.statusCode() == 200) {
                found.add(id);
            } else {
                assertThat(one.statusCode()).as(one.body()).isEqualTo(404);
            }
        }
        assertThat(found).as("the items GET /api/v1/cyber/{id} finds").isEqualTo(ids);
        return listed;
    }

    static int delete(Partners.Member m, String token, String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port
                        + "/taxii2/concord/collections/" + COALITION + "/objects/" + id + "/"))
                .header("Authorization", "Bearer " + token).header("Accept", TAXII).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    @Test
    void aRevokedObjectLeavesTheSpaceObjectsLinksAtThePartner() throws Exception {
        start(List.of("GBR", "USA"), Set.of(), Clock.systemUTC(), coalition());
        Partners.Member gbr = partners.get("GBR");
        Partners.Member usa = partners.get("USA");
        agree(gbr, "GBR", "USA");
        List<String> tles = Partners.tles();
        gbr.ingest("iss.tle", tles.subList(0, 1), Label.publicFrom("GBR"));
        usa.pullFrom("GBR");
        long norad = gbr.orbits().getFirst().noradId();
        String gbrToken = TestNodes.token(gbr.node, "GBR", Role.OPERATOR);
        String station = "infrastructure--5e0d0003-0000-4000-8000-000000000001";
        ObjectNode v1 = JSON.createObjectNode();
        v1.put("type", "infrastructure").put("spec_version", "2.1").put("id", station)
                .put("created", "2024-03-01T10:00:00.000Z").put("modified", "2024-03-01T10:00:00.000Z")
                .put("name", "Satellite under attack");
        v1.putArray("object_marking_refs").add(TLP_GREEN);
        v1.putObject("extensions").putObject(CyberService.SPACE_OBJECT_EXTENSION)
                .put("extension_type", "property-extension").put("norad_id", norad);
        post(gbr, gbrToken, v1);
        usa.pullFrom("GBR");
        String usaOnUsa = TestNodes.token(usa.node, "USA", Role.OPERATOR);
        assertThat(linked(usa, usaOnUsa, norad)).containsExactly(station + "@2024-03-01T10:00:00.000Z");
        ObjectNode v2 = v1.deepCopy().put("modified", "2024-03-03T10:00:00.000Z").put("revoked", true);
        post(gbr, gbrToken, v2);
        usa.pullFrom("GBR");
        assertThat(linked(usa, usaOnUsa, norad)).as("revoked at the originator, gone at the partner").isEmpty();
    }

    @Test
    void aSpaceObjectBecomesASTIXInfrastructureLabelledLikeItsRecordAndShowsWhatIsLinkedToIt() throws Exception {
        AtGbr g = atGbr();
        Label amber = new Label("GBR", Releasability.to("GBR", "USA"), Tlp.AMBER, new TreeSet<>(), Optional.empty());
        g.gbr().ingest("iss.tle", Partners.tles().subList(0, 1), amber);
        var record = g.gbr().orbits().getFirst();
        long norad = record.noradId();

        HttpResponse<String> made = rest(g.gbr(), g.usaToken(), "/api/v1/objects/" + norad + "/cyber/stix");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        JsonNode reply = JSON.readTree(made.body());
        JsonNode infrastructure = reply.path("object");
        assertThat(new org.concord.cyber.StixValidator().check(infrastructure, "made", id -> false))
                .as("the node's own validator accepts it").isEmpty();
        assertThat(infrastructure.path("type").asText()).isEqualTo("infrastructure");
        assertThat(infrastructure.path("id").asText()).isEqualTo(org.concord.cyber.SpaceObjectStix.idOf(norad));
        assertThat(infrastructure.path("name").asText()).isEqualTo(record.objectName());
        JsonNode space = infrastructure.path("extensions").path(CyberService.SPACE_OBJECT_EXTENSION);
        assertThat(space.path("norad_id").asLong()).isEqualTo(norad);
        assertThat(space.path("cospar_id").asText()).isEqualTo(record.internationalDesignator().orElseThrow());
        assertThat(infrastructure.path("object_marking_refs").get(0).asText()).as("TLP:AMBER")
                .isEqualTo("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
        assertThat(infrastructure.path("extensions").path(StixMarkings.RELEASABILITY_EXTENSION)
                .path("releasable_to").toString()).isEqualTo("[\"GBR\",\"USA\"]");
        assertThat(reply.path("orbitId").asLong()).isEqualTo(record.id());
        assertThat(rest(g.gbr(), g.ausToken(), "/api/v1/objects/" + norad + "/cyber/stix").statusCode())
                .as("a reader who may not see the record").isEqualTo(404);

        String pattern = "attack-pattern--5e0d0005-0000-4000-8000-000000000001";
        ObjectNode attack = JSON.createObjectNode();
        attack.put("type", "attack-pattern").put("spec_version", "2.1").put("id", pattern)
                .put("created", "2024-03-01T10:00:00.000Z").put("modified", "2024-03-01T10:00:00.000Z")
                .put("name", "Compromise ground system");
        attack.putArray("external_references").addObject().put("source_name", "sparta")
                .put("external_id", "IA-0001.01");
        attack.putArray("object_marking_refs").add(TLP_GREEN);
        String incident = "incident--5e0d0005-0000-4000-8000-000000000002";
        post(g.gbr(), g.gbrToken(), infrastructure, attack, incident(incident, "2024-03-01T10:00:00.000Z", TLP_GREEN),
                relationship("5e0d0005-0000-4000-8000-000000000003", "targets", pattern, infrastructure),
                relationship("5e0d0005-0000-4000-8000-000000000004", "targets", incident, infrastructure));
        assertThat(linked(g.gbr(), g.usaToken(), norad)).extracting(l -> l.substring(0, l.indexOf("--")))
                .containsExactlyInAnyOrder("infrastructure", "attack-pattern", "incident", "relationship",
                        "relationship");

        ObjectNode malformed = attack.deepCopy().put("id", "attack-pattern--5e0d0005-0000-4000-8000-000000000009");
        ((ObjectNode) malformed.path("external_references").get(0)).put("external_id", "IA-1");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.gbr().port
                        + "/taxii2/concord/collections/" + COALITION + "/objects/"))
                .header("Authorization", "Bearer " + g.gbrToken()).header("Accept", TAXII).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString("{\"objects\":[" + malformed + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode failure = JSON.readTree(refused.body()).path("failures").get(0);
        assertThat(failure.path("id").asText()).isEqualTo(malformed.path("id").asText());
        assertThat(failure.path("message").asText()).contains("external_references[0].external_id")
                .contains("'IA-1' is not a SPARTA technique id");
    }

    @Test
    void aGroundStationNamedByAnInfrastructureShowsWhatIsLinkedToItByLabel() throws Exception {
        AtGbr g = atGbr();
        String station = "infrastructure--5e0d0008-0000-4000-8000-000000000001";
        ObjectNode infrastructure = JSON.createObjectNode();
        infrastructure.put("type", "infrastructure").put("spec_version", "2.1").put("id", station)
                .put("created", "2024-03-01T10:00:00.000Z").put("modified", "2024-03-01T10:00:00.000Z")
                .put("name", "Svalbard ground station").putArray("infrastructure_types").add("ground-station");
        infrastructure.putArray("object_marking_refs").add(TLP_GREEN);
        infrastructure.putObject("extensions").putObject(CyberService.GROUND_STATION_EXTENSION)
                .put("extension_type", "property-extension").put("station_id", "GS-SVALBARD");
        ObjectNode location = JSON.createObjectNode();
        location.put("type", "location").put("spec_version", "2.1")
                .put("id", "location--5e0d0008-0000-4000-8000-000000000002")
                .put("created", "2024-03-01T10:00:00.000Z").put("modified", "2024-03-01T10:00:00.000Z")
                .put("name", "Platåberget").put("latitude", 78.2297).put("longitude", 15.4077);
        location.putArray("object_marking_refs").add(TLP_GREEN);
        String red = "incident--5e0d0008-0000-4000-8000-000000000003";
        ObjectNode targets = relationship("5e0d0008-0000-4000-8000-000000000005", "targets", red, infrastructure);
        targets.putArray("object_marking_refs").add(TLP_RED);
        post(g.gbr(), g.gbrToken(), infrastructure, location,
                relationship("5e0d0008-0000-4000-8000-000000000004", "located-at", station, location),
                releasableTo(incident(red, "2024-03-01T10:00:00.000Z", TLP_RED), "USA"),
                releasableTo(targets, "USA"));

        String path = "/api/v1/ground-stations/GS-SVALBARD/cyber";
        assertThat(linkedAt(g.gbr(), g.usaToken(), path)).as("USA, to whom the incident is released")
                .containsExactlyInAnyOrder("infrastructure GREEN", "location GREEN", "relationship GREEN",
                        "incident RED", "relationship RED");
        assertThat(linkedAt(g.gbr(), g.ausToken(), path)).as("AUS: neither the red incident nor its link")
                .containsExactlyInAnyOrder("infrastructure GREEN", "location GREEN", "relationship GREEN");
        assertThat(linkedAt(g.gbr(), g.ausToken(), "/api/v1/ground-stations/GS-NOWHERE/cyber")).isEmpty();
        HttpResponse<String> listed = rest(g.gbr(), g.ausToken(), "/api/v1/cyber?groundStation=GS-SVALBARD");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).path("items")).singleElement()
                .satisfies(i -> assertThat(i.path("stixId").asText()).isEqualTo(station));
        HttpResponse<String> bad = rest(g.gbr(), g.ausToken(), "/api/v1/ground-stations/-x/cyber");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("a ground station id is 1 to 64 letters");

        ObjectNode onIndicator = incident("incident--5e0d0008-0000-4000-8000-000000000006",
                "2024-03-01T10:00:00.000Z", TLP_GREEN);
        onIndicator.putObject("extensions").putObject(CyberService.GROUND_STATION_EXTENSION)
                .put("extension_type", "property-extension").put("station_id", "GS-SVALBARD");
        ObjectNode noId = infrastructure.deepCopy().put("id", "infrastructure--5e0d0008-0000-4000-8000-000000000007");
        ((ObjectNode) noId.path("extensions").path(CyberService.GROUND_STATION_EXTENSION)).put("station_id", "");
        ObjectNode both = infrastructure.deepCopy().put("id", "infrastructure--5e0d0008-0000-4000-8000-000000000008");
        ((ObjectNode) both.path("extensions")).putObject(CyberService.SPACE_OBJECT_EXTENSION)
                .put("extension_type", "property-extension").put("norad_id", 25544);
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.gbr().port
                        + "/taxii2/concord/collections/" + COALITION + "/objects/"))
                .header("Authorization", "Bearer " + g.gbrToken()).header("Accept", TAXII).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString("{\"objects\":[" + onIndicator + "," + noId + "," + both
                        + "]}")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode failures = JSON.readTree(refused.body()).path("failures");
        assertThat(failures).hasSize(3);
        assertThat(failures.get(0).path("message").asText())
                .contains("the x-concord-ground-station extension belongs on an infrastructure, not on a incident");
        assertThat(failures.get(1).path("message").asText()).contains("station_id must be 1 to 64 letters");
        assertThat(failures.get(2).path("message").asText()).contains("not both");
    }

    /** The types and TLPs of what a ground-station route shows a token. */
    private static List<String> linkedAt(Partners.Member m, String token, String path) throws Exception {
        HttpResponse<String> r = rest(m, token, path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> shown = new ArrayList<>();
        JSON.readTree(r.body()).path("items").forEach(i -> shown.add(i.path("type").asText() + " "
                + i.path("label").path("tlp").asText()));
        return shown;
    }

    static ObjectNode relationship(String uuid, String type, String source, JsonNode target) {
        ObjectNode r = JSON.createObjectNode();
        r.put("type", "relationship").put("spec_version", "2.1").put("id", "relationship--" + uuid)
                .put("created", "2024-03-01T10:00:00.000Z").put("modified", "2024-03-01T10:00:00.000Z")
                .put("relationship_type", type).put("source_ref", source).put("target_ref", target.path("id").asText());
        r.putArray("object_marking_refs").add(TLP_GREEN);
        return r;
    }

    static HttpResponse<String> rest(Partners.Member m, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> linked(Partners.Member m, String token, long norad) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port
                        + "/api/v1/objects/" + norad + "/cyber")).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.body()).path("items").forEach(i -> ids.add(i.path("stixId").asText() + "@"
                + i.path("version").asText()));
        return ids;
    }
}
