package org.concord.spaceweather;

/**
 * When the node raises an alert of its own (configuration {@code space-weather.alert.g-scale} and
 * {@code space-weather.alert.f107-jump-sfu}): when the observed Kp rises to this G-scale level or above, and when the
 * observed F10.7 rises by this many solar flux units from one day to the next.
 */
public record AlertThresholds(int gScale, double f107JumpSfu) {

    public static final AlertThresholds DEFAULTS = new AlertThresholds(1, 50);

    public AlertThresholds {
        if (gScale < 1 || gScale > 5) {
            throw new IllegalArgumentException("space-weather.alert.g-scale is 1 to 5, not " + gScale);
        }
        if (!(f107JumpSfu > 0)) {
            throw new IllegalArgumentException("space-weather.alert.f107-jump-sfu must be positive");
        }
    }
}
