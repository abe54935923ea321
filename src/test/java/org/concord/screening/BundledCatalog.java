package org.concord.screening;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.concord.store.CatalogSamples;
import org.orekit.propagation.analytical.tle.TLE;

/** The bundled 2024-07 catalog (26,389 three-line element sets) as screening objects, for benchmarks and tests. */
public final class BundledCatalog {

    private BundledCatalog() {
    }

    /** The first {@code limit} element sets of the bundled catalog (orbit id 0). */
    public static List<ScreeningObject> read(int limit) throws IOException {
        List<ScreeningObject> catalog = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(CatalogSamples.fullCatalog()), StandardCharsets.US_ASCII));
        String previous = null;
        for (String line = reader.readLine(); line != null && catalog.size() < limit; line = reader.readLine()) {
            line = line.stripTrailing();
            if (line.startsWith("2 ") && previous != null && previous.startsWith("1 ")) {
                TLE tle = new TLE(previous, line);
                catalog.add(new ScreeningObject(tle.getSatelliteNumber(), 0, tle));
            }
            previous = line;
        }
        return catalog;
    }
}
