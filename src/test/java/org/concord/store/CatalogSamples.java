package org.concord.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.concord.node.Node;

/**
 * The bundled full catalog (26,389 objects, 3-line TLE), read once for every test and benchmark, and slices of it. Its
 * path is the one the node loads its sample from ({@link Node#SAMPLE_CATALOG}).
 */
public final class CatalogSamples {

    public static final String FULL_CATALOG = Node.SAMPLE_CATALOG;
    public static final int FULL_CATALOG_OBJECTS = 26_389;

    private static volatile byte[] full;

    private CatalogSamples() {
    }

    public static byte[] fullCatalog() {
        byte[] bytes = full;
        if (bytes == null) {
            bytes = resource(FULL_CATALOG);
            full = bytes;
        }
        return bytes;
    }

    public static byte[] resource(String path) {
        try (InputStream in = CatalogSamples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The element sets of the full catalog, in file order: each its name line, line 1 and line 2, as in the file. */
    public static List<String[]> elementSets() {
        String[] lines = new String(fullCatalog(), StandardCharsets.US_ASCII).split("\r?\n");
        List<String[]> sets = new ArrayList<>();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            sets.add(new String[] {lines[i], lines[i + 1], lines[i + 2]});
        }
        return sets;
    }

    /** Element sets {@code from} (inclusive) to {@code to} (exclusive) of the full catalog as a 3-line file. */
    public static byte[] slice(int from, int to) {
        return join(elementSets().subList(from, to));
    }

    public static byte[] join(List<String[]> sets) {
        StringBuilder text = new StringBuilder();
        for (String[] set : sets) {
            for (String line : set) {
                text.append(line).append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
