package org.concord.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 CSV, read so that every row keeps its exact text: fields separated by commas, optionally in double
 * quotes (a quote inside doubled, commas and line breaks allowed inside), rows ended by LF or CRLF. Empty lines are
 * skipped.
 */
final class CsvTable {

    private CsvTable() {
    }

    /** One row: its fields, its exact text (without the line end), and the line it starts on. */
    record Row(List<String> fields, String text, int line) {
    }

    /** The rows of a text, and the error that stopped the reading if one did (an unclosed quote). */
    record Rows(List<Row> rows, Optional<String> unclosedQuote, int unclosedLine) {
    }

    static Rows read(String text) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int rowStart = i;
            int rowLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            int rowEnd = -1;
            while (i < n) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                    i++;
                    continue;
                }
                if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                    i++;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                    i++;
                } else if (c == '\n' || c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    rowEnd = i;
                    i += c == '\r' ? 2 : 1;
                    line++;
                    break;
                } else {
                    field.append(c);
                    fieldStart = false;
                    i++;
                }
            }
            if (quoted) {
                return new Rows(rows, Optional.of("a quoted field is not closed"), rowLine);
            }
            fields.add(field.toString());
            String rowText = text.substring(rowStart, rowEnd < 0 ? n : rowEnd);
            if (!rowText.isBlank()) {
                rows.add(new Row(List.copyOf(fields), rowText, rowLine));
            }
        }
        return new Rows(rows, Optional.empty(), 0);
    }
}
