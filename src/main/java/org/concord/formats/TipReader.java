package org.concord.formats;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Space-Track TIP messages (class {@code tip}) in CSV or JSON, its columns by name. Every field is checked
 * (required ones present, numbers in range, epochs real UTC dates from 1900 to 2200: {@link UtcEpochs}); a record with
 * an error is reported with its file, line and field, and the others are read.
 */
public final class TipReader {

    /** The columns of Space-Track's {@code tip} class; no other is taken. */
    public static final List<String> COLUMNS = List.of("NORAD_CAT_ID", "MSG_EPOCH", "INSERT_EPOCH", "DECAY_EPOCH",
            "WINDOW", "REV", "DIRECTION", "LAT", "LON", "INCL", "NEXT_REPORT", "ID", "HIGH_INTEREST",
            "OBJECT_NUMBER");
    private static final Set<String> REQUIRED = Set.of("NORAD_CAT_ID", "MSG_EPOCH", "DECAY_EPOCH", "WINDOW", "ID");
    private static final Pattern WHOLE = Pattern.compile("[+]?\\d{1,12}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Instant EARLIEST = Instant.parse("1957-10-04T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TipReader() {
    }

    /** Whether a CSV header or JSON text has the columns of a TIP message (and is therefore read as one). */
    public static boolean looksLikeTip(String text) {
        String head = text.substring(0, Math.min(text.length(), 4096)).toUpperCase(Locale.ROOT);
        return head.contains("MSG_EPOCH") && head.contains("DECAY_EPOCH") && head.contains("NORAD_CAT_ID");
    }

    public static ParseResult<TipRecord> readCsv(String fileName, String text) {
        CsvTable.Rows table = CsvTable.read(text);
        List<InputError> errors = new ArrayList<>();
        List<TipRecord> records = new ArrayList<>();
        if (table.unclosedQuote().isPresent()) {
            errors.add(InputError.atLine(fileName, table.unclosedLine(), "CSV", table.unclosedQuote().get()));
        }
        if (table.rows().isEmpty()) {
            errors.add(InputError.inFile(fileName, "content", "no header line"));
            return new ParseResult<>(records, errors);
        }
        CsvTable.Row header = table.rows().get(0);
        List<String> names = header.fields().stream().map(f -> f.strip().toUpperCase(Locale.ROOT)).toList();
        if (!columnsKnown(fileName, header.line(), names, errors)) {
            return new ParseResult<>(records, errors);
        }
        for (CsvTable.Row row : table.rows().subList(1, table.rows().size())) {
            if (row.fields().size() != names.size()) {
                errors.add(InputError.atLine(fileName, row.line(), "row", "has " + row.fields().size()
                        + " fields; the header names " + names.size()));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), row.fields().get(i).strip());
            }
            record(values, header.text() + "\n" + row.text(), row.line(),
                    field -> InputError.atLine(fileName, row.line(), field, ""), records, errors);
        }
        return new ParseResult<>(records, errors);
    }

    public static ParseResult<TipRecord> readJson(String fileName, String text) {
        List<InputError> errors = new ArrayList<>();
        List<TipRecord> records = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            boolean array = t == JsonToken.START_ARRAY;
            if (array) {
                t = p.nextToken();
            }
            for (int index = 0; t != null && t != JsonToken.END_ARRAY; index++, t = array ? p.nextToken() : null) {
                int line = p.currentTokenLocation().getLineNr();
                String at = array ? "[" + index + "]" : "";
                if (t != JsonToken.START_OBJECT) {
                    errors.add(new InputError(fileName, Optional.of(line), Optional.of(at), "record",
                            "is not a JSON object of a TIP message"));
                    p.skipChildren();
                    continue;
                }
                JsonNode node = p.readValueAsTree();
                Map<String, String> values = new LinkedHashMap<>();
                node.properties().forEach(e -> values.put(e.getKey().toUpperCase(Locale.ROOT),
                        e.getValue().isNull() ? "" : e.getValue().isValueNode() ? e.getValue().asText()
                                : e.getValue().toString()));
                if (!columnsKnown(fileName, line, List.copyOf(values.keySet()), errors)) {
                    continue;
                }
                record(values, node.toString(), line, field -> new InputError(fileName, Optional.of(line),
                        Optional.of(at.isEmpty() ? field : at + "." + field), field, ""), records, errors);
            }
        } catch (IOException e) {
            errors.add(JsonErrors.of(fileName, e));
        }
        if (records.isEmpty() && errors.isEmpty()) {
            errors.add(InputError.inFile(fileName, "content", "no TIP message found"));
        }
        return new ParseResult<>(records, errors);
    }

    private static boolean columnsKnown(String fileName, int line, List<String> names, List<InputError> errors) {
        boolean known = true;
        for (String name : names) {
            if (!COLUMNS.contains(name)) {
                errors.add(InputError.atLine(fileName, line, name, "not a column of Space-Track's tip class; the"
                        + " columns are " + COLUMNS));
                known = false;
            }
        }
        for (String name : REQUIRED) {
            if (!names.contains(name)) {
                errors.add(InputError.atLine(fileName, line, name, "missing: a TIP message has it"));
                known = false;
            }
        }
        return known;
    }

    /** The record of these values, or an error for each field that is wrong. */
    private static void record(Map<String, String> values, String content, int line,
                               Function<String, InputError> at, List<TipRecord> records, List<InputError> errors) {
        Fields f = new Fields(values, at);
        long noradId = f.whole("NORAD_CAT_ID", 1, 999_999_999L).orElse(0L);
        f.whole("OBJECT_NUMBER", 1, 999_999_999L).filter(n -> n != noradId && noradId != 0)
                .ifPresent(n -> f.error("OBJECT_NUMBER", n + " is not the NORAD_CAT_ID " + noradId));
        Optional<Long> id = f.whole("ID", 1, Long.MAX_VALUE / 2);
        Optional<Instant> message = f.epoch("MSG_EPOCH");
        Optional<Instant> decay = f.epoch("DECAY_EPOCH");
        Optional<Long> windowMinutes = f.whole("WINDOW", 1, 525_600);
        Optional<String> direction = f.text("DIRECTION").map(d -> d.toLowerCase(Locale.ROOT));
        direction.filter(d -> !d.equals("ascending") && !d.equals("descending"))
                .ifPresent(d -> f.error("DIRECTION", "'" + d + "' is not ascending or descending"));
        Optional<Double> longitude = f.decimal("LON", -180, 360).map(l -> l > 180 ? l - 360 : l);
        Optional<String> interest = f.text("HIGH_INTEREST").map(h -> h.toUpperCase(Locale.ROOT));
        interest.filter(h -> !h.equals("Y") && !h.equals("N"))
                .ifPresent(h -> f.error("HIGH_INTEREST", "'" + h + "' is not Y or N"));
        TipRecord record = new TipRecord(noradId, id.orElse(0L), message.orElse(EARLIEST), f.epoch("INSERT_EPOCH"),
                decay.orElse(EARLIEST), Duration.ofMinutes(windowMinutes.orElse(0L)), f.whole("REV", 0, 10_000_000),
                direction, f.decimal("LAT", -90, 90), longitude, f.decimal("INCL", 0, 180),
                f.whole("NEXT_REPORT", 0, 100_000).map(Duration::ofHours), interest.map(h -> h.equals("Y")),
                content, line);
        if (f.errors.isEmpty()) {
            records.add(record);
        }
        errors.addAll(f.errors);
    }

    /** The fields of one record, read with an error for each one that is wrong. */
    private static final class Fields {

        private final Map<String, String> values;
        private final Function<String, InputError> at;
        private final List<InputError> errors = new ArrayList<>();

        Fields(Map<String, String> values, Function<String, InputError> at) {
            this.values = values;
            this.at = at;
        }

        void error(String field, String reason) {
            InputError place = at.apply(field);
            errors.add(new InputError(place.file(), place.line(), place.path(), field, reason));
        }

        Optional<String> text(String field) {
            Optional<String> value = Optional.ofNullable(values.get(field)).filter(v -> !v.isBlank());
            if (value.isEmpty() && REQUIRED.contains(field)) {
                error(field, "is empty; a TIP message has it");
            }
            return value;
        }

        Optional<Long> whole(String field, long min, long max) {
            return text(field).flatMap(v -> {
                if (!WHOLE.matcher(v).matches() || Long.parseLong(v) < min || Long.parseLong(v) > max) {
                    error(field, "'" + v + "' is not a whole number from " + min + " to " + max);
                    return Optional.empty();
                }
                return Optional.of(Long.parseLong(v));
            });
        }

        Optional<Double> decimal(String field, double min, double max) {
            return text(field).flatMap(v -> {
                if (!DECIMAL.matcher(v).matches() || Double.parseDouble(v) < min || Double.parseDouble(v) > max) {
                    error(field, "'" + v + "' is not a number from " + min + " to " + max + " degrees");
                    return Optional.empty();
                }
                return Optional.of(Double.parseDouble(v));
            });
        }

        Optional<Instant> epoch(String field) {
            return text(field).flatMap(v -> {
                UtcEpochs.Read read = UtcEpochs.read(v, UtcEpochs.Shape.SPACE_TRACK);
                read.problem().ifPresent(problem -> error(field, problem));
                return read.instant();
            });
        }
    }
}
