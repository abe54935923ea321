package org.concord.formats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.SpaceObject.SatcatEntry;

/**
 * Reads the SATCAT CSV of Space-Track ({@code INTLDES,NORAD_CAT_ID,OBJECT_TYPE,SATNAME,...,COUNTRY,LAUNCH,SITE,
 * DECAY,...,RCS_SIZE,...}, every field quoted) and of CelesTrak ({@code OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,
 * OBJECT_TYPE,OPS_STATUS_CODE,OWNER,LAUNCH_DATE,LAUNCH_SITE,DECAY_DATE,...,RCS,...}). Columns are found by their
 * header name, in any order; where both layouts name a field, the Space-Track column is preferred.
 * <p>
 * The object type is written {@code PAYLOAD}, {@code ROCKET BODY}, {@code DEBRIS} or {@code UNKNOWN}
 * (CelesTrak's {@code PAY}, {@code R/B}, {@code DEB}, {@code UNK}, and Space-Track's {@code TBA}, "to be
 * assigned", are mapped). CelesTrak gives the radar cross-section in m² ({@code RCS}); it is turned into
 * Space-Track's size class: {@code SMALL} below 0.1 m², {@code MEDIUM} below 1 m², {@code LARGE} above (a row with
 * both takes a non-empty {@code RCS_SIZE} first). A blank owner is an unknown owner.
 * <p>
 * Concord's own optional column {@code FIELD_SOURCES} says where each field of a row merged from several sources came
 * from: {@code name=mizuba-2025-01;owner=spacetrack-satcat-2021-01-19;...}, the fields named as in
 * {@link org.concord.catalog.SpaceObject.SatcatEntry#FIELDS} (the bundled SATCAT carries it; docs/satcat.md).
 * {@code content} is the row's exact text, {@code line} its 1-based line.
 */
public final class SatcatReader {

    private static final int MAX_OWNER = 16;
    private static final int MAX_SITE = 16;
    private static final int MAX_DESIGNATOR = 32;
    private static final int MAX_RCS_SIZE = 16;
    private static final long MAX_CATALOG_NUMBER = 999_999_999L;
    private static final int MAX_FIELD_SOURCES = 1024;

    private SatcatReader() {
    }

    public static ParseResult<ParsedSatcat> read(String fileName, String text) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        List<ParsedSatcat> rows = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        int headerIndex = 0;
        while (headerIndex < lines.length && lines[headerIndex].isBlank()) {
            headerIndex++;
        }
        if (headerIndex == lines.length) {
            return new ParseResult<>(rows, List.of(InputError.inFile(fileName, "header", "the file is empty")));
        }
        Columns columns;
        try {
            columns = Columns.of(fileName, headerIndex + 1, split(lines[headerIndex]));
        } catch (CsvException e) {
            return new ParseResult<>(rows, List.of(InputError.atLine(fileName, headerIndex + 1, "header",
                    e.getMessage())));
        } catch (InputRejectedException e) {
            return new ParseResult<>(rows, e.errors());
        }
        for (int i = headerIndex + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                rows.add(row(fileName, i + 1, lines[i], columns));
            } catch (InputRejectedException e) {
                errors.addAll(e.errors());
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(InputError.atLine(fileName, headerIndex + 1, "content", "the header is followed by no row"));
        }
        return new ParseResult<>(rows, errors);
    }

    private static ParsedSatcat row(String fileName, int line, String text, Columns columns) {
        List<String> fields;
        try {
            fields = split(text);
        } catch (CsvException e) {
            throw new InputRejectedException(InputError.atLine(fileName, line, "row", e.getMessage()));
        }
        if (fields.size() != columns.count()) {
            throw new InputRejectedException(InputError.atLine(fileName, line, "row", "has " + fields.size()
                    + " fields, the header has " + columns.count()));
        }
        Row row = new Row(fileName, line, fields, new ArrayList<>());
        long noradId = row.catalogNumber(columns.noradId);
        String name = row.required(columns.name);
        String type = row.objectType(columns.type);
        Optional<String> owner = row.optional(columns.owner, MAX_OWNER);
        Optional<String> designator = row.optional(columns.designator, MAX_DESIGNATOR);
        Optional<LocalDate> launch = row.date(columns.launch);
        Optional<String> site = row.optional(columns.site, MAX_SITE);
        Optional<LocalDate> decay = row.date(columns.decay);
        Optional<String> rcs = row.optional(columns.rcsSize, MAX_RCS_SIZE).map(s -> s.toUpperCase(Locale.ROOT));
        if (rcs.isEmpty()) {
            rcs = row.rcsClass(columns.rcs);
        }
        Map<String, String> sources = row.fieldSources(columns.fieldSources);
        if (!row.errors().isEmpty()) {
            throw new InputRejectedException(row.errors());
        }
        return new ParsedSatcat(noradId, name, designator, type, owner, launch, site, decay, rcs, sources, text,
                line);
    }

    /** A column: its header name and index. */
    private record Column(String name, int index) {
    }

    private record Columns(int count, Column noradId, Column name, Column type, Column owner, Column designator,
                           Column launch, Column site, Column decay, Column rcsSize, Column rcs,
                           Column fieldSources) {

        static Columns of(String fileName, int line, List<String> header) {
            Map<String, Integer> index = new HashMap<>();
            List<InputError> errors = new ArrayList<>();
            for (int k = 0; k < header.size(); k++) {
                String name = header.get(k).strip().toUpperCase(Locale.ROOT);
                if (index.putIfAbsent(name, k) != null && !name.isEmpty()) {
                    errors.add(InputError.atLine(fileName, line, name, "the column appears twice in the header"));
                }
            }
            Column noradId = find(index, "NORAD_CAT_ID");
            Column name = find(index, "SATNAME", "OBJECT_NAME");
            Column type = find(index, "OBJECT_TYPE");
            Column owner = find(index, "COUNTRY", "OWNER");
            require(fileName, line, noradId, "NORAD_CAT_ID", errors);
            require(fileName, line, name, "SATNAME (Space-Track) or OBJECT_NAME (CelesTrak)", errors);
            require(fileName, line, type, "OBJECT_TYPE", errors);
            require(fileName, line, owner, "COUNTRY (Space-Track) or OWNER (CelesTrak)", errors);
            if (!errors.isEmpty()) {
                throw new InputRejectedException(errors);
            }
            return new Columns(header.size(), noradId, name, type, owner, find(index, "INTLDES", "OBJECT_ID"),
                    find(index, "LAUNCH", "LAUNCH_DATE"), find(index, "SITE", "LAUNCH_SITE"),
                    find(index, "DECAY", "DECAY_DATE"), find(index, "RCS_SIZE"), find(index, "RCS"),
                    find(index, "FIELD_SOURCES"));
        }

        private static Column find(Map<String, Integer> index, String... names) {
            for (String name : names) {
                Integer k = index.get(name);
                if (k != null) {
                    return new Column(name, k);
                }
            }
            return null;
        }

        private static void require(String fileName, int line, Column column, String names,
                                    List<InputError> errors) {
            if (column == null) {
                errors.add(InputError.atLine(fileName, line, names,
                        "the header has no such column; not a Space-Track or CelesTrak SATCAT CSV"));
            }
        }
    }

    /** The fields of one row, with the errors found in them. */
    private record Row(String fileName, int line, List<String> fields, List<InputError> errors) {

        String value(Column column) {
            return column == null ? "" : fields.get(column.index()).strip();
        }

        void error(Column column, String reason) {
            errors.add(InputError.atLine(fileName, line, column.name(), reason));
        }

        long catalogNumber(Column column) {
            String text = value(column);
            if (!text.matches("[0-9]{1,9}") || Long.parseLong(text) == 0) {
                error(column, "'" + CcsdsOrbitMessages.abbreviate(text) + "' is not a catalog number (1 to "
                        + MAX_CATALOG_NUMBER + ")");
                return 0;
            }
            return Long.parseLong(text);
        }

        String required(Column column) {
            String text = value(column);
            if (text.isEmpty()) {
                error(column, "is empty");
            }
            return text;
        }

        void maxLength(Column column, String text, int max) {
            if (text.length() > max) {
                error(column, "'" + CcsdsOrbitMessages.abbreviate(text) + "' is longer than " + max + " characters");
            }
        }

        Optional<String> optional(Column column, int max) {
            String text = value(column);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            maxLength(column, text, max);
            return Optional.of(text);
        }

        String objectType(Column column) {
            String text = value(column).toUpperCase(Locale.ROOT);
            return switch (text) {
                case "PAYLOAD", "PAY" -> "PAYLOAD";
                case "ROCKET BODY", "R/B" -> "ROCKET BODY";
                case "DEBRIS", "DEB" -> "DEBRIS";
                case "UNKNOWN", "UNK", "TBA", "" -> "UNKNOWN";
                default -> {
                    error(column, "'" + CcsdsOrbitMessages.abbreviate(value(column)) + "' is not an object type"
                            + " (PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN, TBA, or CelesTrak's PAY, R/B, DEB, UNK)");
                    yield "UNKNOWN";
                }
            };
        }

        Optional<LocalDate> date(Column column) {
            String text = value(column);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                error(column, "'" + CcsdsOrbitMessages.abbreviate(text) + "' is not a date (YYYY-MM-DD)");
                return Optional.empty();
            }
        }

        /** {@code field=source;field=source}: each field one of the entry's, each source named. */
        Map<String, String> fieldSources(Column column) {
            String text = value(column);
            Map<String, String> sources = new java.util.LinkedHashMap<>();
            if (text.isEmpty()) {
                return sources;
            }
            maxLength(column, text, MAX_FIELD_SOURCES);
            for (String part : text.split(";")) {
                int eq = part.indexOf('=');
                String field = eq < 0 ? part.strip() : part.substring(0, eq).strip();
                String source = eq < 0 ? "" : part.substring(eq + 1).strip();
                if (!SatcatEntry.FIELDS.contains(field)) {
                    error(column, "'" + CcsdsOrbitMessages.abbreviate(field) + "' is not a field (expected "
                            + String.join(", ", SatcatEntry.FIELDS) + ")");
                } else if (source.isEmpty()) {
                    error(column, "the source of " + field + " is empty (expected field=source)");
                } else if (sources.putIfAbsent(field, source) != null) {
                    error(column, field + " is given twice");
                }
            }
            return sources;
        }

        Optional<String> rcsClass(Column column) {
            String text = value(column);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            double squareMetres;
            try {
                squareMetres = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                squareMetres = Double.NaN;
            }
            if (!(squareMetres >= 0) || Double.isInfinite(squareMetres)) {
                error(column, "'" + CcsdsOrbitMessages.abbreviate(text) + "' is not a radar cross-section in m²");
                return Optional.empty();
            }
            return Optional.of(squareMetres < 0.1 ? "SMALL" : squareMetres < 1.0 ? "MEDIUM" : "LARGE");
        }
    }

    private static final class CsvException extends Exception {

        private static final long serialVersionUID = 1L;

        CsvException(String message) {
            super(message, null, false, false);
        }
    }

    /** The fields of one CSV line (RFC 4180 quoting; a quoted field does not span lines). */
    private static List<String> split(String line) throws CsvException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                int open = i;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new CsvException("column " + (open + 1) + ": the quoted field is not closed");
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new CsvException("column " + (i + 1) + ": text after the closing quote of a field");
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw new CsvException("column " + (i + 1) + ": a quote inside an unquoted field");
                    }
                    field.append(line.charAt(i));
                    i++;
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
