package org.concord.reentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.concord.TestNodes;
import org.concord.catalog.SpaceObject;
import org.concord.formats.CcsdsSchemas;
import org.concord.formats.OmmReader;
import org.concord.formats.rdm.RdmKey;
import org.concord.formats.rdm.RdmMessage;
import org.concord.formats.rdm.RdmReader;
import org.concord.formats.rdm.RdmWriter;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.orbit.MeanElementsDecoder;
import org.concord.product.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * A real prediction (object 44775 of the 2019-12 catalog, which re-entered, with the space weather of the calibration)
 * as a CCSDS RDM: written in KVN and XML, read back field-equal, the XML valid against the RDM schema, and read as a
 * report it says what the prediction says.
 */
class ReentryRdmTest {

    @TempDir
    Path dir;

    @Test
    void aPredictionIsWrittenAsKvnAndXmlAndReadBackFieldEqual() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            DecayCases.Case debris = DecayCases.load().stream().filter(c -> c.noradId() == 44775).findFirst()
                    .orElseThrow();
            TLE tle = debris.elements();
            String text = "0 FALCON 9 DEB\n" + tle.getLine1() + "\n" + tle.getLine2() + "\n";
            node.ingest().ingest(new IngestRequest("debris.tle", text.getBytes(StandardCharsets.US_ASCII),
                    Optional.of(Label.publicFrom("USA")), "test", false, Optional.empty()));
            Product<ReentryPrediction> stored = new ReentryService(node.catalog(),
                    MeanElementsDecoder.withOmm(OmmReader::toTle), weather -> DecayCases.predictor(),
                    ReentryFixtures::noStoredWeather, node.productService(), "TEST").predict(debris.noradId()).orElseThrow();
            ReentryPrediction p = stored.value();
            assertThat(p.outcome()).isEqualTo(ReentryOutcome.WINDOW);
            Optional<SpaceObject> object = node.catalog().findObject(debris.noradId(), LabelFilter.UNRESTRICTED);

            RdmMessage rdm = ReentryRdm.of(stored, "TEST", object).orElseThrow();
            String kvn = RdmWriter.writeKvn(rdm);
            String xml = RdmWriter.writeXml(rdm);

            assertThat(RdmReader.read("prediction.kvn", kvn)).isEqualTo(rdm);
            assertThat(RdmReader.read("prediction.xml", xml)).isEqualTo(rdm);
            assertThat(CcsdsSchemas.violations(xml)).as(xml).isEmpty();
            assertThat(rdm.text(RdmKey.OBJECT_NAME)).contains("FALCON 9 DEB");
            assertThat(rdm.text(RdmKey.INTERNATIONAL_DESIGNATOR)).isEqualTo(object.orElseThrow()
                    .internationalDesignator());
            assertThat(rdm.text(RdmKey.OBJECT_DESIGNATOR)).contains("44775");
            assertThat(rdm.instant(RdmKey.EPOCH_TZERO)).contains(p.basisEpoch().truncatedTo(
                    java.time.temporal.ChronoUnit.MILLIS));
            assertThat(rdm.number(RdmKey.REENTRY_ALTITUDE)).contains(80.0);
            assertThat(rdm.number(RdmKey.BALLISTIC_COEFF).orElseThrow())
                    .isCloseTo(1 / p.ballistic().orElseThrow().squareMetersPerKg(), org.assertj.core.data.Percentage
                            .withPercentage(1e-9));
            assertThat(rdm.comments(org.concord.formats.rdm.RdmBlock.HEADER)).containsExactly(p.statement());

            ReentryReport read = new ReentryReports(node.productService(), node.catalog())
                    .fromRdm("prediction.xml", RdmReader.read("prediction.xml", xml), xml);
            assertThat(read.noradId()).isEqualTo(44775);
            assertThat(read.messageOriginator()).isEqualTo("TEST");
            assertThat(read.nominal().orElseThrow()).isBetween(p.nominal().orElseThrow().minusMillis(1),
                    p.nominal().orElseThrow().plusMillis(1));
            assertThat(Duration.between(read.window().orElseThrow().opens(), p.window().orElseThrow().opens()).abs())
                    .isLessThan(Duration.ofMillis(1));
            assertThat(Duration.between(read.window().orElseThrow().closes(), p.window().orElseThrow().closes())
                    .abs()).isLessThan(Duration.ofMillis(1));
            assertThat(read.reentryAltitudeMeters()).contains(80_000.0);
        }
    }
}
