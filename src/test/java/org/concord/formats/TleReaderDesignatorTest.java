package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The international designator TleReader derives from line 1 (Orekit gives the launch year in full). */
class TleReaderDesignatorTest {

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    private static ParsedOrbit read(String line1, String line2) {
        return TleReader.read("t.tle", line1 + "\n" + line2).items().get(0);
    }

    @Test
    void designatorsOfBothCenturies() {
        assertThat(read(TleLines.ISS_LINE1, TleLines.ISS_LINE2).internationalDesignator()).contains("1998-067A");
        assertThat(read(OmmReaderCcsdsTest.VANGUARD_LINE1, OmmReaderCcsdsTest.VANGUARD_LINE2)
                .internationalDesignator()).contains("1958-002B");
        String[] spot5 = TleLines.pairs("catalog/spot-5_tle_series_orekit.tle").get(0);
        assertThat(read(spot5[0], spot5[1]).internationalDesignator()).contains("2002-021A");
    }
}
