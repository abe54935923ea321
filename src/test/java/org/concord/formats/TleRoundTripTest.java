package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.concord.catalog.SourceFormat;
import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;

/** TLE lines through toTle, and through every OMM layout and back to TLE text: the same lines. */
class TleRoundTripTest {

    private static final List<SourceFormat> OMM_LAYOUTS = List.of(SourceFormat.OMM_KVN, SourceFormat.OMM_XML,
            SourceFormat.OMM_JSON, SourceFormat.OMM_CSV);

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    private static List<String[]> corpus() {
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {TleLines.ISS_LINE1, TleLines.ISS_LINE2});
        pairs.add(new String[] {OmmReaderCcsdsTest.VANGUARD_LINE1, OmmReaderCcsdsTest.VANGUARD_LINE2});
        pairs.addAll(TleLines.pairs("catalog/spot-5_tle_series_orekit.tle"));
        // the Vallado verification set: deep space, high eccentricity, negative ndot and B*, Alpha-5 objects ...
        for (String[] pair : TleLines.pairs("sgp4/SGP4-VER.TLE")) {
            if (TleReader.read("SGP4-VER.TLE", pair[0] + "\n" + pair[1]).errors().isEmpty()) {
                pairs.add(pair);
            }
        }
        return pairs;
    }

    /**
     * Line 1 as a TLE writer writes the same values: some of SGP4-VER write a zero exponent field "00000+0" (written
     * "00000-0") or leave the ephemeris type blank (which means 0).
     */
    private static String canonical(String line1) {
        String type = line1.charAt(62) == ' ' ? "0" : line1.substring(62, 63);
        String same = line1.substring(0, 44) + line1.substring(44, 61).replace("00000+0", "00000-0")
                + line1.substring(61, 62) + type + line1.substring(63, 68);
        return same + TleReader.checksumOf(same + "0");
    }

    private static String designatorOf(TLE tle) {
        return String.format("%04d-%03d%s", tle.getLaunchYear(), tle.getLaunchNumber(), tle.getLaunchPiece().strip());
    }

    @Test
    void toTleOfTleLinesGivesTheSameLines() {
        for (String[] pair : corpus()) {
            TLE tle = OmmReader.toTle(SourceFormat.TLE, "0 SOME NAME\n" + pair[0] + "\n" + pair[1] + "\n");
            assertThat(tle.getLine1()).isEqualTo(pair[0]);
            assertThat(tle.getLine2()).isEqualTo(pair[1]);
        }
    }

    @Test
    void tleThroughEveryOmmLayoutComesBackAsTheSameLines() {
        List<String[]> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThan(250 + 20);
        for (String[] pair : corpus) {
            TLE tle = new TLE(pair[0], pair[1]);
            Optional<String> designator = pair[0].substring(9, 17).isBlank() ? Optional.empty()
                    : Optional.of(designatorOf(tle));
            for (SourceFormat layout : OMM_LAYOUTS) {
                String written = switch (layout) {
                    case OMM_KVN -> OmmWriter.writeKvn(tle, "OBJECT", designator);
                    case OMM_XML -> OmmWriter.writeXml(tle, "OBJECT", designator);
                    case OMM_JSON -> OmmWriter.writeJson(tle, "OBJECT", designator);
                    default -> OmmWriter.writeCsv(tle, "OBJECT", designator);
                };
                TLE back = OmmReader.toTle(layout, written);
                assertThat(TleWriter.write(back, Optional.empty())).as(layout + " of " + pair[0])
                        .isEqualTo(canonical(pair[0]) + "\n" + pair[1] + "\n");
            }
        }
    }

    @Test
    void tleWriterWritesTheNameLine() {
        TLE iss = new TLE(TleLines.ISS_LINE1, TleLines.ISS_LINE2);
        assertThat(TleWriter.write(iss, Optional.of("ISS (ZARYA)")))
                .isEqualTo("0 ISS (ZARYA)\n" + TleLines.ISS_LINE1 + "\n" + TleLines.ISS_LINE2 + "\n");
        assertThat(TleWriter.write(iss, Optional.of("  "))).doesNotStartWith("0");
    }

    @Test
    void catalogNumbersBeyondAlpha5CannotBeWrittenAsTle() {
        String csv = TestResources.text("ccsds/omm_sample_python-sgp4.csv");
        TLE alpha5 = OmmReader.toTle(SourceFormat.OMM_CSV, csv.replace(",5,999,", ",270387,999,"));
        assertThat(TleWriter.write(alpha5, Optional.empty())).startsWith("1 T0387U 58002B   20287.20333880")
                .contains("\n2 T0387  34.2443");
        TLE last = OmmReader.toTle(SourceFormat.OMM_CSV, csv.replace(",5,999,", ",339999,999,"));
        assertThat(TleWriter.write(last, Optional.empty())).startsWith("1 Z9999U");

        TLE beyond = OmmReader.toTle(SourceFormat.OMM_CSV, csv.replace(",5,999,", ",340000,999,"));
        assertThatThrownBy(() -> TleWriter.write(beyond, Optional.of("VANGUARD 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("340000").hasMessageContaining("339999").hasMessageContaining("OMM");

        // the OMM layouts hold any catalog number up to 999,999,999
        TLE big = OmmReader.toTle(SourceFormat.OMM_CSV, csv.replace(",5,999,", ",999999999,999,"));
        for (SourceFormat layout : OMM_LAYOUTS) {
            String written = switch (layout) {
                case OMM_KVN -> OmmWriter.writeKvn(big, "BIG", Optional.empty());
                case OMM_XML -> OmmWriter.writeXml(big, "BIG", Optional.empty());
                case OMM_JSON -> OmmWriter.writeJson(big, "BIG", Optional.empty());
                default -> OmmWriter.writeCsv(big, "BIG", Optional.empty());
            };
            assertThat(OmmReader.toTle(layout, written).getSatelliteNumber()).as(layout.name()).isEqualTo(999_999_999);
        }
    }

    @Test
    void tooWideRevolutionAndElementNumbersWrapAsThe18thSdsDoes() {
        String csv = TestResources.text("ccsds/omm_sample_python-sgp4.csv");
        TLE wide = OmmReader.toTle(SourceFormat.OMM_CSV, csv.replace(",5,999,21814,", ",5,9999,121814,"));
        String text = TleWriter.write(wide, Optional.empty());
        List<String> lines = text.lines().toList();

        assertThat(lines.get(0)).endsWith(" 9999" + TleReader.checksumOf(lines.get(0)));
        assertThat(lines.get(1)).isEqualTo(OmmReaderCcsdsTest.VANGUARD_LINE2.substring(0, 63) + "21814"
                + TleReader.checksumOf(lines.get(1)));
        assertThat(TLE.isFormatOK(lines.get(0), lines.get(1))).isTrue();
    }

    @Test
    void anObjectWithoutDesignatorGetsBlankDesignatorColumns() {
        String csv = TestResources.text("ccsds/omm_sample_python-sgp4.csv").replace("1958-002B", "");
        TLE tle = OmmReader.toTle(SourceFormat.OMM_CSV, csv);
        List<String> lines = TleWriter.write(tle, Optional.empty()).lines().toList();

        assertThat(lines.get(0).substring(9, 17)).isBlank();
        assertThat(TLE.isFormatOK(lines.get(0), lines.get(1))).isTrue();
        assertThat(TleReader.read("blank.tle", String.join("\n", lines)).items()).singleElement()
                .satisfies(o -> assertThat(o.internationalDesignator()).isEmpty());
    }
}
