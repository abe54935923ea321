package org.concord.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hard-body radius (HBR) of an object, in this order:
 * <ol>
 * <li>NASA CARA's HBR estimates ({@code risk/hbr_cara_20260601.csv}, derived from
 * {@code HBR_Mass_Estimates_20260601.csv}, see {@code risk/SOURCES.md}): CARA protected primaries, CARA overrides,
 * Space Fence RCS size estimates and CARA's defaults. The DISCOS rows of CARA's file carry no value (ESA licence)
 * and are not in the table;</li>
 * <li>the SATCAT radar cross-section class, as the radius of a sphere whose cross-section is the top of the class
 * (CelesTrak/Space-Track RCS_SIZE: SMALL &lt; 0.1 m², MEDIUM 0.1–1 m², LARGE &gt; 1 m²): SMALL 0.18 m
 * (√(0.1/π)), MEDIUM 0.56 m (√(1/π)), LARGE 2.0 m (a typical large payload or rocket body; CARA's own defaults
 * run from 1.1 to 14.5 m);</li>
 * <li>a configurable default ({@link #DEFAULT_RADIUS_M} unless given).</li>
 * </ol>
 * The combined HBR of a conjunction is the sum of the two radii (CARA's effective HBR with zero sigmas).
 */
public final class HardBodyRadii {

    /** The resource of the CARA-derived table. */
    public static final String TABLE_RESOURCE = "/risk/hbr_cara_20260601.csv";
    /** Radius of an object found nowhere, metres. */
    public static final double DEFAULT_RADIUS_M = 5.0;
    public static final double SMALL_RCS_RADIUS_M = 0.18;
    public static final double MEDIUM_RCS_RADIUS_M = 0.56;
    public static final double LARGE_RCS_RADIUS_M = 2.0;

    /** A radius and where it came from. */
    public record Radius(double metres, String source) {
    }

    private record Entry(double radius, String source) {
    }

    private static volatile Map<Long, Entry> bundled;

    private final Map<Long, Entry> table;
    private final double defaultRadiusM;

    private HardBodyRadii(Map<Long, Entry> table, double defaultRadiusM) {
        if (!(defaultRadiusM >= 0) || Double.isInfinite(defaultRadiusM)) {
            throw new IllegalArgumentException("default hard-body radius " + defaultRadiusM + " m is not valid");
        }
        this.table = table;
        this.defaultRadiusM = defaultRadiusM;
    }

    /** The bundled CARA table with the default {@link #DEFAULT_RADIUS_M}. */
    public static HardBodyRadii bundled() {
        return bundled(DEFAULT_RADIUS_M);
    }

    /** The bundled CARA table with the given default radius. */
    public static HardBodyRadii bundled(double defaultRadiusM) {
        Map<Long, Entry> current = bundled;
        if (current == null) {
            synchronized (HardBodyRadii.class) {
                if (bundled == null) {
                    bundled = load();
                }
                current = bundled;
            }
        }
        return new HardBodyRadii(current, defaultRadiusM);
    }

    public double defaultRadiusM() {
        return defaultRadiusM;
    }

    /** How many objects the table knows. */
    public int size() {
        return table.size();
    }

    /** The radius of an object by catalog number and, when the table has none, by SATCAT RCS size. */
    public Radius radius(long noradId, Optional<String> rcsSize) {
        Entry e = table.get(noradId);
        if (e != null) {
            return new Radius(e.radius(), "CARA HBR table 2026-06-01 (" + e.source() + ")");
        }
        Optional<Radius> byRcs = rcsSize.flatMap(HardBodyRadii::byRcsSize);
        return byRcs.orElseGet(() -> new Radius(defaultRadiusM, "default"));
    }

    /** The combined radius: the sum of both. */
    public double combined(long norad1, Optional<String> rcs1, long norad2, Optional<String> rcs2) {
        return radius(norad1, rcs1).metres() + radius(norad2, rcs2).metres();
    }

    static Optional<Radius> byRcsSize(String rcsSize) {
        return switch (rcsSize.strip().toUpperCase(Locale.ROOT)) {
            case "SMALL" -> Optional.of(new Radius(SMALL_RCS_RADIUS_M, "SATCAT RCS size SMALL"));
            case "MEDIUM" -> Optional.of(new Radius(MEDIUM_RCS_RADIUS_M, "SATCAT RCS size MEDIUM"));
            case "LARGE" -> Optional.of(new Radius(LARGE_RCS_RADIUS_M, "SATCAT RCS size LARGE"));
            default -> Optional.empty();
        };
    }

    private static Map<Long, Entry> load() {
        Map<Long, Entry> map = new HashMap<>();
        try (InputStream in = HardBodyRadii.class.getResourceAsStream(TABLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TABLE_RESOURCE + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // norad_id,hbr_m,hbr_sigma_m,source
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                map.put(Long.parseLong(f[0]), new Entry(Double.parseDouble(f[1]), f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
