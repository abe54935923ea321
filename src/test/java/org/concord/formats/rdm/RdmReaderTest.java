package org.concord.formats.rdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.concord.formats.CcsdsSchemas;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four examples of CCSDS 508.1-B-1 Annex C (src/test/resources/ccsds/rdm), read, written and read again. */
class RdmReaderTest {

    static String resource(String name) {
        try (InputStream in = RdmReaderTest.class.getResourceAsStream("/ccsds/rdm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RdmMessage read(String name) {
        return RdmReader.read(name, resource(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rdm_c1.kvn", "rdm_c3.xml"})
    void theShortExamplesSayWhatTheStandardPrints(String name) {
        RdmMessage m = read(name);
        assertThat(m.version()).isEqualTo("1.0");
        assertThat(m.text(RdmKey.ORIGINATOR)).contains("ESA");
        assertThat(m.text(RdmKey.MESSAGE_ID)).contains("ESA/20180422-001");
        assertThat(m.instant(RdmKey.CREATION_DATE)).contains(Instant.parse("2018-04-22T09:31:34Z"));
        assertThat(m.text(RdmKey.OBJECT_NAME)).contains("SPACEOBJECT");
        assertThat(m.text(RdmKey.INTERNATIONAL_DESIGNATOR)).contains("2018-099B");
        assertThat(m.text(RdmKey.CONTROLLED_REENTRY)).contains("NO");
        assertThat(m.text(RdmKey.TIME_SYSTEM)).contains("UTC");
        assertThat(m.instant(RdmKey.EPOCH_TZERO)).contains(Instant.parse("2018-04-22T00:00:00Z"));
        assertThat(m.number(RdmKey.ORBIT_LIFETIME)).contains(23.0);
        assertThat(m.number(RdmKey.REENTRY_ALTITUDE)).contains(150.0);
        assertThat(m.text(RdmKey.NOMINAL_REENTRY_EPOCH)).isEmpty();
        assertThat(m.sections().keySet()).containsExactly(RdmBlock.HEADER, RdmBlock.METADATA,
                RdmBlock.ATMOSPHERIC_REENTRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rdm_c2.kvn", "rdm_c4.xml"})
    void theFullExamplesSayWhatTheStandardPrints(String name) {
        RdmMessage m = read(name);
        assertThat(m.text(RdmKey.OBJECT_DESIGNATOR)).contains("81594");
        assertThat(m.text(RdmKey.CATALOG_NAME)).contains("SATCAT");
        assertThat(m.text(RdmKey.OBJECT_TYPE)).contains("ROCKET BODY");
        assertThat(m.text(RdmKey.GRAVITY_MODEL)).contains("EGM-96: 36D 36O");
        assertThat(m.text(RdmKey.ATMOSPHERIC_MODEL)).contains("NRLMSISE-00");
        // C-4 spells it MASS-LOSS + BREAKUP, which the schema does not list: read as the schema's word
        assertThat(m.text(RdmKey.REENTRY_DISINTEGRATION)).contains("MASS-LOSS + BREAK-UP");
        assertThat(m.text(RdmKey.PREVIOUS_MESSAGE_ID)).contains("ESA/20180421-007");
        assertThat(m.instant(RdmKey.NEXT_MESSAGE_EPOCH)).contains(Instant.parse("2018-04-23T09:00:00Z"));
        assertThat(m.number(RdmKey.ORBIT_LIFETIME)).contains(5.5);
        assertThat(m.number(RdmKey.REENTRY_ALTITUDE)).contains(80.0);
        assertThat(m.instant(RdmKey.NOMINAL_REENTRY_EPOCH)).contains(Instant.parse("2018-04-27T19:45:33Z"));
        assertThat(m.instant(RdmKey.REENTRY_WINDOW_START)).contains(Instant.parse("2018-04-27T11:45:33Z"));
        assertThat(m.instant(RdmKey.REENTRY_WINDOW_END)).contains(Instant.parse("2018-04-27T22:12:56Z"));
        assertThat(m.number(RdmKey.PROBABILITY_OF_IMPACT)).contains(0.0);
        assertThat(m.number(RdmKey.PROBABILITY_OF_BURN_UP)).contains(1.0);
        assertThat(m.instant(RdmKey.EPOCH)).contains(Instant.parse("2018-04-22T09:30:12Z"));
        assertThat(m.number(RdmKey.X)).contains(4000.0);
        assertThat(m.number(RdmKey.Z_DOT)).contains(7.0);
        assertThat(m.text(RdmKey.COV_REF_FRAME)).contains("RTN");
        assertThat(m.number(RdmKey.CX_X)).contains(0.1);
        assertThat(m.number(RdmKey.CX_DOT_X_DOT)).contains(0.006);
        assertThat(m.number(RdmKey.CZ_DOT_Z_DOT)).contains(0.004);
        assertThat(m.number(RdmKey.WET_MASS)).contains(3582.0);
        assertThat(m.number(RdmKey.DRAG_AREA)).contains(23.3565);
        assertThat(m.number(RdmKey.DRAG_COEFF)).contains(2.2634);
        assertThat(m.number(RdmKey.ACTUAL_OD_SPAN)).contains(3.4554);
        assertThat(m.text(RdmKey.TRACKS_AVAILABLE)).contains("18");
        assertThat(m.text(RdmKey.TRACKS_USED)).contains("17");
        assertThat(m.comments(RdmBlock.STATE_VECTOR)).containsExactly("State vector at the last OD epoch");
        assertThat(m.comments(RdmBlock.SPACECRAFT))
                .containsExactly("Spacecraft parameters used in OD and re-entry prediction");
    }

    @Test
    void theKvnAndXmlFormsOfAnExampleHoldTheSameFields() {
        assertThat(read("rdm_c3.xml").sections().get(RdmBlock.METADATA))
                .isEqualTo(read("rdm_c1.kvn").sections().get(RdmBlock.METADATA));
        assertThat(read("rdm_c3.xml").sections().get(RdmBlock.ATMOSPHERIC_REENTRY))
                .isEqualTo(read("rdm_c1.kvn").sections().get(RdmBlock.ATMOSPHERIC_REENTRY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rdm_c1.kvn", "rdm_c2.kvn", "rdm_c3.xml", "rdm_c4.xml"})
    void everyExampleIsWrittenAsKvnAndXmlAndReadBackFieldEqual(String name) {
        RdmMessage m = read(name);
        assertThat(RdmReader.read("written.kvn", RdmWriter.writeKvn(m))).isEqualTo(m);
        assertThat(RdmReader.read("written.xml", RdmWriter.writeXml(m))).isEqualTo(m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rdm_c1.kvn", "rdm_c2.kvn", "rdm_c3.xml", "rdm_c4.xml"})
    void theXmlWrittenIsValidAgainstTheRdmSchema(String name) {
        String xml = RdmWriter.writeXml(read(name));
        assertThat(CcsdsSchemas.violations(xml)).as(xml).isEmpty();
    }

    @Test
    void theSchemaCheckRefusesAnInvalidRdm() {
        String xml = RdmWriter.writeXml(read("rdm_c1.kvn"));
        assertThat(CcsdsSchemas.violations(xml.replace("<ORBIT_LIFETIME", "<ORBIT_LIFE")
                .replace("</ORBIT_LIFETIME>", "</ORBIT_LIFE>"))).isNotEmpty();
        assertThat(CcsdsSchemas.violations(resource("rdm_c3.xml"))).isEmpty();
    }

    @Test
    void everyProblemIsNamedWithItsLineAndNothingIsRead() {
        String bad = resource("rdm_c2.kvn")
                .replace("REENTRY_ALTITUDE = 80.0 [km]", "REENTRY_ALTITUDE = 80.0 [m]")
                .replace("PROBABILITY_OF_BURN_UP = 1.0", "PROBABILITY_OF_BURN_UP = 1.5")
                .replace("CONTROLLED_REENTRY = NO", "CONTROLLED_REENTRY = MAYBE")
                .replace("OBJECT_NAME = SPACEOBJECT\n", "")
                .replace("TRACKS_USED = 17", "TRACKS_USED = 17\nFAVOURITE_COLOUR = BLUE");
        assertThatThrownBy(() -> RdmReader.read("bad.kvn", bad)).isInstanceOfSatisfying(
                InputRejectedException.class, e -> assertThat(e.errors()).extracting(InputError::toString)
                        .contains("bad.kvn:26: REENTRY_ALTITUDE: the unit is [km]; given [m]",
                                "bad.kvn:31: PROBABILITY_OF_BURN_UP: 1.5 is outside [0.0, 1.0]",
                                "bad.kvn:10: CONTROLLED_REENTRY: 'MAYBE' is not one of [YES, NO, UNKNOWN]",
                                "bad.kvn:71: FAVOURITE_COLOUR: not an RDM keyword (CCSDS 508.1-B-1)",
                                "bad.kvn: OBJECT_NAME: missing: required in the metadata of an RDM"));
    }

    @Test
    void aDocumentTypeIsRefusedBeforeParsing() {
        String xml = resource("rdm_c3.xml").replace("<rdm ", "<!DOCTYPE rdm [<!ENTITY x \"y\">]>\n<rdm ");
        assertThatThrownBy(() -> RdmReader.read("doctype.xml", xml)).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anEmptyOrForeignMessageIsRefused() {
        assertThat(List.of("CCSDS_OMM_VERS = 2.0\n", "<omm id=\"CCSDS_OMM_VERS\" version=\"2.0\"></omm>"))
                .allSatisfy(text -> assertThatThrownBy(() -> RdmReader.read("other", text))
                        .isInstanceOf(InputRejectedException.class));
    }
}
