package org.concord.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.concord.TestNodes;
import org.concord.conjunction.Conjunction;
import org.concord.formats.CcsdsSchemas;
import org.concord.formats.CdmReader;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.risk.CovarianceSource;
import org.concord.screening.ScreeningRun;
import org.concord.screening.ScreeningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.files.ccsds.ndm.cdm.CdmData;
import org.orekit.files.ccsds.ndm.cdm.CdmMetadata;
import org.orekit.files.ccsds.ndm.cdm.CdmRelativeMetadata;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Events as CDMs, on a node holding a real element-set history: the 250 successive SPOT-5 TLEs (27421, May–June 2002,
 * src/test/resources/catalog) and the same series turned into a crossing object (99421: inclination 5° more, 300 m
 * ahead along track, so that the two meet near the nodes twice an orbit), both with histories to estimate covariances
 * from; and one element set of another crossing object (99422) without history.
 */
class EventCdmTest {

    private static final double DEGREE = Math.PI / 180;

    @TempDir
    static Path dir;

    static Node node;
    static Instant latestEpoch;

    @BeforeAll
    static void catalog() throws Exception {
        node = TestNodes.open(dir, Map.of());
        List<TLE> spot5 = org.concord.covariance.ElementSetHistoryCalibrationTest.spot5();
        latestEpoch = spot5.getLast().getDate().toInstant();
        ingest("spot5.tle", spot5, t -> t);
        ingest("crossing.tle", spot5, t -> variant(t, 99421, "Z", 5 * DEGREE, 300 / 7.17e6));
        ingest("single.tle", List.of(spot5.getLast()), t -> variant(t, 99422, "Y", -5 * DEGREE, -400 / 7.17e6));
        ScreeningRun run = node.screening().run(new ScreeningService.Request(latestEpoch, Duration.ofHours(6),
                5_000, Optional.empty()), "tester", fraction -> { });
        assertThat(run.status()).as(run.error().orElse("")).isEqualTo(ScreeningRun.Status.DONE);
        node.events().update();
    }

    @AfterAll
    static void close() {
        node.close();
    }

    /** The element set of another object: inclination and mean anomaly shifted (radians). */
    private static TLE variant(TLE t, int number, String piece, double inclination, double anomaly) {
        return new TLE(number, t.getClassification(), t.getLaunchYear(), t.getLaunchNumber(), piece,
                t.getEphemerisType(), t.getElementNumber(), t.getDate(), t.getMeanMotion(),
                t.getMeanMotionFirstDerivative(), t.getMeanMotionSecondDerivative(), t.getE(), t.getI() + inclination,
                t.getPerigeeArgument(), t.getRaan(), t.getMeanAnomaly() + anomaly, t.getRevolutionNumberAtEpoch(),
                t.getBStar());
    }

    private static void ingest(String name, List<TLE> sets, UnaryOperator<TLE> change) {
        StringBuilder text = new StringBuilder();
        for (TLE t : sets) {
            TLE changed = change.apply(t);
            text.append(changed.getLine1()).append('\n').append(changed.getLine2()).append('\n');
        }
        node.ingest().ingest(new IngestRequest(name, text.toString().getBytes(StandardCharsets.US_ASCII),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
    }

    private static List<Product<ConjunctionEvent>> events(long primary, long secondary) {
        return node.products().list(EventKind.INSTANCE, new ProductQuery(Map.of("noradId", primary),
                        EventKind.INSTANCE.sorts().getFirst(), 1000, Optional.empty()), LabelFilter.UNRESTRICTED)
                .items().stream().filter(p -> p.value().secondaryNoradId() == secondary).toList();
    }

    @Test
    void screeningWithHistoriesGivesAnEstimatedPcWithTheMaximumBesideIt() {
        List<Product<ConjunctionEvent>> events = events(27421, 99421);
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        for (Product<ConjunctionEvent> e : events) {
            var risk = e.value().latest().risk().orElseThrow();
            assertThat(risk.source()).isEqualTo(CovarianceSource.ESTIMATED);
            assertThat(risk.statement()).contains("ESTIMATED from the element-set histories (not measured)",
                    "maximum Pc");
            double maximum = risk.maximumBeside(e.value().latest().missDistanceMeters()).orElseThrow();
            assertThat(maximum).isGreaterThan(0);
        }
        // without a history the Pc stays the maximum
        for (Product<ConjunctionEvent> e : events(27421, 99422)) {
            assertThat(e.value().latest().risk().orElseThrow().source()).isEqualTo(CovarianceSource.MAXIMUM);
        }
    }

    @Test
    void theCdmReadsBackFieldEqualAndValidatesAgainstTheSchema() {
        Product<ConjunctionEvent> event = events(27421, 99421).getFirst();
        Cdm composed = node.eventCdm().compose(event);
        String xml = EventCdm.text(composed, EventCdm.Format.XML);
        String kvn = EventCdm.text(composed, EventCdm.Format.KVN);

        assertThat(CcsdsSchemas.violations(xml)).as(xml).isEmpty();
        assertThat(xml).contains("<cdm id=\"CCSDS_CDM_VERS\" version=\"1.0\">", "<MISS_DISTANCE units=\"m\">",
                "<CR_R units=\"m**2\">", "<X units=\"km\">", "<COVARIANCE_METHOD>DEFAULT</COVARIANCE_METHOD>")
                .doesNotContainPattern("<(\\w+)[^>]*>\\s*</\\1>").doesNotContainPattern("<\\w+[^>]*/>")
                .doesNotContain("odParameters", "additionalParameters", "OBJECT_TYPE", "OPERATOR_");
        assertThat(kvn.chars().filter(ch -> ch > 126)).as("KVN is ASCII").isEmpty();
        assertThat(kvn).containsPattern("COMMENT\\s+Covariance source: ESTIMATED").contains("NOT measured",
                "maximum Pc");
        for (String written : List.of(xml, kvn)) {
            assertFieldEqual(CdmReader.parse("event.cdm", written), composed, written);
        }
        EventUpdate latest = event.value().latest();
        CdmRelativeMetadata relative = composed.getRelativeMetadata();
        assertThat(relative.getMissDistance()).isEqualTo(latest.missDistanceMeters());
        assertThat(relative.getRelativePosition().getY()).isEqualTo(latest.inTrackMeters());
        // computed again from the same element sets with SGP4 (the screening's states agree within micrometres)
        assertThat(relative.getCollisionProbability()).isCloseTo(latest.risk().orElseThrow().probability(),
                org.assertj.core.data.Percentage.withPercentage(1e-3));
    }

    @Test
    void anEventWithoutCovarianceHasNoCdmAndSaysWhy() {
        Product<ConjunctionEvent> event = events(27421, 99422).getFirst();
        assertThatThrownBy(() -> node.eventCdm().write(event, EventCdm.Format.KVN))
                .isInstanceOf(EventCdm.NoCdmException.class)
                .hasMessageContaining("requires both objects' covariances")
                .hasMessageContaining("object 99422")
                .hasMessageContaining("MAXIMUM Pc");
    }

    @Test
    void anEventFromACdmIsThatCdmWithTheCovarianceSourceSaid() throws Exception {
        String cdm = new String(TestNodes.resource("/ccsds/cdm/AlfanoTestCase01.cdm"), StandardCharsets.UTF_8);
        node.ingest().ingest(new IngestRequest("alfano1.cdm", cdm.getBytes(StandardCharsets.UTF_8),
                Optional.of(Label.publicFrom("TEST")), "test", false, Optional.empty()));
        node.events().update();
        Conjunction c = node.conjunctions().findConjunctions(new ProductQuery(Map.of(), org.concord.conjunction
                        .ConjunctionKind.INSTANCE.sorts().getFirst(), 1000, Optional.empty()), LabelFilter.UNRESTRICTED)
                .items().stream().filter(x -> x.cdm().isPresent()).findFirst().orElseThrow();
        Product<ConjunctionEvent> event = events(Math.min(c.primaryNoradId(), c.secondaryNoradId()),
                Math.max(c.primaryNoradId(), c.secondaryNoradId())).getFirst();

        String xml = node.eventCdm().write(event, EventCdm.Format.XML);
        Cdm original = CdmReader.parse("alfano1.cdm", cdm);
        Cdm back = CdmReader.parse("event.xml", xml);

        assertThat(CcsdsSchemas.violationsApartFromVersion(xml)).as(xml).isEmpty();
        assertThat(back.getHeader().getComments()).as(xml)
                .anyMatch(l -> l.contains("Covariance source: MEASURED"));
        assertThat(back.getRelativeMetadata().getMissDistance())
                .isEqualTo(original.getRelativeMetadata().getMissDistance());
        assertThat(back.getDataObject1().getRTNCovarianceBlock().getRTNCovarianceMatrix().getData())
                .isEqualTo(original.getDataObject1().getRTNCovarianceBlock().getRTNCovarianceMatrix().getData());
    }

    @Test
    void overHttpTheCdmIsServedRefusedWithTheReasonOrNotFound() throws Exception {
        long estimated = events(27421, 99421).getFirst().id();
        long withoutCovariance = events(27421, 99422).getFirst().id();
        org.concord.http.ApiServer server = new org.concord.http.ApiServer(node);
        try {
            String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/api/v1/events/";
            java.net.http.HttpResponse<String> xml = get(base + estimated + "/cdm?format=xml");
            assertThat(xml.statusCode()).isEqualTo(200);
            assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
            assertThat(xml.headers().firstValue("X-Concord-Label").orElse("")).contains("originator=TEST");
            assertThat(CcsdsSchemas.violations(xml.body())).isEmpty();
            assertThat(get(base + estimated + "/cdm").body()).startsWith("CCSDS_CDM_VERS");

            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(base + estimated).body());
            assertThat(json.at("/risk/covarianceSource").asText()).isEqualTo("ESTIMATED");
            assertThat(json.at("/risk/maximumProbability").asDouble()).isGreaterThan(json.at("/risk/probability")
                    .asDouble());

            java.net.http.HttpResponse<String> refused = get(base + withoutCovariance + "/cdm?format=xml");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("requires both objects' covariances", "MAXIMUM Pc");
            assertThat(get(base + "987654/cdm").statusCode()).isEqualTo(404);
            assertThat(get(base + estimated + "/cdm?format=pdf").statusCode()).isEqualTo(400);
        } finally {
            server.close();
        }
    }

    private static java.net.http.HttpResponse<String> get(String uri) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(uri)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static void assertFieldEqual(Cdm back, Cdm expected, String written) {
        assertThat(back.getHeader().getOriginator()).isEqualTo(expected.getHeader().getOriginator());
        assertThat(back.getHeader().getMessageId()).isEqualTo(expected.getHeader().getMessageId());
        assertThat(back.getHeader().getCreationDate()).isEqualTo(expected.getHeader().getCreationDate());
        assertThat(back.getHeader().getComments()).as(written).isEqualTo(expected.getHeader().getComments());
        CdmRelativeMetadata r = back.getRelativeMetadata();
        CdmRelativeMetadata e = expected.getRelativeMetadata();
        assertThat(r.getTca()).isEqualTo(e.getTca());
        assertThat(new double[] {r.getMissDistance(), r.getRelativeSpeed(), r.getCollisionProbability()})
                .isEqualTo(new double[] {e.getMissDistance(), e.getRelativeSpeed(), e.getCollisionProbability()});
        assertThat(r.getRelativePosition()).isEqualTo(e.getRelativePosition());
        assertThat(r.getRelativeVelocity()).isEqualTo(e.getRelativeVelocity());
        assertThat(r.getCollisionProbaMethod().getName()).isEqualTo(e.getCollisionProbaMethod().getName());
        for (int object = 1; object <= 2; object++) {
            CdmMetadata m = object == 1 ? back.getMetadataObject1() : back.getMetadataObject2();
            CdmMetadata x = object == 1 ? expected.getMetadataObject1() : expected.getMetadataObject2();
            assertThat(List.of(m.getObject(), m.getObjectDesignator(), m.getCatalogName(), m.getObjectName(),
                    m.getInternationalDes(), m.getEphemName(), m.getCovarianceMethod().name(),
                    m.getManeuverable().name(), m.getRefFrame().getName()))
                    .isEqualTo(List.of(x.getObject(), x.getObjectDesignator(), x.getCatalogName(), x.getObjectName(),
                            x.getInternationalDes(), x.getEphemName(), x.getCovarianceMethod().name(),
                            x.getManeuverable().name(), x.getRefFrame().getName()));
            assertThat(m.getComments()).isEqualTo(x.getComments());
            CdmData d = object == 1 ? back.getDataObject1() : back.getDataObject2();
            CdmData y = object == 1 ? expected.getDataObject1() : expected.getDataObject2();
            assertThat(d.getStateVectorBlock().getPositionVector())
                    .isEqualTo(y.getStateVectorBlock().getPositionVector());
            assertThat(d.getStateVectorBlock().getVelocityVector())
                    .isEqualTo(y.getStateVectorBlock().getVelocityVector());
            assertThat(d.getRTNCovarianceBlock().getRTNCovarianceMatrix().getSubMatrix(0, 5, 0, 5).getData())
                    .isEqualTo(y.getRTNCovarianceBlock().getRTNCovarianceMatrix().getSubMatrix(0, 5, 0, 5).getData());
        }
    }
}
