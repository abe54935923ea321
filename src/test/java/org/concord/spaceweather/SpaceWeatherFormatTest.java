package org.concord.spaceweather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.concord.formats.InputRejectedException;
import org.junit.jupiter.api.Test;

class SpaceWeatherFormatTest {

    @Test
    void readsTheWholeCelestrakCsvAndTellsObservedFromPredicted() {
        ParsedSpaceWeather parsed = SpaceWeatherFiles.read(SpaceWeatherFiles.SW_ALL);
        assertThat(parsed.format()).isEqualTo(SpaceWeatherFormat.CELESTRAK_CSV);
        assertThat(parsed.indices()).hasSize(10_391);
        Map<IndexStatus, Long> byStatus = parsed.indices().stream()
                .collect(Collectors.groupingBy(DailyIndices::status, Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(IndexStatus.OBSERVED, 10_143L,
                IndexStatus.INTERPOLATED, 19L, IndexStatus.DAILY_PREDICTED, 45L, IndexStatus.MONTHLY_PREDICTED, 184L));
        DailyIndices storm = day(parsed, LocalDate.of(2024, 5, 11));
        assertThat(storm.kp().get(0)).isEqualTo(OptionalDouble.of(9.0));
        assertThat(storm.kp().get(6)).isEqualTo(OptionalDouble.of(7.7));
        assertThat(storm.ap().get(0).getAsLong()).isEqualTo(400);
        assertThat(storm.apDaily().getAsLong()).isEqualTo(271);
        assertThat(storm.flux().observedSfu()).isEqualTo(OptionalDouble.of(213.7));
        assertThat(storm.flux().adjustedCentered81Sfu()).isEqualTo(OptionalDouble.of(180.5));
        DailyIndices monthly = day(parsed, LocalDate.of(2041, 10, 1));
        assertThat(monthly.status()).isEqualTo(IndexStatus.MONTHLY_PREDICTED);
        assertThat(monthly.kp()).allMatch(OptionalDouble::isEmpty);
        assertThat(monthly.flux().observedSfu()).isEqualTo(OptionalDouble.of(69.8));
        assertThat(day(parsed, LocalDate.of(2026, 4, 27)).status()).isEqualTo(IndexStatus.DAILY_PREDICTED);
    }

    @Test
    void readsTheCssiFileSectionBySection() {
        ParsedSpaceWeather parsed = SpaceWeatherFiles.read(SpaceWeatherFiles.CSSI);
        assertThat(parsed.format()).isEqualTo(SpaceWeatherFormat.CSSI);
        Map<IndexStatus, Long> byStatus = parsed.indices().stream()
                .collect(Collectors.groupingBy(DailyIndices::status, Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(IndexStatus.OBSERVED, 23_076L,
                IndexStatus.DAILY_PREDICTED, 44L, IndexStatus.MONTHLY_PREDICTED, 281L));
        DailyIndices first = parsed.indices().getFirst();
        assertThat(first.day()).isEqualTo(LocalDate.of(1957, 10, 1));
        assertThat(first.kp().get(0)).isEqualTo(OptionalDouble.of(4.3));
        assertThat(first.ap().get(7).getAsLong()).isEqualTo(22);
        assertThat(first.flux().adjustedSfu()).isEqualTo(OptionalDouble.of(268.0));
        assertThat(first.flux().observedSfu()).isEqualTo(OptionalDouble.of(269.3));
        assertThat(first.flux().observedLast81Sfu()).isEqualTo(OptionalDouble.of(230.9));
        assertThat(first.flux().qualifier().getAsLong()).isZero();
    }

    @Test
    void readsBothShapesOfTheSwpcKpIndexAlike() {
        ParsedSpaceWeather rows = SpaceWeatherFiles.read("swpc-kp-header-rows.json");
        ParsedSpaceWeather objects = SpaceWeatherFiles.read("swpc-kp-objects.json");
        assertThat(rows.format()).isEqualTo(SpaceWeatherFormat.SWPC_KP);
        assertThat(objects.format()).isEqualTo(SpaceWeatherFormat.SWPC_KP);
        assertThat(rows.indices()).extracting(DailyIndices::kp).isEqualTo(objects.indices().stream()
                .map(DailyIndices::kp).toList());
        DailyIndices may10 = rows.indices().getFirst();
        assertThat(may10.kp().subList(5, 8)).containsExactly(OptionalDouble.of(4.33), OptionalDouble.of(7.67),
                OptionalDouble.of(8.67));
        assertThat(may10.kp().get(0)).isEmpty();
        assertThat(may10.ap().get(7).getAsLong()).isEqualTo(300);
    }

    @Test
    void theForecastMarksObservedEstimatedAndPredictedIntervals() {
        List<DailyIndices> days = SpaceWeatherFiles.read("swpc-kp-forecast.json").indices();
        assertThat(days).extracting(DailyIndices::status).containsExactly(IndexStatus.OBSERVED,
                IndexStatus.ESTIMATED, IndexStatus.DAILY_PREDICTED);
        assertThat(days.get(2).kp().subList(3, 5)).containsExactly(OptionalDouble.of(7.0), OptionalDouble.of(6.33));
    }

    @Test
    void theDailyFluxIsTheNoonReading() {
        List<DailyIndices> days = SpaceWeatherFiles.read("swpc-f107.json").indices();
        assertThat(days).extracting(d -> d.flux().observedSfu().getAsDouble()).containsExactly(209.0, 223.0, 214.0);
    }

    @Test
    void readsSwpcMessagesAndFollowsExtensionsAndCancellations() {
        List<SpaceWeatherAlert> alerts = SpaceWeatherFiles.read("swpc-alerts.json").alerts();
        assertThat(alerts).hasSize(9);
        Map<Long, SpaceWeatherAlert> bySerial = alerts.stream().collect(Collectors.toMap(
                a -> a.serialNumber().getAsLong(), Function.identity()));
        assertThat(bySerial.get(2100L).code()).isEqualTo("ALTK07");
        assertThat(bySerial.get(2100L).scale()).contains("G3");
        assertThat(bySerial.get(2100L).beginsAt()).contains(Instant.parse("2024-05-10T18:04:00Z"));
        assertThat(bySerial.get(1001L).scale()).contains("G1");
        assertThat(bySerial.get(800L).scale()).contains("S1");
        assertThat(bySerial.get(1900L).scale()).contains("R3");
        assertThat(bySerial.get(4170L).change()).isEqualTo(SpaceWeatherAlert.Change.EXTENSION);
        assertThat(bySerial.get(4170L).refersToSerial().getAsLong()).isEqualTo(4162);
        assertThat(bySerial.get(1005L).change()).isEqualTo(SpaceWeatherAlert.Change.CANCELLATION);

        Map<Long, AlertLifecycle.State> states = AlertLifecycle.of(alerts).stream().collect(Collectors.toMap(
                s -> s.alert().serialNumber().getAsLong(), Function.identity()));
        assertThat(states).doesNotContainKeys(4170L, 4175L, 1005L);
        AlertLifecycle.State warning = states.get(4162L);
        assertThat(warning.endsAt()).contains(Instant.parse("2024-05-12T06:00:00Z"));
        assertThat(warning.changedBy()).containsExactly(4170L, 4175L);
        assertThat(warning.inForceAt(Instant.parse("2024-05-11T23:00:00Z"))).isTrue();
        assertThat(warning.inForceAt(Instant.parse("2024-05-12T06:00:00Z"))).isFalse();
        AlertLifecycle.State watch = states.get(1001L);
        assertThat(watch.cancelledAt()).contains(Instant.parse("2024-05-10T10:00:00Z"));
        assertThat(watch.inForceAt(Instant.parse("2024-05-09T13:00:00Z"))).isTrue();
        assertThat(watch.inForceAt(Instant.parse("2024-05-10T11:00:00Z"))).isFalse();
    }

    @Test
    void aBadValueRefusesTheWholeFileNamingLineAndField() {
        String csv = SpaceWeatherFiles.text(SpaceWeatherFiles.SW_ALL).replace(
                "2024-05-11,2601,21,90,", "2024-05-11,2601,21,95,");
        assertThatThrownBy(() -> SpaceWeatherFormat.read(csv, SpaceWeatherFiles.provenance("sw.csv")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors())
                        .singleElement().hasToString("sw.csv:9448: KP1: '95' is not a whole number from 0 to 90"));
        String cssi = SpaceWeatherFiles.text(SpaceWeatherFiles.CSSI).replace("NUM_DAILY_PREDICTED_POINTS 44",
                "NUM_DAILY_PREDICTED_POINTS 45");
        assertThatThrownBy(() -> SpaceWeatherFormat.read(cssi, SpaceWeatherFiles.provenance("sw.txt")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors().toString())
                        .contains("sw.txt:23098: NUM_DAILY_PREDICTED_POINTS: announces 45 points"));
        String alerts = SpaceWeatherFiles.text("swpc-alerts.json").replace("Serial Number: 2100", "Serial Number: x");
        assertThatThrownBy(() -> SpaceWeatherFormat.read(alerts, SpaceWeatherFiles.provenance("alerts.json")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors())
                        .singleElement().hasToString("alerts.json:12 [[2]]: Serial Number: 'x' is not a serial number"));
        assertThatThrownBy(() -> SpaceWeatherFormat.read("[{\"time_tag\":\"2024-05-10 01:00:00\",\"kp\":\"3\"}]",
                SpaceWeatherFiles.provenance("kp.json"))).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors().toString()).contains("kp.json:1 [[0]]: time_tag: 2024-05-10T01:00 does not"
                        + " start a 3-hour interval"));
    }

    /** SWPC JSON errors name the line of the offending value (Jackson's token locations), in both shapes. */
    @Test
    void swpcJsonErrorsNameTheLineOfTheOffendingValue() {
        String objects = "[\n {\n  \"time_tag\": \"2024-05-10T15:00:00\",\n  \"Kp\": 4.33\n },\n {\n"
                + "  \"time_tag\": \"2024-05-10T18:00:00\",\n  \"a_running\": 207,\n  \"Kp\": 12\n }\n]\n";
        assertThatThrownBy(() -> SpaceWeatherFormat.read(objects, SpaceWeatherFiles.provenance("kp.json")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).singleElement()
                        .hasToString("kp.json:9 [[1]]: kp: '12' is not a number from 0.0 to 9.0"));
        String rows = "[[\"time_tag\",\"Kp\"],\n[\"2024-05-10 15:00:00.000\",\"4.33\"],\n"
                + "[\"2024-05-10 18:00:00.000\",\n \"x\"]]";
        assertThatThrownBy(() -> SpaceWeatherFormat.read(rows, SpaceWeatherFiles.provenance("kp.json")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).singleElement()
                        .hasToString("kp.json:4 [[1]]: kp: 'x' is not a number from 0.0 to 9.0"));
        String flux = SpaceWeatherFiles.text("swpc-f107.json");
        String broken = flux.substring(0, flux.lastIndexOf(']')) + ",\n{\"time_tag\": }]";
        int line = (int) broken.lines().count();
        assertThatThrownBy(() -> SwpcJson.readFlux(broken, SpaceWeatherFiles.provenance("f107.json")))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.line()).contains(line);
                            assertThat(error.reason()).startsWith("not valid JSON").contains("(column 14)");
                        }));
    }

    @Test
    void theNodeRaisesAG5AlertAtEachIntervalKpReaches9AndNoneInAQuietWeek() {
        List<DailyIndices> days = SpaceWeatherFiles.read(SpaceWeatherFiles.SW_ALL).indices();
        List<SpaceWeatherAlert> alerts = NodeAlerts.raise(days, AlertThresholds.DEFAULTS);
        assertThat(alerts.stream().filter(a -> a.code().equals("G5")).map(a -> a.beginsAt().orElseThrow()))
                .containsExactly(Instant.parse("2000-07-15T18:00:00Z"), Instant.parse("2003-10-29T06:00:00Z"),
                        Instant.parse("2003-10-30T18:00:00Z"), Instant.parse("2024-05-11T00:00:00Z"),
                        Instant.parse("2024-05-11T09:00:00Z"));
        List<DailyIndices> quietWeek = days.stream().filter(d -> !d.day().isBefore(LocalDate.of(2019, 6, 1))
                && !d.day().isAfter(LocalDate.of(2019, 6, 7))).toList();
        assertThat(quietWeek).hasSize(7);
        assertThat(NodeAlerts.raise(quietWeek, AlertThresholds.DEFAULTS)).isEmpty();
        assertThat(alerts).noneMatch(a -> a.beginsAt().orElseThrow().isAfter(Instant.parse("2026-04-27T00:00:00Z")));
        assertThat(alerts.stream().filter(a -> a.code().equals(NodeAlerts.F107_JUMP))).isNotEmpty()
                .allSatisfy(a -> assertThat(a.headline()).startsWith("F10.7 rose "));
    }

    @Test
    void kp5MinusIsNoStormAnd9MinusIsG4() {
        assertThat(GeomagneticScale.level(4.67)).isZero();
        assertThat(GeomagneticScale.level(4.7)).isZero();
        assertThat(GeomagneticScale.level(5.0)).isEqualTo(1);
        assertThat(GeomagneticScale.level(5.33)).isEqualTo(1);
        assertThat(GeomagneticScale.level(8.67)).isEqualTo(4);
        assertThat(GeomagneticScale.level(9.0)).isEqualTo(5);
    }

    private static DailyIndices day(ParsedSpaceWeather parsed, LocalDate day) {
        return parsed.indices().stream().filter(d -> d.day().equals(day)).findFirst().orElseThrow();
    }
}
