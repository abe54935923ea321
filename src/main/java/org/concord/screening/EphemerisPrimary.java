package org.concord.screening;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.concord.catalog.CatalogStore;
import org.concord.catalog.OrbitRecord.TimeSpan;
import org.concord.catalog.SourceFormat;
import org.concord.digest.Sha256;
import org.concord.formats.FormatDetector;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.formats.OemReader;
import org.concord.formats.ParseResult;
import org.concord.formats.ParsedOrbit;
import org.concord.label.LabelFilter;
import org.concord.orbit.EarthCentredContext;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.data.DataSource;
import org.orekit.frames.Frame;
import org.orekit.frames.FramesFactory;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.utils.Constants;
import org.orekit.errors.OrekitException;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.files.ccsds.ndm.odm.oem.OemSegment;
import org.orekit.propagation.BoundedPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScales;

/**
 * The primary of an ephemeris screening: an uploaded CCSDS OEM (KVN or XML) of one object, checked by
 * {@link OemReader} as an ingest checks it, then interpolated by Orekit segment by segment, each only within its
 * span ({@code USEABLE_START_TIME}/{@code USEABLE_STOP_TIME} where given): never extrapolated, never across the gap
 * between two segments. It is not stored in the catalog.
 *
 * @param noradId   the catalog number its {@code OBJECT_ID} gives (directly, or as an international designator found
 *                  in this node's catalog or SATCAT)
 * @param segments  its segments in time order
 */
public record EphemerisPrimary(String sourceName, String sha256, long noradId, String objectName,
                               boolean hasCovariance, List<Segment> segments) {

    /**
     * One segment: its span, Orekit's interpolation of its states (in the segment's frame), and its covariance blocks
     * in RTN ({@link EphemerisCovariance}).
     */
    public record Segment(TimeSpan span, BoundedPropagator trajectory, EphemerisCovariance covariance) {
    }

    /**
     * Reads an uploaded OEM; {@code catalog} resolves an {@code OBJECT_ID} given as an international designator, to
     * an object the uploader may read ({@code readable}): one it may not is unknown to it, whatever the node holds.
     *
     * @throws InputRejectedException naming the file when it is not a valid OEM of exactly one Earth-centred object
     *                                whose catalog number is known
     */
    public static EphemerisPrimary read(String sourceName, byte[] content, CatalogStore catalog,
                                        LabelFilter readable) {
        String text = FormatDetector.decode(sourceName, content);
        SourceFormat format = FormatDetector.detect(sourceName, text);
        if (format != SourceFormat.OEM_KVN && format != SourceFormat.OEM_XML) {
            throw new InputRejectedException(InputError.inFile(sourceName, "format", "the file is " + format
                    + ", not a CCSDS OEM; an ephemeris screening takes an OEM (KVN or XML)"));
        }
        ParseResult<ParsedOrbit> parsed = OemReader.read(sourceName, text, format);
        if (!parsed.errors().isEmpty()) {
            throw new InputRejectedException(parsed.errors());
        }
        if (parsed.items().size() != 1) {
            throw new InputRejectedException(InputError.inFile(sourceName, "OBJECT_ID", "the OEM holds "
                    + parsed.items().size() + " objects; an ephemeris screening takes the ephemeris of one object"));
        }
        ParsedOrbit orbit = parsed.items().get(0);
        long noradId = orbit.noradId() != 0 ? orbit.noradId() : orbit.internationalDesignator()
                .flatMap(catalog::noradIdOf)
                .filter(number -> readable.unrestricted() || catalog.findObject(number, readable).isPresent())
                .orElseThrow(() -> new InputRejectedException(InputError.atLine(sourceName, orbit.line(),
                        "OBJECT_ID", "object '" + orbit.internationalDesignator().orElse(orbit.objectName())
                                + "' has no catalog number and is not in this node's catalog or SATCAT; Concord"
                                + " files conjunctions under catalog numbers: give OBJECT_ID as the catalog number")));
        Oem oem;
        try {
            oem = new ParserBuilder(EarthCentredContext.get()).buildOemParser()
                    .parseMessage(new DataSource(sourceName, () -> new StringReader(text)));
        } catch (OrekitException e) {
            throw new InputRejectedException(InputError.inFile(sourceName, "OEM", e.getMessage()));
        }
        TimeScales scales = EarthCentredContext.get().getTimeScales();
        List<Segment> segments = new ArrayList<>();
        for (OemSegment segment : oem.getSegments()) {
            BoundedPropagator trajectory;
            try {
                trajectory = segment.getPropagator();
            } catch (OrekitException e) {
                throw new InputRejectedException(InputError.inFile(sourceName, "segment", "Orekit cannot interpolate"
                        + " the segment starting " + segment.getStart() + ": " + e.getMessage()));
            }
            segments.add(new Segment(new TimeSpan(instant(segment.getStart(), scales),
                    instant(segment.getStop(), scales)), trajectory, EphemerisCovariance.of(
                    segment.getCovarianceMatrices(), trajectory, segment.getMu(), scales)));
        }
        segments.sort((a, b) -> a.span().start().compareTo(b.span().start()));
        return new EphemerisPrimary(sourceName, Sha256.hex(content), noradId, orbit.objectName(),
                orbit.hasCovariance(), List.copyOf(segments));
    }

    /** The parts of the segments' spans inside {@code [from, to]}, in time order; empty when none overlaps. */
    public List<TimeSpan> spansWithin(Instant from, Instant to) {
        List<TimeSpan> spans = new ArrayList<>();
        for (Segment segment : segments) {
            Instant start = segment.span().start().isAfter(from) ? segment.span().start() : from;
            Instant stop = segment.span().stop().isBefore(to) ? segment.span().stop() : to;
            if (stop.isAfter(start)) {
                spans.add(new TimeSpan(start, stop));
            }
        }
        return spans;
    }

    /**
     * The ephemeris' covariance at {@code tca} in its RTN frame, by {@link EphemerisCovariance}'s rule within the
     * segment whose interpolated span holds {@code tca}; or why there is none.
     */
    EphemerisCovariance.At covarianceAt(AbsoluteDate tca) {
        return segments.stream().filter(s -> tca.compareTo(s.trajectory().getMinDate()) >= 0
                        && tca.compareTo(s.trajectory().getMaxDate()) <= 0).findFirst()
                .map(s -> s.covariance().at(tca))
                .orElseGet(() -> new EphemerisCovariance.None("no segment of the OEM holds TCA"));
    }

    /** From the start of the first segment to the end of the last. */
    public TimeSpan coverage() {
        Instant stop = segments.stream().map(s -> s.span().stop()).max(Instant::compareTo).orElseThrow();
        return new TimeSpan(segments.get(0).span().start(), stop);
    }

    /** The segment whose span holds {@code span}. */
    Optional<Segment> segmentHolding(TimeSpan span) {
        return segments.stream().filter(s -> !span.start().isBefore(s.span().start())
                && !span.stop().isAfter(s.span().stop())).findFirst();
    }

    /**
     * The ephemeris as the co-location rule samples it: its TEME positions within its segments (none in a gap or
     * outside them), and the Keplerian period of its first state.
     */
    CoLocation.Track track() {
        Frame teme = FramesFactory.getTEME();
        BoundedPropagator first = segments.getFirst().trajectory();
        double periodSeconds = new CartesianOrbit(first.getPVCoordinates(first.getMinDate(), teme), teme,
                first.getMinDate(), Constants.WGS84_EARTH_MU).getKeplerianPeriod();
        Duration period = Duration.ofMillis(Math.round(periodSeconds * 1000));
        return new CoLocation.Track() {
            @Override
            public Duration period() {
                return period;
            }

            @Override
            public Optional<Vector3D> temePosition(AbsoluteDate date) {
                return segments.stream().map(Segment::trajectory)
                        .filter(t -> date.compareTo(t.getMinDate()) >= 0 && date.compareTo(t.getMaxDate()) <= 0)
                        .findFirst().map(t -> t.getPosition(date, teme));
            }
        };
    }

    private static Instant instant(AbsoluteDate date, TimeScales scales) {
        return date.toInstant(scales);
    }
}
