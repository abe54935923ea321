package org.concord.spaceweather;

/**
 * The NOAA G-scale of a planetary Kp: G1 at Kp 5, G2 at 6, G3 at 7, G4 at 8, G5 at 9 (0: below G1). The thirds
 * count by their value: 5- (4.67, or 4.7 in tenths) is below 5 and so no storm, and 9- (8.67) is G4, as NOAA's scale
 * says ("G4: Kp = 8, including a 9-"); 5o and 5+ are G1.
 */
public final class GeomagneticScale {

    private GeomagneticScale() {
    }

    /** 0 to 5. */
    public static int level(double kp) {
        if (!(kp >= 0 && kp <= 9)) {
            throw new IllegalArgumentException("Kp " + kp + " is outside 0..9");
        }
        return Math.max(0, (int) Math.floor(kp + 1e-9) - 4);
    }

    /** Kp in the thirds it is published in: 4.67 (or 4.7) is {@code 5-}, 5.0 is {@code 5o}, 5.33 is {@code 5+}. */
    public static String thirds(double kp) {
        long n = Math.round(kp * 3);
        long whole = (n + 1) / 3;
        return whole + switch ((int) (n % 3)) {
            case 0 -> "o";
            case 1 -> "+";
            default -> "-";
        };
    }

    /** {@code G1}..{@code G5}, or empty text below G1. */
    public static String name(int level) {
        return level == 0 ? "" : "G" + level;
    }
}
