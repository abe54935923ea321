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
}
