package org.concord.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OwnerCodesTest {

    @Test
    void satcatCodesMapToIsoAlpha3OrTheOrganisationsOwnCode() {
        assertThat(OwnerCodes.partyOf("US")).contains("USA");
        assertThat(OwnerCodes.partyOf("PRC")).contains("CHN");
        assertThat(OwnerCodes.partyOf("CIS")).contains("RUS");
        assertThat(OwnerCodes.partyOf("UK")).contains("GBR");
        assertThat(OwnerCodes.partyOf("FR")).contains("FRA");
        assertThat(OwnerCodes.partyOf("ESRO")).contains("ESA");
        assertThat(OwnerCodes.partyOf("ISS")).contains("ISS");
        assertThat(OwnerCodes.partyOf("TBD")).isEmpty();
        assertThat(OwnerCodes.partyOf("USA")).contains("USA");
        assertThat(OwnerCodes.partyOf("XYZ")).isEmpty();
        assertThat(OwnerCodes.ownerCodesOf("ESA")).containsExactly("ESA", "ESRO");
    }

    @Test
    void everyNationIsAnIsoAlpha3CodeAndNoCodeMeansTwoParties() throws IOException {
        Set<String> iso = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
        List<String[]> rows;
        try (InputStream in = OwnerCodes.class.getResourceAsStream("/satcat/owner-codes.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(l -> l.split(",", -1)).toList();
        }
        assertThat(rows).hasSize(OwnerCodes.table().size()).allSatisfy(r -> assertThat(r).hasSize(5));
        for (String[] row : rows) {
            switch (row[2]) {
                case "nation" -> assertThat(iso).as(row[0]).contains(row[1]);
                case "organisation", "multinational" -> assertThat(iso).as(row[0]).doesNotContain(row[1]);
                case "unknown" -> assertThat(row[1]).as(row[0]).isEmpty();
                default -> throw new AssertionError("kind " + row[2] + " of " + row[0]);
            }
            // a SATCAT code that is also a party code must stand for that same party
            if (OwnerCodes.partyCodes().contains(row[0])) {
                assertThat(OwnerCodes.partyOf(row[0])).as(row[0]).contains(row[0]);
            }
        }
    }

    @Test
    void anOwnerFilterTakesPartyCodesAndSatcatCodesAndRefusesTheRest() {
        assertThat(OwnerCodes.resolveFilter("usa")).isEqualTo("USA");
        assertThat(OwnerCodes.resolveFilter("US")).isEqualTo("USA");
        assertThat(OwnerCodes.resolveFilter("PRC")).isEqualTo("CHN");
        assertThatThrownBy(() -> OwnerCodes.resolveFilter("Narnia")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown owner 'Narnia'").hasMessageContaining("CHN, CHBZ".substring(0, 3))
                .hasMessageContaining("USA");
        assertThat(OwnerCodes.partyCodes()).contains("USA", "CHN", "ESA", "ISS").doesNotContain("US", "PRC");
    }
}
