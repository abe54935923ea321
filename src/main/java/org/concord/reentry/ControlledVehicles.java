package org.concord.reentry;

import java.util.List;
import java.util.Locale;

/**
 * The vehicles whose operators de-orbit them under control (cargo and crew vehicles), by the first word or words of
 * their catalog name: a payload named {@code CYGNUS NG-11} or {@code PROGRESS MS-13} is one; its debris ({@code ...
 * DEB}) and rocket bodies ({@code ... R/B}) are not. An orbit alone cannot tell a planned de-orbit burn ahead.
 */
public record ControlledVehicles(List<String> namePrefixes) {

    public static final ControlledVehicles DEFAULT = new ControlledVehicles(List.of("CYGNUS", "DRAGON", "CREW DRAGON",
            "PROGRESS", "SOYUZ", "HTV", "ATV", "TIANZHOU", "SHENZHOU", "STARLINER", "ORION", "DREAM CHASER"));

    public ControlledVehicles {
        namePrefixes = namePrefixes.stream().map(p -> p.strip().toUpperCase(Locale.ROOT)).toList();
    }

    boolean matches(String objectName) {
        String name = objectName.strip().toUpperCase(Locale.ROOT);
        if (name.contains(" DEB") || name.contains("R/B")) {
            return false;
        }
        return namePrefixes.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + " ")
                || name.startsWith(p + "-"));
    }
}
