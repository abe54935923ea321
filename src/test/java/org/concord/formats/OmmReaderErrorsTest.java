package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;

import org.concord.catalog.SourceFormat;
import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invalid OMM records, each derived from a real one: every error names the file, the line (and for XML and JSON
 * the path), the keyword and the reason, and one bad record does not stop the others.
 */
class OmmReaderErrorsTest {

    private static final String KVN = TestResources.text("ccsds/omm/OMMExample4.txt");
    private static final String XML = TestResources.text("ccsds/omm/OMMExample4.xml");
    private static final String CSV = TestResources.text("ccsds/omm_sample_python-sgp4.csv");
    private static final String JSON_OBJECT = TestResources.text("ccsds/omm_sample_python-sgp4.json").strip()
            .replaceAll("^\\[|\\]$", "");

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    private static ParseResult<ParsedOrbit> kvn(String text) {
        return OmmReader.readCcsds("bad.txt", text, SourceFormat.OMM_KVN);
    }

    private static ParseResult<ParsedOrbit> xml(String text) {
        return OmmReader.readCcsds("bad.xml", text, SourceFormat.OMM_XML);
    }

    // ---- KVN

    @Test
    void kvnWrongUnitInBracketsIsRefused() {
        ParseResult<ParsedOrbit> result = kvn(KVN.replace("MEAN_MOTION    = 13.82309053",
                "MEAN_MOTION    = 13.82309053 [km]"));

        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("bad.txt");
            assertThat(e.line()).contains(13);
            assertThat(e.field()).isEqualTo("MEAN_MOTION");
            assertThat(e.reason()).contains("[km]", "rev/day");
        });
    }

    @Test
    void kvnCcsdsUnitsInBracketsAreAccepted() {
        ParseResult<ParsedOrbit> result = kvn(KVN
                .replace("MEAN_MOTION    = 13.82309053", "MEAN_MOTION    = 13.82309053 [rev/day]")
                .replace("INCLINATION    = 49.8237", "INCLINATION    = 49.8237 [deg]")
                .replace("BSTAR          = -.47102E-5", "BSTAR          = -.47102E-5 [1/ER]")
                .replace("MEAN_MOTION_DOT = -.147E-5", "MEAN_MOTION_DOT = -.147E-5 [rev/day**2]")
                .replace("MEAN_MOTION_DDOT = 0", "MEAN_MOTION_DDOT = 0 [rev/day**3]"));

        assertThat(result.errors()).isEmpty();
        assertThat(OmmReader.toTle(SourceFormat.OMM_KVN, result.items().get(0).content()).getLine1())
                .contains("-.00000147  00000-0 -47102-5");
    }

    @Test
    void kvnValuesOutOfRangeOrNotNumbersAreEachNamed() {
        ParseResult<ParsedOrbit> result = kvn(KVN
                .replace("ECCENTRICITY   = .0205751", "ECCENTRICITY   = 1.0205751")
                .replace("INCLINATION    = 49.8237", "INCLINATION    = 189.8237")
                .replace("RA_OF_ASC_NODE = 93.8140", "RA_OF_ASC_NODE = -93.8140"));

        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).extracting(InputError::field, e -> e.line().orElseThrow())
                .containsExactly(tuple("ECCENTRICITY", 14), tuple("INCLINATION", 15), tuple("RA_OF_ASC_NODE", 16));
        assertThat(result.errors().get(0).reason()).contains("[0, 1)");
    }

    @Test
    void kvnNonNumericValueKeepsOrekitLine() {
        ParseResult<ParsedOrbit> result = kvn(KVN.replace("MEAN_ANOMALY   = 133.5761", "MEAN_ANOMALY   = 13x.5761"));

        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("MEAN_ANOMALY");
            assertThat(e.line()).contains(18);
        });
    }

    @Test
    void kvnMissingMandatoryKeyIsNamed() {
        ParseResult<ParsedOrbit> result = kvn(KVN.replace("MEAN_MOTION    = 13.82309053\n", ""));

        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).isNotEmpty();
        assertThat(result.errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("MEAN_MOTION"));
    }

    @Test
    void kvnMetadataRulesAreExplicit() {
        ParseResult<ParsedOrbit> result = kvn(KVN.replace("TIME_SYSTEM    = UTC", "TIME_SYSTEM    = XYZ"));
        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("TIME_SYSTEM");
            assertThat(e.line()).contains(9);
            assertThat(e.reason()).contains("'XYZ'");
        });

        ParseResult<ParsedOrbit> tai = kvn(KVN.replace("TIME_SYSTEM    = UTC", "TIME_SYSTEM    = TAI"));
        assertThat(tai.errors()).extracting(InputError::field).containsExactly("TIME_SYSTEM");

        ParseResult<ParsedOrbit> moon = kvn(KVN.replace("CENTER_NAME    = EARTH", "CENTER_NAME    = MOON"));
        assertThat(moon.errors()).extracting(InputError::field, e -> e.line().orElseThrow())
                .containsExactly(tuple("CENTER_NAME", 7));

        ParseResult<ParsedOrbit> sgp4 = kvn(KVN.replace("SGP/SGP4", "SGP4"));
        assertThat(sgp4.errors()).isEmpty();
    }

    @Test
    void kvnEphemerisTypeOfSgp4XpIsRefused() {
        ParseResult<ParsedOrbit> result = kvn(KVN.replace("EPHEMERIS_TYPE = 0", "EPHEMERIS_TYPE = 4"));

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("EPHEMERIS_TYPE");
            assertThat(e.line()).contains(20);
            assertThat(e.reason()).contains("SGP4-XP");
        });
    }

    @Test
    void kvnFileOfSeveralMessagesKeepsTheGoodOnes() {
        String bad = KVN.replace("ECCENTRICITY   = .0205751", "ECCENTRICITY   = 2");
        String three = KVN + "\n" + bad + "\n" + KVN.replace("NORAD_CAT_ID   = 7646", "NORAD_CAT_ID   = 7647");
        int secondStart = KVN.split("\n", -1).length + 1;

        ParseResult<ParsedOrbit> result = kvn(three);

        assertThat(result.items()).extracting(ParsedOrbit::noradId).containsExactly(7646L, 7647L);
        assertThat(result.items().get(1).line()).isEqualTo(2 * secondStart - 1);
        assertThat(result.items().get(1).content()).startsWith("CCSDS_OMM_VERS").contains("7647")
                .doesNotContain("7646");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("ECCENTRICITY");
            assertThat(e.line()).contains(secondStart + 13);
        });
    }

    @Test
    void kvnLexicalProblemsAreLocated() {
        ParseResult<ParsedOrbit> unit = kvn(KVN.replace("MEAN_MOTION    = 13.82309053",
                "MEAN_MOTION    = 13.82309053 [furlongs]"));
        assertThat(unit.errors()).extracting(InputError::field, e -> e.line().orElseThrow(), InputError::reason)
                .containsExactly(tuple("MEAN_MOTION", 13, "unknown unit [furlongs]"));

        ParseResult<ParsedOrbit> stray = kvn(KVN + "\nGARBAGE LINE\n");
        assertThat(stray.errors()).extracting(InputError::field, e -> e.line().orElseThrow())
                .containsExactly(tuple("line", 29));

        ParseResult<ParsedOrbit> typo = kvn(KVN.replace("MEAN_MOTION    =", "MEAN_MOTON     ="));
        assertThat(typo.errors()).extracting(InputError::field, e -> e.line().orElseThrow())
                .containsExactly(tuple("MEAN_MOTON", 13));

        ParseResult<ParsedOrbit> headless = kvn(KVN.replace("CCSDS_OMM_VERS = 2.0\n", ""));
        assertThat(headless.errors()).extracting(InputError::field).containsExactly("CCSDS_OMM_VERS");
    }

    @Test
    void orekitErrorsOnKeywordsConcordDoesNotCheckKeepOrekitsLine() {
        String example1 = TestResources.text("ccsds/omm/OMMExample1.txt");
        ParseResult<ParsedOrbit> kvn = kvn(example1.replace("GM                = 398600.8", "GM = 398600,8"));
        assertThat(kvn.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("GM");
            assertThat(e.line()).contains(19);
            assertThat(e.reason()).startsWith("cannot be read");
        });

        String example2 = TestResources.text("ccsds/omm/OMMExample2.xml");
        ParseResult<ParsedOrbit> xml = xml(example2.replace("<GM>398600.8</GM>", "<GM>lots</GM>"));
        assertThat(xml.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("GM");
            assertThat(e.line()).contains(32);
            assertThat(e.path()).contains("/omm/body/segment/data/meanElements/GM");
        });
    }

    // ---- XML

    @Test
    void xmlDoctypeIsRefusedBeforeAnyEntityIsExpanded() {
        String xxe = XML.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE omm [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                .replace("<ORIGINATOR>CelesTrak</ORIGINATOR>", "<ORIGINATOR>&xxe;</ORIGINATOR>");

        ParseResult<ParsedOrbit> result = xml(xxe);

        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("DOCTYPE");
            assertThat(e.path()).contains("/");
            assertThat(e.line()).contains(2);
            assertThat(e.reason()).contains("document type declaration is refused");
        });
    }

    @Test
    void xmlUndeclaredEntityIsRefusedWithItsPath() {
        ParseResult<ParsedOrbit> result = xml(XML.replace("<ORIGINATOR>CelesTrak</ORIGINATOR>",
                "<ORIGINATOR>&lol;</ORIGINATOR>"));

        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).contains("/omm/header/ORIGINATOR");
            assertThat(e.line()).contains(5);
        });
    }

    @Test
    void xmlNdmWithSeveralOmmsKeepsTheGoodOnesAndNamesTheBadOnesPath() {
        String omm = XML.substring(XML.indexOf("<omm"), XML.indexOf("</omm>") + 6);
        String ndm = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ndm>\n" + omm + "\n"
                + omm.replace("<MEAN_MOTION>13.82309053</MEAN_MOTION>", "<MEAN_MOTION>-13.8</MEAN_MOTION>")
                + "\n<oem id=\"CCSDS_OEM_VERS\" version=\"2.0\"/>\n"
                + omm.replace("<NORAD_CAT_ID>7646</NORAD_CAT_ID>", "<NORAD_CAT_ID>999999999</NORAD_CAT_ID>")
                + "\n</ndm>\n";
        int ommLines = (int) omm.lines().count();

        ParseResult<ParsedOrbit> result = xml(ndm);

        assertThat(result.items()).extracting(ParsedOrbit::noradId).containsExactly(7646L, 999_999_999L);
        assertThat(result.items()).extracting(ParsedOrbit::line).containsExactly(3, 3 + 2 * ommLines + 1);
        assertThat(result.items().get(0).content()).isEqualTo(omm);
        assertThat(result.errors()).extracting(InputError::field, InputError::path)
                .containsExactly(
                        tuple("MEAN_MOTION", Optional.of("/ndm/omm[2]/body/segment/data/meanElements/MEAN_MOTION")),
                        tuple("NDM constituent", Optional.of("/ndm/oem[1]")));
        assertThat(result.errors().get(0).line()).contains(3 + ommLines + 18);
        // the record of the 999,999,999 object is self-contained
        assertThat(OmmReader.toTle(SourceFormat.OMM_XML, result.items().get(1).content()).getSatelliteNumber())
                .isEqualTo(999_999_999);
    }

    @Test
    void xmlNotWellFormedNamesTheLine() {
        ParseResult<ParsedOrbit> result = xml(XML.replace("</INCLINATION>", "</INCLINATON>"));

        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("XML");
            assertThat(e.line()).contains(22);
            assertThat(e.path()).contains("/omm/body/segment/data/meanElements/INCLINATION");
        });
    }

    // ---- JSON

    @Test
    void jsonErrorsNameThePathOfEachBadRecordAndTheGoodOnesAreRead() {
        String bad1 = JSON_OBJECT.replace("\"ECCENTRICITY\": 0.1841322", "\"ECCENTRICITY\": 1.2");
        String bad2 = JSON_OBJECT.replace("\"MEAN_MOTION\": 10.85873516", "\"MEAN_MOTION\": \"fast\"");
        String bad3 = JSON_OBJECT.replace("\"MEAN_MOTION\": 10.85873516,", "");
        String json = "[" + JSON_OBJECT + ",\n" + bad1 + ",\n" + bad2 + ",\n" + bad3 + "]";

        ParseResult<ParsedOrbit> result = OmmReader.readJson("bad.json", json);

        assertThat(result.items()).hasSize(1);
        assertThat(result.errors()).extracting(InputError::field, e -> e.path().orElseThrow())
                .containsExactly(tuple("ECCENTRICITY", "[1].ECCENTRICITY"), tuple("MEAN_MOTION", "[2].MEAN_MOTION"),
                        tuple("MEAN_MOTION", "[3].MEAN_MOTION"));
        int objectLines = (int) JSON_OBJECT.lines().count();
        assertThat(result.errors().get(0).line()).contains(objectLines + 6);
        assertThat(result.errors().get(1).reason()).contains("'fast'", "not a number");
        assertThat(result.errors().get(2).reason()).contains("missing");
        assertThat(result.errors().get(2).toString()).isEqualTo("bad.json:" + (3 * objectLines + 1)
                + " [[3].MEAN_MOTION]: MEAN_MOTION: is missing; it is mandatory in an SGP4 mean-element record");
    }

    @Test
    void jsonSpaceTrackStringsAndLargeCatalogNumbersAreAccepted() {
        String json = JSON_OBJECT.replace("\"NORAD_CAT_ID\": 5", "\"NORAD_CAT_ID\": \"999999999\"")
                .replace("\"INCLINATION\": 34.2493", "\"INCLINATION\": \"34.2493\"");
        assertThat(OmmReader.readJson("big.json", json).items()).singleElement()
                .satisfies(o -> assertThat(o.noradId()).isEqualTo(999_999_999L));

        ParseResult<ParsedOrbit> tooBig = OmmReader.readJson("big.json",
                JSON_OBJECT.replace("\"NORAD_CAT_ID\": 5", "\"NORAD_CAT_ID\": 1000000000"));
        assertThat(tooBig.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("NORAD_CAT_ID");
            assertThat(e.path()).contains("NORAD_CAT_ID");
        });
    }

    @Test
    void jsonMetadataKeysOfSpaceTrackAreChecked() {
        String xp = JSON_OBJECT.replace("{", "{\"MEAN_ELEMENT_THEORY\": \"SGP4-XP\", \"REF_FRAME\": \"TEME\",");
        assertThat(OmmReader.readJson("xp.json", xp).errors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("MEAN_ELEMENT_THEORY"));

        String gcrf = JSON_OBJECT.replace("{", "{\"REF_FRAME\": \"GCRF\",");
        assertThat(OmmReader.readJson("gcrf.json", gcrf).errors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("REF_FRAME"));
    }

    @Test
    void jsonDuplicateKeyAndMalformedJsonAreErrors() {
        String twice = JSON_OBJECT.replace("\"EPOCH\"", "\"INCLINATION\": 1, \"EPOCH\"");
        assertThat(OmmReader.readJson("twice.json", twice).errors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("INCLINATION"));

        ParseResult<ParsedOrbit> broken = OmmReader.readJson("broken.json", "[" + JSON_OBJECT + ",\n{\"EPOCH\": }]");
        assertThat(broken.items()).hasSize(1);
        assertThat(broken.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("JSON");
            assertThat(e.line()).contains((int) JSON_OBJECT.lines().count() + 1);
        });
    }

    // ---- CSV

    @Test
    void csvBadRowsAreEachNamedAndTheOthersRead() {
        List<String> lines = CSV.lines().toList();
        String header = lines.get(0);
        String row = lines.get(1);
        String csv = String.join("\n", header, row,
                row.replace(",34.2443,", ",190.5,"),
                row.replace("2020-10-13T04:52:48.472320", "yesterday"),
                row.replace(",0,U,", ",0,U,7,"),
                row.replace("VANGUARD 1", "\"VANGUARD 1, \"\"THE OLDEST\"\"\"").replace(",5,999,", ",6,999,"));

        ParseResult<ParsedOrbit> result = OmmReader.readCsv("bad.csv", csv);

        assertThat(result.items()).extracting(ParsedOrbit::noradId, ParsedOrbit::objectName)
                .containsExactly(tuple(5L, "VANGUARD 1"), tuple(6L, "VANGUARD 1, \"THE OLDEST\""));
        assertThat(result.errors()).extracting(InputError::field, e -> e.line().orElseThrow())
                .containsExactly(tuple("INCLINATION", 3), tuple("EPOCH", 4), tuple("row", 5));
        assertThat(result.items().get(1).content()).isEqualTo(header + "\n" + csv.lines().toList().get(5));
    }

    @Test
    void csvColumnsInAnyOrder() {
        List<String> lines = CSV.lines().toList();
        List<String> keys = List.of(lines.get(0).split(","));
        List<String> values = List.of(lines.get(1).split(","));
        StringBuilder header = new StringBuilder("EXTRA");
        StringBuilder row = new StringBuilder("ignored");
        for (int k = keys.size() - 1; k >= 0; k--) {
            header.append(',').append(keys.get(k));
            row.append(',').append(values.get(k));
        }
        ParseResult<ParsedOrbit> result = OmmReader.readCsv("reordered.csv", header + "\r\n" + row + "\r\n");

        assertThat(result.errors()).isEmpty();
        assertThat(OmmReader.toTle(SourceFormat.OMM_CSV, result.items().get(0).content()).getLine2())
                .isEqualTo(OmmReaderCcsdsTest.VANGUARD_LINE2);
    }

    @Test
    void csvWithoutMandatoryColumnsIsOneError() {
        ParseResult<ParsedOrbit> result = OmmReader.readCsv("cols.csv", CSV.replace("MEAN_MOTION,", "MM,"));

        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).contains(1);
            assertThat(e.field()).isEqualTo("MEAN_MOTION");
        });
    }

    // ---- whatever the input

    @Test
    void garbageNeverThrowsFromTheReaders() {
        List<String> garbage = List.of("", "   ", "\u0000\u0001", "[", "{", "<", "<omm>", "<ndm><omm/></ndm>",
                "CCSDS_OMM_VERS = 2.0\n", "CCSDS_OMM_VERS = 2.0\nCREATION_DATE = x\n", "a,b\n1,2", "\"",
                "[1, \"x\", null, {}]", KVN.substring(0, KVN.length() / 2), XML.substring(0, XML.length() / 2));
        for (String text : garbage) {
            assertThatCode(() -> {
                assertThat(kvn(text).errors()).isNotEmpty();
                assertThat(xml(text).errors()).isNotEmpty();
                assertThat(OmmReader.readJson("g.json", text).errors()).isNotEmpty();
                assertThat(OmmReader.readCsv("g.csv", text).errors()).isNotEmpty();
            }).as(text).doesNotThrowAnyException();
            for (SourceFormat format : List.of(SourceFormat.OMM_KVN, SourceFormat.OMM_XML, SourceFormat.OMM_JSON,
                    SourceFormat.OMM_CSV, SourceFormat.TLE)) {
                assertThatThrownBy(() -> OmmReader.toTle(format, text)).as(format + ": " + text)
                        .isInstanceOf(InputRejectedException.class);
            }
        }
    }
}
