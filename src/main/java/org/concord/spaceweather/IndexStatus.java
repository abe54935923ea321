package org.concord.spaceweather;

import java.util.Arrays;

/**
 * What a day's values are: measured, or forecast. CelesTrak marks F10.7 that was interpolated over a missing
 * measurement (its Kp and ap are measured); SWPC marks Kp values estimated in near real time. Reads prefer the
 * most measured value of an interval: the order of the constants.
 */
public enum IndexStatus {
    OBSERVED("observed"),
    INTERPOLATED("interpolated"),
    ESTIMATED("estimated"),
    DAILY_PREDICTED("daily-predicted"),
    MONTHLY_PREDICTED("monthly-predicted");

    private final String code;

    IndexStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean predicted() {
        return this == DAILY_PREDICTED || this == MONTHLY_PREDICTED;
    }

    public static IndexStatus parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown index status '" + code + "': one of "
                        + String.join(", ", Arrays.stream(values()).map(IndexStatus::code).toList())));
    }
}
