package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.catalog.SourceFormat;
import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;

/** What the OMM writer writes: the CCSDS metadata of SGP4 elements, and the CelesTrak layouts. */
class OmmWriterTest {

    private static final Instant CREATED = Instant.parse("2024-11-01T12:00:00Z");

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    private static TLE vanguard() {
        return new TLE(OmmReaderCcsdsTest.VANGUARD_LINE1, OmmReaderCcsdsTest.VANGUARD_LINE2);
    }

    @Test
    void kvnHasTheHeaderAndTheSgp4Metadata() {
        String kvn = OmmWriter.writeKvn(vanguard(), "VANGUARD 1", Optional.of("1958-002B"), CREATED, "NODE-A");

        assertThat(kvn).startsWith("CCSDS_OMM_VERS");
        assertThat(kvn.lines().map(l -> l.replaceAll("\\s+=\\s+", "=")))
                .contains("CREATION_DATE=2024-11-01T12:00:00.0", "ORIGINATOR=NODE-A", "OBJECT_NAME=VANGUARD 1",
                        "OBJECT_ID=1958-002B", "CENTER_NAME=EARTH", "REF_FRAME=TEME", "TIME_SYSTEM=UTC",
                        "MEAN_ELEMENT_THEORY=SGP4", "EPOCH=2020-10-13T04:52:48.47232", "MEAN_MOTION=10.84869164",
                        "ECCENTRICITY=0.1845686", "NORAD_CAT_ID=5", "BSTAR=-2.2483E-5", "MEAN_MOTION_DOT=-1.6E-7");
        assertThat(OmmReader.readCcsds("w.txt", kvn, SourceFormat.OMM_KVN).errors()).isEmpty();
    }

    @Test
    void xmlIsAnOmmDocumentTheReaderTakes() {
        String xml = OmmWriter.writeXml(vanguard(), "VANGUARD 1", Optional.of("1958-002B"), CREATED, "NODE-A");

        assertThat(xml).startsWith("<?xml").contains("<omm id=\"CCSDS_OMM_VERS\"", "<REF_FRAME>TEME</REF_FRAME>",
                "<MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY>", "<tleParameters>");
        ParseResult<ParsedOrbit> read = OmmReader.readCcsds("w.xml", xml, SourceFormat.OMM_XML);
        assertThat(read.errors()).isEmpty();
        assertThat(read.items().get(0).line()).isEqualTo(2);
    }

    @Test
    void xmlEscapesNamesThatWouldBreakIt() {
        String name = "R&D <SAT> \"1\" [YO]";
        String xml = OmmWriter.writeXml(vanguard(), name, Optional.of("1958-002B"), CREATED, "A&B");

        assertThat(xml).contains("<OBJECT_NAME>R&amp;D &lt;SAT&gt; \"1\" [YO]</OBJECT_NAME>",
                "<ORIGINATOR>A&amp;B</ORIGINATOR>");
        ParseResult<ParsedOrbit> read = OmmReader.readCcsds("w.xml", xml, SourceFormat.OMM_XML);
        assertThat(read.errors()).isEmpty();
        assertThat(read.items().get(0).objectName()).isEqualTo(name);

        String kvn = OmmWriter.writeKvn(vanguard(), name, Optional.of("1958-002B"), CREATED, "A&B");
        assertThat(OmmReader.readCcsds("w.txt", kvn, SourceFormat.OMM_KVN).items()).singleElement()
                .satisfies(o -> assertThat(o.objectName()).isEqualTo(name));
    }

    @Test
    void anObjectWithoutDesignatorIsWrittenWithObjectIdUnknown() {
        String kvn = OmmWriter.writeKvn(vanguard(), "ANALYST OBJECT", Optional.empty(), CREATED, "NODE-A");

        assertThat(kvn.lines().map(l -> l.replaceAll("\\s+=\\s+", "="))).contains("OBJECT_ID=UNKNOWN");
        ParsedOrbit read = OmmReader.readCcsds("w.txt", kvn, SourceFormat.OMM_KVN).items().get(0);
        assertThat(read.internationalDesignator()).isEmpty();
    }

    @Test
    void csvAndJsonHaveTheCelestrakColumns() {
        String csv = OmmWriter.writeCsv(vanguard(), "VANGUARD 1, \"THE FIRST\"", Optional.of("1958-002B"));
        assertThat(csv.lines().toList()).containsExactly(String.join(",", OmmWriter.CELESTRAK_KEYS),
                "\"VANGUARD 1, \"\"THE FIRST\"\"\",1958-002B,2020-10-13T04:52:48.472320,10.84869164,0.1845686,"
                        + "34.2443,225.5254,162.2516,205.2356,0,U,5,999,21814,-0.000022483,-0.00000016,0");
        assertThat(OmmReader.readCsv("w.csv", csv).items()).singleElement()
                .satisfies(o -> assertThat(o.objectName()).isEqualTo("VANGUARD 1, \"THE FIRST\""));

        assertThat(OmmWriter.writeJson(vanguard(), "VANGUARD 1", Optional.of("1958-002B"))).isEqualTo(
                "[{\"OBJECT_NAME\":\"VANGUARD 1\",\"OBJECT_ID\":\"1958-002B\",\"EPOCH\":\"2020-10-13T04:52:48.472320\","
                        + "\"MEAN_MOTION\":10.84869164,\"ECCENTRICITY\":0.1845686,\"INCLINATION\":34.2443,"
                        + "\"RA_OF_ASC_NODE\":225.5254,\"ARG_OF_PERICENTER\":162.2516,\"MEAN_ANOMALY\":205.2356,"
                        + "\"EPHEMERIS_TYPE\":0,\"CLASSIFICATION_TYPE\":\"U\",\"NORAD_CAT_ID\":5,\"ELEMENT_SET_NO\":999,"
                        + "\"REV_AT_EPOCH\":21814,\"BSTAR\":-0.000022483,\"MEAN_MOTION_DOT\":-0.00000016,"
                        + "\"MEAN_MOTION_DDOT\":0}]");
    }

    /**
     * Every number of the OMM is the TLE's own (the shortest decimal that reads back as it), never a degree or
     * revolution count with the noise of the conversion to SI and back (255.06379999999996 for 255.0638): the 301
     * element sets of the 2024-07 catalog subset and Vallado's verification set.
     */
    @Test
    void kvnAndXmlNumbersAreTheTlesDigits() {
        List<String[]> pairs = new ArrayList<>(TleLines.pairs("catalog/subset_301obj_3le_2024-07.txt"));
        pairs.addAll(TleLines.pairs("sgp4/SGP4-VER.TLE"));
        assertThat(pairs).hasSizeGreaterThan(320);
        for (String[] pair : pairs) {
            TLE tle = new TLE(pair[0], pair[1]);
            Map<String, Double> expected = tleNumbers(pair[0], pair[1]);
            String kvn = OmmWriter.writeKvn(tle, "X", Optional.empty(), CREATED, "NODE-A");
            String xml = OmmWriter.writeXml(tle, "X", Optional.empty(), CREATED, "NODE-A");
            expected.forEach((key, value) -> {
                Matcher k = Pattern.compile("(?m)^" + key + "\\s*=\\s*(\\S+)$").matcher(kvn);
                Matcher x = Pattern.compile("<" + key + "(?: units=\"[^\"]*\")?>([^<]*)</").matcher(xml);
                assertThat(k.find()).as(key + " in\n" + kvn).isTrue();
                assertThat(x.find()).as(key + " in\n" + xml).isTrue();
                assertThat(k.group(1)).as(pair[1] + " " + key).matches("-?[0-9.]+(E-?[0-9]+)?");
                assertThat(Double.parseDouble(k.group(1))).as(pair[0] + "\n" + pair[1] + " " + key).isEqualTo(value);
                assertThat(Double.parseDouble(x.group(1))).as(pair[0] + "\n" + pair[1] + " " + key).isEqualTo(value);
                assertThat(x.group(1)).isEqualTo(k.group(1));
            });
        }
    }

    /** The numbers of a TLE by the OMM keyword that carries them, read from the TLE's columns. */
    private static Map<String, Double> tleNumbers(String line1, String line2) {
        Map<String, Double> n = new LinkedHashMap<>();
        n.put(OmmFields.MEAN_MOTION, Double.parseDouble(line2.substring(52, 63)));
        n.put(OmmFields.ECCENTRICITY, Double.parseDouble("0." + line2.substring(26, 33)));
        n.put(OmmFields.INCLINATION, Double.parseDouble(line2.substring(8, 16)));
        n.put(OmmFields.RA_OF_ASC_NODE, Double.parseDouble(line2.substring(17, 25)));
        n.put(OmmFields.ARG_OF_PERICENTER, Double.parseDouble(line2.substring(34, 42)));
        n.put(OmmFields.MEAN_ANOMALY, Double.parseDouble(line2.substring(43, 51)));
        n.put(OmmFields.MEAN_MOTION_DOT, Double.parseDouble(line1.substring(33, 43)));
        n.put(OmmFields.MEAN_MOTION_DDOT, exponential(line1.substring(44, 52)));
        n.put(OmmFields.BSTAR, exponential(line1.substring(53, 61)));
        return n;
    }

    /** A TLE field with an implied decimal point and an exponent ({@code -11606-4} is -0.11606e-4). */
    private static double exponential(String field) {
        String f = field.strip();
        String mantissa = f.substring(0, f.length() - 2).replace("+", "");
        String sign = mantissa.startsWith("-") ? "-" : "";
        return Double.parseDouble(sign + "0." + mantissa.replace("-", "") + "E" + f.substring(f.length() - 2));
    }

    /**
     * The OMM XML validates against the CCSDS NDM/XML schema: element sets of the catalog subset and the OMMs of the
     * CCSDS and CelesTrak samples, read and written again.
     */
    @Test
    void xmlValidatesAgainstTheCcsdsSchema() {
        List<TLE> tles = new ArrayList<>();
        TleLines.pairs("catalog/subset_301obj_3le_2024-07.txt").forEach(p -> tles.add(new TLE(p[0], p[1])));
        for (String sample : List.of("ccsds/omm/OMMExample1.txt", "ccsds/omm/OMMExample2.xml",
                "ccsds/omm/OMMExample4.xml", "ccsds/omm_sample_python-sgp4.xml")) {
            ParseResult<ParsedOrbit> read = OmmReader.readCcsds(sample, TestResources.text(sample),
                    sample.endsWith(".xml") ? SourceFormat.OMM_XML : SourceFormat.OMM_KVN);
            read.items().forEach(o -> tles.add(OmmReader.toTle(o.format(), o.content())));
        }
        assertThat(tles).hasSizeGreaterThan(301);
        for (TLE tle : tles) {
            List<String> comments = List.of("element set 1.0 days from its epoch");
            String xml = OmmWriter.writeXml(tle, "R&D <SAT>", Optional.of("1958-002B"), comments,
                    OmmWriter.Version.V3_0);
            assertThat(CcsdsSchemas.violationsApartFromVersion(xml)).as(xml).isEmpty();
            String version2 = OmmWriter.writeXml(tle, "R&D <SAT>", Optional.of("1958-002B"), comments,
                    OmmWriter.Version.V2_0);
            assertThat(CcsdsSchemas.violations(version2)).as(version2).isEmpty();
        }
    }

    @Test
    void ommVersion2IsWrittenAsTheVersion2SchemaSaysAndReadBack() {
        String xml = OmmWriter.writeXml(vanguard(), "VANGUARD 1", Optional.of("1958-002B"), List.of(),
                OmmWriter.Version.V2_0);
        assertThat(xml).contains("<omm id=\"CCSDS_OMM_VERS\" version=\"2.0\">");
        assertThat(CcsdsSchemas.violations(xml)).isEmpty();
        String version3 = OmmWriter.writeXml(vanguard(), "VANGUARD 1", Optional.of("1958-002B"), List.of(),
                OmmWriter.Version.V3_0);
        assertThat(version3).contains("<omm id=\"CCSDS_OMM_VERS\" version=\"3.0\">");
        assertThat(CcsdsSchemas.violations(version3)).singleElement().asString().contains("'version'");

        String kvn = OmmWriter.writeKvn(vanguard(), "VANGUARD 1", Optional.of("1958-002B"), List.of(),
                OmmWriter.Version.V2_0);
        assertThat(kvn).containsPattern("^CCSDS_OMM_VERS\\s+= 2.0\n");
        for (String message : List.of(xml, kvn)) {
            ParseResult<ParsedOrbit> read = OmmReader.readCcsds("w", message,
                    message.startsWith("<") ? SourceFormat.OMM_XML : SourceFormat.OMM_KVN);
            assertThat(read.errors()).isEmpty();
            assertThat(OmmReader.toTle(read.items().get(0).format(), read.items().get(0).content()).getLine2())
                    .isEqualTo(OmmReaderCcsdsTest.VANGUARD_LINE2);
        }
    }
}
