package org.concord.spaceweather;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The alerts a node raises from indices it ingests: a geomagnetic storm alert ({@code G1}..{@code G5}) for each 3-hour
 * interval whose measured Kp reaches a G level at or above the threshold and above that of the interval before (a
 * rise: a storm holding at G4 raises one alert, not one per interval; falling to G4 and rising to G5 again raises a
 * second G5), and an {@code F107-JUMP} alert for each day whose observed F10.7 exceeds the day before's by the
 * threshold or more. Only measured values count (observed, interpolated flux days' Kp, SWPC's estimates), never
 * predictions; the interval before the first of an input counts as quiet. An alert is issued at the start of the
 * interval (or day) in which the threshold was crossed, so that raising it again from another file gives the same
 * alert; when the node raised it is its provenance's {@code ingestedAt}.
 */
public final class NodeAlerts {

    public static final String F107_JUMP = "F107-JUMP";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private NodeAlerts() {
    }

    public static List<SpaceWeatherAlert> raise(List<DailyIndices> indices, AlertThresholds thresholds) {
        List<DailyIndices> measured = indices.stream().filter(d -> !d.status().predicted())
                .sorted(Comparator.comparing(DailyIndices::day).thenComparing(DailyIndices::status)).toList();
        List<SpaceWeatherAlert> alerts = new ArrayList<>();
        int previousLevel = 0;
        Instant previousEnd = Instant.MIN;
        for (DailyIndices day : measured) {
            for (int i = 0; i < DailyIndices.INTERVALS; i++) {
                OptionalDouble kp = day.kp().get(i);
                if (kp.isEmpty()) {
                    continue;
                }
                Instant start = day.intervalStart(i);
                if (start.isBefore(previousEnd)) {
                    continue; // the same interval from a second status of the day: the first counted
                }
                int level = GeomagneticScale.level(kp.getAsDouble());
                int before = start.equals(previousEnd) ? previousLevel : 0;
                if (level >= thresholds.gScale() && level > before) {
                    Instant end = start.plus(DailyIndices.INTERVAL);
                    String scale = GeomagneticScale.name(level);
                    alerts.add(new SpaceWeatherAlert(SpaceWeatherAlert.NODE, scale, OptionalLong.empty(), start,
                            String.format(Locale.ROOT, "Geomagnetic storm %s: Kp %.2f in %s–%s UTC (%s)", scale,
                                    kp.getAsDouble(), HOUR.format(start), HOUR.format(end).substring(11),
                                    day.status().code()),
                            Optional.of(scale), Optional.of(start), Optional.of(end),
                            SpaceWeatherAlert.Change.ISSUE, OptionalLong.empty(), "raised from " + day.source()
                            + " " + day.provenance().sourceName(), day.provenance()));
                }
                previousLevel = level;
                previousEnd = start.plus(DailyIndices.INTERVAL);
            }
        }
        DailyIndices yesterday = null;
        for (DailyIndices day : measured) {
            if (day.status() != IndexStatus.OBSERVED || day.flux().observedSfu().isEmpty()) {
                continue;
            }
            if (yesterday != null && yesterday.day().plusDays(1).equals(day.day())) {
                double from = yesterday.flux().observedSfu().getAsDouble();
                double to = day.flux().observedSfu().getAsDouble();
                if (to - from >= thresholds.f107JumpSfu()) {
                    alerts.add(new SpaceWeatherAlert(SpaceWeatherAlert.NODE, F107_JUMP, OptionalLong.empty(),
                            day.start(), String.format(Locale.ROOT, "F10.7 rose %.1f sfu in a day: %.1f sfu on %s,"
                                    + " %.1f sfu on %s", to - from, from, yesterday.day(), to, day.day()),
                            Optional.empty(), Optional.of(day.start()), Optional.of(day.start().plusSeconds(86_400)),
                            SpaceWeatherAlert.Change.ISSUE, OptionalLong.empty(), "raised from " + day.source()
                            + " " + day.provenance().sourceName(), day.provenance()));
                }
            }
            yesterday = day;
        }
        return alerts;
    }
}
