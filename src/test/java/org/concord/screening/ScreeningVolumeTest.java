package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.label.LabelFilter;
import org.concord.TestNodes;
import org.concord.conjunction.Conjunction;
import org.concord.ingest.IngestRequest;
import org.concord.node.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RTN ellipsoid against a brute force: a run with a large sphere gives every approach with its RTN miss vector;
 * the ellipsoid run must keep exactly those inside the ellipsoid, tested here component by component.
 */
class ScreeningVolumeTest {

    private static final Instant START = Instant.parse("2024-07-05T00:00:00Z");

    @TempDir
    static Path dir;

    static Node node;

    @BeforeAll
    static void catalog() {
        node = TestNodes.open(dir, Map.of());
        node.ingest().ingest(IngestRequest.of("public.tle", TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                "test"));
    }

    @AfterAll
    static void close() {
        node.close();
    }

    /** Whether the ellipsoid holds the approach's miss vector, computed here independently of ScreeningVolume. */
    static boolean inside(Conjunction c, double radial, double inTrack, double crossTrack) {
        double r = c.radialMeters() / radial;
        double t = c.inTrackMeters() / inTrack;
        double n = c.crossTrackMeters() / crossTrack;
        return r * r + t * t + n * n <= 1.0;
    }

    /**
     * Asserts that {@code kept} is exactly the approaches of {@code reference} inside the ellipsoid (same pair, TCA
     * within 1 µs, miss within 1 mm), and that the ellipsoid drops some approaches its largest semi-axis would keep.
     */
    static void assertEllipsoidFilter(List<Conjunction> reference, List<Conjunction> kept, double radial,
                                      double inTrack, double crossTrack) {
        List<Conjunction> expected = reference.stream().filter(c -> inside(c, radial, inTrack, crossTrack)).toList();
        double largest = Math.max(radial, Math.max(inTrack, crossTrack));
        long droppedInsideSphere = reference.stream().filter(c -> c.missDistanceMeters() < largest
                && !inside(c, radial, inTrack, crossTrack)).count();
        assertThat(expected).isNotEmpty();
        assertThat(droppedInsideSphere).as("approaches inside the broad-phase sphere but outside the ellipsoid")
                .isPositive();
        System.out.printf("ellipsoid %.0f x %.0f x %.0f m: %d of %d approaches kept, %d inside the %.0f m sphere"
                + " dropped%n", radial, inTrack, crossTrack, kept.size(), reference.size(), droppedInsideSphere,
                largest);
        assertThat(kept).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Conjunction e = expected.get(i);
            Conjunction k = kept.get(i);
            assertThat(k.primaryNoradId()).isEqualTo(e.primaryNoradId());
            assertThat(k.secondaryNoradId()).isEqualTo(e.secondaryNoradId());
            assertThat(Math.abs(Duration.between(e.tca(), k.tca()).toNanos())).isLessThan(1000);
            assertThat(k.missDistanceMeters()).isCloseTo(e.missDistanceMeters(),
                    org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    private static ScreeningRun run(ScreeningVolume volume, Optional<Long> primary) {
        ScreeningRun run = node.screening().run(new ScreeningService.Request(START, Duration.ofDays(1), volume,
                primary), "tester", fraction -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        return run;
    }

    @Test
    void allVsAllKeepsExactlyTheApproachesInsideTheEllipsoidOfTheLowerCatalogNumber() {
        List<Conjunction> sphere = node.screening().conjunctionsOf(run(new ScreeningVolume.Sphere(60_000),
                Optional.empty()), LabelFilter.UNRESTRICTED);
        ScreeningVolume.RtnEllipsoid ellipsoid = new ScreeningVolume.RtnEllipsoid(5_000, 50_000, 20_000);
        ScreeningRun run = run(ellipsoid, Optional.empty());
        assertThat(node.screeningRuns().findRun(run.id()).orElseThrow().volume()).isEqualTo(ellipsoid);
        List<Conjunction> kept = node.screening().conjunctionsOf(run, LabelFilter.UNRESTRICTED);
        assertThat(kept).allSatisfy(c -> assertThat(c.primaryNoradId()).isLessThan(c.secondaryNoradId()));
        assertEllipsoidFilter(sphere, kept, 5_000, 50_000, 20_000);
        assertThat(run.figures().orElseThrow().conjunctions()).isEqualTo(kept.size());
    }

    @Test
    void oneVsAllTestsTheEllipsoidInThePrimarysFrame() {
        List<Conjunction> sphere = node.screening().conjunctionsOf(run(new ScreeningVolume.Sphere(500_000),
                Optional.of(25544L)), LabelFilter.UNRESTRICTED);
        List<Conjunction> kept = node.screening().conjunctionsOf(run(new ScreeningVolume.RtnEllipsoid(100_000,
                400_000, 200_000), Optional.of(25544L)), LabelFilter.UNRESTRICTED);
        assertThat(kept).allSatisfy(c -> assertThat(c.primaryNoradId()).isEqualTo(25544L));
        assertEllipsoidFilter(sphere, kept, 100_000, 400_000, 200_000);
    }

    @Test
    void semiAxesMustBePositiveAndAtMostAThousandKilometres() {
        assertThatThrownBy(() -> new ScreeningVolume.RtnEllipsoid(0, 1000, 1000))
                .hasMessageContaining("radial semi-axis must be positive");
        assertThatThrownBy(() -> new ScreeningVolume.RtnEllipsoid(1000, 2e6, 1000))
                .hasMessageContaining("in-track semi-axis");
        assertThatThrownBy(() -> new ScreeningVolume.Sphere(Double.NaN)).hasMessageContaining("threshold");
        assertThat(new ScreeningVolume.RtnEllipsoid(500, 5000, 2000).broadPhaseRadiusMeters()).isEqualTo(5000);
    }
}
