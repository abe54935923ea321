package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.concord.formats.UtcEpochs.Shape;
import org.junit.jupiter.api.Test;

/** The strict reading of re-entry message epochs: the calendar's own limits, the years 1900-2200, leap seconds. */
class UtcEpochsTest {

    @Test
    void realDatesAreReadExactly() {
        assertThat(UtcEpochs.read("2018-04-22T09:31:34.00", Shape.CCSDS).instant())
                .contains(Instant.parse("2018-04-22T09:31:34Z"));
        assertThat(UtcEpochs.read("2016-060T12:00:00.123456789123", Shape.CCSDS).instant())
                .contains(Instant.parse("2016-02-29T12:00:00.123456789Z"));
        assertThat(UtcEpochs.read("2012-03-09 09:09:00", Shape.SPACE_TRACK).instant())
                .contains(Instant.parse("2012-03-09T09:09:00Z"));
        assertThat(UtcEpochs.read("1900-01-01T00:00:00", Shape.CCSDS).instant())
                .contains(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(UtcEpochs.read("2200-12-31 23:59:59Z", Shape.SPACE_TRACK).instant())
                .contains(Instant.parse("2200-12-31T23:59:59Z"));
    }

    @Test
    void aLeapSecondIsTheLastInstantOfItsMinuteAndOnlyAtTheEndOfADay() {
        assertThat(UtcEpochs.read("2016-12-31T23:59:60.5", Shape.CCSDS).instant())
                .contains(Instant.parse("2016-12-31T23:59:59.999999999Z"));
        assertThat(UtcEpochs.read("2016-12-31T12:00:60", Shape.CCSDS).problem()).hasValueSatisfying(p ->
                assertThat(p).contains("second 60 is outside 00-59"));
    }

    @Test
    void impossibleDatesAndYearsOutOfRangeAreRefusedSayingWhy() {
        assertThat(UtcEpochs.read("1899-12-31T23:59:59", Shape.CCSDS).problem())
                .contains("'1899-12-31T23:59:59' is not a valid date: year 1899 is outside 1900-2200");
        assertThat(UtcEpochs.read("2201-01-01 00:00:00", Shape.SPACE_TRACK).problem())
                .contains("'2201-01-01 00:00:00' is not a valid date: year 2201 is outside 1900-2200");
        assertThat(UtcEpochs.read("-2018-04-22T00:00:00", Shape.CCSDS).problem()).hasValueSatisfying(p ->
                assertThat(p).contains("year -2018 is outside"));
        assertThat(UtcEpochs.read("2100-02-29T00:00:00", Shape.CCSDS).problem()).hasValueSatisfying(p ->
                assertThat(p).contains("day 29 is not a day of 2100-02"));
        assertThat(UtcEpochs.read("2024-000T00:00:00", Shape.CCSDS).problem()).hasValueSatisfying(p ->
                assertThat(p).contains("day of year 000 is outside 001-366 in 2024"));
        assertThat(UtcEpochs.read("2024-01-01T23:60:00", Shape.CCSDS).problem()).hasValueSatisfying(p ->
                assertThat(p).contains("minute 60 is outside 00-59"));
    }

    @Test
    void eachFormatKeepsItsOwnShape() {
        // an RDM has no zone and no blank; Space-Track's dates have no day of the year
        assertThat(UtcEpochs.read("2018-04-22 09:31:34", Shape.CCSDS).problem()).isPresent();
        assertThat(UtcEpochs.read("2018-04-22T09:31:34Z", Shape.CCSDS).problem()).isPresent();
        assertThat(UtcEpochs.read("2012-069 09:09:00", Shape.SPACE_TRACK).problem()).hasValueSatisfying(p ->
                assertThat(p).contains("is not a date and time such as 2012-03-09 09:09:00"));
    }
}
