package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orekit.files.ccsds.ndm.cdm.Cdm;

/**
 * The CDMs Concord writes, against the CCSDS NDM/XML schemas and against what the message it was read from says:
 * Orekit's CDM samples (src/test/resources/ccsds/cdm), among them the CCSDS 508 examples and a real CDM of CSpOC.
 */
class CdmWriterTest {

    private static final Pattern KVN_NUMBER = Pattern.compile(
            "^([A-Z_]+)\\s*=\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(?:\\[.*])?\\s*$");

    /** Every CDM sample the reader takes. */
    static List<String> samples() throws IOException {
        return CdmReaderTest.validSamples().stream().map(n -> "ccsds/cdm/" + n).toList();
    }

    private static Cdm read(String resource) {
        return CdmReader.parse(resource, TestResources.text(resource));
    }

    /** Two samples are CDM 2.0 (Orekit writes them as such), later than the 1.0 schema: checked apart from that. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void xmlValidatesAgainstTheCcsdsSchema(String resource) {
        String xml = CdmWriter.writeXml(read(resource));

        assertThat(CcsdsSchemas.violationsApartFromVersion(xml)).as(xml).isEmpty();
        if (xml.contains("<cdm id=\"CCSDS_CDM_VERS\" version=\"1.0\">")) {
            assertThat(CcsdsSchemas.violations(xml)).as(xml).isEmpty();
        }
    }

    @Test
    void theSamplesAreManyAndAllRead() throws IOException {
        assertThat(samples()).hasSizeGreaterThanOrEqualTo(30);
        samples().forEach(CdmWriterTest::read);
    }

    @Test
    void xmlValuesCarryTheirUnits() {
        String xml = CdmWriter.writeXml(read("ccsds/cdm/AlfanoTestCase01.cdm"));

        assertThat(xml).contains("<MISS_DISTANCE units=\"m\">", "<RELATIVE_SPEED units=\"m/s\">",
                "<RELATIVE_POSITION_R units=\"m\">", "<X units=\"km\">", "<X_DOT units=\"km/s\">",
                "<CR_R units=\"m**2\">", "<CDRG_RDOT units=\"m**3/(kg*s)\">");
    }

    @Test
    void anAbsentRelativeStateVectorIsLeftOut() {
        String kvn = TestResources.text("ccsds/cdm/CDMExample1.txt");
        assertThat(kvn).doesNotContain("RELATIVE_POSITION_R");

        String xml = CdmWriter.writeXml(read("ccsds/cdm/CDMExample1.txt"));

        assertThat(xml).doesNotContain("relativeStateVector").contains("<MISS_DISTANCE units=\"m\">715");
        assertThat(CcsdsSchemas.violations(xml)).isEmpty();
    }

    @Test
    void observationAndTrackCountsAreWrittenOnlyWhenTheMessageHasThem() {
        // ION_SCV8_vs_STARLINK_1233 gives OBS_AVAILABLE and OBS_USED for both objects, no track counts
        Cdm ion = read("ccsds/cdm/ION_SCV8_vs_STARLINK_1233.txt");
        for (String written : List.of(CdmWriter.writeKvn(ion), CdmWriter.writeXml(ion))) {
            assertThat(written).doesNotContain("TRACKS_AVAILABLE", "TRACKS_USED");
            assertThat(Pattern.compile("OBS_USED\\s*=|<OBS_USED>").matcher(written).results().count()).as(written).isEqualTo(2);
        }
        assertThat(CdmWriter.writeKvn(ion)).containsPattern("OBS_AVAILABLE\\s+= 742")
                .containsPattern("OBS_USED\\s+= 62");

        // the Alfano test cases give none of the four
        Cdm alfano = read("ccsds/cdm/AlfanoTestCase01.cdm");
        for (String written : List.of(CdmWriter.writeKvn(alfano), CdmWriter.writeXml(alfano))) {
            assertThat(written).doesNotContain("OBS_AVAILABLE", "OBS_USED", "TRACKS_AVAILABLE", "TRACKS_USED");
        }

        // CDMExample1.xml gives all four for both objects
        String xml = CdmWriter.writeXml(read("ccsds/cdm/CDMExample1.xml"));
        assertThat(xml).contains("<OBS_AVAILABLE>592</OBS_AVAILABLE>", "<TRACKS_USED>119</TRACKS_USED>",
                "<OBS_USED>58</OBS_USED>", "<TRACKS_AVAILABLE>15</TRACKS_AVAILABLE>");
    }

    /**
     * The KVN says every number the message said: each reads back as the same double (no unit-conversion noise
     * such as 2570.0970650000004 for 2570.097065).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void kvnNumbersAreTheMessagesNumbers(String resource) {
        String original = TestResources.text(resource);
        if (original.stripLeading().startsWith("<")) {
            return;
        }
        Map<String, BigDecimal> before = numbers(original);
        Map<String, BigDecimal> after = numbers(CdmWriter.writeKvn(read(resource)));
        before.forEach((key, value) -> {
            if (after.containsKey(key)) {
                assertThat(after.get(key).doubleValue()).as(key).isEqualTo(value.doubleValue());
            }
        });
        assertThat(after.keySet()).as("numbers written").hasSizeGreaterThan(20);
    }

    /** The numeric values of a KVN CDM, keyed by the object they belong to and their keyword. */
    private static Map<String, BigDecimal> numbers(String kvn) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        String object = "relative";
        for (String line : kvn.lines().map(String::strip).toList()) {
            if (line.matches("OBJECT\\s*=\\s*OBJECT[12]")) {
                object = line.substring(line.length() - 7);
            }
            Matcher m = KVN_NUMBER.matcher(line);
            if (m.matches() && !m.group(1).equals("OBJECT_DESIGNATOR") && !m.group(1).equals("MESSAGE_ID")) {
                // the first: a CDM 2.0 XYZ covariance block repeats keys of the RTN block (Orekit does not write it)
                values.putIfAbsent(object + "." + m.group(1), new BigDecimal(m.group(2)));
            }
        }
        return values;
    }
}
