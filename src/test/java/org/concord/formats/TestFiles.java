package org.concord.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Test resources (src/test/resources) and the bundled samples (src/main/resources) as text. */
final class TestFiles {

    private TestFiles() {
    }

    static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String gunzip(String resource) {
        try (InputStream in = new GZIPInputStream(open(resource))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = TestFiles.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IllegalArgumentException("no resource " + resource);
        }
        return in;
    }
}
