package org.concord.screening;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.concord.store.CatalogSamples;
import org.orekit.propagation.analytical.tle.TLE;

/** The bundled 2024-07 catalog (26,389 three-line element sets) as screening objects, for benchmarks and tests. */
public final class BundledCatalog {

    private BundledCatalog() {
    }

    /**
     * The vehicles docked to the ISS in the bundled catalog (2024-07): NAUKA's element set, shared by CYGNUS NG-20,
     * PROGRESS MS-26 and MS-27, DRAGON ENDEAVOUR 5, SOYUZ MS-25 and STARLINER CALYPSO 1.
     */
    public static final java.util.Set<Long> DOCKED_TO_ISS = java.util.Set.of(49044L, 58898L, 58961L, 59097L, 59294L,
            59913L, 59968L);

    /** The three-line element sets of {@link #DOCKED_TO_ISS}, as the bundled catalog has them. */
    public static byte[] dockedToIss() {
        String[] lines = new String(CatalogSamples.fullCatalog(), StandardCharsets.US_ASCII).split("\r?\n");
        StringBuilder docked = new StringBuilder();
        for (int line = 0; line + 2 < lines.length; line += 3) {
            String line1 = lines[line + 1];
            if (DOCKED_TO_ISS.stream().anyMatch(n -> line1.startsWith("1 " + n + "U"))) {
                docked.append(lines[line]).append('\n').append(line1).append('\n').append(lines[line + 2])
                        .append('\n');
            }
        }
        return docked.toString().getBytes(StandardCharsets.US_ASCII);
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

    /** Seed of {@link #synthetic}'s shifts. */
    public static final long SYNTHETIC_SEED = 19L;

    /**
     * A synthetic catalog of {@code size} objects: the whole bundled catalog, then copies of its element sets in
     * catalog order (again and again) with the mean anomaly and the right ascension of the ascending node each drawn
     * uniformly from [0, 2 pi) ({@link SplittableRandom} seeded with {@value #SYNTHETIC_SEED}, two draws per copy,
     * so the same size gives the same catalog). Epoch, mean motion, eccentricity, inclination, argument of perigee,
     * drag terms and so each object's shell (perigee, apogee, inclination) are those of the element set copied: the
     * copies fill the catalog's own shells denser, in new planes and phases. Copy c of catalog number k has catalog
     * number {@code k + 100,000 c} (the TLE keeps k: SGP4 does not read it).
     */
    public static List<ScreeningObject> synthetic(int size) throws IOException {
        List<ScreeningObject> real = read(Integer.MAX_VALUE);
        List<ScreeningObject> catalog = new ArrayList<>(real.subList(0, Math.min(size, real.size())));
        SplittableRandom random = new SplittableRandom(SYNTHETIC_SEED);
        for (int k = catalog.size(); k < size; k++) {
            ScreeningObject original = real.get(k % real.size());
            int copy = k / real.size();
            TLE t = original.tle();
            double meanAnomaly = random.nextDouble(2 * Math.PI);
            double raan = random.nextDouble(2 * Math.PI);
            TLE shifted = new TLE(t.getSatelliteNumber(), t.getClassification(), t.getLaunchYear(),
                    t.getLaunchNumber(), t.getLaunchPiece(), t.getEphemerisType(), t.getElementNumber(), t.getDate(),
                    t.getMeanMotion(), t.getMeanMotionFirstDerivative(), t.getMeanMotionSecondDerivative(), t.getE(),
                    t.getI(), t.getPerigeeArgument(), raan, meanAnomaly, t.getRevolutionNumberAtEpoch(),
                    t.getBStar(), t.getUtc());
            catalog.add(new ScreeningObject(original.noradId() + 100_000L * copy, 0, shifted));
        }
        return catalog;
    }
}
