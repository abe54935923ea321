package org.concord.spaceweather;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.concord.catalog.Provenance;

/**
 * The space weather test files (src/test/resources/spaceweather, see SOURCES.md), and the CelesTrak CSV the node
 * bundles as sample data (src/main/resources/sample).
 */
public final class SpaceWeatherFiles {

    public static final String SW_ALL = "SW-All_CelesTrak_csv_1998-07_to_2026-04.csv";
    public static final String CSSI = "SpaceWeather-All-v1.2_CelesTrak_2020-12-04.txt";

    private SpaceWeatherFiles() {
    }

    public static byte[] bytes(String name) {
        String path = name.equals(SW_ALL) ? "/sample/" + name : "/spaceweather/" + name;
        try (InputStream in = SpaceWeatherFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static ParsedSpaceWeather read(String name) {
        return SpaceWeatherFormat.read(text(name), provenance(name));
    }

    static Provenance provenance(String name) {
        return new Provenance(name, "0".repeat(64), Instant.parse("2026-01-01T00:00:00Z"), "test");
    }
}
