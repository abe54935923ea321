package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.digest.Sha256;
import org.concord.label.LabelFilter;
import org.concord.TestNodes;
import org.concord.catalog.OrbitRecord;
import org.concord.conjunction.Conjunction;
import org.concord.formats.InputRejectedException;
import org.concord.formats.OmmReader;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.Tlp;
import org.concord.node.Node;
import org.concord.risk.CovarianceSource;
import org.concord.store.CatalogSamples;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.utils.TimeStampedPVCoordinates;

/**
 * Screening an uploaded OEM against the catalog: an OEM written from the ISS's own TLE finds what {@code --primary
 * 25544} finds; a manoeuvre changes what it finds; windows outside its span and invalid OEMs are refused.
 */
class EphemerisScreeningTest {

    private static final Instant START = Instant.parse("2024-07-05T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(1));
    private static final Instant MANOEUVRE = START.plus(Duration.ofHours(12));
    private static final long ISS = 25544;
    private static final double THRESHOLD = 200_000;

    @TempDir
    static Path dir;

    static Node node;
    static List<TimeStampedPVCoordinates> issStates;
    static byte[] issOem;

    @BeforeAll
    static void catalog() {
        node = TestNodes.open(dir, Map.of());
        node.ingest().ingest(new IngestRequest("public.tle",
                TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"), Optional.of(Label.publicFrom("TEST")),
                "test", false, Optional.empty()));
        OrbitRecord iss = node.catalog().latestMeanElements(ISS, LabelFilter.UNRESTRICTED).orElseThrow();
        TLE tle = OmmReader.toTle(iss.format(), iss.content());
        issStates = TestOems.sgp4States(tle, START, END, Duration.ofSeconds(10));
        // the OBJECT_ID is the ISS's international designator, resolved through the catalog
        issOem = TestOems.oem("1998-067A", "ISS (ZARYA)", List.of(issStates)).getBytes(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        node.close();
    }

    private static ScreeningService.EphemerisScreening screen(String name, byte[] oem, Instant start, Duration window,
                                                              ScreeningVolume volume) {
        return node.screening().screenEphemeris(new ScreeningService.EphemerisRequest(name, oem, Optional.empty(),
                Optional.of(start), Optional.of(window), volume), "tester", fraction -> { });
    }

    private static List<Conjunction> primaryRun(ScreeningVolume volume) {
        ScreeningRun run = node.screening().run(new ScreeningService.Request(START, Duration.ofDays(1), volume,
                Optional.of(ISS)), "tester", fraction -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        return node.screening().conjunctionsOf(run, LabelFilter.UNRESTRICTED);
    }

    @Test
    void anOemOfTheIssFindsWhatScreeningTheIssFinds() {
        List<Conjunction> expected = primaryRun(new ScreeningVolume.Sphere(THRESHOLD));
        ScreeningService.EphemerisScreening result = screen("iss.oem", issOem, START, Duration.ofDays(1),
                new ScreeningVolume.Sphere(THRESHOLD));

        ScreeningRun run = result.run();
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        assertThat(run.kind()).isEqualTo(ScreeningRun.Kind.EPHEMERIS);
        assertThat(run.primaryNoradId()).contains(ISS);
        assertThat(run.ephemeris()).hasValueSatisfying(e -> {
            assertThat(e.name()).isEqualTo("iss.oem");
            assertThat(e.sha256()).isEqualTo(Sha256.hex(issOem));
        });
        assertThat(run.figures().orElseThrow().objectsScreened()).isEqualTo(300); // the catalog but the ISS
        assertThat(result.screened()).hasSize(1);
        assertThat(node.catalog().orbitHistory(ISS, LabelFilter.UNRESTRICTED)).hasSize(1); // the OEM is not stored

        assertThat(expected).hasSizeGreaterThan(5);
        List<Conjunction> found = result.conjunctions();
        assertThat(found).hasSameSizeAs(expected);
        double worstTcaSeconds = 0;
        double worstMissMeters = 0;
        for (int i = 0; i < expected.size(); i++) {
            Conjunction e = expected.get(i);
            Conjunction f = found.get(i);
            assertThat(f.primaryNoradId()).isEqualTo(ISS);
            assertThat(f.secondaryNoradId()).isEqualTo(e.secondaryNoradId());
            assertThat(f.primaryOrbitId()).isEmpty();
            assertThat(f.secondaryOrbitId()).isEqualTo(e.secondaryOrbitId());
            worstTcaSeconds = Math.max(worstTcaSeconds, Math.abs(Duration.between(e.tca(), f.tca()).toNanos() / 1e9));
            worstMissMeters = Math.max(worstMissMeters, Math.abs(e.missDistanceMeters() - f.missDistanceMeters()));
            assertThat(Math.abs(e.radialMeters() - f.radialMeters())).isLessThan(1.0);
            assertThat(Math.abs(e.inTrackMeters() - f.inTrackMeters())).isLessThan(1.0);
            assertThat(Math.abs(e.crossTrackMeters() - f.crossTrackMeters())).isLessThan(1.0);
            assertThat(f.risk().orElseThrow().source()).isEqualTo(CovarianceSource.MAXIMUM);
            assertThat(f.risk().orElseThrow().probability()).isCloseTo(e.risk().orElseThrow().probability(),
                    org.assertj.core.data.Percentage.withPercentage(1e-3));
            assertThat(f.label()).as("the ephemeris' label (label.default: private to the node) with the secondary's")
                    .isEqualTo(e.label().combine(node.config().labelRules().defaultLabel(), e.label().originator()));
        }
        System.out.printf("ephemeris vs --primary: %d approaches, worst TCA difference %.3e s, worst miss difference"
                + " %.3e m%n", expected.size(), worstTcaSeconds, worstMissMeters);
        assertThat(worstTcaSeconds).isLessThan(1e-3);
        assertThat(worstMissMeters).isLessThan(1.0);
    }

    @Test
    void aManoeuvreChangesWhatTheEphemerisMeetsAfterIt() {
        List<TimeStampedPVCoordinates> before = issStates.stream()
                .filter(s -> !s.getDate().toInstant().isAfter(MANOEUVRE)).toList();
        TimeStampedPVCoordinates last = before.get(before.size() - 1);
        // 2 m/s along the velocity at 12:00: an orbit raise of about 3.5 km
        List<TimeStampedPVCoordinates> after = TestOems.afterManoeuvre(last,
                last.getVelocity().normalize().scalarMultiply(2.0), END, Duration.ofSeconds(10));
        byte[] planned = TestOems.oem("25544", "ISS (ZARYA)", List.of(before, after))
                .getBytes(StandardCharsets.UTF_8);
        ScreeningService.EphemerisScreening unchanged = screen("iss.oem", issOem, START, Duration.ofDays(1),
                new ScreeningVolume.Sphere(THRESHOLD));
        ScreeningService.EphemerisScreening manoeuvred = screen("iss-plan.oem", planned, START, Duration.ofDays(1),
                new ScreeningVolume.Sphere(THRESHOLD));
        assertThat(manoeuvred.run().status()).as(manoeuvred.run().error().orElse(""))
                .isEqualTo(ScreeningRun.Status.DONE);
        assertThat(manoeuvred.screened()).hasSize(2);

        Instant settled = MANOEUVRE.minus(Duration.ofMinutes(10));
        assertThat(keys(manoeuvred.conjunctions(), START, settled))
                .isEqualTo(keys(unchanged.conjunctions(), START, settled));
        List<String> afterPlan = keys(manoeuvred.conjunctions(), MANOEUVRE, END);
        List<String> afterOriginal = keys(unchanged.conjunctions(), MANOEUVRE, END);
        assertThat(afterOriginal).isNotEmpty();
        assertThat(afterPlan).isNotEqualTo(afterOriginal);
    }

    /** Secondary, TCA to the second and miss to the metre, of the approaches with TCA in [from, to). */
    private static List<String> keys(List<Conjunction> conjunctions, Instant from, Instant to) {
        List<String> keys = new ArrayList<>();
        conjunctions.stream().filter(c -> !c.tca().isBefore(from) && c.tca().isBefore(to))
                .sorted(Comparator.comparing(Conjunction::tca))
                .forEach(c -> keys.add(c.secondaryNoradId() + "@" + c.tca().getEpochSecond() + ":"
                        + Math.round(c.missDistanceMeters())));
        return keys;
    }

    @Test
    void theWindowIsTheSpanClippedToTheRequestAndMustOverlapIt() {
        ScreeningService.EphemerisScreening clipped = screen("iss.oem", issOem, START.minus(Duration.ofHours(6)),
                Duration.ofHours(12), new ScreeningVolume.Sphere(THRESHOLD));
        assertThat(clipped.screened()).singleElement().satisfies(span -> {
            assertThat(span.start()).isEqualTo(START);
            assertThat(span.stop()).isEqualTo(START.plus(Duration.ofHours(6)));
        });
        assertThat(clipped.conjunctions()).allSatisfy(c -> assertThat(c.tca())
                .isBetween(START, START.plus(Duration.ofHours(6))));

        ScreeningService.EphemerisScreening whole = node.screening().screenEphemeris(
                new ScreeningService.EphemerisRequest("iss.oem", issOem, Optional.empty(), Optional.empty(),
                        Optional.empty(), new ScreeningVolume.Sphere(THRESHOLD)), "tester", f -> { });
        assertThat(whole.run().start()).isEqualTo(START);
        assertThat(whole.run().window()).isEqualTo(Duration.ofDays(1));

        int runs = node.screeningRuns().runs(1000).size();
        assertThatThrownBy(() -> screen("iss.oem", issOem, END.plus(Duration.ofHours(1)), Duration.ofDays(1),
                new ScreeningVolume.Sphere(THRESHOLD)))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.file()).isEqualTo("iss.oem");
                            assertThat(error.reason()).contains("covers 2024-07-05T00:00:00Z to 2024-07-06T00:00:00Z")
                                    .contains("does not overlap");
                        }));
        assertThatThrownBy(() -> screen("broken.oem", TestNodes.resource("/malformed/oem-data-line-non-numeric.oem"),
                START, Duration.ofDays(1), new ScreeningVolume.Sphere(THRESHOLD)))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors())
                        .allSatisfy(error -> assertThat(error.file()).isEqualTo("broken.oem")));
        assertThatThrownBy(() -> screen("elements.tle", TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"),
                START, Duration.ofDays(1), new ScreeningVolume.Sphere(THRESHOLD)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("not a CCSDS OEM");
        assertThatThrownBy(() -> screen("unknown.oem", TestOems.oem("2099-001A", "NOBODY", List.of(issStates))
                .getBytes(StandardCharsets.UTF_8), START, Duration.ofDays(1), new ScreeningVolume.Sphere(THRESHOLD)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("2099-001A");
        assertThat(node.screeningRuns().runs(1000)).hasSize(runs); // nothing recorded for a refused upload
    }

    @Test
    void anEphemerisScreeningKeepsExactlyTheApproachesInsideTheEllipsoid() {
        List<Conjunction> sphere = screen("iss.oem", issOem, START, Duration.ofDays(1),
                new ScreeningVolume.Sphere(THRESHOLD)).conjunctions();
        ScreeningVolume.RtnEllipsoid ellipsoid = new ScreeningVolume.RtnEllipsoid(80_000, THRESHOLD, 150_000);
        ScreeningService.EphemerisScreening kept = screen("iss.oem", issOem, START, Duration.ofDays(1), ellipsoid);
        assertThat(kept.run().volume()).isEqualTo(ellipsoid);
        ScreeningVolumeTest.assertEllipsoidFilter(sphere, kept.conjunctions(), 80_000, THRESHOLD, 150_000);
    }

    /**
     * The ISS and two vehicles docked to it (NAUKA, CYGNUS NG-20), moving apart at centimetres to metres per second:
     * the interpolated ephemeris' wiggles must not add range minima, and each encounter is the one SGP4 finds, its
     * TCA ill-conditioned (seconds) at such speeds but its miss distance not.
     */
    @Test
    void coOrbitalObjectsMeetTheEphemerisInTheEncountersSgp4Finds(@TempDir Path own) {
        String[] catalog = new String(CatalogSamples.fullCatalog(), StandardCharsets.US_ASCII)
                .split("\r?\n");
        StringBuilder docked = new StringBuilder();
        for (int i = 1; i + 1 < catalog.length; i++) {
            String number = catalog[i].length() > 7 ? catalog[i].substring(2, 7) : "";
            if (catalog[i].startsWith("1 ") && List.of("25544", "49044", "58898").contains(number)) {
                docked.append(catalog[i - 1]).append('\n').append(catalog[i]).append('\n').append(catalog[i + 1])
                        .append('\n');
            }
        }
        try (Node small = TestNodes.open(own, Map.of())) {
            small.ingest().ingest(IngestRequest.of("docked.tle", docked.toString().getBytes(StandardCharsets.US_ASCII),
                    "test"));
            // the reference is SGP4's close approaches themselves: a screening run reports these docked pairs as
            // proximities (docs/events.md), not as close approaches
            List<ScreeningObject> objects = small.catalog().latestOrbits().stream()
                    .map(o -> new ScreeningObject(o.noradId(), o.id(), OmmReader.toTle(o.format(), o.content())))
                    .toList();
            List<CloseApproach> expected = new Screener(org.orekit.data.DataContext.getDefault().getTimeScales())
                    .screen(objects, ScreeningParameters.oneVsAll(START, Duration.ofDays(1), 5000, java.util.Set.of(ISS)))
                    .closeApproaches().stream().filter(a -> a.missDistanceMeters() <= 5000)
                    .sorted(java.util.Comparator.comparing(CloseApproach::tca)).toList();
            OrbitRecord iss = small.catalog().latestMeanElements(ISS, LabelFilter.UNRESTRICTED).orElseThrow();
            byte[] oem = TestOems.oem("25544", "ISS (ZARYA)", List.of(TestOems.sgp4States(OmmReader.toTle(
                    iss.format(), iss.content()), START, END, Duration.ofSeconds(30)))).getBytes(StandardCharsets.UTF_8);
            // the ephemeris screener itself, which reports every approach (the service then applies the
            // co-location rule: anOemOfTheIssGivesItsDockedVehiclesAsProximitiesAsACatalogScreeningDoes)
            List<CloseApproach> found = new EphemerisScreener(org.orekit.data.DataContext.getDefault().getTimeScales())
                    .screen(EphemerisPrimary.read("iss.oem", oem, small.catalog(), LabelFilter.UNRESTRICTED),
                            objects.stream().filter(o -> o.noradId() != ISS).toList(),
                            new ScreeningParameters(START, Duration.ofDays(1), 5000, Optional.empty(),
                                    ScreeningParameters.DEFAULT_STEP_SECONDS, 2), f -> { })
                    .closeApproaches().stream().filter(a -> a.missDistanceMeters() <= 5000)
                    .sorted(java.util.Comparator.comparing(CloseApproach::tca)).toList();
            assertThat(expected).hasSizeGreaterThan(30);
            assertThat(found).hasSameSizeAs(expected);
            double worstTcaSeconds = 0;
            double worstMissMeters = 0;
            for (int i = 0; i < expected.size(); i++) {
                assertThat(found.get(i).secondaryNoradId()).isEqualTo(expected.get(i).secondaryNoradId());
                worstTcaSeconds = Math.max(worstTcaSeconds, Math.abs(Duration.between(expected.get(i).tca(),
                        found.get(i).tca()).toNanos() / 1e9));
                worstMissMeters = Math.max(worstMissMeters, Math.abs(expected.get(i).missDistanceMeters()
                        - found.get(i).missDistanceMeters()));
            }
            System.out.printf("co-orbital: %d approaches, worst TCA difference %.1f s, worst miss difference %.3f m%n",
                    expected.size(), worstTcaSeconds, worstMissMeters);
            assertThat(worstTcaSeconds).isLessThan(EphemerisScreener.ENCOUNTER_HALF_WIDTH_SECONDS);
            assertThat(worstMissMeters).isLessThan(1.0);
        }
    }

    @Test
    void anEphemerisWithACovarianceStillGetsTheMaximumPcAgainstMeanElements() {
        byte[] withCovariance = TestOems.oem("25544", "ISS (ZARYA)", List.of(issStates), true)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(withCovariance, StandardCharsets.UTF_8)).contains("COVARIANCE_START");
        List<Conjunction> found = screen("iss-cov.oem", withCovariance, START, Duration.ofHours(12),
                new ScreeningVolume.Sphere(THRESHOLD)).conjunctions();
        assertThat(found).isNotEmpty().allSatisfy(c -> {
            assertThat(c.risk().orElseThrow().source()).isEqualTo(CovarianceSource.MAXIMUM);
            assertThat(c.risk().orElseThrow().statement()).contains("MAXIMUM")
                    .contains("the ephemeris carries a covariance but the secondary's mean elements do not");
        });
        assertThat(screen("iss.oem", issOem, START, Duration.ofHours(12), new ScreeningVolume.Sphere(THRESHOLD))
                .conjunctions()).allSatisfy(c -> assertThat(c.risk().orElseThrow().statement())
                .doesNotContain("covariance but"));
    }

    @Test
    void theEphemerisLabelIsCombinedWithEachSecondarysLabel() {
        Label amber = Label.parse("originator=GBR;rel=REL TO GBR,USA;tlp=AMBER", Label.publicFrom("TEST"));
        ScreeningService.EphemerisScreening result = node.screening().screenEphemeris(
                new ScreeningService.EphemerisRequest("iss.oem", issOem, Optional.of(amber), Optional.of(START),
                        Optional.of(Duration.ofHours(12)), new ScreeningVolume.Sphere(THRESHOLD)), "tester", f -> { });
        assertThat(result.conjunctions()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.label().tlp()).isEqualTo(Tlp.AMBER);
            assertThat(c.label().releasability().parties()).containsExactly("GBR", "USA");
        });
    }
}
