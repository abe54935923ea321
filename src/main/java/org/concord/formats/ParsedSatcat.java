package org.concord.formats;

import java.time.LocalDate;
import java.util.Optional;

/** A SATCAT row as read: {@code content} is the row's own text, {@code line} its line in the file. */
public record ParsedSatcat(long noradId, String name, Optional<String> internationalDesignator, String objectType,
                           String owner, Optional<LocalDate> launchDate, Optional<String> launchSite,
                           Optional<LocalDate> decayDate, Optional<String> rcsSize, String content, int line) {
}
