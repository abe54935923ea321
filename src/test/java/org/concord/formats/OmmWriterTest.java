package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

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
}
