package org.concord.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.concord.catalog.SourceFormat;
import org.concord.formats.OmmFields.Layout;
import org.concord.formats.OmmFields.Place;
import org.concord.formats.OmmFields.Sgp4Elements;
import org.concord.formats.OmmFields.Value;
import org.orekit.propagation.analytical.tle.TLE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads OMM mean elements in every layout: CCSDS KVN and XML (through Orekit, see {@link CcsdsOmmReader}), and the
 * JSON and CSV layouts of CelesTrak and Space-Track, whose keys are the CCSDS keywords. What is accepted is the same
 * in all layouts and is described in {@link OmmFields}. Every invalid record gives errors naming it; the others are
 * read all the same.
 */
public final class OmmReader {

    /** The name errors give to a stored record read again by {@link #toTle}. */
    private static final String STORED = "stored record";

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private OmmReader() {
    }

    public static ParseResult<ParsedOrbit> readCcsds(String fileName, String text, SourceFormat format) {
        return orbits(CcsdsOmmReader.read(fileName, text, format));
    }

    /** A JSON array of OMM objects, or one object. Values may be numbers or numeric strings; other keys are ignored. */
    public static ParseResult<ParsedOrbit> readJson(String fileName, String text) {
        return orbits(jsonRecords(fileName, text));
    }

    /** A CSV table whose header names the OMM keywords, in any order. Other columns are ignored. */
    public static ParseResult<ParsedOrbit> readCsv(String fileName, String text) {
        return orbits(csvRecords(fileName, text));
    }

    /**
     * The TLE that SGP4 propagates for the stored content of one mean-element record: one OMM in any layout (for
     * CSV, the header line and the record's row), or a TLE (an optional name line, then lines 1 and 2).
     *
     * @throws InputRejectedException if the content is not exactly one valid record
     * @throws IllegalArgumentException if the format does not hold mean elements
     */
    public static TLE toTle(SourceFormat format, String content) {
        if (format == SourceFormat.TLE) {
            return tleOf(content);
        }
        ParseResult<OmmRecord> result = switch (format) {
            case OMM_KVN, OMM_XML -> CcsdsOmmReader.read(STORED, content, format);
            case OMM_JSON -> jsonRecords(STORED, content);
            case OMM_CSV -> csvRecords(STORED, content);
            default -> throw new IllegalArgumentException(format + " does not hold SGP4 mean elements");
        };
        if (!result.errors().isEmpty()) {
            throw new InputRejectedException(result.errors());
        }
        if (result.items().size() != 1) {
            throw new InputRejectedException(InputError.inFile(STORED, "content", "holds " + result.items().size()
                    + " records; a stored record holds one"));
        }
        return result.items().get(0).tle();
    }

    private static TLE tleOf(String content) {
        ParseResult<ParsedOrbit> parsed = TleReader.read(STORED, content);
        if (!parsed.errors().isEmpty()) {
            throw new InputRejectedException(parsed.errors());
        }
        if (parsed.items().size() != 1) {
            throw new InputRejectedException(InputError.inFile(STORED, "content", "holds " + parsed.items().size()
                    + " element sets; a stored record holds one"));
        }
        List<String> lines = content.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
        return new TLE(lines.get(lines.size() - 2), lines.get(lines.size() - 1));
    }

    private static ParseResult<ParsedOrbit> orbits(ParseResult<OmmRecord> records) {
        return new ParseResult<>(records.items().stream().map(OmmRecord::orbit).toList(), records.errors());
    }

    /** Adds the record of these values, or their errors. */
    private static void add(Map<String, Value> values, Place record, SourceFormat format, String content, int line,
                            List<InputError> recordErrors, List<OmmRecord> records, List<InputError> errors) {
        Optional<Sgp4Elements> elements = OmmFields.read(values, record, Layout.CELESTRAK, true, recordErrors);
        if (recordErrors.isEmpty() && elements.isPresent()) {
            try {
                records.add(OmmRecord.of(elements.get(), elements.get().toTle(), format, content, line, false));
            } catch (RuntimeException e) {
                recordErrors.add(record.error("element set", "Orekit cannot build a TLE from it: " + e.getMessage()));
            }
        }
        errors.addAll(recordErrors);
    }

    static ParseResult<OmmRecord> jsonRecords(String fileName, String text) {
        List<OmmRecord> records = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                int index = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    String at = "[" + index + "]";
                    if (t == JsonToken.START_OBJECT) {
                        jsonObject(fileName, p, at, records, errors);
                    } else {
                        errors.add(new InputError(fileName, Optional.of(lineOf(p)), Optional.of(at), "record",
                                "is " + kindOf(t) + "; expected an OMM object"));
                        p.skipChildren();
                    }
                    index++;
                }
            } else if (t == JsonToken.START_OBJECT) {
                jsonObject(fileName, p, "", records, errors);
            } else {
                errors.add(InputError.atLine(fileName, t == null ? 1 : lineOf(p), "JSON",
                        "expected an array of OMM objects or one OMM object"));
                return new ParseResult<>(records, errors);
            }
            if (p.nextToken() != null) {
                errors.add(InputError.atLine(fileName, lineOf(p), "JSON", "unexpected content after the JSON value"));
            }
        } catch (IOException e) {
            errors.add(JsonErrors.of(fileName, e));
        }
        if (records.isEmpty() && errors.isEmpty()) {
            errors.add(InputError.inFile(fileName, "content", "no OMM object found"));
        }
        return new ParseResult<>(records, errors);
    }

    private static String kindOf(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static int lineOf(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** One object, the parser on its START_OBJECT; {@code at} is its path ("" for a lone object). */
    private static void jsonObject(String fileName, JsonParser p, String at, List<OmmRecord> records,
                                   List<InputError> errors) throws IOException {
        int line = lineOf(p);
        ObjectNode node = JSON.createObjectNode();
        Map<String, Value> values = new HashMap<>();
        List<InputError> recordErrors = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            Place place = new Place(fileName, Optional.of(lineOf(p)), Optional.of(at.isEmpty() ? key : at + "." + key));
            JsonNode value = p.readValueAsTree();
            if (node.has(key)) {
                recordErrors.add(place.error(key, "is given twice in the same object"));
                continue;
            }
            node.set(key, value);
            if (!OmmFields.KEYWORDS.contains(key) || value == null || value.isNull()) {
                continue;
            }
            if (value.isContainerNode()) {
                recordErrors.add(place.error(key, "is " + (value.isArray() ? "an array" : "an object")
                        + "; expected a number or a string"));
            } else {
                String text = value.isBigDecimal() ? value.decimalValue().toString() : value.asText();
                values.put(key, new Value(text, place));
            }
        }
        Place record = new Place(fileName, Optional.of(line), at.isEmpty() ? Optional.empty() : Optional.of(at),
                Optional.of(at.isEmpty() ? "" : at + "."));
        add(values, record, SourceFormat.OMM_JSON, JSON.writeValueAsString(node), line, recordErrors, records,
                errors);
    }

    static ParseResult<OmmRecord> csvRecords(String fileName, String text) {
        List<OmmRecord> records = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        CsvTable.Rows table = CsvTable.read(text);
        if (table.rows().isEmpty()) {
            table.unclosedQuote().ifPresent(e -> errors.add(InputError.atLine(fileName, table.unclosedLine(), "CSV", e)));
            errors.add(InputError.inFile(fileName, "header", "no header row"));
            return new ParseResult<>(records, errors);
        }
        CsvTable.Row header = table.rows().get(0);
        List<String> names = header.fields().stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).toList();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!name.isEmpty() && !seen.add(name)) {
                errors.add(InputError.atLine(fileName, header.line(), name, "column is named twice in the header"));
            }
        }
        List<String> missing = Stream.concat(OmmFields.MANDATORY_DATA.stream(), Stream.of(OmmFields.NORAD_CAT_ID))
                .filter(k -> !seen.contains(k)).toList();
        if (!missing.isEmpty()) {
            errors.add(InputError.atLine(fileName, header.line(), String.join(", ", missing),
                    "mandatory column" + (missing.size() > 1 ? "s are" : " is") + " missing from the header"));
        }
        if (!errors.isEmpty()) {
            return new ParseResult<>(records, errors);
        }
        for (CsvTable.Row row : table.rows().subList(1, table.rows().size())) {
            if (row.fields().size() != names.size()) {
                errors.add(InputError.atLine(fileName, row.line(), "row", "has " + row.fields().size()
                        + " fields; the header has " + names.size()));
                continue;
            }
            Map<String, Value> values = new HashMap<>();
            Place place = Place.line(fileName, row.line());
            for (int k = 0; k < names.size(); k++) {
                if (OmmFields.KEYWORDS.contains(names.get(k))) {
                    values.put(names.get(k), new Value(row.fields().get(k).strip(), place));
                }
            }
            add(values, place, SourceFormat.OMM_CSV, header.text() + "\n" + row.text(), row.line(),
                    new ArrayList<>(), records, errors);
        }
        table.unclosedQuote().ifPresent(e -> errors.add(InputError.atLine(fileName, table.unclosedLine(), "CSV",
                e + "; the rest of the file cannot be read")));
        if (records.isEmpty() && errors.isEmpty()) {
            errors.add(InputError.atLine(fileName, header.line(), "content", "the header is followed by no row"));
        }
        return new ParseResult<>(records, errors);
    }
}
