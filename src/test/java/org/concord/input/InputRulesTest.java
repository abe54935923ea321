package org.concord.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.conjunction.ConjunctionKind;
import org.concord.product.SortOrder;
import org.concord.orbit.OutputFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of user input, on both paths: units, dates, ranges, closed sets and known names. */
class InputRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void distancesAndDurationsCarryTheirUnit() {
        assertThat(Quantities.distanceMeters("--threshold", "5km", 1e6)).isEqualTo(5000);
        assertThat(Quantities.distanceMeters("--threshold", "500m", 1e6)).isEqualTo(500);
        assertThat(Quantities.distanceMeters("--threshold", "0.5 KM", 1e6)).isEqualTo(500);
        assertThat(Quantities.duration("--window", "3d", Duration.ofDays(30))).isEqualTo(Duration.ofDays(3));
        assertThat(Quantities.duration("--window", "36h", Duration.ofDays(30))).isEqualTo(Duration.ofHours(36));
        assertThat(Quantities.duration("--window", "90m", Duration.ofDays(30))).isEqualTo(Duration.ofMinutes(90));
        assertThat(Quantities.duration("--window", "45s", Duration.ofDays(30))).isEqualTo(Duration.ofSeconds(45));
    }

    /** Found: {@code --threshold 5} was taken as 5 m and stored a believable run with no conjunctions. */
    @Test
    void aBareNumberIsRefusedWithTheAcceptedUnits() {
        assertThatThrownBy(() -> Quantities.distanceMeters("--threshold", "5", 1e6))
                .hasMessage("--threshold: '5' has no unit; give a distance such as 5km or 500m (units: km, m)");
        assertThatThrownBy(() -> Quantities.duration("--window", "7", Duration.ofDays(30)))
                .hasMessageContaining("'7' has no unit").hasMessageContaining("(units: d, h, m, s)");
        assertThatThrownBy(() -> Quantities.distanceMeters("--threshold", "5mi", 1e6))
                .hasMessageContaining("'5mi' has a unit that is not accepted").hasMessageContaining("km, m");
    }

    /** Found: the CLI accepted {@code --window 400d} while HTTP capped windows at 30 days. */
    @Test
    void screeningWindowsHaveOneLimitOnBothPaths() throws Exception {
        assertThatThrownBy(() -> ScreeningInput.window("--window", "400d"))
                .hasMessage("--window: '400d' is outside the accepted range: at least 1 s and at most 30d");
        assertThatThrownBy(() -> ScreeningInput.request(JsonFields.of(JSON.readTree(
                "{\"start\": \"2024-07-05\", \"windowSeconds\": 34560000}"), ScreeningInput.BODY_KEYS)))
                .hasMessage("windowSeconds: 34560000 is outside the accepted range 1 to 2592000");
        assertThat(ScreeningInput.window("--window", "30d")).isEqualTo(ScreeningInput.MAX_WINDOW);
    }

    /** Found: {@code --start 2024-07-05} printed a Java conversion error "at index 10". */
    @Test
    void datesAreMidnightUtcAndInstantsNeedAZone() {
        assertThat(Instants.parse("--start", "2024-07-05")).isEqualTo(Instant.parse("2024-07-05T00:00:00Z"));
        assertThat(Instants.parse("--start", "2024-07-05T14:00:00+02:00"))
                .isEqualTo(Instant.parse("2024-07-05T12:00:00Z"));
        assertThatThrownBy(() -> Instants.parse("--start", "2024-07-05T12:00:00"))
                .hasMessage("--start: '2024-07-05T12:00:00' is not a date such as 2024-07-05 (midnight UTC) or an"
                        + " ISO-8601 time such as 2024-07-05T12:00:00Z; it has no time zone: append Z for UTC");
        assertThatThrownBy(() -> Instants.parse("--start", "yesterday")).message()
                .doesNotContain("java").doesNotContain("index");
    }

    /** Found: year -999999999 was stored and stopped the node; year 1900 and +1000000000 answered 500. */
    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "1900-01-01T00:00:00Z",
            "1957-10-03T23:59:59Z", "2200-01-01T00:00:00Z"})
    void timesOutsideTheAcceptedYearsAreRefused(String text) {
        assertThatThrownBy(() -> Instants.parse("start", text)).hasMessageStartingWith("start: ");
    }

    @Test
    void timesInsideTheAcceptedYearsAreKept() {
        assertThat(Instants.parse("start", "1957-10-04")).isEqualTo(Instants.EARLIEST);
        assertThat(Instants.parse("start", "2199-12-31T23:59:59Z")).isBefore(Instants.LATEST);
    }

    /** Found: {@code limit=4294967297} wrapped to 1; {@code maxEpochAgeDays=1e12} answered 500. */
    @Test
    void numbersAreFiniteAndBoundedNeverWrapped() {
        assertThatThrownBy(() -> Numbers.whole("limit", "4294967297", 1, 10_000))
                .hasMessage("limit: 4294967297 is outside the accepted range 1 to 10000");
        assertThatThrownBy(() -> Numbers.whole("limit", "99999999999999999999999", 1, 10_000))
                .hasMessageContaining("outside the accepted range");
        assertThatThrownBy(() -> Numbers.whole("limit", "2.5", 1, 10_000)).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> Numbers.decimal("maxEpochAgeDays", "NaN", 0, 36_525)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Numbers.decimal("x", "Infinity", 0, 1)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Numbers.decimal("x", "5d", 0, 10)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ObjectSearch.read(Arguments.of(Map.of("maxEpochAgeDays", List.of("1e12")),
                ObjectSearch.PARAMETERS), Instant.now())).hasMessage("maxEpochAgeDays: 1000000000000 is outside the"
                + " accepted range 0 to 36525");
        assertThat(Numbers.whole("limit", "1e3", 1, 10_000)).isEqualTo(1000);
    }

    /** Found: {@code --frame ECEF} printed "No enum constant org.concord.orbit.OutputFrame.ECEF". */
    @Test
    void unknownValuesOfAClosedSetAreRefusedWithTheAcceptedOnes() {
        assertThat(Choices.of("--frame", "itrf", OutputFrame.class)).isEqualTo(OutputFrame.ITRF);
        assertThatThrownBy(() -> Choices.of("--frame", "ECEF", OutputFrame.class))
                .hasMessage("--frame: 'ECEF' is not an accepted value (accepted: teme, gcrf, itrf, geodetic)");
        assertThatThrownBy(() -> ObjectSearch.read(Arguments.of(Map.of("objectType", List.of("BOGUS")),
                ObjectSearch.PARAMETERS), Instant.now()))
                .hasMessage("objectType: 'BOGUS' is not an accepted value (accepted: PAYLOAD, ROCKET BODY, DEBRIS,"
                        + " UNKNOWN)");
        assertThat(ObjectSearch.read(Arguments.of(Map.of("objectType", List.of("rocket body")),
                ObjectSearch.PARAMETERS), Instant.now()).objectType()).contains("ROCKET BODY");
    }

    /** Found: {@code concord conjunctions --sort miss} silently sorted by TCA. */
    @Test
    void conjunctionSortIsOneOfTheAcceptedOrders() {
        ConjunctionKind kind = ConjunctionKind.INSTANCE;
        assertThat(ProductSearch.read(kind, Arguments.of(Map.of("sort", List.of("-pc")),
                ProductSearch.parameters(kind))).sort().keys().getFirst()).isEqualTo(new SortOrder.Key("pc", true));
        assertThatThrownBy(() -> ProductSearch.read(kind, Arguments.of(Map.of("sort", List.of("miss")),
                ProductSearch.parameters(kind)).shownAs(Map.of("sort", "--sort"))))
                .hasMessage("--sort: 'miss' is not an accepted value (accepted: tca, pc, -pc)");
    }

    /** Found: {@code "treshold"} was ignored and the 5 km default used; {@code "until"} stored an open agreement. */
    @Test
    void unknownKeysAndParametersAreRefusedWithTheKnownOnes() throws Exception {
        assertThatThrownBy(() -> ScreeningInput.request(JsonFields.of(JSON.readTree(
                "{\"start\": \"2024-07-05\", \"treshold\": 100}"), ScreeningInput.BODY_KEYS)))
                .hasMessage("unknown key of the body 'treshold' (known: ellipsoidMeters, primaryNoradId, start,"
                        + " thresholdMeters, wait, windowSeconds)");
        assertThatThrownBy(() -> ScreeningInput.request(JsonFields.of(JSON.readTree(
                "{\"start\": \"2024-07-05\", \"ellipsoidMeters\": {\"radial\": 1, \"intrack\": 2}}"),
                ScreeningInput.BODY_KEYS))).hasMessageContaining("unknown key in ellipsoidMeters 'intrack'");
        assertThatThrownBy(() -> Arguments.of(Map.of("limt", List.of("5")), Set.of("limit")))
                .hasMessage("unknown query parameter 'limt' (known: limit)");
    }

    @Test
    void jsonValuesOfTheWrongTypeNameTheField() throws Exception {
        JsonFields body = JsonFields.of(JSON.readTree("{\"windowSeconds\": \"7d\", \"wait\": \"yes\"}"),
                ScreeningInput.BODY_KEYS);
        assertThatThrownBy(() -> body.whole("windowSeconds", 1, 10)).hasMessage("windowSeconds must be a whole"
                + " number, was \"7d\"");
        assertThatThrownBy(() -> body.bool("wait")).hasMessage("wait must be true or false, was \"yes\"");
    }

    @Test
    void longTextIsRefusedWithItsLength() {
        assertThatThrownBy(() -> Texts.bounded("description", "x".repeat(257), 256))
                .hasMessage("description has 257 characters; at most 256 are accepted");
    }
}
