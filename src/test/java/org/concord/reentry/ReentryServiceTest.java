package org.concord.reentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.TestNodes;
import org.concord.catalog.OrbitRecord;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductQuery;
import org.concord.spaceweather.IndicesKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.propagation.analytical.tle.TLE;

/** Predictions stored as derived products: their inputs, their combined label, their withdrawal on recall. */
class ReentryServiceTest {

    @TempDir
    Path dir;

    @Test
    void aPredictionIsDerivedFromTheRecordsItUsedAndGoesWithThem() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            DecayCases.Case debris = DecayCases.load().stream().filter(c -> c.noradId() == 44775).findFirst()
                    .orElseThrow();
            TLE newest = debris.elements();
            TLE older = ReentryPredictorTest.olderSet(newest);
            ingest(node, "older.tle", older, "originator=USA;rel=PUBLIC");
            ingest(node, "newest.tle", newest, "originator=GBR;rel=REL TO GBR,USA;tlp=AMBER");
            storeSpaceWeather(node, "originator=USA;rel=REL TO AUS,GBR,USA");
            ReentryService service = node.reentries();

            Product<ReentryPrediction> stored = service.predict(debris.noradId()).orElseThrow();

            List<OrbitRecord> records = node.catalog().orbitHistory(debris.noradId(), LabelFilter.UNRESTRICTED);
            OrbitRecord gbr = records.stream().filter(r -> r.label().originator().equals("GBR")).findFirst()
                    .orElseThrow();
            OrbitRecord usa = records.stream().filter(r -> r.label().originator().equals("USA")).findFirst()
                    .orElseThrow();
            assertThat(stored.inputs()).extracting(i -> i.role() + "=" + i.id())
                    .startsWith("set-1=" + usa.id(), "set-2=" + gbr.id());
            List<String> days = stored.inputs().stream().map(ProductInput::role)
                    .filter(r -> r.startsWith("space-weather-")).toList();
            // the fit propagates from the older set, the prediction to the nominal epoch; NRLMSISE-00 reads 3 days back
            LocalDate first = LocalDate.ofInstant(older.getDate().toInstant(), ZoneOffset.UTC).minusDays(3);
            LocalDate last = LocalDate.ofInstant(stored.value().nominal().orElseThrow(), ZoneOffset.UTC).plusDays(1);
            assertThat(days).hasSize((int) ChronoUnit.DAYS.between(first, last) + 1)
                    .startsWith(StoredSpaceWeather.role(first)).endsWith(StoredSpaceWeather.role(last));
            assertThat(stored.value().spaceWeatherSource()).startsWith("this node's space weather indices (");
            assertThat(stored.value().outcome()).isEqualTo(ReentryOutcome.WINDOW);
            assertThat(stored.value().ballistic().orElseThrow().source())
                    .isEqualTo(BallisticCoefficient.Source.OBSERVED_DECAY);
            assertThat(stored.label().originator()).isEqualTo(node.sharing().nodeParty());
            assertThat(stored.label().releasability().toString()).isEqualTo("REL TO GBR,USA");
            assertThat(stored.label().tlp()).isEqualTo(org.concord.label.Tlp.AMBER);

            node.recallAudited(gbr.contentSha256(), "GBR", "test", "test", Optional.empty());

            assertThat(node.products().list(ReentryKind.INSTANCE, ProductQuery.all(ReentryKind.INSTANCE, 100),
                    LabelFilter.UNRESTRICTED).items()).isEmpty();
        }
    }

    @Test
    void anObjectWithoutRecordsHasNoPrediction() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            ReentryService service = node.reentries();

            assertThat(service.predict(44775)).isEmpty();
        }
    }

    @Test
    void everyObjectUnderThePerigeeIsPredictedAndNoOther() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            List<DecayCases.Case> cases = DecayCases.load();
            DecayCases.Case low = cases.stream().filter(c -> c.noradId() == 44775).findFirst().orElseThrow();
            DecayCases.Case gto = cases.stream().filter(c -> c.noradId() == 43230).findFirst().orElseThrow();
            ingest(node, "low.tle", low.elements(), "originator=USA;rel=PUBLIC");
            ingest(node, "gto.tle", gto.elements(), "originator=USA;rel=PUBLIC");
            storeSpaceWeather(node, "originator=USA;rel=PUBLIC");
            ReentryService service = node.reentries();
            List<String> progress = new java.util.ArrayList<>();

            List<Product<ReentryPrediction>> under250 = service.predictAll(250_000, (done, total) ->
                    progress.add(done + "/" + total));

            // 44775's perigee is 240 km, the GTO's 139 km: both under 250 km; under 200 km only the GTO
            assertThat(under250).extracting(p -> p.value().noradId()).containsExactly(43230L, 44775L);
            assertThat(progress).containsExactly("1/2", "2/2");
            assertThat(service.predictAll(200_000, (done, total) -> { })).extracting(p -> p.value().noradId())
                    .containsExactly(43230L);
        }
    }

    /**
     * The space weather's label takes part in the prediction's: released to GBR, USA and AUS, it leaves the element
     * sets' GBR and USA; without it the prediction has no epoch and says why.
     */
    @Test
    void aPredictionReadsTheNodesStoredSpaceWeatherAndItsLabelCombinesTheDaysRead() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            DecayCases.Case debris = DecayCases.load().stream().filter(c -> c.noradId() == 44775).findFirst()
                    .orElseThrow();
            ingest(node, "newest.tle", debris.elements(), "originator=USA;rel=PUBLIC");

            Product<ReentryPrediction> without = node.reentries().predict(debris.noradId()).orElseThrow();
            assertThat(without.value().outcome()).isEqualTo(ReentryOutcome.NONE);
            assertThat(without.value().statement()).contains("no space weather indices");
            assertThat(without.inputs()).extracting(ProductInput::role).containsExactly("set-1");

            storeSpaceWeather(node, "originator=GBR;rel=REL TO GBR,AUS;tlp=GREEN");
            Product<ReentryPrediction> with = node.reentries().predict(debris.noradId()).orElseThrow();

            assertThat(with.value().outcome()).isEqualTo(ReentryOutcome.WINDOW);
            assertThat(with.label().releasability().toString()).isEqualTo("REL TO AUS,GBR");
            assertThat(with.label().tlp()).isEqualTo(org.concord.label.Tlp.GREEN);
            assertThat(with.inputs()).extracting(ProductInput::kind).contains(IndicesKind.INSTANCE.code());
        }
    }

    /** At AUS's node, a later re-entry over Australia is listed before a sooner one elsewhere. */
    @Test
    void theUpcomingReentriesOverTheNodesOwnTerritoryComeFirst() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            DecayCases.Case debris = DecayCases.load().stream().filter(c -> c.noradId() == 44775).findFirst()
                    .orElseThrow();
            ingest(node, "newest.tle", debris.elements(), "originator=USA;rel=PUBLIC");
            long record = node.catalog().orbitHistory(debris.noradId(), LabelFilter.UNRESTRICTED).get(0).id();
            Instant from = Instant.parse("2020-01-01T00:00:00Z");
            store(node, record, window(1001, from.plus(Duration.ofDays(2)), "AUS", "Australia"));
            store(node, record, window(1002, from.plus(Duration.ofDays(1)), "NZL", "New Zealand"));
            ReentryService atAustralia = new ReentryService(node.catalog(),
                    org.concord.orbit.MeanElementsDecoder.withOmm(org.concord.formats.OmmReader::toTle),
                    weather -> DecayCases.predictor(), () -> StoredSpaceWeather.none(IndicesKind.INSTANCE.code(),
                    "none"), node.productService(), "AUS");

            assertThat(atAustralia.upcoming(from, from.plus(Duration.ofDays(10)), LabelFilter.UNRESTRICTED))
                    .extracting(p -> p.value().noradId()).containsExactly(1001L, 1002L);
            assertThat(node.reentries().upcoming(from, from.plus(Duration.ofDays(10)), LabelFilter.UNRESTRICTED))
                    .as("elsewhere, soonest first").extracting(p -> p.value().noradId()).containsExactly(1002L, 1001L);
        }
    }

    /**
     * The notices of a prediction and who is told (docs/reentry.md). ALTAIR PATHFINDER's set is held twice: public,
     * and, stored later and so the one predicted from, released to GBR and USA only, so that AUS may not see the
     * prediction but may see a record naming the object. Agreements release notices to AUS, to another state the
     * window overflies (which may see the prediction) and to NOR (not overflown), and re-entries to that other state:
     * only AUS gets notices, named; in a batch, AUS and the other state are told once, at its end.
     */
    @Test
    void aNoticeGoesToAStateOverflownThatMayNotSeeThePredictionAndABatchTellsEachStateOnceAtItsEnd() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            TLE altair = ReentryFixtures.altairSet();
            ingest(node, "public.tle", altair, "originator=USA;rel=PUBLIC");
            ingest(node, "gbr.tle", altair, "originator=GBR;rel=REL TO GBR,USA;tlp=GREEN");
            String other = ReentryFixtures.service(node).predict(ReentryFixtures.ALTAIR).orElseThrow().value()
                    .overflown().stream().flatMap(o -> o.territory().alpha3().stream())
                    .filter(code -> !code.equals("AUS")).findFirst().orElseThrow();
            List<Set<String>> told = new java.util.ArrayList<>();
            ReentrySharing sharing = new ReentrySharing() {
                @Override
                public java.util.SortedSet<String> nationsReleasedTo(org.concord.label.DataKind kind) {
                    return new java.util.TreeSet<>(kind.equals(ReentryNoticeKind.REENTRY_NOTICES)
                            ? Set.of("AUS", "NOR", other) : Set.of(other));
                }

                @Override
                public LabelFilter filterOf(String party) {
                    return party.equals(other) ? LabelFilter.UNRESTRICTED : node.sharing().filterFor(
                            new org.concord.access.Principal("party " + party, Optional.of(party),
                                    Optional.of(org.concord.access.Role.VIEWER), false));
                }

                @Override
                public void tellToPull(Set<String> parties) {
                    told.add(parties);
                }
            };
            ReentryService service = new ReentryService(node.catalog(), org.concord.orbit.MeanElementsDecoder.withOmm(
                    org.concord.formats.OmmReader::toTle), weather -> DecayCases.predictor(),
                    ReentryFixtures::noStoredWeather, node.productService(), "USA", sharing);

            ReentryService.Batch batch = service.batch();
            Product<ReentryPrediction> first = batch.predict(ReentryFixtures.ALTAIR).orElseThrow();
            Product<ReentryPrediction> second = batch.predict(ReentryFixtures.ALTAIR).orElseThrow();
            assertThat(first.label().releasability().toString()).as("the case this test needs")
                    .isEqualTo("REL TO GBR,USA");
            assertThat(first.value().overflies("NOR")).as("the case this test needs").isFalse();
            assertThat(told).as("not before the batch ends").isEmpty();
            batch.finish();
            assertThat(told).containsExactly(Set.of("AUS", other));

            List<Product<ReentryNotice>> notices = node.products().list(ReentryNoticeKind.INSTANCE,
                    ProductQuery.all(ReentryNoticeKind.INSTANCE, 100), LabelFilter.UNRESTRICTED).items();
            assertThat(notices).extracting(n -> n.value().party()).containsExactly("AUS", "AUS");
            assertThat(notices).extracting(n -> n.value().issuedAt()).as("when each prediction was made, as stored")
                    .containsExactlyInAnyOrder(storedPrediction(node, first).predictedAt(),
                            storedPrediction(node, second).predictedAt());
            assertThat(notices).extracting(n -> n.value().objectName()).containsOnly(Optional.of("FALCON 9 DEB"));
            assertThat(notices).allSatisfy(n -> {
                assertThat(n.label().toString()).isEqualTo(new Label("USA",
                        org.concord.label.Releasability.to("AUS"), org.concord.label.Tlp.AMBER, new java.util.TreeSet<>(),
                        Optional.empty()).toString());
                assertThat(n.value().overflown()).extracting(o -> o.territory().alpha3().orElseThrow())
                        .containsExactly("AUS");
                assertThat(n.inputs()).as("never read back").isEmpty();
            });

            service.predict(ReentryFixtures.ALTAIR).orElseThrow();
            assertThat(told).as("one prediction: told at once").hasSize(2).last().isEqualTo(Set.of("AUS", other));

            // recalling the record predicted from withdraws the notices with the predictions
            String gbr = node.catalog().orbitHistory(ReentryFixtures.ALTAIR, LabelFilter.UNRESTRICTED).stream()
                    .filter(r -> r.label().originator().equals("GBR")).findFirst().orElseThrow().contentSha256();
            node.recallAudited(gbr, "GBR", "test", "test", Optional.empty());
            assertThat(node.products().list(ReentryNoticeKind.INSTANCE, ProductQuery.all(ReentryNoticeKind.INSTANCE,
                    100), LabelFilter.UNRESTRICTED).items()).isEmpty();
        }
    }

    /** A prediction as read back (instants to the microsecond). */
    private static ReentryPrediction storedPrediction(Node node, Product<ReentryPrediction> stored) {
        return node.products().find(ReentryKind.INSTANCE, stored.id(), LabelFilter.UNRESTRICTED).orElseThrow()
                .value();
    }

    private static ReentryPrediction window(long noradId, Instant nominal, String state, String name) {
        Instant opens = nominal.minus(Duration.ofHours(6));
        Instant closes = nominal.plus(Duration.ofHours(6));
        return new ReentryPrediction(noradId, nominal.minus(Duration.ofDays(1)), 1, ReentryClass.UNCONTROLLED,
                ReentryOutcome.WINDOW, Optional.empty(), Optional.of(nominal),
                Optional.of(new ReentryWindow(opens, closes)), closes, "NRLMSISE-00", "test", "test", nominal,
                GroundTrack.NONE, List.of(new Overflight(new org.concord.territory.Territory(Optional.of(state), name),
                opens, closes)));
    }

    private static void store(Node node, long record, ReentryPrediction prediction) {
        node.productService().store(ReentryKind.INSTANCE, List.of(Product.of(prediction, Label.publicFrom("TEST"),
                List.of(new ProductInput(ReentryKind.setRole(1), new org.concord.label.DataKind("orbits"), record)))),
                "TEST");
    }

    static void storeSpaceWeather(Node node, String label) {
        try (var in = DecayCases.class.getResourceAsStream(DecayCases.SPACE_WEATHER_RESOURCE)) {
            node.ingestSpaceWeatherAudited("SpaceWeather-All-v1.2.txt", in.readAllBytes(),
                    Label.parse(label, Label.publicFrom("TEST")), "test", "test", Optional.empty());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void ingest(Node node, String name, TLE tle, String label) {
        String text = "0 FALCON 9 DEB\n" + tle.getLine1() + "\n" + tle.getLine2() + "\n";
        node.ingest().ingest(new IngestRequest(name, text.getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.parse(label, Label.publicFrom("TEST"))), "test", false, Optional.empty()));
    }
}
