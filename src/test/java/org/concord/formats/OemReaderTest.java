package org.concord.formats;

import org.concord.orbit.EarthCentredContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.concord.catalog.OrbitRecord.TimeSpan;
import org.concord.catalog.OrbitSummary;
import org.concord.catalog.SourceFormat;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.orekit.bodies.CelestialBody;
import org.orekit.files.ccsds.definitions.BodyFacade;
import org.orekit.files.ccsds.definitions.FrameFacade;
import org.orekit.files.ccsds.definitions.TimeSystem;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.odm.OdmHeader;
import org.orekit.files.ccsds.ndm.odm.oem.EphemerisOemWriter;
import org.orekit.files.ccsds.ndm.odm.oem.InterpolationMethod;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.files.ccsds.ndm.odm.oem.OemMetadata;
import org.orekit.files.ccsds.utils.FileFormat;
import org.orekit.files.general.OrekitEphemerisFile;
import org.orekit.frames.Frame;
import org.orekit.orbits.KeplerianOrbit;
import org.orekit.orbits.PositionAngleType;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.analytical.KeplerianPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.Constants;
import org.orekit.utils.TimeStampedPVCoordinates;

class OemReaderTest {

    private static final String DIR = "ccsds/oem/";

    private static ParseResult<ParsedOrbit> read(String name, String text) {
        SourceFormat format = text.strip().startsWith("<") ? SourceFormat.OEM_XML : SourceFormat.OEM_KVN;
        return OemReader.read(name, text, format);
    }

    private static ParseResult<ParsedOrbit> sample(String file) {
        return read(file, TestFiles.text(DIR + file));
    }

    private static ParsedOrbit single(ParseResult<ParsedOrbit> result) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(1);
        return result.items().get(0);
    }

    private static InputError singleError(ParseResult<ParsedOrbit> result) {
        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    // ---------------------------------------------------------------- every sample file, accounted for

    /** What happens to each of Orekit's OEM samples: "accepted", or the keyword and line of the error. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("ISS.resampled.truncated.txt", "accepted"),
            Map.entry("OEM-Issue839.txt", "CENTER_NAME@9"),
            Map.entry("OEMExample1.txt", "CENTER_NAME@10"),
            Map.entry("OEMExample2.txt", "TIME_SYSTEM@13"),
            Map.entry("OEMExample3.txt", "CENTER_NAME@10"),
            Map.entry("OEMExample3.xml", "CENTER_NAME@17"),
            Map.entry("OEMExample4.txt", "CENTER_NAME@8"),
            Map.entry("OEMExample5.txt", "accepted"),
            Map.entry("OEMExample5ITRF.txt", "accepted"),
            Map.entry("OEMExample6.txt", "CENTER_NAME@12"),
            Map.entry("OEMExample7.txt.pre", "META_START@5"),
            Map.entry("OEMExample7.txt.post", "CCSDS_OEM_VERS@1"),
            Map.entry("OEMExample8.txt", "CENTER_NAME@9"),
            Map.entry("OEMExample9.txt", "TIME_SYSTEM@13"),
            Map.entry("OEMExampleWithHeaderComment.txt", "CENTER_NAME@10"),
            Map.entry("oemLowerCaseValue.oem", "accepted"),
            Map.entry("test.oem", "accepted"),
            Map.entry("test_cov.oem", "accepted"));

    @Test
    void everySampleFileHasAnExpectedOutcome() throws IOException, URISyntaxException {
        Path dir = Path.of(OemReaderTest.class.getResource("/" + DIR).toURI());
        List<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
        for (String file : files) {
            ParseResult<ParsedOrbit> result = sample(file);
            String expected = SAMPLES.get(file);
            if (expected.equals("accepted")) {
                assertThat(result.errors()).as(file).isEmpty();
                assertThat(result.items()).as(file).hasSize(1);
            } else {
                assertThat(result.items()).as(file).isEmpty();
                assertThat(result.errors()).as(file).hasSize(1);
                InputError error = result.errors().get(0);
                assertThat(error.field() + "@" + error.line().orElse(0)).as(file + ": " + error).isEqualTo(expected);
                assertThat(error.file()).isEqualTo(file);
            }
        }
    }

    // ---------------------------------------------------------------- accepted samples, with their values

    @Test
    void issEphemeris() {
        String text = TestFiles.text(DIR + "ISS.resampled.truncated.txt");
        ParsedOrbit iss = single(read("ISS.resampled.truncated.txt", text));
        // OBJECT_ID = 1998-067-A: a designator, normalised; no catalog number (the ingest resolves it)
        assertThat(iss.noradId()).isZero();
        assertThat(iss.internationalDesignator()).contains("1998-067A");
        assertThat(iss.objectName()).isEqualTo("ISS");
        assertThat(iss.format()).isEqualTo(SourceFormat.OEM_KVN);
        assertThat(iss.epoch()).isEqualTo(t("2022-01-17T12:00:00Z"));
        assertThat(iss.coverage()).contains(new TimeSpan(t("2022-01-17T12:00:00Z"), t("2022-01-18T12:00:00Z")));
        assertThat(iss.hasCovariance()).isFalse();
        assertThat(iss.content()).isEqualTo(text);
        assertThat(iss.line()).isEqualTo(5); // META_START
        OrbitSummary s = iss.summary();
        // ISS in January 2022: about 408 x 418 km, 51.6 degrees, 92.8 minutes
        assertThat(s.perigeeAltitudeKm()).isBetween(400.0, 415.0);
        assertThat(s.apogeeAltitudeKm()).isBetween(410.0, 425.0);
        assertThat(s.inclinationDeg()).isCloseTo(51.62, within(0.05));
        assertThat(s.periodMinutes()).isCloseTo(92.8, within(0.1));
        assertThat(s.eccentricity()).isBetween(0.0, 0.002);
    }

    @Test
    void gcrfAndItrfCopiesOfOneEphemerisGiveTheSameRecord() {
        ParsedOrbit gcrf = single(sample("OEMExample5.txt"));
        ParsedOrbit itrf = single(sample("OEMExample5ITRF.txt"));
        for (ParsedOrbit o : List.of(gcrf, itrf)) {
            assertThat(o.internationalDesignator()).contains("1998-067A");
            assertThat(o.objectName()).isEqualTo("ISS");
            assertThat(o.epoch()).isEqualTo(t("2017-04-11T22:31:43.121856Z"));
            assertThat(o.coverage()).contains(new TimeSpan(t("2017-04-11T22:31:43.121856Z"),
                    t("2017-04-12T22:31:43.121856Z")));
            assertThat(o.hasCovariance()).isFalse();
        }
        assertThat(gcrf.line()).isEqualTo(6);
        assertThat(itrf.line()).isEqualTo(5);
        // the ITRF copy is Earth-fixed: read as inertial it would give another orbit altogether
        OrbitSummary a = gcrf.summary();
        OrbitSummary b = itrf.summary();
        assertThat(b.perigeeAltitudeKm()).isCloseTo(a.perigeeAltitudeKm(), within(1e-3));
        assertThat(b.apogeeAltitudeKm()).isCloseTo(a.apogeeAltitudeKm(), within(1e-3));
        assertThat(b.inclinationDeg()).isCloseTo(a.inclinationDeg(), within(1e-6));
        assertThat(b.periodMinutes()).isCloseTo(a.periodMinutes(), within(1e-6));
        assertThat(b.eccentricity()).isCloseTo(a.eccentricity(), within(1e-9));
        assertThat(a.perigeeAltitudeKm()).isCloseTo(393.64, within(0.01));
        assertThat(a.apogeeAltitudeKm()).isCloseTo(411.34, within(0.01));
        // measured from the true equator of date, like TLE inclinations (from the GCRF equator it is 51.651)
        assertThat(a.inclinationDeg()).isCloseTo(51.635, within(0.001));
    }

    @Test
    void allDigitObjectIdIsTheCatalogNumberAndCovarianceIsFlagged() {
        ParsedOrbit plain = single(sample("test.oem"));
        ParsedOrbit withCovariance = single(sample("test_cov.oem"));
        for (ParsedOrbit o : List.of(plain, withCovariance)) {
            assertThat(o.noradId()).isEqualTo(25544);
            assertThat(o.internationalDesignator()).isEmpty();
            assertThat(o.objectName()).isEqualTo("25544");
            assertThat(o.epoch()).isEqualTo(t("2019-09-09T00:00:00Z"));
            assertThat(o.coverage()).contains(new TimeSpan(t("2019-09-09T00:00:00Z"), t("2019-09-10T00:00:00Z")));
            assertThat(o.summary().inclinationDeg()).isCloseTo(51.6, within(0.1));
            assertThat(o.line()).isEqualTo(5);
        }
        assertThat(plain.hasCovariance()).isFalse();
        assertThat(withCovariance.hasCovariance()).isTrue();
    }

    @Test
    void lowerCaseValuesAreAccepted() {
        ParsedOrbit o = single(sample("oemLowerCaseValue.oem"));
        assertThat(o.internationalDesignator()).contains("2000-000A");
        assertThat(o.objectName()).isEqualToIgnoringCase("test");
        assertThat(o.epoch()).isEqualTo(t("2015-08-27T00:00:00Z"));
        assertThat(o.coverage()).contains(new TimeSpan(t("2015-08-27T00:00:00Z"), t("2015-08-27T00:05:00Z")));
        assertThat(o.line()).isEqualTo(8);
        assertThat(o.summary().inclinationDeg()).isCloseTo(13.0, within(0.1));
    }

    // ---------------------------------------------------------------- refused samples, with their reasons

    @ParameterizedTest
    @CsvSource({"OEMExample1.txt,10,MARS BARYCENTER", "OEMExample4.txt,8,MARS", "OEMExample6.txt,12,MARS",
            "OEM-Issue839.txt,9,MARS BARYCENTER"})
    void nonEarthCentresAreRefusedAtTheirLine(String file, int line, String centre) {
        InputError error = singleError(sample(file));
        assertThat(error.line()).contains(line);
        assertThat(error.field()).isEqualTo("CENTER_NAME");
        assertThat(error.reason()).contains("'" + centre + "'").contains("Earth-centred");
    }

    @Test
    void missionRelativeTimeIsRefused() {
        InputError error = singleError(sample("OEMExample2.txt"));
        assertThat(error.field()).isEqualTo("TIME_SYSTEM");
        assertThat(error.line()).contains(13);
        assertThat(error.reason()).contains("'MRT'").contains("reference");
    }

    @Test
    void fragmentsOfAMessageAreRefusedAndTheirJoinIsRead() {
        String pre = TestFiles.text(DIR + "OEMExample7.txt.pre");
        String post = TestFiles.text(DIR + "OEMExample7.txt.post");
        assertThat(singleError(read("pre", pre)).reason()).contains("not closed by META_STOP");
        assertThat(singleError(read("post", post)).reason()).contains("CCSDS_OEM_VERS");
        // as Orekit's own test does: the two parts with a REF_FRAME line between them
        ParsedOrbit taco = single(read("joined", pre + "REF_FRAME = ITRF2008\n" + post));
        assertThat(taco.noradId()).isZero();
        assertThat(taco.internationalDesignator()).contains("TACO"); // not COSPAR: kept as given
        assertThat(taco.epoch()).isEqualTo(t("2012-07-06T00:00:00Z"));
        assertThat(taco.coverage()).contains(new TimeSpan(t("2012-07-06T00:00:00Z"), t("2012-07-08T00:00:00Z")));
    }

    // ---------------------------------------------------------------- segments and objects

    private static final String ISS_5 = TestFiles.text(DIR + "OEMExample5.txt");

    private static List<String> dataLines(String text) {
        return text.lines().filter(l -> l.matches("\\d{4}-.*")).toList();
    }

    private static String segment(String name, String id, String centre, String frame, String start, String stop,
                                  List<String> data) {
        return "META_START\nOBJECT_NAME = " + name + "\nOBJECT_ID = " + id + "\nCENTER_NAME = " + centre
                + "\nREF_FRAME = " + frame + "\nTIME_SYSTEM = UTC\nSTART_TIME = " + start + "\nSTOP_TIME = " + stop
                + "\nMETA_STOP\n" + String.join("\n", data) + "\n";
    }

    private static final String HEADER = "CCSDS_OEM_VERS = 2.0\nCREATION_DATE = 2024-01-01T00:00:00\n"
            + "ORIGINATOR = CONCORD TEST\n";

    @Test
    void useableTimesBoundTheCoverage() {
        String text = ISS_5.replace("USEABLE_START_TIME = 2017-04-11T22:31:43.121856000000",
                        "USEABLE_START_TIME = 2017-04-11T23:00:00")
                .replace("USEABLE_STOP_TIME = 2017-04-12T22:31:43.121856000000",
                        "USEABLE_STOP_TIME = 2017-04-12T22:00:00");
        assertThat(text).isNotEqualTo(ISS_5);
        ParsedOrbit o = single(read("useable", text));
        assertThat(o.coverage()).contains(new TimeSpan(t("2017-04-11T23:00:00Z"), t("2017-04-12T22:00:00Z")));
        assertThat(o.epoch()).isEqualTo(t("2017-04-11T22:31:43.121856Z")); // still the first state
    }

    @Test
    void eachObjectOfAMessageIsOneRecordWithAContentOfItsOwn() {
        List<String> iss = dataLines(ISS_5);
        List<String> tod = dataLines(TestFiles.text(DIR + "test.oem"));
        String first = segment("ISS", "1998-067A", "EARTH", "GCRF", "2017-04-11T22:31:43.121856",
                "2017-04-11T23:31:43.121856", iss.subList(0, 3));
        String second = segment("ISS (ZARYA)", "25544", "EARTH", "TOD", "2019-09-09T00:00:00.0",
                "2019-09-09T00:01:00.0", tod);
        String third = segment("ISS", "1998-067A", "EARTH", "GCRF", "2017-04-12T00:01:43.121856",
                "2017-04-12T01:01:43.121856", iss.subList(3, 5));
        String text = HEADER + "\n" + first + "\n" + second + "\n" + third;
        ParseResult<ParsedOrbit> result = read("two-objects.oem", text);
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(2);
        ParsedOrbit a = result.items().get(0);
        ParsedOrbit b = result.items().get(1);
        // the two segments of 1998-067A form one record spanning both
        assertThat(a.internationalDesignator()).contains("1998-067A");
        assertThat(a.epoch()).isEqualTo(t("2017-04-11T22:31:43.121856Z"));
        assertThat(a.coverage()).contains(new TimeSpan(t("2017-04-11T22:31:43.121856Z"),
                t("2017-04-12T01:01:43.121856Z")));
        assertThat(a.line()).isEqualTo(5);
        assertThat(b.noradId()).isEqualTo(25544);
        assertThat(b.objectName()).isEqualTo("ISS (ZARYA)");
        assertThat(b.epoch()).isEqualTo(t("2019-09-09T00:00:00Z"));
        assertThat(b.line()).isEqualTo(text.lines().toList().indexOf("OBJECT_NAME = ISS (ZARYA)"));
        // each content is a message of its own, holding only its object, and reads back to the same record
        assertThat(a.content()).isNotEqualTo(b.content()).doesNotContain("25544");
        assertThat(b.content()).doesNotContain("1998-067A");
        for (ParsedOrbit o : List.of(a, b)) {
            ParsedOrbit alone = single(read("alone", o.content()));
            assertThat(alone.noradId()).isEqualTo(o.noradId());
            assertThat(alone.internationalDesignator()).isEqualTo(o.internationalDesignator());
            assertThat(alone.epoch()).isEqualTo(o.epoch());
            assertThat(alone.coverage()).isEqualTo(o.coverage());
            assertThat(alone.summary()).isEqualTo(o.summary());
        }
    }

    @Test
    void anInvalidObjectDoesNotStopTheOthers() {
        List<String> iss = dataLines(ISS_5);
        String good = segment("ISS", "1998-067A", "EARTH", "GCRF", "2017-04-11T22:31:43.121856",
                "2017-04-11T23:31:43.121856", iss.subList(0, 3));
        String mars = segment("MGS", "1996-062A", "MARS", "EME2000", "2017-04-11T22:31:43.121856",
                "2017-04-11T23:31:43.121856", iss.subList(0, 3));
        String text = HEADER + "\n" + mars + "\n" + good;
        ParseResult<ParsedOrbit> result = read("mixed.oem", text);
        assertThat(result.items()).extracting(ParsedOrbit::internationalDesignator)
                .containsExactly(Optional.of("1998-067A"));
        assertThat(result.items().get(0).line()).isEqualTo(text.lines().toList().lastIndexOf("META_START") + 1);
        assertThat(result.errors()).hasSize(1);
        InputError error = result.errors().get(0);
        assertThat(error.field()).isEqualTo("CENTER_NAME");
        // the line in the file, though the object was re-read alone
        assertThat(error.line()).contains(text.lines().toList().indexOf("CENTER_NAME = MARS") + 1);
    }

    // ---------------------------------------------------------------- errors name file, line, keyword, reason

    private static final String ISS = TestFiles.text(DIR + "ISS.resampled.truncated.txt");

    @Test
    void unknownReferenceFrameIsNamed() {
        InputError error = singleError(read("f.oem", ISS.replace("= EME2000", "= FOO2000")));
        assertThat(error.file()).isEqualTo("f.oem");
        assertThat(error.field()).isEqualTo("REF_FRAME");
        assertThat(error.line()).contains(9);
        assertThat(error.reason()).contains("'FOO2000'");
    }

    @Test
    void marsInertialFrameIsRefusedForAnEarthCentre() {
        InputError error = singleError(read("f.oem", ISS.replace("= EME2000", "= MCI")));
        assertThat(error.field()).isEqualTo("REF_FRAME");
        assertThat(error.line()).contains(9);
    }

    @Test
    void badNumberInADataLineIsPlaced() {
        InputError error = singleError(read("n.oem", ISS.replace(" 5021.218457183220 ", " 5021.2x8457183220 ")));
        assertThat(error.line()).contains(41);
        assertThat(error.field()).isEqualTo("ephemeris data line");
        assertThat(error.reason()).contains("5021.2x8457183220");
    }

    @Test
    void missingColumnInADataLineIsPlaced() {
        InputError error = singleError(read("n.oem", ISS.replace(" 5021.218457183220 ", " ")));
        assertThat(error.line()).contains(41);
        assertThat(error.field()).isEqualTo("ephemeris data line");
    }

    @Test
    void impossibleTimeInADataLineIsPlaced() {
        InputError error = singleError(read("d.oem", ISS.replace("2022-01-17T13:00:00.000 ", "2022-01-17T33:00:00.000 ")));
        assertThat(error.line()).contains(41);
        assertThat(error.reason()).contains("33");
    }

    @Test
    void malformedDateKeywordIsNamed() {
        InputError error = singleError(read("s.oem", ISS.replaceFirst("START_TIME +=.*", "START_TIME = yesterday")));
        assertThat(error.field()).isEqualTo("START_TIME");
        assertThat(error.line()).contains(11);
        assertThat(error.reason()).contains("'yesterday'");
    }

    @Test
    void unknownKeywordIsNamed() {
        InputError error = singleError(read("k.oem", ISS.replace("ORIGINATOR     = NASA/JSC/FOD/TOPO",
                "ORIGINATOR = NASA\nFLAVOUR = VANILLA")));
        assertThat(error.field()).isEqualTo("FLAVOUR");
        assertThat(error.line()).contains(4);
    }

    @Test
    void missingMandatoryKeywordIsNamed() {
        InputError error = singleError(read("m.oem", ISS.replaceFirst("OBJECT_ID +=.*\\n", "")));
        assertThat(error.field()).isEqualTo("OBJECT_ID");
        assertThat(error.reason()).contains("missing");
        assertThat(error.line()).contains(14); // META_STOP, where Orekit notices it
    }

    @Test
    void stateInsideTheEarthIsRefused() {
        // OEMExample3.xml moved to the Earth: its Mars orbit lies 3300 km from the centre
        String text = TestFiles.text(DIR + "OEMExample3.xml").replace("MARS BARYCENTER", "EARTH")
                .replace(">J2000<", ">EME2000<");
        InputError error = singleError(read("x.xml", text));
        assertThat(error.line()).contains(30); // the <stateVector> of the first state
        assertThat(error.reason()).contains("inside the Earth");
    }

    @Test
    void badNumberInXmlIsPlaced() {
        String text = TestFiles.text(DIR + "OEMExample3.xml").replace("MARS BARYCENTER", "EARTH")
                .replace("<X>2789.6</X>", "<X>27x89.6</X>");
        InputError error = singleError(read("x.xml", text));
        assertThat(error.field()).isEqualTo("X");
        assertThat(error.line()).contains(32);
        assertThat(error.reason()).contains("27x89.6");
    }

    @Test
    void xmlThatIsNotWellFormedIsPlaced() {
        String text = TestFiles.text(DIR + "OEMExample3.xml").replace("</header>", "</headr>");
        InputError error = singleError(read("x.xml", text));
        assertThat(error.field()).isEqualTo("XML");
        assertThat(error.line()).contains(11);
    }

    @Test
    void xmlDocumentTypeIsRefusedBeforeParsing() {
        String xml = TestFiles.text(DIR + "OEMExample3.xml");
        String declaration = "<!DOCTYPE oem [ <!ENTITY x SYSTEM \"file:///nonexistent/concord-xxe\"> ]>\n";
        String hostile = xml.replaceFirst("\\n", "\n" + declaration).replace("<ORIGINATOR>NASA/JPL",
                "<ORIGINATOR>&x;");
        InputError error = singleError(read("xxe.xml", hostile));
        assertThat(error.field()).isEqualTo("DOCTYPE");
        assertThat(error.line()).contains(2);
        assertThat(error.reason()).contains("refused");
        // lower case, and an entity without a document type, are refused the same way
        assertThat(singleError(read("l.xml", hostile.replace("<!DOCTYPE", "<!doctype"))).field()).isEqualTo("DOCTYPE");
        assertThat(singleError(read("e.xml", xml.replaceFirst("\\n", "\n<!ENTITY y \"yy\">\n"))).field())
                .isEqualTo("ENTITY");
    }

    // ---------------------------------------------------------------- written by Orekit, read back

    @ParameterizedTest
    @EnumSource(value = FileFormat.class)
    void ephemerisWrittenByOrekitReadsBackToTheSameStates(FileFormat fileFormat) throws IOException {
        EarthCentredContext context = EarthCentredContext.get();
        Frame eme2000 = context.getFrames().getEME2000();
        AbsoluteDate t0 = new AbsoluteDate(2024, 3, 1, 0, 0, 0.0, context.getTimeScales().getUTC());
        double a = 6_778_137.0;
        double e = 0.001;
        KeplerianOrbit orbit = new KeplerianOrbit(a, e, FastMath.toRadians(51.6), FastMath.toRadians(30),
                FastMath.toRadians(40), FastMath.toRadians(10), PositionAngleType.MEAN, eme2000, t0,
                Constants.IERS2010_EARTH_MU);
        KeplerianPropagator propagator = new KeplerianPropagator(orbit);
        List<SpacecraftState> states = new ArrayList<>();
        for (int k = 0; k <= 60; k++) {
            states.add(propagator.propagate(t0.shiftedBy(60.0 * k)));
        }
        CelestialBody earth = context.getCelestialBodies().getEarth();
        OrekitEphemerisFile ephemeris = new OrekitEphemerisFile();
        ephemeris.addSatellite("2024-042B").addNewSegment(states, earth, 5);
        OemMetadata template = new OemMetadata(5);
        template.setObjectName("CONCORD TESTSAT");
        template.setObjectID("2024-042B");
        template.setCenter(new BodyFacade("EARTH", earth));
        template.setReferenceFrame(FrameFacade.map(eme2000));
        template.setTimeSystem(TimeSystem.UTC);
        template.setInterpolationMethod(InterpolationMethod.LAGRANGE);
        OdmHeader header = new OdmHeader();
        header.setOriginator("CONCORD");
        header.setCreationDate(t0);
        StringWriter out = new StringWriter();
        new EphemerisOemWriter(new WriterBuilder(context).buildOemWriter(), header, template, fileFormat,
                "written", Constants.JULIAN_DAY, 0).write(out, ephemeris);
        String text = out.toString();

        ParsedOrbit read = single(read("written", text));
        assertThat(read.format()).isEqualTo(fileFormat == FileFormat.XML ? SourceFormat.OEM_XML : SourceFormat.OEM_KVN);
        assertThat(read.internationalDesignator()).contains("2024-042B");
        assertThat(read.objectName()).isEqualTo("CONCORD TESTSAT");
        assertThat(read.epoch()).isEqualTo(t("2024-03-01T00:00:00Z"));
        assertThat(read.coverage()).contains(new TimeSpan(t("2024-03-01T00:00:00Z"), t("2024-03-01T01:00:00Z")));
        assertThat(read.hasCovariance()).isFalse();
        assertThat(read.summary().perigeeAltitudeKm()).isCloseTo(a * (1 - e) / 1000 - 6378.137, within(1e-3));
        assertThat(read.summary().apogeeAltitudeKm()).isCloseTo(a * (1 + e) / 1000 - 6378.137, within(1e-3));
        assertThat(read.summary().eccentricity()).isCloseTo(e, within(1e-7)); // TOD turns slowly (precession)
        assertThat(read.summary().periodMinutes()).isCloseTo(orbit.getKeplerianPeriod() / 60, within(1e-6));
        assertThat(read.summary().inclinationDeg()).isCloseTo(51.6, within(0.5)); // true equator of 2024

        // the stored content holds the very states that were written
        Oem back = new ParserBuilder(context).buildOemParser().parse(CcsdsOrbitMessages.source("back",
                read.content()));
        List<TimeStampedPVCoordinates> pv = back.getSegments().get(0).getCoordinates();
        assertThat(pv).hasSize(states.size());
        for (int k = 0; k < states.size(); k++) {
            TimeStampedPVCoordinates expected = states.get(k).getPVCoordinates();
            assertThat(pv.get(k).getDate().durationFrom(expected.getDate())).isCloseTo(0.0, within(1e-6));
            assertThat(pv.get(k).getPosition().distance(expected.getPosition())).isLessThan(1e-3);
            assertThat(pv.get(k).getVelocity().distance(expected.getVelocity())).isLessThan(1e-6);
        }
    }

    @Test
    void twoObjectsInXmlAreCutApart() {
        String xml = TestFiles.text(DIR + "OEMExample3.xml");
        int start = xml.indexOf("    <segment>");
        int end = xml.indexOf("</segment>") + "</segment>\n".length();
        // Earth-centred, with the positions moved out of the Earth (times 3), and interpolated with degree 3 (the
        // example's 4 states cannot carry its degree 7)
        String earthSegment = Pattern.compile("<(X|Y|Z)>([^<]+)</\\1>")
                .matcher(xml.substring(start, end).replace("MARS BARYCENTER", "EARTH").replace(">J2000<", ">EME2000<")
                        .replace("<INTERPOLATION_DEGREE>7<", "<INTERPOLATION_DEGREE>3<"))
                .replaceAll(m -> "<" + m.group(1) + ">" + Double.parseDouble(m.group(2)) * 3 + "</" + m.group(1) + ">");
        String other = earthSegment.replace("<OBJECT_ID>2000-028A</OBJECT_ID>", "<OBJECT_ID>43000</OBJECT_ID>");
        assertThat(other).isNotEqualTo(earthSegment);
        String text = xml.substring(0, start) + earthSegment + other + xml.substring(end);
        ParseResult<ParsedOrbit> result = read("two.xml", text);
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).extracting(ParsedOrbit::noradId).containsExactly(0L, 43000L);
        assertThat(result.items().get(0).internationalDesignator()).contains("2000-028A");
        assertThat(result.items().get(0).hasCovariance()).isTrue();
        for (ParsedOrbit o : result.items()) {
            assertThat(o.format()).isEqualTo(SourceFormat.OEM_XML);
            assertThat(o.epoch()).isEqualTo(t("1996-12-18T12:00:00.331Z"));
            assertThat(o.coverage()).contains(new TimeSpan(t("1996-12-18T12:10:00.331Z"),
                    t("1996-12-28T21:23:00.331Z")));
            ParsedOrbit alone = single(read("alone.xml", o.content()));
            assertThat(alone.noradId()).isEqualTo(o.noradId());
            assertThat(alone.summary()).isEqualTo(o.summary());
        }
        assertThat(result.items().get(1).line())
                .isEqualTo(text.lines().toList().lastIndexOf("    <segment>") + 1);
    }
}
