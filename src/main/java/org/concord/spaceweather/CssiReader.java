package org.concord.spaceweather;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.concord.catalog.Provenance;

/**
 * The CSSI space weather file {@code SpaceWeather-All-v1.2.txt} (the format Orekit's {@code CssiSpaceWeatherData}
 * reads): fixed columns {@code FORMAT(I4,I3,I3,I5,I3,8I3,I4,8I4,I4,F4.1,I2,I4,F6.1,I2,5F6.1)} in sections
 * {@code OBSERVED}, {@code DAILY_PREDICTED} and {@code MONTHLY_PREDICTED}, each announced with its number of points
 * (checked). The {@code MONTHLY_FIT} section, a smoothed copy of the observations, is not read.
 */
final class CssiReader {

    /** Start and end of each field in a data line. */
    private static final int[] KP_START = {18, 21, 24, 27, 30, 33, 36, 39};
    private static final int[] AP_START = {46, 50, 54, 58, 62, 66, 70, 74};

    private CssiReader() {
    }

    static List<DailyIndices> read(String text, Provenance provenance) {
        LineErrors errors = new LineErrors(provenance.sourceName());
        String[] lines = text.split("\r?\n", -1);
        List<DailyIndices> days = new ArrayList<>();
        Map<String, Long> announced = new HashMap<>();
        Map<String, Integer> announcedAt = new HashMap<>();
        Map<String, Long> counted = new HashMap<>();
        String section = null;
        IndexStatus status = null;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int lineNo = n + 1;
            String trimmed = line.trim();
            if (trimmed.startsWith("NUM_") && trimmed.contains("_POINTS")) {
                String[] parts = trimmed.split("\\s+");
                String name = parts[0].substring(4, parts[0].length() - "_POINTS".length());
                errors.whole(lineNo, parts[0], parts.length > 1 ? parts[1] : "", 0, 1_000_000)
                        .ifPresent(v -> {
                            announced.put(name, v);
                            announcedAt.put(name, lineNo);
                        });
            } else if (trimmed.startsWith("BEGIN ")) {
                section = trimmed.substring(6).trim();
                status = switch (section) {
                    case "OBSERVED" -> IndexStatus.OBSERVED;
                    case "DAILY_PREDICTED" -> IndexStatus.DAILY_PREDICTED;
                    case "MONTHLY_PREDICTED" -> IndexStatus.MONTHLY_PREDICTED;
                    default -> null;
                };
            } else if (trimmed.startsWith("END ")) {
                section = null;
                status = null;
            } else if (section != null && !trimmed.isEmpty()) {
                counted.merge(section, 1L, Long::sum);
                if (status != null) {
                    days.add(day(errors, line, lineNo, status, provenance));
                }
            }
        }
        if (!announced.containsKey("OBSERVED")) {
            errors.add(1, "NUM_OBSERVED_POINTS", "the file has no OBSERVED section");
        }
        announced.forEach((name, n) -> {
            long found = counted.getOrDefault(name, 0L);
            if (found != n) {
                errors.add(announcedAt.get(name), "NUM_" + name + "_POINTS", "announces " + n + " points; the "
                        + name + " section has " + found);
            }
        });
        errors.rejectIfAny();
        return days;
    }

    private static DailyIndices day(LineErrors errors, String line, int lineNo, IndexStatus status,
                                    Provenance provenance) {
        LocalDate day = null;
        OptionalLong y = errors.whole(lineNo, "yy", field(line, 0, 4), 1900, 2200);
        OptionalLong m = errors.whole(lineNo, "mm", field(line, 4, 7), 1, 12);
        OptionalLong d = errors.whole(lineNo, "dd", field(line, 7, 10), 1, 31);
        try {
            day = LocalDate.of((int) y.orElseThrow(), (int) m.orElseThrow(), (int) d.orElseThrow());
        } catch (DateTimeException | java.util.NoSuchElementException e) {
            errors.add(lineNo, "date", "'" + field(line, 0, 10).trim() + "' is not a date (yyyy mm dd)");
        }
        List<OptionalDouble> kp = new ArrayList<>();
        List<OptionalLong> ap = new ArrayList<>();
        for (int i = 0; i < DailyIndices.INTERVALS; i++) {
            kp.add(errors.kpTenths(lineNo, "Kp" + (i + 1), field(line, KP_START[i], KP_START[i] + 3)));
            ap.add(errors.whole(lineNo, "Ap" + (i + 1), field(line, AP_START[i], AP_START[i] + 4), 0, 400));
        }
        SolarFlux flux = new SolarFlux(flux(errors, lineNo, "F10.7 Obs", line, 112),
                flux(errors, lineNo, "F10.7 Adj", line, 92), flux(errors, lineNo, "Ctr81 Obs", line, 118),
                flux(errors, lineNo, "Lst81 Obs", line, 124), flux(errors, lineNo, "Ctr81 Adj", line, 100),
                flux(errors, lineNo, "Lst81 Adj", line, 106),
                errors.whole(lineNo, "Q", field(line, 98, 100), 0, 9));
        return new DailyIndices(day == null ? LocalDate.EPOCH : day, status, SpaceWeatherFormat.CSSI.code(),
                provenance, kp, ap, errors.whole(lineNo, "Avg", field(line, 78, 82), 0, 400), flux);
    }

    private static OptionalDouble flux(LineErrors errors, int lineNo, String name, String line, int start) {
        return errors.decimal(lineNo, name, field(line, start, start + 6), 0, 10_000);
    }

    private static String field(String line, int start, int end) {
        return start >= line.length() ? "" : line.substring(start, Math.min(end, line.length()));
    }
}
