package org.concord.reentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.TestNodes;
import org.concord.catalog.SourceFormat;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.formats.ParseResult;
import org.concord.formats.TipReader;
import org.concord.formats.TipRecord;
import org.concord.ingest.IngestReport;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space-Track TIP messages and RDMs as re-entry reports, against the TIP sample of 2005-2019 and the SATCAT of
 * 2021-01-19 (src/test/resources/reentry/tip) and the RDM examples of CCSDS 508.1-B-1 (src/test/resources/ccsds/rdm).
 */
class ReentryReportsTest {

    private static final String TIP = "/reentry/tip/spacetrack_tip_sample_2005-2019.csv";
    private static final String SATCAT = "/reentry/tip/satcat_2021-01-19_tip-objects_decay-blanked.csv";
    private static final Label PUBLIC = Label.publicFrom("USA");

    @TempDir
    Path dir;

    private static String text(String resource) {
        return new String(TestNodes.resource(resource), StandardCharsets.UTF_8);
    }

    private static IngestReport ingest(Node node, String name, String content, Optional<Label> label) {
        return node.ingestAudited(new IngestRequest(name, content.getBytes(StandardCharsets.UTF_8), label, "test",
                false, Optional.empty()), "test", Optional.empty());
    }

    private static Map<Long, Optional<LocalDate>> decayDays(Node node) {
        Map<Long, Optional<LocalDate>> days = new HashMap<>();
        node.catalogScan().eachObject(LabelFilter.UNRESTRICTED, facts -> facts.satcat()
                .ifPresent(s -> days.put(facts.noradId(), s.decayDate())));
        return days;
    }

    @Test
    void theSampleIsReadFieldByField() {
        ParseResult<TipRecord> read = TipReader.readCsv("tip.csv", text(TIP));

        assertThat(read.errors()).isEmpty();
        assertThat(read.items()).hasSize(34);
        TipRecord first = read.items().getFirst();
        assertThat(first.noradId()).isEqualTo(1377);
        assertThat(first.messageId()).isEqualTo(2993);
        assertThat(first.messageEpoch()).isEqualTo(Instant.parse("2012-03-09T09:09:00Z"));
        assertThat(first.insertEpoch()).contains(Instant.parse("2012-03-09T02:13:55Z"));
        assertThat(first.decayEpoch()).isEqualTo(Instant.parse("2012-03-09T13:02:00Z"));
        assertThat(first.window()).isEqualTo(Duration.ofMinutes(180));
        assertThat(first.revolution()).contains(52578L);
        assertThat(first.direction()).contains("descending");
        assertThat(first.latitudeDegrees()).contains(15.0);
        assertThat(first.longitudeDegrees()).contains(112.8);
        assertThat(first.inclinationDegrees()).contains(98.1);
        assertThat(first.nextReport()).contains(Duration.ofHours(2));
        assertThat(first.highInterest()).contains(false);
        assertThat(first.line()).isEqualTo(2);
        assertThat(read.items().stream().filter(TipRecord::isPostDecay).map(TipRecord::noradId))
                .containsExactly(29480L, 29488L, 32485L, 37860L, 38349L, 40393L);
    }

    @Test
    void theJsonSpaceTrackServesReadsAsTheCsvDoes() {
        List<TipRecord> csv = TipReader.readCsv("tip.csv", text(TIP)).items();
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        String[] lines = text(TIP).split("\\r?\\n");
        String[] header = lines[0].split(",");
        for (int i = 1; i < lines.length; i++) {
            ObjectNode o = array.addObject();
            String[] fields = lines[i].split(",", -1);
            for (int j = 0; j < header.length; j++) {
                o.put(header[j], fields[j]);
            }
        }
        ParseResult<TipRecord> read = TipReader.readJson("tip.json", array.toPrettyString());

        assertThat(read.errors()).isEmpty();
        assertThat(read.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("content", "line")
                .isEqualTo(csv);
    }

    @Test
    void confirmationsCloseTheirObjectsAndFillInTheirSatcatDecayDay() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            ingest(node, "satcat.csv", text(SATCAT), Optional.of(PUBLIC));

            IngestReport report = ingest(node, "tip.csv", text(TIP), Optional.of(PUBLIC));

            assertThat(report.format()).isEqualTo(SourceFormat.TIP_CSV);
            assertThat(report.stored()).isEqualTo(34);
            ReentryReports reports = node.reentryReports();
            Product<ReentryReport> closed = reports.reentered(29488, LabelFilter.UNRESTRICTED).orElseThrow();
            assertThat(closed.value().nominal()).contains(Instant.parse("2006-12-23T12:14:00Z"));
            assertThat(closed.value().latitudeDegrees()).contains(17.0);
            assertThat(closed.value().longitudeDegrees()).contains(111.0);
            assertThat(closed.value().window()).isEmpty();
            assertThat(closed.value().messageOriginator()).isEqualTo("SPACE-TRACK");
            assertThat(reports.of(29488, LabelFilter.UNRESTRICTED)).hasSize(3);
            assertThat(reports.reentered(1377, LabelFilter.UNRESTRICTED)).isEmpty();
            assertThat(reports.reentered(42712, LabelFilter.UNRESTRICTED)).isEmpty();
            Product<ReentryReport> predicted = reports.of(1377, LabelFilter.UNRESTRICTED).getFirst();
            assertThat(predicted.value().window().orElseThrow().opens())
                    .isEqualTo(Instant.parse("2012-03-09T10:02:00Z"));
            assertThat(predicted.value().window().orElseThrow().closes())
                    .isEqualTo(Instant.parse("2012-03-09T16:02:00Z"));

            // the days the SATCAT gave later, but for 29480: its confirmation says 2009-10-19 23:03 UTC, the SATCAT
            // of 2021 says 2009-10-20
            Map<Long, Optional<LocalDate>> days = decayDays(node);
            assertThat(days).containsEntry(29488L, Optional.of(LocalDate.parse("2006-12-23")))
                    .containsEntry(32485L, Optional.of(LocalDate.parse("2008-02-08")))
                    .containsEntry(37860L, Optional.of(LocalDate.parse("2011-11-08")))
                    .containsEntry(38349L, Optional.of(LocalDate.parse("2012-06-27")))
                    .containsEntry(40393L, Optional.of(LocalDate.parse("2015-02-19")))
                    .containsEntry(29480L, Optional.of(LocalDate.parse("2009-10-19")))
                    .containsEntry(1377L, Optional.empty())
                    .containsEntry(42712L, Optional.empty());

            // a closed object is no longer upcoming
            assertThat(reports.notReentered(List.of(prediction(29488), prediction(1377)), LabelFilter.UNRESTRICTED))
                    .extracting(p -> p.value().noradId()).containsExactly(1377L);

            IngestReport again = ingest(node, "tip-again.csv", text(TIP), Optional.of(PUBLIC));
            assertThat(again.stored()).isZero();
            assertThat(again.unchanged()).isEqualTo(34);
        }
    }

    private static Product<ReentryPrediction> prediction(long noradId) {
        Instant basis = Instant.parse("2006-12-20T00:00:00Z");
        return Product.of(new ReentryPrediction(noradId, basis, 1, ReentryClass.UNCONTROLLED, ReentryOutcome.EPOCH_ONLY,
                Optional.empty(), Optional.of(basis.plus(Duration.ofDays(3))), Optional.empty(),
                basis.plus(Duration.ofDays(400)), "NRLMSISE-00", "test", "test", basis), PUBLIC, List.of());
    }

    @Test
    void aConfirmationUnderANarrowerLabelDoesNotFillInAWiderEntry() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            ingest(node, "satcat.csv", text(SATCAT), Optional.of(PUBLIC));

            ingest(node, "tip.csv", text(TIP), Optional.empty());

            assertThat(node.reentryReports().reentered(29488, LabelFilter.UNRESTRICTED).orElseThrow().label()
                    .releasability().toString()).isEqualTo("REL TO TEST");
            assertThat(decayDays(node)).containsEntry(29488L, Optional.empty());
        }
    }

    @Test
    void badInputIsRefusedWholeNamingFileLineAndField() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            String bad = text(TIP).replace("2006-12-23 12:28:00,2006-12-23 14:04:07,2006-12-23 12:14:00,1,",
                    "2006-12-23 12:28:00,2006-12-23 14:04:07,2006-12-23 12:14:00,one,")
                    .replace(",12,120.4,97.8,", ",95,120.4,97.8,");

            assertThatThrownBy(() -> ingest(node, "bad-tip.csv", bad, Optional.of(PUBLIC)))
                    .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors())
                            .extracting(InputError::toString).containsExactly(
                                    "bad-tip.csv:4: LAT: '95' is not a number from -90.0 to 90.0 degrees",
                                    "bad-tip.csv:13: WINDOW: 'one' is not a whole number from 1 to 525600"));
            assertThat(node.products().list(ReentryReportKind.INSTANCE,
                    ProductQuery.all(ReentryReportKind.INSTANCE, 100), LabelFilter.UNRESTRICTED).items()).isEmpty();
            assertThatThrownBy(() -> ingest(node, "extra.csv", text(TIP).replace("OBJECT_NUMBER", "OBJECT_NUMBR"),
                    Optional.of(PUBLIC))).isInstanceOf(InputRejectedException.class)
                    .hasMessageContaining("extra.csv:1: OBJECT_NUMBR: not a column of Space-Track's tip class");
        }
    }

    @Test
    void anRdmFromAnotherOriginatorIsStoredAsItsReport() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            IngestReport report = ingest(node, "esa.kvn", new String(TestNodes.resource("/ccsds/rdm/rdm_c2.kvn"),
                    StandardCharsets.UTF_8), Optional.empty());

            assertThat(report.format()).isEqualTo(SourceFormat.RDM_KVN);
            List<Product<ReentryReport>> held = node.reentryReports().of(81594, LabelFilter.UNRESTRICTED);
            assertThat(held).hasSize(1);
            ReentryReport esa = held.getFirst().value();
            assertThat(esa.source()).isEqualTo(ReentryReport.Source.RDM);
            assertThat(esa.messageOriginator()).isEqualTo("ESA");
            assertThat(esa.messageId()).isEqualTo("ESA/20180422-001");
            assertThat(esa.issuedAt()).isEqualTo(Instant.parse("2018-04-22T09:31:34Z"));
            assertThat(esa.nominal()).contains(Instant.parse("2018-04-27T19:45:33Z"));
            assertThat(esa.window()).contains(new ReentryWindow(Instant.parse("2018-04-27T11:45:33Z"),
                    Instant.parse("2018-04-27T22:12:56Z")));
            assertThat(esa.reentryAltitudeMeters()).contains(80_000.0);
            assertThat(esa.observed()).isFalse();
            // unlabelled: private to the node's party, as every unlabelled ingest
            assertThat(held.getFirst().label().releasability().toString()).isEqualTo("REL TO TEST");

            // C-1 names its object by designator only, which this catalog does not hold
            assertThatThrownBy(() -> ingest(node, "c1.kvn", new String(TestNodes.resource("/ccsds/rdm/rdm_c1.kvn"),
                    StandardCharsets.UTF_8), Optional.empty())).isInstanceOf(InputRejectedException.class)
                    .hasMessageContaining("c1.kvn: OBJECT_DESIGNATOR: the message names no catalog number");
        }
    }

    @Test
    void anRdmWithoutAnEpochGetsItFromItsLifetime() {
        try (Node node = TestNodes.open(dir, Map.of())) {
            String c3 = new String(TestNodes.resource("/ccsds/rdm/rdm_c3.xml"), StandardCharsets.UTF_8).replace(
                    "</INTERNATIONAL_DESIGNATOR>", "</INTERNATIONAL_DESIGNATOR>\n<OBJECT_DESIGNATOR>81594</OBJECT_DESIGNATOR>");

            assertThat(ingest(node, "c3.xml", c3, Optional.of(PUBLIC)).format()).isEqualTo(SourceFormat.RDM_XML);

            ReentryReport report = node.reentryReports().of(81594, LabelFilter.UNRESTRICTED).getFirst().value();
            assertThat(report.nominal()).contains(Instant.parse("2018-05-15T00:00:00Z"));
            assertThat(report.window()).isEmpty();
            assertThat(report.reentryAltitudeMeters()).contains(150_000.0);
        }
    }
}
