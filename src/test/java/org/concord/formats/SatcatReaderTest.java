package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SatcatReaderTest {

    private static final String SPACE_TRACK = "satcat/spacetrack_satcat_2021-01-19.csv.gz";

    private static ParsedSatcat single(ParseResult<ParsedSatcat> result) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(1);
        return result.items().get(0);
    }

    @Test
    void wholeSpaceTrackCatalogReads() {
        String text = TestFiles.gunzip(SPACE_TRACK);
        ParseResult<ParsedSatcat> result = SatcatReader.read("satcat.csv", text);
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).hasSize(47_315);
        assertThat(result.items().stream().map(ParsedSatcat::noradId).distinct().count()).isEqualTo(47_315);

        Map<Long, ParsedSatcat> byId = result.items().stream()
                .collect(Collectors.toMap(ParsedSatcat::noradId, Function.identity()));
        ParsedSatcat iss = byId.get(25544L);
        assertThat(iss.name()).isEqualTo("ISS (ZARYA)");
        assertThat(iss.internationalDesignator()).contains("1998-067A");
        assertThat(iss.objectType()).isEqualTo("PAYLOAD");
        assertThat(iss.owner()).contains("ISS");
        assertThat(iss.launchDate()).contains(LocalDate.of(1998, 11, 20));
        assertThat(iss.launchSite()).contains("TTMTR");
        assertThat(iss.decayDate()).isEmpty();
        assertThat(iss.rcsSize()).contains("LARGE");
        assertThat(iss.line()).isEqualTo(31566);
        assertThat(iss.content()).isEqualTo(text.lines().toList().get(31565)).startsWith("\"1998-067A\",\"25544\"");

        ParsedSatcat sputnik = byId.get(2L);
        assertThat(sputnik.line()).isEqualTo(3);
        assertThat(sputnik.name()).isEqualTo("SPUTNIK 1");
        assertThat(sputnik.owner()).contains("CIS");
        assertThat(sputnik.decayDate()).contains(LocalDate.of(1958, 1, 3));
        assertThat(sputnik.rcsSize()).isEmpty();
        assertThat(byId.get(1L).objectType()).isEqualTo("ROCKET BODY");

        // "TBA" (to be assigned) becomes UNKNOWN
        ParsedSatcat tba = byId.get(43551L);
        assertThat(tba.objectType()).isEqualTo("UNKNOWN");
        assertThat(tba.owner()).contains("TBD");
        Map<String, Long> types = result.items().stream()
                .collect(Collectors.groupingBy(ParsedSatcat::objectType, Collectors.counting()));
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of("DEBRIS", 30_922L, "PAYLOAD", 10_024L,
                "ROCKET BODY", 6_212L, "UNKNOWN", 157L));
    }

    private static final String CELESTRAK_HEADER = "OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,"
            + "OWNER,LAUNCH_DATE,LAUNCH_SITE,DECAY_DATE,PERIOD,INCLINATION,APOGEE,PERIGEE,RCS,DATA_STATUS_CODE,"
            + "ORBIT_CENTER,ORBIT_TYPE";

    @Test
    void celesTrakLayout() {
        String text = CELESTRAK_HEADER + "\r\n"
                + "SL-1 R/B,1957-001A,1,R/B,D,CIS,1957-10-04,TTMTR,1957-12-01,96.19,65.10,938,214,20.4200,,EA,IMP\r\n"
                + "ISS (ZARYA),1998-067A,25544,PAY,+,ISS,1998-11-20,TTMTR,,92.87,51.64,421,417,399.0524,,EA,ORB\r\n"
                + "\"OBJECT, \"\"QUOTED\"\"\",2020-001Z,45000,DEB,D,PRC,2020-01-07,XSC,,,,,,0.0500,,EA,ORB\r\n"
                + "TBA - TO BE ASSIGNED,,81001,UNK,,TBD,,,,,,,,,,EA,ORB\r\n";
        ParseResult<ParsedSatcat> result = SatcatReader.read("celestrak.csv", text);
        assertThat(result.errors()).isEmpty();
        assertThat(result.items()).extracting(ParsedSatcat::objectType)
                .containsExactly("ROCKET BODY", "PAYLOAD", "DEBRIS", "UNKNOWN");
        ParsedSatcat rb = result.items().get(0);
        assertThat(rb.noradId()).isEqualTo(1);
        assertThat(rb.owner()).contains("CIS");
        assertThat(rb.decayDate()).contains(LocalDate.of(1957, 12, 1));
        assertThat(rb.rcsSize()).contains("LARGE"); // 20.42 m²
        ParsedSatcat iss = result.items().get(1);
        assertThat(iss.name()).isEqualTo("ISS (ZARYA)");
        assertThat(iss.internationalDesignator()).contains("1998-067A");
        assertThat(iss.launchDate()).contains(LocalDate.of(1998, 11, 20));
        assertThat(iss.launchSite()).contains("TTMTR");
        assertThat(iss.line()).isEqualTo(3);
        assertThat(iss.content()).isEqualTo(
                "ISS (ZARYA),1998-067A,25544,PAY,+,ISS,1998-11-20,TTMTR,,92.87,51.64,421,417,399.0524,,EA,ORB");
        ParsedSatcat quoted = result.items().get(2);
        assertThat(quoted.name()).isEqualTo("OBJECT, \"QUOTED\"");
        assertThat(quoted.rcsSize()).contains("SMALL"); // 0.05 m²
        ParsedSatcat unknown = result.items().get(3);
        assertThat(unknown.internationalDesignator()).isEmpty();
        assertThat(unknown.launchDate()).isEmpty();
        assertThat(unknown.rcsSize()).isEmpty();
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() {
        String text = "\"OBJECT_TYPE\",\"COUNTRY\",\"NORAD_CAT_ID\",\"SATNAME\",\"LAUNCH\",\"INTLDES\"\n"
                + "\"PAYLOAD\",\"US\",\"5\",\"VANGUARD 1\",\"1958-03-17\",\"1958-002B\"\n";
        ParsedSatcat vanguard = single(SatcatReader.read("shuffled.csv", text));
        assertThat(vanguard.noradId()).isEqualTo(5);
        assertThat(vanguard.name()).isEqualTo("VANGUARD 1");
        assertThat(vanguard.owner()).contains("US");
        assertThat(vanguard.internationalDesignator()).contains("1958-002B");
        assertThat(vanguard.launchDate()).contains(LocalDate.of(1958, 3, 17));
        assertThat(vanguard.line()).isEqualTo(2);
    }

    @Test
    void invalidRowsAreReportedAndTheOthersRead() {
        String header = TestFiles.gunzip(SPACE_TRACK).lines().findFirst().orElseThrow();
        String good = "\"1958-002B\",\"5\",\"PAYLOAD\",\"VANGUARD 1\",\"2002-01-13 00:00:00\",\"US\",\"1958-03-17\","
                + "\"AFETR\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"0\",\"SMALL\",\"1\",\"1958\",\"2\",\"B\",\"Y\","
                + "\"VANGUARD 1\",\"1958-002B\",\"5\"";
        String text = String.join("\n", header,
                good.replace("\"5\",\"PAYLOAD\"", "\"5x\",\"PAYLOAD\""),          // line 2: catalog number
                good.replace("\"1958-03-17\"", "\"1958-13-17\""),                 // line 3: launch date
                good.replace("\"PAYLOAD\"", "\"SPACESHIP\""),                     // line 4: object type
                good.replace(",\"Y\",", ","),                                     // line 5: field count
                good.replace("\"VANGUARD 1\",\"1958-002B\"", "\"VANGUARD 1,\"1958-002B\""), // line 6: quote
                "",
                good,                                                             // line 8: fine
                good.replace("\"US\"", "\"\"").replace("\"0\",", "\"\","));       // line 9: owner unknown
        ParseResult<ParsedSatcat> result = SatcatReader.read("bad.csv", text);
        assertThat(result.items()).extracting(ParsedSatcat::line).containsExactly(8, 9);
        assertThat(result.items().get(1).owner()).isEmpty();
        assertThat(result.errors()).extracting(e -> e.line().orElse(0) + " " + e.field())
                .containsExactly("2 NORAD_CAT_ID", "3 LAUNCH", "4 OBJECT_TYPE", "5 row", "6 row");
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo("bad.csv"));
        assertThat(result.errors().get(0).reason()).contains("'5x'");
        assertThat(result.errors().get(1).reason()).contains("'1958-13-17'");
        assertThat(result.errors().get(2).reason()).contains("'SPACESHIP'");
        assertThat(result.errors().get(3).reason()).contains("24 fields").contains("25");
    }

    @Test
    void fieldSourcesAreReadAndUnknownFieldsRefused() {
        String header = "OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OWNER,RCS,FIELD_SOURCES\n";
        ParsedSatcat merged = single(SatcatReader.read("m.csv", header
                + "STARLINK-3004,2021-059B,48880,PAYLOAD,US,,owner=inferred-from-name;name=mizuba-2025-01\n"));
        assertThat(merged.fieldSources()).isEqualTo(java.util.Map.of("owner", "inferred-from-name", "name",
                "mizuba-2025-01"));
        ParseResult<ParsedSatcat> bad = SatcatReader.read("m.csv", header
                + "STARLINK-3004,2021-059B,48880,PAYLOAD,US,,colour=red;owner=\n");
        assertThat(bad.errors()).extracting(InputError::reason).containsExactly(
                "'colour' is not a field (expected name, designator, objectType, owner, launchDate, launchSite,"
                        + " decayDate, rcsSize)", "the source of owner is empty (expected field=source)");
    }

    @Test
    void headerWithoutTheNeededColumnsIsRefused() {
        ParseResult<ParsedSatcat> result = SatcatReader.read("h.csv", "NORAD_CAT_ID,OBJECT_NAME\n25544,ISS\n");
        assertThat(result.items()).isEmpty();
        assertThat(result.errors()).extracting(InputError::field)
                .containsExactly("OBJECT_TYPE", "COUNTRY (Space-Track) or OWNER (CelesTrak)");
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.line()).contains(1));
    }

    @Test
    void emptyInputsAreErrors() {
        assertThat(SatcatReader.read("e.csv", "\n\n").errors()).hasSize(1);
        assertThat(SatcatReader.read("e.csv", CELESTRAK_HEADER + "\n").errors())
                .extracting(InputError::reason).containsExactly("the header is followed by no row");
    }
}
