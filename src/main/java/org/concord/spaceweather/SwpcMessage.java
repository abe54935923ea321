package org.concord.spaceweather;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.concord.catalog.Provenance;

/**
 * One SWPC space weather message (https://www.swpc.noaa.gov/content/subscription-services): a header of
 * {@code Space Weather Message Code}, {@code Serial Number} and {@code Issue Time}, then the headline ({@code ALERT:},
 * {@code WARNING:}, {@code EXTENDED WARNING:}, {@code WATCH:}, {@code SUMMARY:}, {@code CANCEL ...:}) and its fields:
 * {@code Extension to Serial Number} and {@code Cancel Serial Number} refer to the message extended or cancelled;
 * {@code Valid From}, {@code Valid To}, {@code Now Valid Until}, {@code Threshold Reached}, {@code Begin Time},
 * {@code End Time} give its period; {@code NOAA Scale: G3 - Strong} (or a headline's {@code Category G3}) its scale.
 */
final class SwpcMessage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy MMM d HHmm 'UTC'", Locale.ENGLISH);
    private static final Pattern SCALE = Pattern.compile("\\b([GSR][1-5])\\b");
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9 .()/-]*?):\\s*(.*)$");

    private SwpcMessage() {
    }

    static Optional<SpaceWeatherAlert> read(String message, Optional<Instant> issueDatetime, String path,
                                            LineErrors errors, Provenance provenance) {
        Map<String, String> fields = new LinkedHashMap<>();
        String headline = null;
        for (String raw : message.split("\r?\n")) {
            String line = raw.trim();
            Matcher m = FIELD.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).trim();
            if (headline == null && fields.containsKey("Issue Time") && name.equals(name.toUpperCase(Locale.ROOT))) {
                headline = line;
            } else {
                fields.putIfAbsent(name, m.group(2).trim());
            }
        }
        int before = errors.size();
        String code = required(fields, "Space Weather Message Code", path, errors);
        String serialText = required(fields, "Serial Number", path, errors);
        OptionalLong serial = serialText == null ? OptionalLong.empty() : serial(serialText, path,
                "Serial Number", errors);
        Optional<Instant> issued = issueDatetime.or(() -> Optional.ofNullable(fields.get("Issue Time"))
                .flatMap(t -> time(t, path, "Issue Time", errors)));
        if (issued.isEmpty() && !fields.containsKey("Issue Time")) {
            errors.addAt(path, "Issue Time", "missing (and no issue_datetime)");
        }
        String headlineText = headline;
        if (headline == null) {
            errors.addAt(path, "message", "no headline (ALERT:, WARNING:, WATCH:, SUMMARY:, ...) after the header");
        }
        SpaceWeatherAlert.Change change = SpaceWeatherAlert.Change.ISSUE;
        OptionalLong refersTo = OptionalLong.empty();
        if (fields.containsKey("Extension to Serial Number")) {
            change = SpaceWeatherAlert.Change.EXTENSION;
            refersTo = serial(fields.get("Extension to Serial Number"), path, "Extension to Serial Number", errors);
        } else if (fields.containsKey("Cancel Serial Number")) {
            change = SpaceWeatherAlert.Change.CANCELLATION;
            refersTo = serial(fields.get("Cancel Serial Number"), path, "Cancel Serial Number", errors);
        }
        Optional<Instant> begins = first(fields, path, errors, "Valid From", "Threshold Reached", "Begin Time");
        Optional<Instant> ends = first(fields, path, errors, "Now Valid Until", "Valid To", "End Time");
        Optional<String> scale = Optional.ofNullable(fields.get("NOAA Scale")).flatMap(SwpcMessage::scale)
                .or(() -> Optional.ofNullable(headlineText).flatMap(SwpcMessage::scale));
        if (errors.size() > before || code == null || serial.isEmpty() || issued.isEmpty() || headline == null) {
            return Optional.empty();
        }
        return Optional.of(new SpaceWeatherAlert(SpaceWeatherAlert.SWPC, code, serial, issued.get(), headline, scale,
                begins, ends, change, refersTo, message, provenance));
    }

    private static Optional<String> scale(String text) {
        Matcher m = SCALE.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String required(Map<String, String> fields, String name, String path, LineErrors errors) {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            errors.addAt(path, name, "missing from the message header");
            return null;
        }
        return v;
    }

    private static OptionalLong serial(String text, String path, String field, LineErrors errors) {
        try {
            long v = Long.parseLong(text.trim());
            if (v > 0) {
                return OptionalLong.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.addAt(path, field, "'" + text + "' is not a serial number");
        return OptionalLong.empty();
    }

    private static Optional<Instant> first(Map<String, String> fields, String path, LineErrors errors,
                                           String... names) {
        for (String name : names) {
            String v = fields.get(name);
            if (v != null) {
                return time(v, path, name, errors);
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> time(String text, String path, String field, LineErrors errors) {
        try {
            return Optional.of(LocalDateTime.parse(text.trim().replaceAll("\\s+", " "), TIME)
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            errors.addAt(path, field, "'" + text + "' is not a time such as 2024 May 10 1600 UTC");
            return Optional.empty();
        }
    }
}
