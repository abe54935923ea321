package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.concord.TestNodes;
import org.concord.catalog.OrbitRecord;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.reentry.Overflight;
import org.concord.reentry.ReentryKind;
import org.concord.reentry.ReentryNotice;
import org.concord.reentry.ReentryNoticeKind;
import org.concord.reentry.ReentryOutcome;
import org.concord.reentry.ReentryPrediction;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.spaceweather.IndicesKind;
import org.junit.jupiter.api.Test;

/**
 * Re-entry predictions between three nodes (all H2): USA's node predicts from its own element set of ALTAIR
 * PATHFINDER, released to AUS, GBR and USA under TLP:GREEN (a public TLP:CLEAR prediction would reach every caller
 * without an agreement, docs/sharing.md rule 4) (2019-12-07, re-entered the next day, 51.6°: its window of hours overflies Australia) and from an element
 * set of MICROSAT-R DEB that GBR's node released to GBR and USA only (USA pulled it), with public space weather (CelesTrak's CSSI file,
 * test resources of the re-entry tests). A prediction over AUS reaches AUS only once USA's agreement releases
 * re-entries (with the orbits and space weather it was derived from); the one from GBR's record never reaches AUS,
 * whatever the agreements; recalling an input orbit withdraws the prediction at every node.
 */
class ReentryFederationTest extends PartnersTest {

    private static final long ALTAIR = 42711;
    private static final long MICROSAT_DEBRIS = 44117;
    private static final DataKind ORBITS = new DataKind("orbits");

    @Test
    void aPredictionOverAustraliaReachesItOnlyUnderAnAgreementAndGoesWithItsInputs() throws Exception {
        start(List.of("USA", "GBR", "AUS"), Set.of(), Clock.systemUTC(), Map.of());
        Partners.Member usa = partners.get("USA");
        Partners.Member gbr = partners.get("GBR");
        Partners.Member aus = partners.get("AUS");
        usa.node.ingestSpaceWeatherAudited("SpaceWeather-All-v1.2.txt",
                resource("/reentry/SpaceWeather-All-v1.2_CelesTrak_2020-12-04_from-2019-06.txt"),
                Label.publicFrom("USA"), "test", "test", Optional.of("USA"));
        Label coalition = new Label("USA", Releasability.parse("REL TO AUS,GBR,USA"), Tlp.GREEN, new TreeSet<>(),
                Optional.empty());
        usa.ingest("altair.tle", List.of(threeLines(ALTAIR)), coalition);
        Label gbrOnly = new Label("GBR", Releasability.parse("REL TO GBR,USA"), Tlp.GREEN, new TreeSet<>(),
                Optional.empty());
        gbr.ingest("microsat.tle", List.of(threeLines(MICROSAT_DEBRIS)), gbrOnly);
        agreement(gbr, "USA", ORBITS);
        usa.pullFrom("GBR");
        Product<ReentryPrediction> overAustralia = usa.node.reentries().predict(ALTAIR).orElseThrow();
        Product<ReentryPrediction> fromGbr = usa.node.reentries().predict(MICROSAT_DEBRIS).orElseThrow();
        assertThat(overAustralia.value().outcome()).isEqualTo(ReentryOutcome.WINDOW);
        assertThat(overAustralia.value().overflown()).extracting(o -> o.territory().alpha3().orElse("-"))
                .contains("AUS");
        assertThat(fromGbr.value().outcome()).isEqualTo(ReentryOutcome.WINDOW);
        assertThat(fromGbr.label().releasability().toString()).isEqualTo("REL TO GBR,USA");

        // orbits and space weather released, re-entries not yet: nothing of the predictions reaches AUS
        agreement(usa, "AUS", ORBITS, IndicesKind.DATA_KIND);
        aus.pullFrom("USA");
        assertThat(aus.hashes()).hasSize(1);
        assertThat(predictions(aus)).isEmpty();

        agreement(usa, "AUS,GBR", ReentryKind.REENTRIES);
        agreement(usa, "GBR", ORBITS, IndicesKind.DATA_KIND);
        aus.pullFrom("USA");
        gbr.pullFrom("USA");
        List<Product<ReentryPrediction>> atAus = predictions(aus);
        assertThat(atAus).extracting(p -> p.value().noradId()).containsExactly(ALTAIR);
        ReentryPrediction received = atAus.get(0).value();
        assertThat(received.overflown()).isEqualTo(overAustralia.value().overflown());
        assertThat(received.groundTrack()).as("as stored at USA (to 0.01°)").isEqualTo(predictions(usa).stream()
                .filter(p -> p.value().noradId() == ALTAIR).findFirst().orElseThrow().value().groundTrack());
        assertThat(received.groundTrack().lines()).hasSizeGreaterThan(1);
        Overflight australia = received.overflown().stream()
                .filter(o -> o.territory().alpha3().equals(Optional.of("AUS"))).findFirst().orElseThrow();
        assertThat(australia.first()).isAfterOrEqualTo(received.window().orElseThrow().opens());
        assertThat(aus.hashes()).as("GBR's record never reaches AUS").hasSize(1);
        assertThat(predictions(gbr)).extracting(p -> p.value().noradId())
                .containsExactlyInAnyOrder(ALTAIR, MICROSAT_DEBRIS);

        // third-party release of orbits to AUS does not change what GBR's label allows
        usa.node.sharing().addAgreement(new SharingService.Terms("USA", SharingService.parseParties("AUS"),
                Set.of(ORBITS, ReentryKind.REENTRIES), true, Instant.now().minusSeconds(60), Optional.empty()),
                TestNodes.TEST_ADMIN);
        aus.pullFrom("USA");
        assertThat(predictions(aus)).extracting(p -> p.value().noradId()).containsExactly(ALTAIR);

        // recalling the element set at USA withdraws the prediction there and, at the next pulls, at AUS and GBR
        OrbitRecord altairSet = usa.orbits().stream().filter(o -> o.noradId() == ALTAIR).findFirst().orElseThrow();
        usa.node.recallAudited(altairSet.contentSha256(), "USA", "a mis-tagged track", "test", Optional.of("USA"));
        assertThat(predictions(usa)).extracting(p -> p.value().noradId()).containsExactly(MICROSAT_DEBRIS);
        aus.pullFrom("USA");
        gbr.pullFrom("USA");
        assertThat(predictions(aus)).isEmpty();
        assertThat(predictions(gbr)).extracting(p -> p.value().noradId()).containsExactly(MICROSAT_DEBRIS);
    }

    /**
     * With notifications on, storing a prediction over AUS marks it for AUS ({@code concernedParties}, a nation under
     * USA's re-entries agreement whose territory the window overflies) and tells AUS's node to pull now: it holds the
     * prediction without pulling itself. NOR (its territory north of 57°N, beyond the 51.6° orbit), under the same
     * agreement but not overflown, is not told (it gets the prediction at its own next pull) and is not marked.
     */
    @Test
    void aPredictionOverAustraliaIsMarkedForItAndItsNodeIsToldToPull() throws Exception {
        start(List.of("USA", "NOR", "AUS"), Set.of(), Clock.systemUTC(), Map.of("CONCORD_FEDERATION_NOTIFY_PEERS",
                "true"));
        Partners.Member usa = partners.get("USA");
        Partners.Member nor = partners.get("NOR");
        Partners.Member aus = partners.get("AUS");
        agreement(usa, "AUS,NOR", ORBITS, IndicesKind.DATA_KIND, ReentryKind.REENTRIES);
        usa.node.ingestSpaceWeatherAudited("SpaceWeather-All-v1.2.txt",
                resource("/reentry/SpaceWeather-All-v1.2_CelesTrak_2020-12-04_from-2019-06.txt"),
                Label.publicFrom("USA"), "test", "test", Optional.of("USA"));
        Label coalition = new Label("USA", Releasability.parse("REL TO AUS,NOR,USA"), Tlp.GREEN, new TreeSet<>(),
                Optional.empty());
        usa.ingest("altair.tle", List.of(threeLines(ALTAIR)), coalition);
        // the ingests told every peer: wait until those pulls are over, so that only the prediction's notice is left
        waitUntil(() -> aus.hashes().size() == 1 && nor.hashes().size() == 1, "AUS and NOR hold the element set");
        Thread.sleep(1000);

        Product<ReentryPrediction> overAustralia = usa.node.reentries().predict(ALTAIR).orElseThrow();
        assertThat(overAustralia.value().overflies("AUS")).isTrue();
        assertThat(overAustralia.value().overflies("NOR")).as("the case this test needs").isFalse();
        waitUntil(() -> !predictions(aus).isEmpty(), "AUS's node pulls the prediction when told");
        assertThat(predictions(aus)).extracting(p -> p.value().noradId()).containsExactly(ALTAIR);
        Thread.sleep(2000);
        assertThat(predictions(nor)).as("NOR is not concerned: not told").isEmpty();
        nor.pullFrom("USA");
        assertThat(predictions(nor)).as("released to NOR all the same").hasSize(1);

        JsonNode atUsa = get(usa, TestNodes.adminToken(usa.node), "/api/v1/reentries");
        assertThat(atUsa.get("items").get(0).get("concernedParties").toString()).isEqualTo("[\"AUS\"]");
        JsonNode atUsaForNor = get(usa, TestNodes.token(usa.node, "NOR", Role.VIEWER), "/api/v1/reentries");
        assertThat(atUsaForNor.get("items").get(0).get("concernedParties").toString())
                .as("USA's agreements with others are not shown to NOR").isEqualTo("[]");
        JsonNode atUsaForAus = get(usa, TestNodes.token(usa.node, "AUS", Role.VIEWER), "/api/v1/reentries");
        assertThat(atUsaForAus.get("items").get(0).get("concernedParties").toString()).isEqualTo("[\"AUS\"]");
    }

    /**
     * The notice to a state that may not see the prediction (docs/reentry.md): GBR's node releases its element set of
     * ALTAIR PATHFINDER to GBR and USA only; USA's node predicts from it a window over Australia. Under agreements
     * releasing AUS orbits, space weather and re-entries, AUS's node gets nothing (the prediction's label is GBR's
     * record's); once USA's party also releases {@code reentry-notices} to AUS, the next prediction comes with a notice
     * to AUS, which AUS's node holds (and lists over HTTP) while it still holds neither the prediction nor GBR's
     * record; GBR, without any agreement of USA's, holds nothing. Recalling the record at GBR withdraws the prediction
     * and the notice at USA and, through USA's feed, the notice at AUS.
     */
    @Test
    void aStateThatMayNotSeeThePredictionGetsANoticeOnlyUnderAnAgreementAndLosesItWithTheInputs() throws Exception {
        start(List.of("USA", "GBR", "AUS"), Set.of(), Clock.systemUTC(), Map.of());
        Partners.Member usa = partners.get("USA");
        Partners.Member gbr = partners.get("GBR");
        Partners.Member aus = partners.get("AUS");
        usa.node.ingestSpaceWeatherAudited("SpaceWeather-All-v1.2.txt",
                resource("/reentry/SpaceWeather-All-v1.2_CelesTrak_2020-12-04_from-2019-06.txt"),
                Label.publicFrom("USA"), "test", "test", Optional.of("USA"));
        Label gbrOnly = new Label("GBR", Releasability.parse("REL TO GBR,USA"), Tlp.GREEN, new TreeSet<>(),
                Optional.empty());
        String altairSet = gbr.ingest("altair.tle", List.of(threeLines(ALTAIR)), gbrOnly).iterator().next();
        agreement(gbr, "USA", ORBITS);
        usa.pullFrom("GBR");
        agreement(usa, "AUS", ORBITS, IndicesKind.DATA_KIND, ReentryKind.REENTRIES);

        // no reentry-notices agreement: the window over Australia gives AUS nothing
        Product<ReentryPrediction> before = usa.node.reentries().predict(ALTAIR).orElseThrow();
        assertThat(before.value().overflies("AUS")).as("the case this test needs").isTrue();
        assertThat(before.label().releasability().toString()).isEqualTo("REL TO GBR,USA");
        assertThat(notices(usa)).isEmpty();
        aus.pullFrom("USA");
        assertThat(predictions(aus)).isEmpty();
        assertThat(notices(aus)).isEmpty();

        agreement(usa, "AUS", ReentryNoticeKind.REENTRY_NOTICES);
        long overAustralia = usa.node.reentries().predict(ALTAIR).orElseThrow().id();
        ReentryPrediction predicted = usa.node.products().find(ReentryKind.INSTANCE, overAustralia,
                LabelFilter.UNRESTRICTED).orElseThrow().value();
        List<Product<ReentryNotice>> issued = notices(usa);
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).label()).isEqualTo(new Label("USA", Releasability.parse("REL TO AUS"), Tlp.AMBER,
                new TreeSet<>(), Optional.empty()));
        aus.pullFrom("USA");
        gbr.pullFrom("USA");
        assertThat(predictions(aus)).as("AUS may not see the prediction").isEmpty();
        assertThat(aus.hashes()).as("nor GBR's record").doesNotContain(altairSet);
        List<Product<ReentryNotice>> atAus = notices(aus);
        assertThat(atAus).hasSize(1);
        ReentryNotice notice = atAus.get(0).value();
        assertThat(atAus.get(0).label()).isEqualTo(issued.get(0).label());
        assertThat(atAus.get(0).inputs()).isEmpty();
        assertThat(notice.party()).isEqualTo("AUS");
        assertThat(notice.noradId()).isEqualTo(ALTAIR);
        assertThat(notice.objectName()).as("AUS may see no record naming the object").isEmpty();
        assertThat(notice.window()).isEqualTo(predicted.window().orElseThrow());
        assertThat(notice.nominalEpoch()).isEqualTo(predicted.nominal().orElseThrow());
        assertThat(notice.issuedAt()).isEqualTo(predicted.predictedAt());
        assertThat(notice.overflown()).as("Australia's own overflight only").containsExactly(predicted.overflown()
                .stream().filter(o -> o.territory().alpha3().equals(Optional.of("AUS"))).findFirst().orElseThrow());
        assertThat(predicted.overflown()).as("the window overflies other states too").hasSizeGreaterThan(1);
        assertThat(predictions(gbr)).as("GBR: no agreement of USA's").isEmpty();
        assertThat(notices(gbr)).isEmpty();

        JsonNode listed = get(aus, TestNodes.adminToken(aus.node), "/api/v1/reentry-notices");
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        JsonNode item = listed.get("items").get(0);
        assertThat(item.get("party").asText()).isEqualTo("AUS");
        assertThat(item.get("noradId").asLong()).isEqualTo(ALTAIR);
        assertThat(item.get("objectName").isNull()).isTrue();
        assertThat(item.get("overflown").get(0).get("state").asText()).isEqualTo("AUS");
        assertThat(item.has("ballisticM2Kg") || item.has("groundTrack") || item.has("basisEpoch")).isFalse();
        assertThat(item.get("inputs").size()).isZero();
        assertThat(get(usa, TestNodes.token(usa.node, "GBR", Role.VIEWER), "/api/v1/reentry-notices").get("total")
                .asLong()).as("a notice is AUS's only").isZero();
        assertThat(get(usa, TestNodes.token(usa.node, "AUS", Role.VIEWER), "/api/v1/reentry-notices").get("total")
                .asLong()).isEqualTo(1);

        // recalling GBR's record withdraws the prediction and the notice at USA and, at its next pull, at AUS
        gbr.node.recallAudited(altairSet, "GBR", "a mis-tagged track", "test", Optional.of("GBR"));
        usa.pullFrom("GBR");
        assertThat(predictions(usa)).isEmpty();
        assertThat(notices(usa)).isEmpty();
        aus.pullFrom("USA");
        assertThat(notices(aus)).isEmpty();
        assertThat(get(aus, TestNodes.adminToken(aus.node), "/api/v1/reentry-notices").get("total").asLong())
                .isZero();
    }

    private static List<Product<ReentryNotice>> notices(Partners.Member m) {
        return m.node.products().list(ReentryNoticeKind.INSTANCE, ProductQuery.all(ReentryNoticeKind.INSTANCE, 100),
                LabelFilter.UNRESTRICTED).items();
    }

    private static JsonNode get(Partners.Member m, String token, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(m.endpoint().resolve(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static void agreement(Partners.Member grantor, String to, DataKind... kinds) {
        grantor.node.sharing().addAgreement(new SharingService.Terms(grantor.party,
                SharingService.parseParties(to), Set.of(kinds), false, Instant.now().minusSeconds(60),
                Optional.empty()), TestNodes.TEST_ADMIN);
    }

    private static List<Product<ReentryPrediction>> predictions(Partners.Member m) {
        return m.node.products().list(ReentryKind.INSTANCE, ProductQuery.all(ReentryKind.INSTANCE, 100),
                LabelFilter.UNRESTRICTED).items();
    }

    private static String threeLines(long noradId) throws IOException {
        String[] lines = new String(resource("/reentry/catalog_3le_2019-12_perigee-under-300km.txt"),
                StandardCharsets.US_ASCII).split("\n");
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            if (Long.parseLong(lines[i + 1].substring(2, 7).trim()) == noradId) {
                found.add(lines[i].strip() + "\n" + lines[i + 1].strip() + "\n" + lines[i + 2].strip());
            }
        }
        return found.get(0);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ReentryFederationTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
