package org.concord.orbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SourceFormat;
import org.concord.formats.CcsdsSchemas;
import org.junit.jupiter.api.Test;
import org.orekit.data.DataSource;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.utils.TimeStampedPVCoordinates;

class EphemerisFormatTest {

    private static final Instant T0 = Instant.parse("2024-07-05T12:00:00Z");
    private static final OrbitRecord ISS = OrbitRecords.record(SourceFormat.TLE, 25544, "ISS (ZARYA)", "1998-067A",
            OrbitRecords.ISS_TLE);

    private final PropagationService service = new PropagationService();

    private Ephemeris iss(OutputFrame frame) {
        return service.propagate(ISS, T0, T0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(1), frame);
    }

    private static String write(EphemerisFormat format, Ephemeris ephemeris) {
        StringWriter out = new StringWriter();
        format.write(ephemeris, out, "TEST");
        return out.toString();
    }

    @Test
    void csvHasUnitsInItsHeaderAndOneLinePerSample() {
        Ephemeris ephemeris = iss(OutputFrame.GCRF);
        List<String> lines = write(EphemerisFormat.CSV, ephemeris).lines().toList();
        assertThat(lines.get(0)).isEqualTo("time_utc,x_m,y_m,z_m,vx_m_s,vy_m_s,vz_m_s");
        assertThat(lines).hasSize(12);
        String[] first = lines.get(1).split(",");
        EphemerisSample.Cartesian sample = (EphemerisSample.Cartesian) ephemeris.samples().get(0);
        assertThat(first[0]).isEqualTo("2024-07-05T12:00:00Z");
        assertThat(Double.parseDouble(first[1])).isCloseTo(sample.positionMeters().x(), within(1.0e-6));
        assertThat(Double.parseDouble(first[6])).isCloseTo(sample.velocityMetersPerSecond().z(), within(1.0e-6));

        List<String> geodetic = write(EphemerisFormat.CSV, iss(OutputFrame.GEODETIC)).lines().toList();
        assertThat(geodetic.get(0)).isEqualTo("time_utc,latitude_deg,longitude_deg,altitude_m");
        assertThat(geodetic.get(1).split(",")).hasSize(4);
    }

    @Test
    void jsonCarriesTheDescriptionAndTheSamples() throws Exception {
        JsonNode json = new ObjectMapper().readTree(write(EphemerisFormat.JSON, iss(OutputFrame.ITRF)));
        assertThat(json.get("noradId").asLong()).isEqualTo(25544);
        assertThat(json.get("objectId").asText()).isEqualTo("1998-067A");
        assertThat(json.get("frame").asText()).isEqualTo("ITRF");
        assertThat(json.get("method").asText()).isEqualTo("SGP4");
        assertThat(json.get("approximate").asBoolean()).isEqualTo(!OrekitSetup.get().earthOrientationLoaded());
        assertThat(json.get("samples")).hasSize(11);
        JsonNode first = json.get("samples").get(0);
        assertThat(first.get("time").asText()).isEqualTo("2024-07-05T12:00:00Z");
        assertThat(first.get("positionMeters")).hasSize(3);
        assertThat(first.get("velocityMetersPerSecond")).hasSize(3);

        JsonNode geodetic = new ObjectMapper().readTree(write(EphemerisFormat.JSON, iss(OutputFrame.GEODETIC)));
        assertThat(geodetic.get("samples").get(0).get("altitudeMeters").asDouble()).isBetween(380.0e3, 460.0e3);
    }

    @Test
    void jsonAndOemSayHowOldTheElementSetIsAndWhetherItIsStale() throws Exception {
        OrbitRecord iss = OrbitRecords.meanElements(OrbitRecords.ISS_TLE);
        Instant from = iss.epoch().plus(Duration.ofDays(4));
        Ephemeris stale = service.propagate(iss, from, from.plus(Duration.ofHours(12)), Duration.ofHours(1),
                OutputFrame.GCRF);
        JsonNode json = new ObjectMapper().readTree(write(EphemerisFormat.JSON, stale));
        assertThat(json.get("elementEpoch").asText()).isEqualTo(iss.epoch().toString());
        assertThat(json.get("elementAgeSeconds").asLong()).isEqualTo(Duration.ofHours(4 * 24 + 12).toSeconds());
        assertThat(json.get("regime").asText()).isEqualTo("LEO");
        assertThat(json.get("elementAgeLimitSeconds").asLong()).isEqualTo(Duration.ofDays(3).toSeconds());
        assertThat(json.get("stale").asBoolean()).isTrue();
        assertThat(write(EphemerisFormat.OEM_KVN, stale)).containsPattern("COMMENT\\s+element set 4\\.5 days from its"
                + " epoch 2024-07-05T14:27:56\\.\\d+Z \\(limit 3\\.0 days for LEO\\): STALE");

        Ephemeris fresh = service.propagate(iss, iss.epoch(), iss.epoch().plus(Duration.ofDays(1)),
                Duration.ofHours(1), OutputFrame.GCRF);
        assertThat(new ObjectMapper().readTree(write(EphemerisFormat.JSON, fresh)).get("stale").asBoolean()).isFalse();
        assertThat(write(EphemerisFormat.OEM_KVN, fresh))
                .containsPattern("COMMENT\\s+element set 1\\.0 days from its epoch")
                .doesNotContain("STALE");
    }

    @Test
    void oemNamesTheFrameAsCcsdsDoes() {
        assertThat(write(EphemerisFormat.OEM_KVN, iss(OutputFrame.TEME))).containsPattern("REF_FRAME\\s+= TEME");
        assertThat(write(EphemerisFormat.OEM_KVN, iss(OutputFrame.GCRF))).containsPattern("REF_FRAME\\s+= GCRF");
        assertThat(write(EphemerisFormat.OEM_KVN, iss(OutputFrame.ITRF))).containsPattern("REF_FRAME\\s+= ITRF");
    }

    @Test
    void geodeticSamplesHaveNoOemForm() {
        Ephemeris geodetic = iss(OutputFrame.GEODETIC);
        assertThatThrownBy(() -> write(EphemerisFormat.OEM_KVN, geodetic))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no OEM form");
    }

    /** OEM 3.0 (CCSDS 502.0-B-3), later than the 2.0.0 schema: checked apart from the version attribute. */
    @Test
    void oemXmlValidatesAgainstTheCcsdsSchemaInEveryFrame() {
        for (OutputFrame frame : List.of(OutputFrame.TEME, OutputFrame.GCRF, OutputFrame.ITRF)) {
            String xml = write(EphemerisFormat.OEM_XML, iss(frame));
            assertThat(xml).contains("<oem id=\"CCSDS_OEM_VERS\" version=\"3.0\">", "<X units=\"km\">",
                    "<X_DOT units=\"km/s\">", "<REF_FRAME>" + frame.name());
            assertThat(CcsdsSchemas.violationsApartFromVersion(xml)).as(xml).isEmpty();
        }
        Ephemeris stale = service.propagate(OrbitRecords.meanElements(OrbitRecords.ISS_TLE),
                T0.plus(Duration.ofDays(5)), T0.plus(Duration.ofDays(5).plusHours(1)), Duration.ofMinutes(10),
                OutputFrame.GCRF);
        assertThat(CcsdsSchemas.violationsApartFromVersion(write(EphemerisFormat.OEM_XML, stale))).isEmpty();
    }

    /** The XML and the KVN carry the same states, each reading back as the sample it was written from. */
    @Test
    void oemXmlAndKvnReadBackToTheSamples() {
        Ephemeris ephemeris = iss(OutputFrame.GCRF);
        for (EphemerisFormat format : List.of(EphemerisFormat.OEM_KVN, EphemerisFormat.OEM_XML)) {
            String text = write(format, ephemeris);
            Oem oem = new ParserBuilder(EarthCentredContext.get()).buildOemParser()
                    .parseMessage(new DataSource("w." + format.parameter(), () -> new StringReader(text)));
            List<TimeStampedPVCoordinates> states = oem.getSegments().get(0).getData().getEphemeridesDataLines();
            assertThat(states).hasSameSizeAs(ephemeris.samples());
            for (int i = 0; i < states.size(); i++) {
                EphemerisSample.Cartesian sample = (EphemerisSample.Cartesian) ephemeris.samples().get(i);
                TimeStampedPVCoordinates state = states.get(i);
                assertThat(state.getDate().toInstant()).isEqualTo(sample.time());
                assertThat(state.getPosition().getX()).isEqualTo(sample.positionMeters().x());
                assertThat(state.getPosition().getZ()).isEqualTo(sample.positionMeters().z());
                assertThat(state.getVelocity().getY()).isEqualTo(sample.velocityMetersPerSecond().y());
            }
        }
    }

    @Test
    void eachFormatIsNamedByItsParameter() {
        assertThat(Arrays.stream(EphemerisFormat.values()).map(EphemerisFormat::parameter))
                .containsExactly("csv", "json", "oem", "oem-xml");
        assertThat(EphemerisFormat.OEM_XML.mediaType()).isEqualTo("application/xml");
    }
}
