package org.concord.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.concord.formats.CompatibleElementSets.Form;
import org.concord.input.CelestrakQuery.CatalogNumber;
import org.concord.input.CelestrakQuery.Designator;
import org.concord.input.CelestrakQuery.Group;
import org.concord.input.CelestrakQuery.Groups;
import org.concord.input.CelestrakQuery.NameContains;
import org.junit.jupiter.api.Test;

/** CelesTrak's {@code gp.php} queries as tools send them, and the refusals of what a node cannot answer honestly. */
class CelestrakQueryTest {

    @Test
    void readsTheQueriesToolsSend() {
        assertThat(read(Map.of("CATNR", "25544"))).isEqualTo(new CelestrakQuery(new CatalogNumber(25544),
                Form.NAMED_TLE));
        assertThat(read(Map.of("INTDES", "1998-067a", "FORMAT", "json"))).isEqualTo(new CelestrakQuery(
                new Designator("1998-067A"), Form.OMM_JSON));
        assertThat(read(Map.of("GROUP", "starlink", "FORMAT", "3le"))).isEqualTo(new CelestrakQuery(
                new Group(Groups.STARLINK), Form.THREE_LINE));
        assertThat(read(Map.of("NAME", "iss", "FORMAT", "2LE"))).isEqualTo(new CelestrakQuery(
                new NameContains("ISS"), Form.TWO_LINE));
        assertThat(read(Map.of("CATNR", "5", "FORMAT", "xml")).form()).isEqualTo(Form.OMM_XML);
        assertThat(read(Map.of("CATNR", "5", "FORMAT", "kvn")).form()).isEqualTo(Form.OMM_KVN);
        assertThat(read(Map.of("CATNR", "5", "FORMAT", "csv")).form()).isEqualTo(Form.OMM_CSV);
    }

    @Test
    void refusesWhatItCannotAnswerNamingWhatItAccepts() {
        assertRefused(Map.of(), "give exactly one of CATNR, INTDES, GROUP, NAME (given: none)");
        assertRefused(Map.of("CATNR", "25544", "NAME", "ISS"), "(given: CATNR, NAME)");
        assertRefused(Map.of("GROUP", "stations"), "'stations'", "starlink, oneweb");
        assertRefused(Map.of("GROUP", "active"), "'active'", "starlink, oneweb");
        assertRefused(Map.of("CATNR", "ISS"), "CATNR", "not a whole number");
        assertRefused(Map.of("INTDES", "98067A"), "INTDES", "1998-067A");
        assertRefused(Map.of("CATNR", "5", "FORMAT", "json-pretty"), "'json-pretty'", "TLE, 3LE, 2LE, XML, KVN, JSON, CSV");
        assertThatThrownBy(() -> Arguments.of(Map.of("SPECIAL", List.of("gpz")), CelestrakQuery.PARAMETERS))
                .hasMessageContaining("SPECIAL");
    }

    private static CelestrakQuery read(Map<String, String> parameters) {
        Map<String, List<String>> values = new java.util.HashMap<>();
        parameters.forEach((k, v) -> values.put(k, List.of(v)));
        return CelestrakQuery.read(Arguments.of(values, CelestrakQuery.PARAMETERS));
    }

    private static void assertRefused(Map<String, String> parameters, String... named) {
        assertThatThrownBy(() -> read(parameters)).as(parameters.toString())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(named);
    }
}
