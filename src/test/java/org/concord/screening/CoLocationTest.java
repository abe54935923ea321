package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.TestNodes;
import org.concord.conjunction.Conjunction;
import org.concord.event.Proximity;
import org.concord.event.ProximityKind;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.orbit.OrekitSetup;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ISS and the vehicles docked to it in the bundled catalog (2024-07: NAUKA's element set, shared by CYGNUS NG-20,
 * PROGRESS MS-26 and MS-27, DRAGON ENDEAVOUR 5, SOYUZ MS-25 and STARLINER CALYPSO 1): screened with 301 other objects,
 * each docked vehicle is one proximity with ISS (ZARYA) per window, none is a close approach, and the ISS's other
 * encounters are those the screener finds.
 */
class CoLocationTest {

    private static final Instant START = Instant.parse("2024-07-05T00:00:00Z");
    private static final Set<Long> DOCKED = BundledCatalog.DOCKED_TO_ISS;

    @TempDir
    static Path dir;

    static Node node;

    @BeforeAll
    static void catalog() {
        node = TestNodes.open(dir, Map.of());
        node.ingest().ingest(new IngestRequest("public.tle", TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        node.ingest().ingest(new IngestRequest("docked.tle", BundledCatalog.dockedToIss(),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        assertThat(node.catalog().latestOrbits()).hasSize(301 + DOCKED.size());
    }

    @AfterAll
    static void close() {
        node.close();
    }

    @Test
    void eachDockedVehicleIsOneProximityWithTheIssAndNoCloseApproach() {
        ScreeningRun run = node.screening().run(new ScreeningService.Request(START, Duration.ofDays(1), 5_000,
                Optional.of(25544L)), "tester", f -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);

        List<Proximity> proximities = node.products().list(ProximityKind.INSTANCE, new ProductQuery(
                Map.of("runId", run.id()), ProximityKind.INSTANCE.sorts().getFirst(), 100, Optional.empty()),
                LabelFilter.UNRESTRICTED).items().stream().map(Product::value).toList();
        assertThat(proximities).extracting(Proximity::secondaryNoradId).containsExactlyInAnyOrderElementsOf(DOCKED);
        for (Proximity p : proximities) {
            assertThat(p.primaryNoradId()).isEqualTo(25544L);
            assertThat(p.windowStart()).isEqualTo(START);
            assertThat(p.windowEnd()).isEqualTo(START.plus(Duration.ofDays(1)));
            assertThat(p.minimumRangeMeters()).isLessThanOrEqualTo(p.maximumRangeMeters());
            assertThat(p.minimumRangeMeters()).isLessThan(5_000);
            assertThat(p.within()).as("within 5 km for at least an orbit of the ISS (92.7 min)")
                    .isGreaterThan(Duration.ofMinutes(93));
        }

        List<Conjunction> stored = node.screening().conjunctionsOf(run, LabelFilter.UNRESTRICTED);
        assertThat(stored).noneMatch(c -> DOCKED.contains(c.secondaryNoradId()) || DOCKED.contains(c.primaryNoradId()));
        List<ScreeningObject> objects = node.catalog().latestOrbits().stream()
                .map(o -> new ScreeningObject(o.noradId(), o.id(), org.concord.formats.OmmReader.toTle(
                        o.format(), o.content()))).toList();
        List<Instant> others = new ArrayList<>();
        for (CloseApproach a : new Screener(OrekitSetup.get().timeScales()).screen(objects,
                ScreeningParameters.oneVsAll(START, Duration.ofDays(1), 5_000, Set.of(25544L))).closeApproaches()) {
            if (!DOCKED.contains(a.secondaryNoradId()) && !DOCKED.contains(a.primaryNoradId())) {
                others.add(a.tca());
            }
        }
        assertThat(stored).extracting(Conjunction::tca).as("the ISS's other encounters")
                .containsExactlyInAnyOrderElementsOf(others);
    }

    @Test
    void allVsAllTheDockedVehiclesAreProximitiesOnlyOfTheIss() {
        ScreeningRun run = node.screening().run(new ScreeningService.Request(START, Duration.ofDays(1), 5_000,
                Optional.empty()), "tester", f -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        List<Proximity> proximities = node.products().list(ProximityKind.INSTANCE, new ProductQuery(
                Map.of("runId", run.id()), ProximityKind.INSTANCE.sorts().getFirst(), 100, Optional.empty()),
                LabelFilter.UNRESTRICTED).items().stream().map(Product::value).toList();
        // the seven share one element set: their range to each other is zero throughout, with no minimum to report
        assertThat(proximities).allMatch(p -> p.primaryNoradId() == 25544L)
                .extracting(Proximity::secondaryNoradId).containsExactlyInAnyOrderElementsOf(DOCKED);
        assertThat(node.screening().conjunctionsOf(run, LabelFilter.UNRESTRICTED))
                .noneMatch(c -> DOCKED.contains(c.secondaryNoradId()) || DOCKED.contains(c.primaryNoradId()));
    }

    /**
     * An OEM of the ISS written from its own element set (SGP4 states every 30 s) meets its docked vehicles as the
     * catalog screening of the ISS does: one proximity each, over the same window with the same range span (the
     * interpolated ephemeris is within centimetres of SGP4), no close approach; its other encounters stay.
     */
    @Test
    void anOemOfTheIssGivesItsDockedVehiclesAsProximitiesAsACatalogScreeningDoes() {
        Duration day = Duration.ofDays(1);
        ScreeningRun catalogRun = node.screening().run(new ScreeningService.Request(START, day, 5_000,
                Optional.of(25544L)), "tester", f -> { });
        org.concord.catalog.OrbitRecord iss = node.catalog().latestMeanElements(25544, LabelFilter.UNRESTRICTED)
                .orElseThrow();
        byte[] oem = TestOems.oem("25544", "ISS (ZARYA)", List.of(TestOems.sgp4States(
                org.concord.formats.OmmReader.toTle(iss.format(), iss.content()), START, START.plus(day),
                Duration.ofSeconds(30)))).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ScreeningService.EphemerisScreening screened = node.screening().screenEphemeris(
                new ScreeningService.EphemerisRequest("iss.oem", oem, Optional.empty(), Optional.of(START),
                        Optional.of(day), new ScreeningVolume.Sphere(5_000)), "tester", f -> { });
        assertThat(screened.run().status()).as(screened.run().error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);

        Map<Long, Proximity> fromCatalog = proximitiesOf(catalogRun);
        Map<Long, Proximity> fromOem = proximitiesOf(screened.run());
        assertThat(fromOem.keySet()).containsExactlyInAnyOrderElementsOf(DOCKED).isEqualTo(fromCatalog.keySet());
        for (long vehicle : DOCKED) {
            Proximity o = fromOem.get(vehicle);
            Proximity c = fromCatalog.get(vehicle);
            assertThat(o.primaryNoradId()).isEqualTo(25544L);
            assertThat(o.windowStart()).isEqualTo(START);
            assertThat(o.windowEnd()).isEqualTo(START.plus(day));
            assertThat(o.minimumRangeMeters()).isCloseTo(c.minimumRangeMeters(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(o.maximumRangeMeters()).isCloseTo(c.maximumRangeMeters(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(o.within()).isEqualTo(c.within());
        }
        assertThat(screened.conjunctions()).as("no close approach with a docked vehicle")
                .noneMatch(c -> DOCKED.contains(c.secondaryNoradId()));
        assertThat(screened.conjunctions()).extracting(Conjunction::secondaryNoradId).as("the ISS's other encounters")
                .containsExactlyInAnyOrderElementsOf(node.screening().conjunctionsOf(catalogRun,
                        LabelFilter.UNRESTRICTED).stream().map(Conjunction::secondaryNoradId).toList());
    }

    private static Map<Long, Proximity> proximitiesOf(ScreeningRun run) {
        Map<Long, Proximity> bySecondary = new java.util.HashMap<>();
        node.products().list(ProximityKind.INSTANCE, new ProductQuery(Map.of("runId", run.id()),
                ProximityKind.INSTANCE.sorts().getFirst(), 100, Optional.empty()), LabelFilter.UNRESTRICTED).items()
                .forEach(p -> bySecondary.put(p.value().secondaryNoradId(), p.value()));
        return bySecondary;
    }
}
