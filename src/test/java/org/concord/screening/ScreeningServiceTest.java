package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.label.LabelFilter;
import org.concord.TestNodes;
import org.concord.conjunction.Conjunction;
import org.concord.orbit.OrekitSetup;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.Tlp;
import org.concord.node.Node;
import org.concord.risk.CovarianceSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Screening as a node service: runs recorded with figures, conjunctions stored with maximum Pc and combined labels. */
class ScreeningServiceTest {

    private static final Instant START = Instant.parse("2024-07-05T00:00:00Z");

    @TempDir
    static Path dir;

    static Node node;

    @BeforeAll
    static void catalog() {
        node = TestNodes.open(dir, Map.of());
        String[] lines = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                StandardCharsets.UTF_8).split("\r?\n");
        String restricted = String.join("\n", Arrays.copyOfRange(lines, 0, 450));
        String open = String.join("\n", Arrays.copyOfRange(lines, 450, lines.length));
        Label gbrUsa = Label.parse("originator=GBR;rel=GBR,USA;tlp=GREEN;caveats=PROPIN", Label.publicFrom("TEST"));
        node.ingest().ingest(new IngestRequest("gbr.tle", restricted.getBytes(StandardCharsets.UTF_8),
                Optional.of(gbrUsa), "test", false, Optional.empty()));
        node.ingest().ingest(new IngestRequest("public.tle", open.getBytes(StandardCharsets.UTF_8),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
    }

    @AfterAll
    static void close() {
        node.close();
    }

    @Test
    void anAllVsAllRunStoresEveryConjunctionWithMaximumPcAndTheCombinedLabel() {
        double[] lastProgress = {0};
        ScreeningRun run = node.screening().run(new ScreeningService.Request(START, Duration.ofDays(1), 50_000,
                Optional.empty()), "tester", fraction -> lastProgress[0] = fraction);
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        assertThat(lastProgress[0]).isEqualTo(1.0);
        ScreeningRun.Figures figures = run.figures().orElseThrow();
        assertThat(figures.objectsScreened()).isEqualTo(301);
        assertThat(figures.conjunctions()).isPositive();

        List<Conjunction> stored = node.conjunctions().findConjunctions(new org.concord.product.ProductQuery(java.util.Map.of("runId", run.id()), org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().get(0), 10_000, Optional.empty()), LabelFilter.UNRESTRICTED).items();
        assertThat(stored).hasSize(figures.conjunctions());
        for (Conjunction c : stored) {
            assertThat(c.missDistanceMeters()).isLessThan(50_000);
            assertThat(c.tca()).isBetween(START, START.plus(Duration.ofDays(1)));
            assertThat(c.risk().orElseThrow().source()).isEqualTo(CovarianceSource.MAXIMUM);
            assertThat(c.risk().orElseThrow().statement()).contains("MAXIMUM").contains("not a measured Pc");
            boolean restricted = c.primaryNoradId() <= lastRestrictedNorad() || c.secondaryNoradId()
                    <= lastRestrictedNorad();
            if (restricted) {
                assertThat(c.label().releasability().parties()).containsExactly("GBR", "USA");
                assertThat(c.label().tlp()).isEqualTo(Tlp.GREEN);
                assertThat(c.label().caveats()).containsExactly("PROPIN");
            } else {
                assertThat(c.label().releasability().isPublic()).isTrue();
            }
            assertThat(c.label().originator()).isEqualTo("TEST");
        }

        // the service's conjunctions are exactly the screener's on the same element sets
        List<ScreeningObject> objects = node.catalog().latestOrbits().stream()
                .map(o -> new ScreeningObject(o.noradId(), o.id(), org.concord.formats.OmmReader.toTle(
                        o.format(), o.content()))).toList();
        ScreeningResult direct = new Screener(OrekitSetup.get().timeScales()).screen(objects, ScreeningParameters.allVsAll(START,
                Duration.ofDays(1), 50_000));
        assertThat(direct.closeApproaches()).hasSize(stored.size());
    }

    @Test
    void oneVsAllScreensOnlyPairsWithThePrimary() {
        ScreeningRun run = node.screening().run(new ScreeningService.Request(START, Duration.ofDays(1), 200_000,
                Optional.of(25544L)), "tester", f -> { });
        assertThat(run.kind()).isEqualTo(ScreeningRun.Kind.ONE_VS_ALL);
        List<Conjunction> stored = node.conjunctions().findConjunctions(new org.concord.product.ProductQuery(java.util.Map.of("runId", run.id()), org.concord.conjunction.ConjunctionKind.INSTANCE.sorts().get(1), 10_000, Optional.empty()), LabelFilter.UNRESTRICTED).items();
        assertThat(stored).allSatisfy(c -> assertThat(List.of(c.primaryNoradId(), c.secondaryNoradId()))
                .contains(25544L));
        assertThatThrownBy(() -> node.screening().run(new ScreeningService.Request(START, Duration.ofDays(1), 5000,
                Optional.of(99_999L)), "tester", f -> { })).hasMessageContaining("no object 99999");
    }

    @Test
    void aRunFarFromTheEpochsOfItsElementSetsSaysItsResultsAreNotMeaningful() {
        // the reproduction on the 2024-07 elements: screen 2026-12-03 for an hour against the ISS
        ScreeningRun run = node.screening().run(new ScreeningService.Request(Instant.parse("2026-12-03T00:00:00Z"),
                Duration.ofHours(1), 5000, Optional.of(25544L)), "tester", f -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        ScreeningRun.Staleness staleness = run.figures().orElseThrow().staleness().orElseThrow();
        assertThat(staleness.inputs()).isEqualTo(301);
        assertThat(staleness.staleInputs()).isEqualTo(301);
        assertThat(staleness.primaryStale()).isTrue();
        assertThat(staleness.primaryAge().orElseThrow().toDays()).isEqualTo(880);
        assertThat(staleness.youngestAge().toDays()).isGreaterThanOrEqualTo(877);
        assertThat(run.warning()).hasValueSatisfying(w -> assertThat(w).startsWith("the primary's element set is"
                + " 880.4 days from the window").contains("results are not meaningful"));
        // stored, not only returned
        assertThat(node.screeningRuns().findRun(run.id()).orElseThrow().warning()).isEqualTo(run.warning());
    }

    @Test
    void eachConjunctionSaysHowOldItsElementSetsWereAtTca() {
        Instant start = Instant.parse("2024-07-06T00:00:00Z");
        ScreeningRun run = node.screening().run(new ScreeningService.Request(start, Duration.ofHours(12), 50_000,
                Optional.empty()), "tester", f -> { });
        ScreeningRun.Staleness staleness = run.figures().orElseThrow().staleness().orElseThrow();
        // element sets from 2024-06-29 to 2024-07-07: some low-orbit ones are beyond three days, not all
        assertThat(staleness.staleInputs()).isPositive().isLessThan(staleness.inputs());
        assertThat(staleness.primaryAge()).isEmpty();
        assertThat(run.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith(staleness.staleInputs() + " of 301 element sets are beyond").doesNotContain("all"));

        List<Conjunction> stored = node.screening().conjunctionsOf(run, LabelFilter.UNRESTRICTED);
        assertThat(stored).isNotEmpty();
        Map<Long, org.concord.catalog.OrbitRecord> orbits = new java.util.HashMap<>();
        node.catalog().latestOrbits().forEach(o -> orbits.put(o.id(), o));
        for (Conjunction c : stored) {
            org.concord.catalog.OrbitRecord primary = orbits.get(c.primaryOrbitId().orElseThrow());
            org.concord.catalog.OrbitRecord secondary = orbits.get(c.secondaryOrbitId().orElseThrow());
            var ages = c.inputAges().orElseThrow();
            assertThat(ages.primary().toSeconds()).isEqualTo(Duration.between(primary.epoch(), c.tca()).abs()
                    .toSeconds());
            assertThat(ages.secondary().toSeconds()).isEqualTo(Duration.between(secondary.epoch(), c.tca()).abs()
                    .toSeconds());
            assertThat(ages.stale()).isEqualTo(ages.primary().compareTo(limit(primary)) > 0
                    || ages.secondary().compareTo(limit(secondary)) > 0);
        }
    }

    private static Duration limit(org.concord.catalog.OrbitRecord orbit) {
        return node.config().staleness().limit(org.concord.orbit.OrbitRegime.of(orbit.summary()));
    }

    @Test
    void runsWhoseProcessStoppedAreMarkedFailedOnReadAndLiveOnesAreNot() {
        ScreeningRun abandoned = node.screeningRuns().startRun(runStartedAt(Instant.now().minus(Duration.ofHours(1))));
        ScreeningRun live = node.screeningRuns().startRun(runStartedAt(Instant.now()));
        List<ScreeningRun> runs = node.screening().runs(100);
        assertThat(runs).filteredOn(r -> r.id() == abandoned.id()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ScreeningRun.Status.FAILED);
            assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains("process running it stopped"));
        });
        assertThat(node.screening().findRun(live.id()).orElseThrow().status()).isEqualTo(ScreeningRun.Status.RUNNING);
        node.screeningRuns().failRun(live.id(), "test over");
    }

    private static ScreeningRun runStartedAt(Instant startedAt) {
        return new ScreeningRun(0, ScreeningRun.Kind.ALL_VS_ALL, Optional.empty(), START, Duration.ofDays(1),
                new ScreeningVolume.Sphere(5000), Optional.empty(), "tester", startedAt, ScreeningRun.Status.RUNNING,
                0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static long lastRestrictedNorad() {
        String[] lines = new String(TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                StandardCharsets.UTF_8).split("\r?\n");
        return Long.parseLong(lines[449].substring(2, 7).trim());
    }
}
