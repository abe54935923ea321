package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Optional;

import org.concord.catalog.SourceFormat;
import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;

/** CCSDS OMM in KVN and XML: Orekit's own samples and the NDM that CelesTrak serves. */
class OmmReaderCcsdsTest {

    /** CelesTrak's TLE of Vanguard 1 at the epoch of the python-sgp4 OMM sample (python-sgp4's tests). */
    static final String VANGUARD_LINE1 = "1 00005U 58002B   20287.20333880 -.00000016  00000-0 -22483-4 0  9998";
    static final String VANGUARD_LINE2 = "2 00005  34.2443 225.5254 1845686 162.2516 205.2356 10.84869164218149";

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    private static ParseResult<ParsedOrbit> kvn(String resource) {
        return OmmReader.readCcsds(resource, TestResources.text(resource), SourceFormat.OMM_KVN);
    }

    private static ParseResult<ParsedOrbit> xml(String resource) {
        return OmmReader.readCcsds(resource, TestResources.text(resource), SourceFormat.OMM_XML);
    }

    private static TLE tleOf(ParsedOrbit orbit) {
        return OmmReader.toTle(orbit.format(), orbit.content());
    }

    @Test
    void readsOrekitExample1Kvn() {
        ParseResult<ParsedOrbit> result = kvn("ccsds/omm/OMMExample1.txt");

        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(1);
        ParsedOrbit goes = result.items().get(0);
        assertThat(goes.noradId()).isEqualTo(23581);
        assertThat(goes.objectName()).isEqualTo("GOES 9");
        assertThat(goes.internationalDesignator()).contains("1995-025A");
        // 2007-064 is 5 March
        assertThat(goes.epoch()).isEqualTo(Instant.parse("2007-03-05T10:34:41.426400Z"));
        assertThat(goes.format()).isEqualTo(SourceFormat.OMM_KVN);
        assertThat(goes.hasCovariance()).isFalse();
        assertThat(goes.coverage()).isEmpty();
        assertThat(goes.line()).isEqualTo(1);
        assertThat(goes.content()).isEqualTo(TestResources.text("ccsds/omm/OMMExample1.txt"));
        assertThat(goes.summary().inclinationDeg()).isCloseTo(3.0539, within(1e-9));
        assertThat(goes.summary().periodMinutes()).isCloseTo(1440.0 / 1.00273272, within(1e-9));
        assertThat(goes.summary().eccentricity()).isCloseTo(0.0005013, within(1e-15));

        TLE tle = tleOf(goes);
        // MEAN_MOTION_DOT -0.00000113 is line 1's field as it is, not halved (see CcsdsOmmReader.tleOf)
        assertThat(tle.getLine1()).isEqualTo(
                "1 23581U 95025A   07064.44075725 -.00000113  00000-0  10000-3 0  9250");
        assertThat(tle.getLine2()).isEqualTo(
                "2 23581   3.0539  81.7939 0005013 249.2363 150.1602  1.00273272 43169");
    }

    @Test
    void covarianceBlockIsFlaggedInKvnAndXmlAndBothGiveTheSameTle() {
        ParsedOrbit kvn = kvn("ccsds/omm/OMMExample2.txt").items().get(0);
        ParseResult<ParsedOrbit> xmlResult = xml("ccsds/omm/OMMExample2.xml");

        assertThat(xmlResult.errors()).isEmpty();
        ParsedOrbit xml = xmlResult.items().get(0);
        assertThat(kvn.hasCovariance()).isTrue();
        assertThat(xml.hasCovariance()).isTrue();
        assertThat(xml.objectName()).isEqualTo("GOES-9");
        assertThat(xml.line()).isEqualTo(2);
        assertThat(xml.format()).isEqualTo(SourceFormat.OMM_XML);
        assertThat(tleOf(xml).getLine1()).isEqualTo(tleOf(kvn).getLine1());
        assertThat(tleOf(xml).getLine2()).isEqualTo(tleOf(kvn).getLine2());
    }

    @Test
    void readsCelestrakStarletteInKvnAndXml() {
        ParsedOrbit kvn = kvn("ccsds/omm/OMMExample4.txt").items().get(0);
        ParsedOrbit xml = xml("ccsds/omm/OMMExample4.xml").items().get(0);

        for (ParsedOrbit starlette : new ParsedOrbit[] {kvn, xml}) {
            assertThat(starlette.noradId()).isEqualTo(7646);
            assertThat(starlette.internationalDesignator()).contains("1975-010A");
            assertThat(starlette.epoch()).isEqualTo(Instant.parse("2021-03-22T13:21:09.224928Z"));
            TLE tle = tleOf(starlette);
            assertThat(tle.getLine1()).startsWith("1 07646U 75010A   21081.55635677 -.00000147  00000-0 -47102-5 0  999");
            assertThat(tle.getLine2()).startsWith("2 07646  49.8237  93.8140 0205751 224.8348 133.5761 13.82309053329974");
        }
    }

    @Test
    void ndmWrappedOmmWithEmptyHeaderAsServedByCelestrakIsRead() {
        String text = TestResources.text("ccsds/omm_sample_python-sgp4.xml");
        ParseResult<ParsedOrbit> result = OmmReader.readCcsds("vanguard.xml", text, SourceFormat.OMM_XML);

        assertThat(result.errors()).isEmpty();
        ParsedOrbit vanguard = result.items().get(0);
        assertThat(vanguard.noradId()).isEqualTo(5);
        assertThat(vanguard.objectName()).isEqualTo("VANGUARD 1");
        assertThat(vanguard.internationalDesignator()).contains("1958-002B");
        assertThat(vanguard.epoch()).isEqualTo(Instant.parse("2020-10-13T04:52:48.472320Z"));
        assertThat(vanguard.line()).isEqualTo(3);
        assertThat(vanguard.content()).isEqualTo(text);
        TLE tle = tleOf(vanguard);
        assertThat(tle.getLine1()).isEqualTo(VANGUARD_LINE1);
        assertThat(tle.getLine2()).isEqualTo(VANGUARD_LINE2);
    }

    @Test
    void nonSgp4ExamplesAreRefusedWithTheReason() {
        // OMMExample3: TOD frame, "SOME THEORY" with a semi-major axis, MRT time (Orekit itself fails on MRT)
        ParseResult<ParsedOrbit> three = kvn("ccsds/omm/OMMExample3.txt");
        assertThat(three.items()).isEmpty();
        assertThat(three.errors()).extracting(InputError::field, e -> e.line().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REF_FRAME", 11),
                        org.assertj.core.groups.Tuple.tuple("TIME_SYSTEM", 13),
                        org.assertj.core.groups.Tuple.tuple("MEAN_ELEMENT_THEORY", 14));
        assertThat(three.errors().get(1).reason()).contains("'MRT'", "UTC");

        ParseResult<ParsedOrbit> threeUtc = kvn("ccsds/omm/OMMExample3_utc.txt");
        assertThat(threeUtc.items()).isEmpty();
        assertThat(threeUtc.errors()).extracting(InputError::field)
                .containsExactly("REF_FRAME", "MEAN_ELEMENT_THEORY");
        assertThat(threeUtc.errors().get(1).reason()).contains("'SOME THEORY'", "SGP4");

        // OMMExample5: SGP4-XP, which Orekit cannot propagate
        ParseResult<ParsedOrbit> five = kvn("ccsds/omm/OMMExample5.txt");
        assertThat(five.items()).isEmpty();
        assertThat(five.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("MEAN_ELEMENT_THEORY");
            assertThat(e.line()).contains(10);
            assertThat(e.reason()).contains("SGP4-XP");
        });
    }

    @Test
    void everyErrorNamesTheFile() {
        ParseResult<ParsedOrbit> three = kvn("ccsds/omm/OMMExample3.txt");
        assertThat(three.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo("ccsds/omm/OMMExample3.txt"));
        assertThat(three.errors().get(0).toString()).startsWith("ccsds/omm/OMMExample3.txt:11: REF_FRAME: ");
    }

    @Test
    void noOrekitNoiseWhenTheXmlElementPathIsKnown() {
        String text = TestResources.text("ccsds/omm/OMMExample4.xml").replace("<REF_FRAME>TEME", "<REF_FRAME>GCRF");
        ParseResult<ParsedOrbit> result = OmmReader.readCcsds("gcrf.xml", text, SourceFormat.OMM_XML);

        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("REF_FRAME");
            assertThat(e.line()).contains(13);
            assertThat(e.path()).contains("/omm/body/segment/metadata/REF_FRAME");
        });
    }

    @Test
    void optionalNameIsEmptyNotNull() {
        assertThat(kvn("ccsds/omm/OMMExample1.txt").items().get(0).internationalDesignator())
                .isEqualTo(Optional.of("1995-025A"));
    }
}
