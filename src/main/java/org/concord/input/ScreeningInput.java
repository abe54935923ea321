package org.concord.input;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.concord.screening.ScreeningVolume;
import org.concord.screening.ScreeningService;

/**
 * The window and volume of a screening, by one set of limits whether asked at the command line
 * ({@code concord screen}) or over HTTP ({@code POST /api/v1/screenings}, {@code /screenings/ephemeris}).
 */
public final class ScreeningInput {

    /** The longest window: a month of all-vs-all screening is already hours of work on a small machine. */
    public static final Duration MAX_WINDOW = Duration.ofDays(30);
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    public static final double DEFAULT_THRESHOLD_METERS = 5000;
    /** The keys of a {@code POST /api/v1/screenings} body. */
    public static final Set<String> BODY_KEYS = Set.of("start", "windowSeconds", "thresholdMeters",
            "ellipsoidMeters", "primaryNoradId", "wait");
    /** The keys of its {@code ellipsoidMeters}. */
    public static final Set<String> ELLIPSOID_KEYS = Set.of("radial", "inTrack", "crossTrack");
    /** The query of {@code POST /api/v1/screenings/ephemeris}. */
    public static final Set<String> EPHEMERIS_PARAMETERS = Set.of("name", "label", "start", "windowSeconds",
            "thresholdMeters", "ellipsoidMeters");
    private static final long MAX_NORAD_ID = 999_999_999;

    private ScreeningInput() {
    }

    /** A catalog screening from a JSON body; {@code wait} is the adapter's business. */
    public static ScreeningService.Request request(JsonFields body) {
        Instant start = body.instant("start").orElseThrow(() -> new IllegalArgumentException("start is required,"
                + " such as \"2024-07-05T00:00:00Z\""));
        Duration window = body.whole("windowSeconds", 1, MAX_WINDOW.toSeconds()).map(Duration::ofSeconds)
                .orElse(DEFAULT_WINDOW);
        Optional<JsonFields> ellipsoid = body.object("ellipsoidMeters", ELLIPSOID_KEYS);
        if (ellipsoid.isPresent() && body.has("thresholdMeters")) {
            throw new IllegalArgumentException("give thresholdMeters or ellipsoidMeters, not both");
        }
        ScreeningVolume volume = ellipsoid.<ScreeningVolume>map(e -> new ScreeningVolume.RtnEllipsoid(
                axis(e, "radial"), axis(e, "inTrack"), axis(e, "crossTrack"))).orElseGet(() ->
                new ScreeningVolume.Sphere(body.decimal("thresholdMeters", 0, ScreeningVolume.MAX_METERS)
                        .orElse(DEFAULT_THRESHOLD_METERS)));
        return new ScreeningService.Request(start, window, volume, body.whole("primaryNoradId", 0, MAX_NORAD_ID));
    }

    private static double axis(JsonFields ellipsoid, String key) {
        return ellipsoid.decimal(key, 0, ScreeningVolume.MAX_METERS).orElseThrow(() ->
                new IllegalArgumentException("ellipsoidMeters." + key + " is required (a number of metres); give"
                        + " radial, inTrack and crossTrack"));
    }

    /** The parameters of an ephemeris screening (its name and label are the adapter's business). */
    public record EphemerisQuery(Optional<String> name, Optional<String> label, Optional<Instant> start,
                                 Optional<Duration> window, ScreeningVolume volume) {
    }

    /** The screening {@code p} asks for, its parameters among {@link #EPHEMERIS_PARAMETERS}. */
    public static EphemerisQuery ephemerisQuery(Arguments p) {
        Optional<Double> threshold = p.decimal("thresholdMeters", 0, ScreeningVolume.MAX_METERS);
        Optional<String> ellipsoid = p.text("ellipsoidMeters", 128);
        if (threshold.isPresent() && ellipsoid.isPresent()) {
            throw new IllegalArgumentException("give thresholdMeters or ellipsoidMeters, not both");
        }
        ScreeningVolume volume = ellipsoid.<ScreeningVolume>map(e -> {
            String[] axes = e.split(",");
            if (axes.length != 3) {
                throw new IllegalArgumentException("ellipsoidMeters must be three semi-axes R,T,N in metres such as"
                        + " 500,5000,500, was '" + Texts.abbreviate(e) + "'");
            }
            return new ScreeningVolume.RtnEllipsoid(metres(axes[0]), metres(axes[1]), metres(axes[2]));
        }).orElseGet(() -> new ScreeningVolume.Sphere(threshold.orElse(DEFAULT_THRESHOLD_METERS)));
        return new EphemerisQuery(p.text("name", 512), p.text("label", 8192), p.instant("start"),
                p.whole("windowSeconds", 1, MAX_WINDOW.toSeconds()).map(Duration::ofSeconds), volume);
    }

    private static double metres(String text) {
        return Numbers.decimal("ellipsoidMeters", text, 0, ScreeningVolume.MAX_METERS);
    }

    /** A window typed with its unit, such as 7d or 36h. */
    public static Duration window(String field, String text) {
        return Quantities.duration(field, text, MAX_WINDOW);
    }

    /** A threshold typed with its unit, such as 5km or 500m. */
    public static double thresholdMeters(String field, String text) {
        return Quantities.distanceMeters(field, text, ScreeningVolume.MAX_METERS);
    }

    /** An ellipsoid typed as R,T,N, each semi-axis with its unit, such as 0.5km,5km,0.5km. */
    public static ScreeningVolume.RtnEllipsoid ellipsoid(String field, String text) {
        String[] axes = text.split(",");
        if (axes.length != 3) {
            throw new IllegalArgumentException(field + ": '" + Texts.abbreviate(text) + "' is not three semi-axes"
                    + " R,T,N, each with its unit, such as 500m,5km,500m");
        }
        return new ScreeningVolume.RtnEllipsoid(thresholdMeters(field, axes[0]), thresholdMeters(field, axes[1]),
                thresholdMeters(field, axes[2]));
    }
}
