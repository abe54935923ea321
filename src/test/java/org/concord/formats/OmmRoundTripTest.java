package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.concord.catalog.SourceFormat;
import org.concord.orbit.OrekitSetup;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * Read, write, read again: the elements come back equal. Compared: catalog number, name, designator,
 * classification, ephemeris type, element set and revolution numbers (exactly); epoch, mean motion, eccentricity,
 * inclination, RAAN, argument of pericenter, mean anomaly, BSTAR, MEAN_MOTION_DOT and MEAN_MOTION_DDOT (within the
 * precision the written layout keeps, below).
 */
class OmmRoundTripTest {

    /**
     * How close a value read back must be. KVN and XML are written by Orekit with the shortest decimal that reads
     * back to the same double, so only the unit conversions (rev/day to rad/s and back, degrees to radians and back)
     * remain: a few ulps. JSON and CSV are written at the TLE's precision, so a value may move by half a unit of its
     * last written digit: 8 decimals of rev/day, 7 of eccentricity, 4 of degrees, 5 significant digits of BSTAR and
     * MEAN_MOTION_DDOT, 8 decimals of MEAN_MOTION_DOT, the epoch to the microsecond.
     */
    record Tolerance(Duration epoch, double meanMotion, double eccentricity, double degrees, double relativeBstar,
                     double meanMotionDot, double relativeDdot) {
        static final Tolerance FULL = new Tolerance(Duration.ofNanos(1), 1e-12, 1e-15, 1e-11, 1e-12, 1e-18, 1e-12);
        static final Tolerance TLE_PRECISION = new Tolerance(Duration.ofNanos(500), 5e-9, 5e-8, 5e-5, 5e-5, 5e-9, 5e-5);
    }

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    private static ParsedOrbit single(ParseResult<ParsedOrbit> result) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(1);
        return result.items().get(0);
    }

    private static ParseResult<ParsedOrbit> read(SourceFormat format, String text) {
        return switch (format) {
            case OMM_KVN, OMM_XML -> OmmReader.readCcsds("written", text, format);
            case OMM_JSON -> OmmReader.readJson("written", text);
            case OMM_CSV -> OmmReader.readCsv("written", text);
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    private static String write(SourceFormat format, TLE tle, String name, Optional<String> designator) {
        return switch (format) {
            case OMM_KVN -> OmmWriter.writeKvn(tle, name, designator);
            case OMM_XML -> OmmWriter.writeXml(tle, name, designator);
            case OMM_JSON -> OmmWriter.writeJson(tle, name, designator);
            case OMM_CSV -> OmmWriter.writeCsv(tle, name, designator);
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    /** Reads a record, writes its TLE in the same layout, reads that, and compares. */
    private static void roundTrip(ParsedOrbit first, Tolerance tolerance) {
        TLE tle = OmmReader.toTle(first.format(), first.content());
        String written = write(first.format(), tle, first.objectName(), first.internationalDesignator());
        ParsedOrbit second = single(read(first.format(), written));
        assertSameElements(first, second, tolerance);
    }

    static void assertSameElements(ParsedOrbit first, ParsedOrbit second, Tolerance tolerance) {
        assertThat(second.noradId()).isEqualTo(first.noradId());
        assertThat(second.objectName()).isEqualTo(first.objectName());
        assertThat(second.internationalDesignator()).isEqualTo(first.internationalDesignator());
        assertThat(Duration.between(first.epoch(), second.epoch()).abs()).isLessThanOrEqualTo(tolerance.epoch());
        TLE a = OmmReader.toTle(first.format(), first.content());
        TLE b = OmmReader.toTle(second.format(), second.content());
        assertThat(b.getClassification()).isEqualTo(a.getClassification());
        assertThat(b.getEphemerisType()).isEqualTo(a.getEphemerisType());
        assertThat(b.getElementNumber()).isEqualTo(a.getElementNumber());
        assertThat(b.getRevolutionNumberAtEpoch()).isEqualTo(a.getRevolutionNumberAtEpoch());
        assertThat(revPerDay(b)).isCloseTo(revPerDay(a), within(tolerance.meanMotion()));
        assertThat(b.getE()).isCloseTo(a.getE(), within(tolerance.eccentricity()));
        assertThat(FastMath.toDegrees(b.getI())).isCloseTo(FastMath.toDegrees(a.getI()), within(tolerance.degrees()));
        assertThat(FastMath.toDegrees(b.getRaan())).isCloseTo(FastMath.toDegrees(a.getRaan()),
                within(tolerance.degrees()));
        assertThat(FastMath.toDegrees(b.getPerigeeArgument())).isCloseTo(FastMath.toDegrees(a.getPerigeeArgument()),
                within(tolerance.degrees()));
        assertThat(FastMath.toDegrees(b.getMeanAnomaly())).isCloseTo(FastMath.toDegrees(a.getMeanAnomaly()),
                within(tolerance.degrees()));
        assertThat(b.getBStar()).isCloseTo(a.getBStar(), within(Math.abs(a.getBStar()) * tolerance.relativeBstar()));
        assertThat(b.getMeanMotionFirstDerivative() / OmmFields.NDOT_TO_SI).isCloseTo(
                a.getMeanMotionFirstDerivative() / OmmFields.NDOT_TO_SI, within(tolerance.meanMotionDot()));
        double ddot = a.getMeanMotionSecondDerivative() / OmmFields.NDDOT_TO_SI;
        assertThat(b.getMeanMotionSecondDerivative() / OmmFields.NDDOT_TO_SI).isCloseTo(ddot,
                within(Math.abs(ddot) * tolerance.relativeDdot()));
    }

    private static double revPerDay(TLE tle) {
        return tle.getMeanMotion() * 43200.0 / FastMath.PI;
    }

    @Test
    void kvnReadWriteRead() {
        for (String resource : List.of("ccsds/omm/OMMExample1.txt", "ccsds/omm/OMMExample4.txt")) {
            ParsedOrbit first = single(OmmReader.readCcsds(resource, TestResources.text(resource),
                    SourceFormat.OMM_KVN));
            roundTrip(first, Tolerance.FULL);
        }
    }

    @Test
    void xmlReadWriteRead() {
        for (String resource : List.of("ccsds/omm_sample_python-sgp4.xml", "ccsds/omm/OMMExample4.xml")) {
            ParsedOrbit first = single(OmmReader.readCcsds(resource, TestResources.text(resource),
                    SourceFormat.OMM_XML));
            roundTrip(first, Tolerance.FULL);
        }
    }

    @Test
    void jsonReadWriteRead() {
        ParsedOrbit first = single(OmmReader.readJson("vanguard.json",
                TestResources.text("ccsds/omm_sample_python-sgp4.json")));
        roundTrip(first, Tolerance.TLE_PRECISION);
        // the values of this sample are at the TLE's precision: written back, they are the same text
        TLE tle = OmmReader.toTle(first.format(), first.content());
        assertThat(OmmWriter.writeJson(tle, first.objectName(), first.internationalDesignator()))
                .contains("\"EPOCH\":\"2025-02-14T14:36:48.662784\"", "\"MEAN_MOTION\":10.85873516",
                        "\"ECCENTRICITY\":0.1841322", "\"BSTAR\":0.00035436", "\"MEAN_MOTION_DOT\":0.00000264");
    }

    @Test
    void csvReadWriteReadOverACatalogSlice() {
        String catalog = TestResources.text("catalog/celestrak_on_orbit_omm_2024-11-01_26834obj.csv");
        List<String> lines = catalog.lines().toList();
        // the first 300 objects and the last 300 (analyst objects, 8-digit eccentricities and BSTARs)
        List<String> slice = new ArrayList<>(lines.subList(0, 301));
        slice.addAll(lines.subList(lines.size() - 300, lines.size()));
        List<ParsedOrbit> firsts = OmmReader.readCsv("slice.csv", String.join("\n", slice)).items();
        assertThat(firsts).hasSize(600);

        List<OmmWriter.Entry> entries = firsts.stream().map(o -> new OmmWriter.Entry(
                OmmReader.toTle(o.format(), o.content()), o.objectName(), o.internationalDesignator())).toList();
        ParseResult<ParsedOrbit> again = OmmReader.readCsv("written.csv", OmmWriter.writeCsv(entries));

        assertThat(again.errors()).isEmpty();
        assertThat(again.items()).hasSize(600);
        for (int k = 0; k < firsts.size(); k++) {
            // an 8-digit eccentricity or BSTAR of the source (analyst objects) is within TLE_PRECISION of its TLE
            assertSameElements(firsts.get(k), again.items().get(k), Tolerance.TLE_PRECISION);
        }
    }

    @Test
    void catalogSliceAsOneKvnFileAndAsOneNdmKeepsFileLinesDeepInside() {
        String catalog = TestResources.text("catalog/celestrak_on_orbit_omm_2024-11-01_26834obj.csv");
        List<ParsedOrbit> orbits = OmmReader.readCsv("c.csv", String.join("\n", catalog.lines().limit(801).toList()))
                .items();
        StringBuilder kvn = new StringBuilder();
        StringBuilder ndm = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ndm>\n");
        List<Integer> kvnLines = new ArrayList<>();
        List<Integer> ndmLines = new ArrayList<>();
        int kvnCount = 0;
        int ndmCount = 2;
        for (ParsedOrbit o : orbits) {
            TLE tle = OmmReader.toTle(o.format(), o.content());
            String message = OmmWriter.writeKvn(tle, o.objectName(), o.internationalDesignator());
            kvnLines.add(kvnCount + 1);
            kvnCount += (int) message.lines().count();
            kvn.append(message);
            String xml = OmmWriter.writeXml(tle, o.objectName(), o.internationalDesignator());
            String omm = xml.substring(xml.indexOf("<omm")) + "\n";
            ndmLines.add(ndmCount + 1);
            ndmCount += (int) omm.lines().count();
            ndm.append(omm);
        }
        ndm.append("</ndm>\n");
        // one bad value in the 700th message of each
        int badKvn = kvnLines.get(699) + 12;
        List<String> kvnText = new ArrayList<>(kvn.toString().lines().toList());
        assertThat(kvnText.get(badKvn - 1)).startsWith("ECCENTRICITY");
        kvnText.set(badKvn - 1, "ECCENTRICITY = 7");
        String ndmText = ndm.toString();
        int at = ndmText.indexOf("<ECCENTRICITY>", ndmText.indexOf("<omm", ndmText.indexOf("<NORAD_CAT_ID>"
                + orbits.get(698).noradId() + "<")));
        ndmText = ndmText.substring(0, at) + "<ECCENTRICITY>7</ECCENTRICITY>"
                + ndmText.substring(ndmText.indexOf("</ECCENTRICITY>", at) + "</ECCENTRICITY>".length());

        ParseResult<ParsedOrbit> fromKvn = OmmReader.readCcsds("c.txt", String.join("\n", kvnText),
                SourceFormat.OMM_KVN);
        ParseResult<ParsedOrbit> fromNdm = OmmReader.readCcsds("c.xml", ndmText, SourceFormat.OMM_XML);

        assertThat(fromKvn.items()).hasSize(799);
        assertThat(fromKvn.items()).extracting(ParsedOrbit::line).startsWith(kvnLines.get(0), kvnLines.get(1))
                .endsWith(kvnLines.get(799));
        assertThat(fromKvn.errors()).extracting(InputError::field, e -> e.line().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ECCENTRICITY", badKvn));
        assertThat(fromNdm.items()).hasSize(799);
        assertThat(fromNdm.items()).extracting(ParsedOrbit::line).endsWith(ndmLines.get(799));
        assertThat(fromNdm.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("ECCENTRICITY");
            assertThat(e.path()).contains("/ndm/omm[700]/body/segment/data/meanElements/ECCENTRICITY");
            assertThat(e.line()).contains(ndmLines.get(699) + 20);
        });
        for (int k = 0; k < 799; k++) {
            int source = k < 699 ? k : k + 1;
            assertThat(fromKvn.items().get(k).noradId()).isEqualTo(orbits.get(source).noradId());
            assertThat(fromNdm.items().get(k).epoch()).isEqualTo(orbits.get(source).epoch());
        }
    }

    @Test
    void jsonArrayOfSeveralEntries() {
        TLE vanguard = new TLE(OmmReaderCcsdsTest.VANGUARD_LINE1, OmmReaderCcsdsTest.VANGUARD_LINE2);
        TLE iss = new TLE(TleLines.ISS_LINE1, TleLines.ISS_LINE2);
        String json = OmmWriter.writeJson(List.of(new OmmWriter.Entry(vanguard, "VANGUARD 1", Optional.of("1958-002B")),
                new OmmWriter.Entry(iss, "ISS (ZARYA)", Optional.of("1998-067A"))));

        ParseResult<ParsedOrbit> result = OmmReader.readJson("two.json", json);

        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).extracting(ParsedOrbit::noradId, ParsedOrbit::objectName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "VANGUARD 1"),
                        org.assertj.core.groups.Tuple.tuple(25544L, "ISS (ZARYA)"));
        assertThat(result.items().get(1).epoch()).isEqualTo(Instant.parse("2008-09-20T12:25:40.104192Z"));
    }
}
