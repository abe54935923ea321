package org.concord.orbit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.OrbitSummary;
import org.concord.catalog.Provenance;
import org.concord.catalog.SourceFormat;
import org.concord.formats.MeanElements;
import org.concord.label.Label;
import org.orekit.propagation.analytical.tle.TLE;

/** Orbit records for tests, built around a message text. */
final class OrbitRecords {

    /** ISS (ZARYA) from the 2024-07 catalog snapshot (18th SDS data via Space-Track, see the sample's SOURCES.md). */
    static final String ISS_TLE = """
            ISS (ZARYA)
            1 25544U 98067A   24187.60274059  .00015430  00000-0  28127-3 0  9991
            2 25544  51.6389 224.0870 0010360  32.9136 104.5931 15.49600588461405
            """;

    /** MINOTAUR R/B of Vallado's verification set, which decays 55 min after its epoch (SGP4 error 6). */
    static final String DECAYING_TLE = """
            1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534
            2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708
            """;

    private OrbitRecords() {
    }

    static OrbitRecord record(SourceFormat format, long noradId, String name, String designator, String content) {
        return new OrbitRecord(7, noradId, name, Optional.ofNullable(designator), Instant.EPOCH, format.orbitKind(),
                format, new OrbitSummary(400, 420, 51.6, 92.9, 0.001), Optional.empty(), false, content, "",
                Label.publicFrom("TEST"), new Provenance("test", "", Instant.EPOCH, "test"), 1);
    }

    /** A TLE record as an ingest stores it: its epoch and orbit summary from the element set. */
    static OrbitRecord meanElements(String tle) {
        TLE elements = MeanElementsDecoder.readTle(tle);
        return new OrbitRecord(7, elements.getSatelliteNumber(), "", Optional.empty(), elements.getDate().toInstant(),
                OrbitKind.MEAN_ELEMENTS, SourceFormat.TLE, MeanElements.summaryOf(elements), Optional.empty(), false,
                tle, "", Label.publicFrom("TEST"), new Provenance("test", "", Instant.EPOCH, "test"), 1);
    }

    static String resource(String path) {
        try (InputStream in = OrbitRecords.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
