package org.concord.spaceweather;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.concord.catalog.Provenance;

/**
 * A space weather message: one of SWPC's (watch, warning, alert or summary; {@code code} such as WATA20, WARK05,
 * ALTK07, ALTEF3, SUMX01; its serial number; the serial number an extension or cancellation refers to), or one this
 * node raised when the indices crossed a threshold ({@code origin} {@link #NODE}, code {@code G5} or
 * {@code F107-JUMP}, no serial number). {@code scale} is the NOAA scale level it reports (G1–G5, S1–S5, R1–R5), if any;
 * {@code beginsAt}/{@code endsAt} the period it concerns (the 3-hour interval, the warning's validity); {@code text}
 * the message as issued; {@code provenance} the file it came in.
 */
public record SpaceWeatherAlert(String origin, String code, OptionalLong serialNumber, Instant issuedAt,
                                String headline, Optional<String> scale, Optional<Instant> beginsAt,
                                Optional<Instant> endsAt, Change change, OptionalLong refersToSerial, String text,
                                Provenance provenance) {

    public static final String SWPC = "swpc";
    public static final String NODE = "node";

    /** What a message does to the messages before it. */
    public enum Change {
        ISSUE("issue"), EXTENSION("extension"), CANCELLATION("cancellation");

        private final String code;

        Change(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Change parse(String code) {
            for (Change c : values()) {
                if (c.code.equals(code)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown alert change '" + code + "': issue, extension or"
                    + " cancellation");
        }
    }
}
