package org.concord.spaceweather;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.concord.catalog.Provenance;

/**
 * CelesTrak's {@code SW-All.csv} (https://celestrak.org/SpaceData/SpaceWx-format.php): one row a day with the eight
 * 3-hour Kp (in tenths) and ap, the daily Ap and the F10.7 flux; {@code F10.7_DATA_TYPE} tells observed (OBS),
 * interpolated flux (INT), 45-day predicted (PRD) and monthly predicted (PRM, no Kp or ap) rows apart.
 */
final class CelestrakCsvReader {

    private static final List<String> REQUIRED = List.of("DATE", "KP1", "KP2", "KP3", "KP4", "KP5", "KP6", "KP7",
            "KP8", "AP1", "AP2", "AP3", "AP4", "AP5", "AP6", "AP7", "AP8", "AP_AVG", "F10.7_OBS", "F10.7_ADJ",
            "F10.7_DATA_TYPE", "F10.7_OBS_CENTER81", "F10.7_OBS_LAST81", "F10.7_ADJ_CENTER81", "F10.7_ADJ_LAST81");

    private CelestrakCsvReader() {
    }

    static List<DailyIndices> read(String text, Provenance provenance) {
        LineErrors errors = new LineErrors(provenance.sourceName());
        String[] lines = text.split("\r?\n", -1);
        String[] header = lines[0].trim().split(",", -1);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            at.put(header[i].trim(), i);
        }
        for (String name : REQUIRED) {
            if (!at.containsKey(name)) {
                errors.add(1, name, "the header has no column " + name);
            }
        }
        errors.rejectIfAny();
        List<DailyIndices> days = new ArrayList<>(lines.length);
        Set<String> seen = new HashSet<>();
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            int lineNo = n + 1;
            String[] f = line.split(",", -1);
            if (f.length != header.length) {
                errors.add(lineNo, "columns", f.length + " fields where the header names " + header.length);
                continue;
            }
            String dateText = f[at.get("DATE")].trim();
            LocalDate day;
            try {
                day = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                errors.add(lineNo, "DATE", "'" + dateText + "' is not a date such as 2024-05-10");
                continue;
            }
            String type = f[at.get("F10.7_DATA_TYPE")].trim();
            IndexStatus status = switch (type) {
                case "OBS" -> IndexStatus.OBSERVED;
                case "INT" -> IndexStatus.INTERPOLATED;
                case "PRD" -> IndexStatus.DAILY_PREDICTED;
                case "PRM" -> IndexStatus.MONTHLY_PREDICTED;
                default -> null;
            };
            if (status == null) {
                errors.add(lineNo, "F10.7_DATA_TYPE", "'" + type + "' is none of OBS, INT, PRD, PRM");
                continue;
            }
            if (!seen.add(day + type)) {
                errors.add(lineNo, "DATE", day + " appears twice as " + type);
            }
            List<OptionalDouble> kp = new ArrayList<>();
            List<OptionalLong> ap = new ArrayList<>();
            for (int i = 1; i <= DailyIndices.INTERVALS; i++) {
                kp.add(errors.kpTenths(lineNo, "KP" + i, f[at.get("KP" + i)]));
                ap.add(errors.whole(lineNo, "AP" + i, f[at.get("AP" + i)], 0, 400));
            }
            SolarFlux flux = new SolarFlux(flux(errors, lineNo, "F10.7_OBS", f, at),
                    flux(errors, lineNo, "F10.7_ADJ", f, at), flux(errors, lineNo, "F10.7_OBS_CENTER81", f, at),
                    flux(errors, lineNo, "F10.7_OBS_LAST81", f, at), flux(errors, lineNo, "F10.7_ADJ_CENTER81", f, at),
                    flux(errors, lineNo, "F10.7_ADJ_LAST81", f, at), OptionalLong.empty());
            days.add(new DailyIndices(day, status, SpaceWeatherFormat.CELESTRAK_CSV.code(), provenance, kp, ap,
                    errors.whole(lineNo, "AP_AVG", f[at.get("AP_AVG")], 0, 400), flux));
        }
        errors.rejectIfAny();
        return days;
    }

    static OptionalDouble flux(LineErrors errors, int line, String column, String[] f, Map<String, Integer> at) {
        return errors.decimal(line, column, f[at.get(column)], 0, 10_000);
    }
}
