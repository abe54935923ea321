package org.concord.spaceweather;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.catalog.Provenance;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;

/**
 * NOAA SWPC's JSON products (https://services.swpc.noaa.gov/products/ and /json/), in both shapes they circulate in:
 * an array whose first row names the columns ({@code [["time_tag","Kp",...],["2024-05-10 00:00:00.000","2.67",...]]})
 * and an array of objects ({@code [{"time_tag":"2024-05-10T00:00:00","Kp":2.67,...}]}); names are read
 * case-insensitively. The planetary K index (3-hourly {@code time_tag}, {@code kp}, optional {@code a_running} and,
 * in the forecast product, {@code observed}: observed, estimated or predicted), the 10.7 cm flux ({@code time_tag},
 * {@code flux}; where a day has several readings, the one of {@code reporting_schedule} Noon) and the alerts
 * ({@code product_id}, {@code issue_datetime}, {@code message}: {@link SwpcMessage}).
 */
final class SwpcJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SwpcJson() {
    }

    static Optional<SpaceWeatherFormat> detect(String text) {
        List<Map<String, JsonNode>> rows;
        try {
            rows = Rows.read(text).rows();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonNode> first = rows.getFirst();
        if (first.containsKey("message") && first.containsKey("product_id")) {
            return Optional.of(SpaceWeatherFormat.SWPC_ALERTS);
        }
        if (first.containsKey("time_tag") && first.containsKey("kp")) {
            return Optional.of(SpaceWeatherFormat.SWPC_KP);
        }
        if (first.containsKey("time_tag") && first.containsKey("flux")) {
            return Optional.of(SpaceWeatherFormat.SWPC_F107);
        }
        return Optional.empty();
    }

    /**
     * The rows by lower-case column name, from either shape, and where each was in the text: the line of each row
     * (its path {@code [r]}) and of each of its values ({@code [r].name}), from Jackson's token locations, so that an
     * error names the line as the other readers' errors do.
     */
    private record Rows(List<Map<String, JsonNode>> rows, Map<String, Integer> lines) {

        static Rows read(String text) throws IOException {
            List<Map<String, JsonNode>> rows = new ArrayList<>();
            Map<String, Integer> lines = new HashMap<>();
            try (JsonParser p = JSON.createParser(text)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("not an array");
                }
                List<String> header = null;
                int item = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), item++) {
                    if (t == null) {
                        throw new JsonParseException(p, "the array is not closed");
                    }
                    String path = "[" + rows.size() + "]";
                    int line = p.currentTokenLocation().getLineNr();
                    if (item == 0 && t == JsonToken.START_ARRAY) {
                        header = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            header.add(((JsonNode) p.readValueAsTree()).asText().toLowerCase(Locale.ROOT));
                        }
                        continue;
                    }
                    Map<String, JsonNode> row = new LinkedHashMap<>();
                    if (header != null) {
                        if (t != JsonToken.START_ARRAY) {
                            throw new IllegalArgumentException("row " + item + " is not an array");
                        }
                        for (int c = 0; p.nextToken() != JsonToken.END_ARRAY; c++) {
                            int at = p.currentTokenLocation().getLineNr();
                            JsonNode value = p.readValueAsTree();
                            if (c < header.size()) {
                                row.put(header.get(c), value);
                                lines.put(path + "." + header.get(c), at);
                            }
                        }
                    } else {
                        if (t != JsonToken.START_OBJECT) {
                            throw new IllegalArgumentException("an item is not an object");
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName().toLowerCase(Locale.ROOT);
                            p.nextToken();
                            lines.put(path + "." + name, p.currentTokenLocation().getLineNr());
                            row.put(name, p.readValueAsTree());
                        }
                    }
                    lines.put(path, line);
                    rows.add(row);
                }
                if (p.nextToken() != null) {
                    throw new JsonParseException(p, "unexpected content after the array");
                }
            }
            return new Rows(rows, lines);
        }
    }

    /** The rows of an input, or its refusal naming the line where it is not the JSON expected. */
    private static Rows rows(String text, Provenance provenance) {
        try {
            return Rows.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new InputRejectedException(new InputError(provenance.sourceName(), where == null ? Optional.empty()
                    : Optional.of(where.getLineNr()), Optional.empty(), "json", "not valid JSON: "
                    + e.getOriginalMessage() + (where == null ? "" : " (column " + where.getColumnNr() + ")")));
        } catch (IOException e) {
            throw new InputRejectedException(InputError.inFile(provenance.sourceName(), "json",
                    "cannot be read: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(InputError.inFile(provenance.sourceName(), "json", e.getMessage()));
        }
    }

    private static Optional<String> text(Map<String, JsonNode> row, String name) {
        JsonNode v = row.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText().trim());
    }

    /** The text of a field the row must have; reported missing otherwise. */
    private static Optional<String> required(Map<String, JsonNode> row, String name, String path,
                                             LineErrors errors) {
        Optional<String> v = text(row, name);
        if (v.isEmpty()) {
            errors.addAt(path, name, "missing");
        }
        return v;
    }

    /** SWPC's times: 2024-05-10 00:00:00.000, 2024-05-10T00:00:00 or with a Z, in UTC. */
    private static Optional<Instant> time(LineErrors errors, String path, String text) {
        String t = text.replace(' ', 'T').replaceAll("Z$", "");
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            errors.addAt(path, "time_tag", "'" + text + "' is not a UTC time such as 2024-05-10 00:00:00.000");
            return Optional.empty();
        }
    }

    static List<DailyIndices> readKp(String text, Provenance provenance) {
        Rows read = rows(text, provenance);
        LineErrors errors = new LineErrors(provenance.sourceName(), read.lines());
        List<Map<String, JsonNode>> rows = read.rows();
        Map<LocalDate, Map<IndexStatus, Double[]>> kp = new TreeMap<>();
        Map<LocalDate, Map<IndexStatus, Long[]>> ap = new TreeMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, JsonNode> row = rows.get(r);
            String path = "[" + r + "]";
            Optional<Instant> at = required(row, "time_tag", path, errors).flatMap(t -> time(errors, path, t));
            Optional<String> kpText = required(row, "kp", path, errors);
            OptionalDouble value = kpText.isEmpty() ? OptionalDouble.empty() : parse(errors, path, "kp",
                    kpText.get(), 0, 9);
            OptionalLong aRunning = text(row, "a_running").map(t -> wholeAt(errors, path, "a_running", t))
                    .orElse(OptionalLong.empty());
            String observed = text(row, "observed").orElse("observed");
            IndexStatus status = switch (observed) {
                case "observed" -> IndexStatus.OBSERVED;
                case "estimated" -> IndexStatus.ESTIMATED;
                case "predicted" -> IndexStatus.DAILY_PREDICTED;
                default -> {
                    errors.addAt(path, "observed", "'" + observed + "' is none of observed, estimated, predicted");
                    yield null;
                }
            };
            if (at.isEmpty() || value.isEmpty() || status == null) {
                continue;
            }
            LocalDateTime t = LocalDateTime.ofInstant(at.get(), ZoneOffset.UTC);
            if (t.getHour() % 3 != 0 || t.getMinute() != 0 || t.getSecond() != 0) {
                errors.addAt(path, "time_tag", t + " does not start a 3-hour interval (00, 03, ..., 21 UTC);"
                        + " only the 3-hourly planetary K index is read");
                continue;
            }
            Double[] day = kp.computeIfAbsent(t.toLocalDate(), d -> new TreeMap<>())
                    .computeIfAbsent(status, s -> new Double[DailyIndices.INTERVALS]);
            int i = t.getHour() / 3;
            if (day[i] != null) {
                errors.addAt(path, "time_tag", t + " appears twice");
            }
            day[i] = value.getAsDouble();
            Long[] aps = ap.computeIfAbsent(t.toLocalDate(), d -> new TreeMap<>())
                    .computeIfAbsent(status, s -> new Long[DailyIndices.INTERVALS]);
            aRunning.ifPresent(a -> aps[i] = a);
        }
        errors.rejectIfAny();
        List<DailyIndices> days = new ArrayList<>();
        kp.forEach((day, byStatus) -> byStatus.forEach((status, values) -> {
            List<OptionalDouble> kps = new ArrayList<>();
            List<OptionalLong> aps = new ArrayList<>();
            Long[] apValues = ap.get(day).get(status);
            for (int i = 0; i < DailyIndices.INTERVALS; i++) {
                kps.add(values[i] == null ? OptionalDouble.empty() : OptionalDouble.of(values[i]));
                aps.add(apValues[i] == null ? OptionalLong.empty() : OptionalLong.of(apValues[i]));
            }
            days.add(new DailyIndices(day, status, SpaceWeatherFormat.SWPC_KP.code(), provenance, kps, aps,
                    OptionalLong.empty(), SolarFlux.NONE));
        }));
        return days;
    }

    static List<DailyIndices> readFlux(String text, Provenance provenance) {
        Rows read = rows(text, provenance);
        LineErrors errors = new LineErrors(provenance.sourceName(), read.lines());
        List<Map<String, JsonNode>> rows = read.rows();
        Map<LocalDate, Double> byDay = new TreeMap<>();
        Map<LocalDate, Boolean> noon = new TreeMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, JsonNode> row = rows.get(r);
            String path = "[" + r + "]";
            Optional<Instant> at = required(row, "time_tag", path, errors).flatMap(t -> time(errors, path, t));
            Optional<String> fluxText = required(row, "flux", path, errors);
            OptionalDouble flux = fluxText.isEmpty() ? OptionalDouble.empty()
                    : parse(errors, path, "flux", fluxText.get(), 0, 10_000);
            Optional<String> frequency = text(row, "frequency");
            if (frequency.isPresent() && !frequency.get().equals("2800")) {
                errors.addAt(path, "frequency", "'" + frequency.get() + "' MHz: the 10.7 cm flux is measured at"
                        + " 2800 MHz");
                continue;
            }
            if (at.isEmpty() || flux.isEmpty()) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(at.get(), ZoneOffset.UTC);
            boolean isNoon = text(row, "reporting_schedule").map("Noon"::equalsIgnoreCase).orElse(false);
            if (byDay.containsKey(day)) {
                if (isNoon == noon.get(day)) {
                    errors.addAt(path, "time_tag", "a second " + (isNoon ? "noon " : "") + "flux on " + day
                            + " (mark the daily one with reporting_schedule Noon)");
                }
                if (!isNoon) {
                    continue;
                }
            }
            byDay.put(day, flux.getAsDouble());
            noon.put(day, isNoon);
        }
        errors.rejectIfAny();
        List<DailyIndices> days = new ArrayList<>();
        byDay.forEach((day, sfu) -> days.add(new DailyIndices(day, IndexStatus.OBSERVED,
                SpaceWeatherFormat.SWPC_F107.code(), provenance, DailyIndices.noKp(), DailyIndices.noAp(),
                OptionalLong.empty(), SolarFlux.observed(sfu))));
        return days;
    }

    static List<SpaceWeatherAlert> readAlerts(String text, Provenance provenance) {
        Rows read = rows(text, provenance);
        LineErrors errors = new LineErrors(provenance.sourceName(), read.lines());
        List<Map<String, JsonNode>> rows = read.rows();
        List<SpaceWeatherAlert> alerts = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, JsonNode> row = rows.get(r);
            String path = "[" + r + "]";
            Optional<String> message = required(row, "message", path, errors);
            if (message.isEmpty()) {
                continue;
            }
            Optional<Instant> issued = text(row, "issue_datetime").flatMap(t -> time(errors, path, t));
            SwpcMessage.read(message.get(), issued, path, errors, provenance).ifPresent(alerts::add);
        }
        errors.rejectIfAny();
        return alerts;
    }

    private static OptionalDouble parse(LineErrors errors, String path, String field, String text, double min,
                                        double max) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v) && v >= min && v <= max) {
                return OptionalDouble.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.addAt(path, field, "'" + text + "' is not a number from " + min + " to " + max);
        return OptionalDouble.empty();
    }

    private static OptionalLong wholeAt(LineErrors errors, String path, String field, String text) {
        OptionalDouble v = parse(errors, path, field, text, 0, 400);
        if (v.isPresent() && v.getAsDouble() != Math.rint(v.getAsDouble())) {
            errors.addAt(path, field, "'" + text + "' is not a whole number");
            return OptionalLong.empty();
        }
        return v.isPresent() ? OptionalLong.of((long) v.getAsDouble()) : OptionalLong.empty();
    }
}
