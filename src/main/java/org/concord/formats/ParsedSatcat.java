package org.concord.formats;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A SATCAT row as read: {@code content} is the row's own text, {@code line} its line in the file; {@code owner} is
 * empty when the row leaves it blank; {@code fieldSources} is Concord's {@code FIELD_SOURCES} column (field to source).
 */
public record ParsedSatcat(long noradId, String name, Optional<String> internationalDesignator, String objectType,
                           Optional<String> owner, Optional<LocalDate> launchDate, Optional<String> launchSite,
                           Optional<LocalDate> decayDate, Optional<String> rcsSize, Map<String, String> fieldSources,
                           String content, int line) {

    public ParsedSatcat {
        fieldSources = Map.copyOf(fieldSources);
    }
}
