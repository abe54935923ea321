package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.concord.catalog.OrbitSummary;
import org.concord.catalog.SourceFormat;
import org.junit.jupiter.api.Test;

class OpmReaderTest {

    private static final String DIR = "ccsds/opm/";
    private static final double MU_KM3 = 398600.4418;
    private static final double RE_KM = 6378.137;

    private static ParseResult<ParsedOrbit> read(String name, String text) {
        SourceFormat format = text.strip().startsWith("<") ? SourceFormat.OPM_XML : SourceFormat.OPM_KVN;
        return OpmReader.read(name, text, format);
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

    /**
     * Perigee and apogee altitude, inclination, computed by hand from a geocentric state (km, km/s) whose z axis is
     * the true pole; {@code omega} is the rotation rate of the axes (rad/s), 0 for an inertial frame.
     */
    private static double[] byHand(double[] r, double[] v, double mu, double omega) {
        double[] vi = {v[0] - omega * r[1], v[1] + omega * r[0], v[2]};
        double rn = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        double v2 = vi[0] * vi[0] + vi[1] * vi[1] + vi[2] * vi[2];
        double a = 1 / (2 / rn - v2 / mu);
        double[] h = {r[1] * vi[2] - r[2] * vi[1], r[2] * vi[0] - r[0] * vi[2], r[0] * vi[1] - r[1] * vi[0]};
        double h2 = h[0] * h[0] + h[1] * h[1] + h[2] * h[2];
        double e = Math.sqrt(1 - h2 / (mu * a));
        return new double[] {a * (1 - e) - RE_KM, a * (1 + e) - RE_KM, Math.toDegrees(Math.acos(h[2] / Math.sqrt(h2)))};
    }

    private static final double[] R = {6503.514, 1239.647, -717.490};
    private static final double[] V = {-0.873160, 8.740420, -4.191076};

    /** What happens to each of Orekit's OPM samples: "accepted", or the keyword and line of the error. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("OPMExample1.txt", "accepted"),
            Map.entry("OPMExample2.txt", "accepted"),
            Map.entry("OPMExample3.txt", "accepted"),
            Map.entry("OPMExample3.xml", "accepted"),
            Map.entry("OPMExample4.txt", "accepted"),
            Map.entry("OPMExample5.txt", "accepted"),
            Map.entry("OPMExample6.txt", "accepted"),
            Map.entry("OPMExample7.txt", "CENTER_NAME@8"),
            Map.entry("OPMExample8.txt", "CENTER_NAME@8"),
            Map.entry("OPMExamplePartialManeuver.txt", "accepted"));

    @Test
    void everySampleFileHasAnExpectedOutcome() throws IOException, URISyntaxException {
        Path dir = Path.of(OpmReaderTest.class.getResource("/" + DIR).toURI());
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
                ParsedOrbit o = result.items().get(0);
                assertThat(o.coverage()).as(file).isEmpty();
                assertThat(o.content()).as(file).isEqualTo(TestFiles.text(DIR + file));
                assertThat(o.line()).isEqualTo(1);
            } else {
                InputError error = singleError(result);
                assertThat(error.field() + "@" + error.line().orElse(0)).as(file + ": " + error).isEqualTo(expected);
            }
        }
    }

    @Test
    void earthFixedStateIsTurnedInertial() {
        ParsedOrbit o = single(sample("OPMExample1.txt"));
        assertThat(o.objectName()).isEqualTo("GODZILLA 5");
        assertThat(o.noradId()).isZero();
        assertThat(o.internationalDesignator()).contains("1998-999A");
        assertThat(o.format()).isEqualTo(SourceFormat.OPM_KVN);
        assertThat(o.epoch()).isEqualTo(Instant.parse("1998-12-18T14:28:15.117200Z"));
        assertThat(o.hasCovariance()).isFalse();
        // ITRF2000: the Earth's rotation adds to the velocity
        double[] expected = byHand(R, V, MU_KM3, 7.292115146706979e-5);
        OrbitSummary s = o.summary();
        assertThat(s.perigeeAltitudeKm()).isCloseTo(expected[0], within(0.01));
        assertThat(s.apogeeAltitudeKm()).isCloseTo(expected[1], within(0.01));
        assertThat(s.inclinationDeg()).isCloseTo(expected[2], within(1e-4));
    }

    @Test
    void trueOfDateStateWithCovariance() {
        ParsedOrbit kvn = single(sample("OPMExample3.txt"));
        ParsedOrbit xml = single(sample("OPMExample3.xml"));
        assertThat(kvn.hasCovariance()).isTrue();
        assertThat(xml.hasCovariance()).isTrue();
        assertThat(kvn.objectName()).isEqualTo("OSPREY 5");
        assertThat(xml.format()).isEqualTo(SourceFormat.OPM_XML);
        // the two samples differ in their epoch year
        assertThat(kvn.epoch()).isEqualTo(Instant.parse("1998-12-18T14:28:15.117200Z"));
        assertThat(xml.epoch()).isEqualTo(Instant.parse("1996-12-18T14:28:15.117200Z"));
        double[] expected = byHand(R, V, MU_KM3, 0);
        for (ParsedOrbit o : List.of(kvn, xml)) {
            assertThat(o.summary().perigeeAltitudeKm()).isCloseTo(expected[0], within(0.01));
            assertThat(o.summary().apogeeAltitudeKm()).isCloseTo(expected[1], within(0.01));
            assertThat(o.summary().inclinationDeg()).isCloseTo(expected[2], within(1e-4));
        }
        assertThat(single(sample("OPMExample4.txt")).hasCovariance()).isTrue();
        assertThat(single(sample("OPMExample6.txt")).hasCovariance()).isTrue();
        assertThat(single(sample("OPMExample2.txt")).hasCovariance()).isFalse();
    }

    @Test
    void summaryAgreesWithTheMessagesOwnKeplerianElements() {
        // OPMExample2: state in TOD plus SEMI_MAJOR_AXIS 41399.5123 km, ECCENTRICITY 0.020842611,
        // INCLINATION 0.117746 deg, GM 398600.4415
        ParsedOrbit o = single(sample("OPMExample2.txt"));
        assertThat(o.internationalDesignator()).contains("2000-028A");
        assertThat(o.epoch()).isEqualTo(Instant.parse("2006-06-03T00:00:00Z"));
        OrbitSummary s = o.summary();
        double a = 41399.5123;
        double e = 0.020842611;
        assertThat(s.eccentricity()).isCloseTo(e, within(1e-6));
        assertThat(s.inclinationDeg()).isCloseTo(0.117746, within(1e-5));
        assertThat(s.perigeeAltitudeKm()).isCloseTo(a * (1 - e) - RE_KM, within(0.05));
        assertThat(s.apogeeAltitudeKm()).isCloseTo(a * (1 + e) - RE_KM, within(0.05));
        assertThat(s.periodMinutes()).isCloseTo(2 * Math.PI * Math.sqrt(a * a * a / 398600.4415) / 60, within(0.01));
    }

    @Test
    void gpsTimeAndGcrf() {
        // OPMExample5: the same numbers as OPMExample2, but in GCRF and GPS time
        ParsedOrbit gcrf = single(sample("OPMExample5.txt"));
        ParsedOrbit tod = single(sample("OPMExample2.txt"));
        assertThat(gcrf.epoch()).isEqualTo(Instant.parse("2006-06-02T23:59:46Z")); // GPS = UTC + 14 s in 2006
        assertThat(gcrf.summary().perigeeAltitudeKm()).isCloseTo(tod.summary().perigeeAltitudeKm(), within(0.01));
        assertThat(gcrf.summary().apogeeAltitudeKm()).isCloseTo(tod.summary().apogeeAltitudeKm(), within(0.01));
        // inclination from the true equator of 2006, not from the GCRF equator (where it is 0.117746)
        assertThat(gcrf.summary().inclinationDeg()).isCloseTo(0.1146, within(0.0005));
    }

    @Test
    void greenwichSiderealTimeSystemIsReadAsOrekitDefinesIt() {
        // OPMExample6: TIME_SYSTEM = GMST, EPOCH = 1998-12-18T14:28:15.1172 (Orekit's GMST time scale)
        ParsedOrbit o = single(sample("OPMExample6.txt"));
        assertThat(o.epoch()).isBetween(Instant.parse("1998-12-18T08:41:11.714Z"),
                Instant.parse("1998-12-18T08:41:11.715Z"));
        assertThat(o.internationalDesignator()).contains("1998-057A");
    }

    @Test
    void manoeuvresWithMissingOptionalFieldsAreAccepted() {
        ParsedOrbit o = single(sample("OPMExamplePartialManeuver.txt"));
        assertThat(o.objectName()).isEqualTo("TEST-SAT");
        assertThat(o.internationalDesignator()).contains("2000-001A");
        assertThat(o.summary().inclinationDeg()).isCloseTo(0.117746, within(1e-5));
    }

    @Test
    void nonEarthCentresAreRefused() {
        InputError mars = singleError(sample("OPMExample7.txt"));
        assertThat(mars.field()).isEqualTo("CENTER_NAME");
        assertThat(mars.reason()).contains("'MARS'");
        InputError ssb = singleError(sample("OPMExample8.txt"));
        assertThat(ssb.reason()).contains("'SSB'");
        assertThat(ssb.file()).isEqualTo("OPMExample8.txt");
    }

    // ---------------------------------------------------------------- errors

    private static final String OPM1 = TestFiles.text(DIR + "OPMExample1.txt");

    @Test
    void catalogNumberObjectId() {
        ParsedOrbit o = single(read("n.opm", OPM1.replace("= 1998-999A", "= 25544")));
        assertThat(o.noradId()).isEqualTo(25544);
        assertThat(o.internationalDesignator()).isEmpty();
    }

    @Test
    void badNumberIsPlaced() {
        InputError error = singleError(read("x.opm", OPM1.replace("6503.514000", "abc")));
        assertThat(error.file()).isEqualTo("x.opm");
        assertThat(error.line()).contains(13);
        assertThat(error.field()).isEqualTo("X");
        assertThat(error.reason()).contains("abc");
    }

    @Test
    void missingStateComponentIsNamed() {
        InputError error = singleError(read("y.opm", OPM1.replaceFirst("Y =.*\\n", "")));
        assertThat(error.field()).contains("Y");
        assertThat(error.reason()).contains("missing");
    }

    @Test
    void unknownFrameIsNamed() {
        InputError error = singleError(read("f.opm", OPM1.replace("ITRF2000", "WGS72-ISH")));
        assertThat(error.field()).isEqualTo("REF_FRAME");
        assertThat(error.line()).contains(9);
        assertThat(error.reason()).contains("'WGS72-ISH'");
    }

    @Test
    void escapeAndBuriedStatesAreRefused() {
        InputError escape = singleError(read("e.opm", OPM1.replace("REF_FRAME      = ITRF2000",
                "REF_FRAME = EME2000").replace("8.740420", "12.0")));
        assertThat(escape.field()).isEqualTo("state vector");
        assertThat(escape.line()).contains(12); // EPOCH
        assertThat(escape.reason()).contains("not a closed orbit");
        InputError buried = singleError(read("b.opm", OPM1.replace("6503.514000", "10.0")));
        assertThat(buried.reason()).contains("inside the Earth");
    }

    @Test
    void xmlDocumentTypeIsRefused() {
        String xml = TestFiles.text(DIR + "OPMExample3.xml");
        InputError error = singleError(read("x.xml", xml.replaceFirst("\\n",
                "\n<!DOCTYPE opm SYSTEM \"http://example.invalid/opm.dtd\">\n")));
        assertThat(error.field()).isEqualTo("DOCTYPE");
        assertThat(error.line()).contains(2);
    }
}
