package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.concord.catalog.SourceFormat;
import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;

/** The CelesTrak / Space-Track JSON and CSV layouts, against their real files. */
class OmmReaderJsonCsvTest {

    private static final String CATALOG = "catalog/celestrak_on_orbit_omm_2024-11-01_26834obj.csv";

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    private static TLE tleOf(ParsedOrbit orbit) {
        return OmmReader.toTle(orbit.format(), orbit.content());
    }

    @Test
    void readsTheCsvSample() {
        String text = TestResources.text("ccsds/omm_sample_python-sgp4.csv");
        ParseResult<ParsedOrbit> result = OmmReader.readCsv("vanguard.csv", text);

        assertThat(result.errors()).isEmpty();
        ParsedOrbit vanguard = result.items().get(0);
        assertThat(vanguard.noradId()).isEqualTo(5);
        assertThat(vanguard.objectName()).isEqualTo("VANGUARD 1");
        assertThat(vanguard.internationalDesignator()).contains("1958-002B");
        assertThat(vanguard.epoch()).isEqualTo(Instant.parse("2020-10-13T04:52:48.472320Z"));
        assertThat(vanguard.format()).isEqualTo(SourceFormat.OMM_CSV);
        assertThat(vanguard.line()).isEqualTo(2);
        assertThat(vanguard.hasCovariance()).isFalse();
        // header line + the record's row: self-contained
        assertThat(vanguard.content()).isEqualTo(text.stripTrailing());
        assertThat(tleOf(vanguard).getLine1()).isEqualTo(OmmReaderCcsdsTest.VANGUARD_LINE1);
        assertThat(tleOf(vanguard).getLine2()).isEqualTo(OmmReaderCcsdsTest.VANGUARD_LINE2);
    }

    @Test
    void readsTheJsonSample() {
        String text = TestResources.text("ccsds/omm_sample_python-sgp4.json");
        ParseResult<ParsedOrbit> result = OmmReader.readJson("vanguard.json", text);

        assertThat(result.errors()).isEmpty();
        ParsedOrbit vanguard = result.items().get(0);
        assertThat(vanguard.noradId()).isEqualTo(5);
        assertThat(vanguard.internationalDesignator()).contains("1958-002B");
        // this sample is of another date than the CSV and XML ones
        assertThat(vanguard.epoch()).isEqualTo(Instant.parse("2025-02-14T14:36:48.662784Z"));
        assertThat(vanguard.line()).isEqualTo(1);
        assertThat(vanguard.content()).startsWith("{\"OBJECT_NAME\":\"VANGUARD 1\",\"OBJECT_ID\":\"1958-002B\",")
                .contains("\"MEAN_MOTION_DOT\":0.00000264");
        TLE tle = tleOf(vanguard);
        assertThat(tle.getLine1()).startsWith("1 00005U 58002B   25045.60889656  .00000264  00000-0  35436-3 0  999");
        assertThat(tle.getLine2()).startsWith("2 00005  34.2493  19.2327 1841322 100.1057 281.1229 10.85873516390271");
        assertThat(TLE.isFormatOK(tle.getLine1(), tle.getLine2())).isTrue();
    }

    @Test
    void theThreeLayoutsOfTheSameElementsGiveTheSameTle() {
        String csv = TestResources.text("ccsds/omm_sample_python-sgp4.csv");
        // the JSON sample is of another epoch: the same CSV row as Space-Track JSON (strings, extra keys)
        List<String> lines = csv.lines().toList();
        String[] keys = lines.get(0).split(",");
        String[] values = lines.get(1).split(",");
        List<String> members = new ArrayList<>(List.of("\"CCSDS_OMM_VERS\":\"2.0\"", "\"CREATOR\":\"18 SPCS\"",
                "\"CENTER_NAME\":\"EARTH\"", "\"REF_FRAME\":\"TEME\"", "\"TIME_SYSTEM\":\"UTC\"",
                "\"MEAN_ELEMENT_THEORY\":\"SGP4\"", "\"SEMIMAJOR_AXIS\":\"8620.012\"", "\"DECAY_DATE\":null",
                "\"TLE_LINE1\":\"" + OmmReaderCcsdsTest.VANGUARD_LINE1 + "\""));
        for (int k = 0; k < keys.length; k++) {
            members.add("\"" + keys[k] + "\":\"" + values[k] + "\"");
        }
        String json = "[{" + String.join(",", members) + "}]";

        TLE fromCsv = tleOf(OmmReader.readCsv("v.csv", csv).items().get(0));
        ParseResult<ParsedOrbit> jsonResult = OmmReader.readJson("v.json", json);
        assertThat(jsonResult.errors()).isEmpty();
        TLE fromJson = tleOf(jsonResult.items().get(0));
        TLE fromXml = tleOf(OmmReader.readCcsds("v.xml", TestResources.text("ccsds/omm_sample_python-sgp4.xml"),
                SourceFormat.OMM_XML).items().get(0));

        for (TLE tle : List.of(fromCsv, fromJson, fromXml)) {
            assertThat(tle.getLine1()).isEqualTo(OmmReaderCcsdsTest.VANGUARD_LINE1);
            assertThat(tle.getLine2()).isEqualTo(OmmReaderCcsdsTest.VANGUARD_LINE2);
        }
    }

    @Test
    void readsTheWholeCelestrakCatalogWithoutError() {
        ParseResult<ParsedOrbit> result = OmmReader.readCsv(CATALOG, TestResources.text(CATALOG));

        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(26_834);
        Set<Long> ids = new HashSet<>();
        result.items().forEach(o -> ids.add(o.noradId()));
        assertThat(ids).hasSize(26_834);

        // line 3 of the file: VANGUARD 2,1959-001A,2024-10-31T07:15:45.666432,11.88861557,.1454801,32.8756,
        // 170.5612,280.5426,63.4993,0,U,11,999,46471,.10428E-2,.2025E-4,0
        ParsedOrbit vanguard2 = result.items().get(1);
        assertThat(vanguard2.line()).isEqualTo(3);
        assertThat(vanguard2.noradId()).isEqualTo(11);
        assertThat(vanguard2.objectName()).isEqualTo("VANGUARD 2");
        assertThat(vanguard2.internationalDesignator()).contains("1959-001A");
        assertThat(vanguard2.epoch()).isEqualTo(Instant.parse("2024-10-31T07:15:45.666432Z"));
        assertThat(vanguard2.summary().eccentricity()).isEqualTo(0.1454801);
        assertThat(vanguard2.summary().inclinationDeg()).isCloseTo(32.8756, within(1e-12));
        assertThat(vanguard2.summary().periodMinutes()).isCloseTo(1440.0 / 11.88861557, within(1e-9));
        TLE tle = tleOf(vanguard2);
        assertThat(tle.getLine1()).startsWith("1 00011U 59001A   24305.30261188  .00002025  00000-0  10428-2 0  999");
        assertThat(tle.getLine2()).startsWith("2 00011  32.8756 170.5612 1454801 280.5426  63.4993 11.88861557");
        assertThat(TLE.isFormatOK(tle.getLine1(), tle.getLine2())).isTrue();

        // last line: an analyst object beyond 99999, without designator
        ParsedOrbit analyst = result.items().get(result.items().size() - 1);
        assertThat(analyst.line()).isEqualTo(26_835);
        assertThat(analyst.noradId()).isEqualTo(270_387);
        assertThat(analyst.objectName()).isEqualTo("UNKNOWN");
        assertThat(analyst.internationalDesignator()).isEmpty();
        assertThat(tleOf(analyst).getSatelliteNumber()).isEqualTo(270_387);
    }
}
