package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.covariance.ElementSetHistory;
import org.concord.covariance.EstimatedCovariance;
import org.concord.http.ServedNodeExtension;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.concord.orbit.EarthCentredContext;
import org.concord.orbit.Sgp4;
import org.concord.risk.CovarianceSource;
import org.concord.risk.MaximumPc;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orekit.data.DataSource;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.frames.Frame;
import org.orekit.frames.FramesFactory;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.orbits.OrbitType;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.StateCovariance;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Alfano2005;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.Patera2005;
import org.orekit.ssa.collision.shorttermencounter.probability.twod.ShortTermEncounter2DDefinition;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;
import org.orekit.utils.Constants;
import org.orekit.utils.PVCoordinates;

/**
 * Screening an uploaded OEM that carries a covariance ({@link CovarianceOems}: SPOT-5 with a documented covariance)
 * against secondaries with and without an element-set history: the Pc is computed with the OEM's covariance
 * (MEASURED) and the secondary's estimated one (ESTIMATED), so it is an ESTIMATED Pc with the maximum beside it,
 * equal to Orekit's Patera 2005 and Alfano 2005 called here on the same encounter built independently; without a
 * history, or outside the OEM's covariance epochs, the maximum with the reason.
 */
class OemCovarianceScreeningTest {

    /** Read once the node has set Orekit's data up (a TLE needs its time scales). */
    private static List<TLE> SPOT5;
    private static TLE REFERENCE;
    private static Instant START;
    private static final Duration SPAN = Duration.ofHours(6);
    private static final double THRESHOLD = 5_000;

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(node -> {
        SPOT5 = CovarianceOems.spot5();
        REFERENCE = SPOT5.getLast();
        START = REFERENCE.getDate().toInstant();
        ingest(node, "spot5.tle", SPOT5);
        ingest(node, "crossing.tle", SPOT5.stream().map(CovarianceOems::crossing).toList());
        ingest(node, "single.tle", List.of(CovarianceOems.single(REFERENCE)));
    });

    static Node node;
    static List<Conjunction> withCovariance;

    private static void ingest(Node node, String name, List<TLE> sets) {
        node.ingest().ingest(new IngestRequest(name, CovarianceOems.text(sets).getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
    }

    /** The OEM with covariance, as Orekit's own parser reads it. */
    static Oem OEM;

    @BeforeAll
    static void screen() {
        node = SERVED.node();
        String oem = CovarianceOems.spot5Oem(REFERENCE, START, SPAN, SPAN);
        OEM = new ParserBuilder(EarthCentredContext.get()).buildOemParser()
                .parseMessage(new DataSource("spot5-cov.oem", () -> new StringReader(oem)));
        withCovariance = screen("spot5-cov.oem", oem);
    }

    private static List<Conjunction> screen(String name, String oem) {
        ScreeningService.EphemerisScreening result = node.screening().screenEphemeris(
                new ScreeningService.EphemerisRequest(name, oem.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                        Optional.of(START), Optional.of(SPAN), new ScreeningVolume.Sphere(THRESHOLD)),
                "tester", fraction -> { });
        assertThat(result.run().status()).as(result.run().error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        return result.conjunctions();
    }

    private static List<Conjunction> with(List<Conjunction> found, long secondary) {
        return found.stream().filter(c -> c.secondaryNoradId() == secondary).toList();
    }

    @Test
    void theOemsCovarianceAndTheSecondarysEstimateGiveAnEstimatedPcEqualToOrekitsOnTheSameEncounter() {
        List<Conjunction> crossing = with(withCovariance, 99421);
        assertThat(crossing).hasSizeGreaterThanOrEqualTo(2);
        int compared = 0;
        for (Conjunction c : crossing) {
            CollisionRisk risk = c.risk().orElseThrow();
            assertThat(risk.source()).as(risk.statement()).isEqualTo(CovarianceSource.ESTIMATED);
            assertThat(risk.method()).isEqualTo("Alfano 2005");
            assertThat(risk.statement()).contains("ESTIMATED probability of collision", "not a measured Pc",
                    "primary covariance MEASURED (the OEM's own)",
                    "secondary covariance ESTIMATED from its element-set history", "maximum Pc");
            assertThat(risk.statement().length()).isLessThanOrEqualTo(512);
            double maximum = risk.maximumBeside(c.missDistanceMeters()).orElseThrow();
            assertThat(maximum).isEqualTo(MaximumPc.closedForm(c.missDistanceMeters(),
                    risk.combinedHardBodyRadiusMeters()).probability());
            assertThat(risk.probability()).isLessThanOrEqualTo(maximum);

            double[] independent = independentPc(c, risk.combinedHardBodyRadiusMeters());
            System.out.printf("TCA %s miss %.1f m: Pc %.6e, Patera 2005 %.6e, Alfano 2005 %.6e, maximum %.4e%n",
                    c.tca(), c.missDistanceMeters(), risk.probability(), independent[0], independent[1], maximum);
            if (independent[0] > 1e-12) {
                assertThat(risk.probability()).isCloseTo(independent[0],
                        org.assertj.core.data.Percentage.withPercentage(0.01));
                assertThat(risk.probability()).isCloseTo(independent[1],
                        org.assertj.core.data.Percentage.withPercentage(0.01));
                compared++;
            }
        }
        assertThat(compared).as("encounters with a Pc to compare").isGreaterThanOrEqualTo(1);
    }

    /**
     * The Pc of the conjunction computed here: the primary's state at TCA interpolated by Orekit's OEM parser, the
     * secondary's by SGP4, the OEM's covariance by the documented rule and the secondary's estimated from its history, each
     * turned into GCRF by this test's own rotation; then Orekit's Patera 2005 and Alfano 2005 on that encounter.
     */
    private static double[] independentPc(Conjunction c, double hbr) {
        AbsoluteDate tca = new AbsoluteDate(c.tca(), TimeScalesFactory.getUTC());
        Frame gcrf = FramesFactory.getGCRF();
        Frame teme = FramesFactory.getTEME();
        TLE secondaryTle = CovarianceOems.crossing(REFERENCE);
        PVCoordinates primary = OEM.getSegments().getFirst().getPropagator().getPVCoordinates(tca, gcrf);
        PVCoordinates secondary = teme.getTransformTo(gcrf, tca).transformPVCoordinates(
                Sgp4.of(secondaryTle).temePv(tca));
        double[][] primaryRtn = CovarianceOems.rtnInterpolated(tca.durationFrom(REFERENCE.getDate()));
        ElementSetHistory history = ElementSetHistory.of(secondaryTle,
                SPOT5.stream().map(CovarianceOems::crossing).toList());
        EstimatedCovariance estimated = history.at(Duration.ofMillis(Math.round(
                tca.durationFrom(secondaryTle.getDate()) * 1000))).orElseThrow();
        double[][] secondaryRtn = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                secondaryRtn[i][j] = estimated.entry(i, j);
            }
        }
        double mu = Constants.WGS84_EARTH_MU;
        ShortTermEncounter2DDefinition encounter = new ShortTermEncounter2DDefinition(
                new CartesianOrbit(primary, gcrf, tca, mu), inGcrf(CovarianceOems.toInertial(primaryRtn, primary), tca),
                new CartesianOrbit(secondary, gcrf, tca, mu),
                inGcrf(CovarianceOems.toInertial(secondaryRtn, secondary), tca), hbr);
        return new double[] {new Patera2005().compute(encounter).getValue(),
                new Alfano2005().compute(encounter).getValue()};
    }

    private static StateCovariance inGcrf(double[][] matrix, AbsoluteDate date) {
        return new StateCovariance(MatrixUtils.createRealMatrix(matrix), date, FramesFactory.getGCRF(),
                OrbitType.CARTESIAN,
                PositionAngleType.TRUE);
    }

    @Test
    void withoutAHistoryTheSecondaryKeepsTheMaximumAndTheReasonIsGiven() {
        List<Conjunction> single = with(withCovariance, 99422);
        assertThat(single).isNotEmpty().allSatisfy(c -> {
            CollisionRisk risk = c.risk().orElseThrow();
            assertThat(risk.source()).isEqualTo(CovarianceSource.MAXIMUM);
            assertThat(risk.statement()).contains("MAXIMUM probability of collision",
                    "the ephemeris carries a covariance but the secondary's mean elements do not",
                    "no earlier element set of it", "the primary's covariance alone cannot give a Pc");
        });
    }

    @Test
    void withoutTheOemsCovarianceOrOutsideItsEpochsThePcIsTheMaximum() {
        // the same ephemeris without covariance: the maximum, as before
        String plain = TestOems.oem("27421", "SPOT 5", List.of(TestOems.sgp4States(REFERENCE, START, START.plus(SPAN),
                Duration.ofSeconds(10))));
        List<Conjunction> found = with(screen("spot5.oem", plain), 99421);
        assertThat(found).hasSameSizeAs(with(withCovariance, 99421)).allSatisfy(c -> {
            assertThat(c.risk().orElseThrow().source()).isEqualTo(CovarianceSource.MAXIMUM);
            assertThat(c.risk().orElseThrow().statement()).doesNotContain("ephemeris carries");
        });
        // covariance blocks for the first hour only: a later TCA gets none (never extrapolated)
        List<Conjunction> early = with(screen("spot5-cov-1h.oem", CovarianceOems.spot5Oem(REFERENCE, START, SPAN,
                Duration.ofHours(1))), 99421);
        assertThat(early).hasSameSizeAs(found);
        for (Conjunction c : early) {
            CollisionRisk risk = c.risk().orElseThrow();
            if (c.tca().isAfter(START.plus(Duration.ofHours(1)))) {
                assertThat(risk.source()).isEqualTo(CovarianceSource.MAXIMUM);
                assertThat(risk.statement()).contains("the ephemeris carries a covariance, but none at this TCA",
                        "outside the OEM segment's covariance epochs", "never extrapolated");
            } else {
                assertThat(risk.source()).isEqualTo(CovarianceSource.ESTIMATED);
            }
        }
        assertThat(early).anyMatch(c -> c.tca().isAfter(START.plus(Duration.ofHours(1))));
    }

    @Test
    void theJsonAnswerNamesBothSourcesAndGivesTheMaximumBeside() throws Exception {
        String oem = CovarianceOems.spot5Oem(REFERENCE, START, SPAN, SPAN);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        SERVED.base() + "/api/v1/screenings/ephemeris?name=spot5-cov.oem&thresholdMeters=5000&start="
                                + START + "&windowSeconds=" + SPAN.toSeconds()))
                .header("Authorization", "Bearer " + SERVED.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString(oem)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode conjunctions = new ObjectMapper().readTree(response.body()).get("conjunctions");
        int estimated = 0;
        int maximum = 0;
        for (JsonNode c : conjunctions) {
            JsonNode risk = c.get("risk");
            if (c.get("secondaryNoradId").asLong() == 99421) {
                assertThat(risk.get("covarianceSource").asText()).isEqualTo("ESTIMATED");
                assertThat(risk.get("method").asText()).isEqualTo("Alfano 2005");
                assertThat(risk.get("maximumProbability").asDouble())
                        .isGreaterThanOrEqualTo(risk.get("probability").asDouble());
                assertThat(risk.get("statement").asText()).contains("primary covariance MEASURED",
                        "secondary covariance ESTIMATED");
                estimated++;
            } else {
                assertThat(risk.get("covarianceSource").asText()).isEqualTo("MAXIMUM");
                assertThat(risk.has("maximumProbability")).isFalse();
                assertThat(risk.get("statement").asText()).contains("no earlier element set of it");
                maximum++;
            }
        }
        assertThat(estimated).isEqualTo(with(withCovariance, 99421).size());
        assertThat(maximum).isEqualTo(with(withCovariance, 99422).size());
    }
}
