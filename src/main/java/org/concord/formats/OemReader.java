package org.concord.formats;

import org.concord.orbit.EarthCentredContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.concord.catalog.OrbitRecord.TimeSpan;
import org.concord.catalog.OrbitSummary;
import org.concord.catalog.SourceFormat;
import org.concord.formats.CcsdsOrbitMessages.Identity;
import org.concord.formats.CcsdsOrbitMessages.SegmentLines;
import org.concord.formats.CcsdsOrbitMessages.TokenWatch;
import org.orekit.files.ccsds.ndm.odm.oem.Oem;
import org.orekit.files.ccsds.ndm.odm.oem.OemMetadata;
import org.orekit.files.ccsds.ndm.odm.oem.OemSegment;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScales;
import org.orekit.utils.TimeStampedPVCoordinates;

/**
 * Reads CCSDS OEM (KVN and XML) through Orekit.
 * <p>
 * One {@link ParsedOrbit} per object of the message: the segments of one {@code OBJECT_ID} form one record.
 * <ul>
 * <li>{@code epoch}: the date of the object's first state (first data line of its first segment);</li>
 * <li>{@code coverage}: from the earliest useable start to the latest useable stop over its segments
 * ({@code USEABLE_START_TIME}/{@code USEABLE_STOP_TIME}, or {@code START_TIME}/{@code STOP_TIME} where those are
 * absent);</li>
 * <li>{@code hasCovariance}: any of its segments has a covariance block;</li>
 * <li>{@code summary}: osculating figures of the first state (see {@link CcsdsOrbitMessages#summary});</li>
 * <li>{@code noradId}/{@code internationalDesignator}: see {@link CcsdsOrbitMessages#identity};</li>
 * <li>{@code content}: the whole message when it holds one object; when it holds several, the message reduced to
 * the object's own segments (the header, the object's segments, and for XML the closing lines), which Orekit
 * reads alone, so that every record keeps a text of its own;</li>
 * <li>{@code line}: the line of the object's first segment ({@code META_START}, or {@code <segment>} in XML).</li>
 * </ul>
 * Only Earth-centred ephemerides are taken. When Orekit refuses a message of several objects, each object is read
 * again alone, so that an invalid object does not stop the others.
 */
public final class OemReader {

    private static final Pattern KVN_OBJECT_ID = Pattern.compile("\\s*OBJECT_ID\\s*=\\s*(.*?)\\s*");
    private static final Pattern XML_OBJECT_ID = Pattern.compile(".*<OBJECT_ID>\\s*(.*?)\\s*</OBJECT_ID>.*");
    private static final Pattern XML_SEGMENT_START = Pattern.compile("<segment(\\s[^>]*)?>");
    private static final Pattern XML_SEGMENT_END = Pattern.compile("</segment\\s*>");

    private static final String NEVER_EXTRAPOLATED = "an ephemeris is interpolated between its states, never"
            + " extrapolated";

    private OemReader() {
    }

    public static ParseResult<ParsedOrbit> read(String fileName, String text, SourceFormat format) {
        if (format != SourceFormat.OEM_KVN && format != SourceFormat.OEM_XML) {
            throw new IllegalArgumentException(format + " is not an OEM format");
        }
        boolean xml = format == SourceFormat.OEM_XML;
        if (xml) {
            Optional<InputError> unsafe = XmlHardening.declaration(fileName, text);
            if (unsafe.isPresent()) {
                return new ParseResult<>(List.of(), List.of(unsafe.get()));
            }
        }
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        Layout layout = xml ? Layout.ofXml(lines) : Layout.ofKvn(lines);
        List<ParsedOrbit> orbits = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        Attempt whole = parse(fileName, text, lines, xml, line -> line);
        if (whole.oem() != null) {
            Map<String, List<Integer>> objects = objectsOf(whole.oem());
            boolean layoutMatches = layout != null && layout.matches(whole.oem());
            for (Map.Entry<String, List<Integer>> object : objects.entrySet()) {
                List<Integer> indices = object.getValue();
                List<OemSegment> segments = indices.stream().map(i -> whole.oem().getSegments().get(i)).toList();
                int line = layoutMatches ? layout.segments().get(indices.get(0)).first() + 1 : 1;
                String content;
                if (objects.size() == 1) {
                    content = text;
                } else if (layoutMatches) {
                    content = CcsdsOrbitMessages.joinLines(lines, layout.slice(indices));
                } else {
                    errors.add(InputError.atLine(fileName, line, "OBJECT_ID", "the message holds "
                            + objects.size() + " objects but the segments of '" + object.getKey()
                            + "' cannot be cut out of it line by line"
                            + (xml ? " (put <segment> and </segment> on lines of their own)" : "")));
                    continue;
                }
                record(fileName, format, segments, indices.stream().map(whole.watch()::segmentLines).toList(), content,
                        line, orbits, errors);
            }
        } else if (layout != null && layout.objects().size() > 1) {
            for (List<Integer> indices : layout.objects().values()) {
                int[] slice = layout.slice(indices);
                String content = CcsdsOrbitMessages.joinLines(lines, slice);
                Attempt alone = parse(fileName, content, content.split("\\n", -1), xml, l -> l >= 1
                        && l <= slice.length ? slice[l - 1] + 1 : l);
                if (alone.oem() == null) {
                    errors.add(alone.error());
                    continue;
                }
                List<OemSegment> segments = alone.oem().getSegments();
                int line = layout.segments().get(indices.get(0)).first() + 1;
                if (objectsOf(alone.oem()).size() != 1) {
                    errors.add(InputError.atLine(fileName, line, "OBJECT_ID",
                            "the segments of this object do not read as one object"));
                    continue;
                }
                record(fileName, format, segments, IntStream.range(0, segments.size())
                        .mapToObj(alone.watch()::segmentLines).toList(), content, line, orbits, errors);
            }
        } else {
            errors.add(whole.error());
        }
        return new ParseResult<>(orbits, CcsdsOrbitMessages.distinct(errors));
    }

    private record Attempt(Oem oem, InputError error, TokenWatch watch) {
    }

    private static Attempt parse(String fileName, String text, String[] lines, boolean xml,
                                 IntUnaryOperator lineMap) {
        TokenWatch watch = new TokenWatch(fileName, lineMap);
        try {
            Oem oem = CcsdsOrbitMessages.parserBuilder(watch).buildOemParser()
                    .parse(CcsdsOrbitMessages.source(fileName, text));
            if (oem.getSegments().isEmpty()) {
                return new Attempt(null, InputError.inFile(fileName, "META_START", "the message has no segment"),
                        watch);
            }
            // Orekit takes a KVN message that ends inside a block (a truncated covariance) as complete
            Optional<InputError> unclosed = xml ? Optional.empty() : unclosedBlock(fileName, lines, lineMap);
            if (unclosed.isPresent()) {
                return new Attempt(null, unclosed.get(), watch);
            }
            return new Attempt(oem, null, watch);
        } catch (RuntimeException e) {
            Optional<InputError> structure = xml ? Optional.empty() : unclosedBlock(fileName, lines, lineMap);
            return new Attempt(null, structure.orElseGet(
                    () -> CcsdsOrbitMessages.toInputError(fileName, "OEM", e, watch)), watch);
        }
    }

    /** A KVN block opened and not closed, which Orekit reports poorly. */
    private static Optional<InputError> unclosedBlock(String fileName, String[] lines, IntUnaryOperator lineMap) {
        String open = null;
        int openLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String keyword = lines[i].strip();
            if (keyword.equals("META_START") || keyword.equals("COVARIANCE_START")) {
                if (open != null) {
                    break;
                }
                open = keyword;
                openLine = i + 1;
            } else if (open != null && keyword.equals(open.replace("_START", "_STOP"))) {
                open = null;
            }
        }
        if (open == null) {
            return Optional.empty();
        }
        return Optional.of(InputError.atLine(fileName, lineMap.applyAsInt(openLine), open,
                "block is not closed by " + open.replace("_START", "_STOP")));
    }

    /** The segment indices of each object, in the order of the message. */
    private static Map<String, List<Integer>> objectsOf(Oem oem) {
        Map<String, List<Integer>> objects = new LinkedHashMap<>();
        List<OemSegment> segments = oem.getSegments();
        for (int i = 0; i < segments.size(); i++) {
            objects.computeIfAbsent(segments.get(i).getMetadata().getObjectID(), k -> new ArrayList<>()).add(i);
        }
        return objects;
    }

    /** @param segmentLines for each segment, the file lines of its states and keywords */
    private static void record(String fileName, SourceFormat format, List<OemSegment> segments,
                               List<SegmentLines> segmentLines, String content, int line, List<ParsedOrbit> orbits,
                               List<InputError> errors) {
        try {
            build(fileName, format, segments, segmentLines, content, line, orbits, errors);
        } catch (RuntimeException e) {
            // nothing known reaches here; an object Orekit read but that cannot be used must not stop the others
            errors.add(InputError.atLine(fileName, line, "segment", "the object's ephemeris cannot be used ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
    }

    private static void build(String fileName, SourceFormat format, List<OemSegment> segments,
                              List<SegmentLines> segmentLines, String content, int line, List<ParsedOrbit> orbits,
                              List<InputError> errors) {
        OemSegment first = segments.get(0);
        OemMetadata metadata = first.getMetadata();
        Identity identity;
        try {
            identity = CcsdsOrbitMessages.identity(metadata.getObjectID());
        } catch (IllegalArgumentException e) {
            errors.add(InputError.atLine(fileName, line, "OBJECT_ID", e.getMessage()));
            return;
        }
        for (int k = 0; k < segments.size(); k++) {
            List<TimeStampedPVCoordinates> states = segments.get(k).getCoordinates();
            for (int i = 1; i < states.size(); i++) {
                AbsoluteDate previous = states.get(i - 1).getDate();
                AbsoluteDate date = states.get(i).getDate();
                if (!date.isAfter(previous)) {
                    // Orekit takes them as they come; an interpolation over them would fail or mislead
                    errors.add(InputError.atLine(fileName, stateLine(segmentLines, k, i, line), "ephemeris data line",
                            "the state at " + date + (date.isEqualTo(previous) ? " repeats the epoch of the state"
                                    + " before it" : " comes before the state before it (" + previous + ")")
                                    + "; the states of a segment must be in increasing time order"));
                    return;
                }
            }
        }
        if (first.getCoordinates().isEmpty()) {
            errors.add(InputError.atLine(fileName, line, "ephemeris data line", "the segment has no state"));
            return;
        }
        TimeStampedPVCoordinates state = first.getCoordinates().get(0);
        OrbitSummary summary;
        try {
            summary = CcsdsOrbitMessages.summary(state, first.getFrame(), first.getMu());
        } catch (RuntimeException e) {
            errors.add(InputError.atLine(fileName, stateLine(segmentLines, 0, 0, line), "ephemeris data line",
                    "first state (" + state.getDate() + "): " + e.getMessage()));
            return;
        }
        for (int k = 0; k < segments.size(); k++) {
            Optional<InputError> unusable = unusable(fileName, segments.get(k), k, segmentLines.get(k), line);
            if (unusable.isPresent()) {
                errors.add(unusable.get());
                return;
            }
        }
        TimeScales scales = EarthCentredContext.get().getTimeScales();
        AbsoluteDate start = null;
        AbsoluteDate stop = null;
        boolean covariance = false;
        for (OemSegment segment : segments) {
            OemMetadata m = segment.getMetadata();
            AbsoluteDate s = m.getUseableStartTime() != null ? m.getUseableStartTime() : m.getStartTime();
            AbsoluteDate e = m.getUseableStopTime() != null ? m.getUseableStopTime() : m.getStopTime();
            start = start == null || s.isBefore(start) ? s : start;
            stop = stop == null || e.isAfter(stop) ? e : stop;
            covariance |= !segment.getCovarianceMatrices().isEmpty();
        }
        Instant epoch = state.getDate().toInstant(scales);
        orbits.add(new ParsedOrbit(identity.noradId(), metadata.getObjectName(), identity.internationalDesignator(),
                epoch, format, summary, Optional.of(new TimeSpan(start.toInstant(scales), stop.toInstant(scales))),
                covariance, content, line));
    }

    /**
     * Why a segment Orekit read cannot be interpolated as it says, if it cannot: fewer states than its interpolation
     * needs (INTERPOLATION_DEGREE + 1), or a span declared usable (USEABLE_START_TIME/USEABLE_STOP_TIME) beyond its
     * first or last state, where it could not be interpolated.
     */
    private static Optional<InputError> unusable(String fileName, OemSegment segment, int index, SegmentLines lines,
                                                 int otherwise) {
        List<TimeStampedPVCoordinates> states = segment.getCoordinates();
        String which = "segment " + (index + 1);
        int dataLine = lines.states().isEmpty() ? otherwise : lines.states().get(0);
        if (states.isEmpty()) {
            return Optional.of(InputError.atLine(fileName, dataLine, "ephemeris data line", which
                    + " has no state"));
        }
        int needed = segment.getInterpolationSamples();
        if (states.size() < needed) {
            return Optional.of(InputError.atLine(fileName, lines.keywords().getOrDefault("INTERPOLATION_DEGREE",
                    dataLine), "INTERPOLATION_DEGREE", which + " has " + states.size()
                    + (states.size() == 1 ? " state" : " states") + ", but interpolating it with degree "
                    + segment.getMetadata().getInterpolationDegree() + " needs at least " + needed
                    + "; give more states or a lower INTERPOLATION_DEGREE"));
        }
        OemMetadata m = segment.getMetadata();
        AbsoluteDate firstState = states.get(0).getDate();
        AbsoluteDate lastState = states.get(states.size() - 1).getDate();
        if (m.getUseableStartTime() != null && m.getUseableStartTime().isBefore(firstState)) {
            return Optional.of(InputError.atLine(fileName, lines.keywords().getOrDefault("USEABLE_START_TIME",
                    dataLine), "USEABLE_START_TIME", which + " is declared usable from " + m.getUseableStartTime()
                    + ", before its first state (" + firstState + "): " + NEVER_EXTRAPOLATED));
        }
        if (m.getUseableStopTime() != null && m.getUseableStopTime().isAfter(lastState)) {
            return Optional.of(InputError.atLine(fileName, lines.keywords().getOrDefault("USEABLE_STOP_TIME",
                    dataLine), "USEABLE_STOP_TIME", which + " is declared usable to " + m.getUseableStopTime()
                    + ", after its last state (" + lastState + "): " + NEVER_EXTRAPOLATED));
        }
        return Optional.empty();
    }

    /** The file line of state {@code index} of segment {@code segment}, else {@code otherwise}. */
    private static int stateLine(List<SegmentLines> segmentLines, int segment, int index, int otherwise) {
        return segment < segmentLines.size() && index < segmentLines.get(segment).states().size()
                ? segmentLines.get(segment).states().get(index) : otherwise;
    }

    /** Where the segments of a message lie, found line by line; lines are 0-based. */
    private record Layout(int headerEnd, List<Segment> segments, int footerStart, int lineCount) {

        record Segment(int first, int last, String objectId) {
        }

        static Layout ofKvn(String[] lines) {
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().equals("META_START")) {
                    starts.add(i);
                }
            }
            if (starts.isEmpty()) {
                return null;
            }
            List<Segment> segments = new ArrayList<>();
            for (int k = 0; k < starts.size(); k++) {
                int first = starts.get(k);
                int last = k + 1 < starts.size() ? starts.get(k + 1) - 1 : lines.length - 1;
                String id = null;
                for (int i = first; i <= last && id == null; i++) {
                    Matcher m = KVN_OBJECT_ID.matcher(lines[i]);
                    if (m.matches()) {
                        id = m.group(1);
                    }
                    if (lines[i].strip().equals("META_STOP")) {
                        break;
                    }
                }
                if (id == null) {
                    return null;
                }
                segments.add(new Segment(first, last, id));
            }
            return new Layout(starts.get(0), segments, lines.length, lines.length);
        }

        static Layout ofXml(String[] lines) {
            List<Segment> segments = new ArrayList<>();
            int open = -1;
            String id = null;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (XML_SEGMENT_START.matcher(line).matches()) {
                    if (open >= 0) {
                        return null;
                    }
                    open = i;
                    id = null;
                } else if (XML_SEGMENT_END.matcher(line).matches()) {
                    if (open < 0 || id == null) {
                        return null;
                    }
                    segments.add(new Segment(open, i, id));
                    open = -1;
                } else if (line.contains("segment>") || line.contains("<segment")) {
                    return null;
                } else if (open >= 0 && id == null) {
                    Matcher m = XML_OBJECT_ID.matcher(line);
                    if (m.matches()) {
                        id = m.group(1);
                    }
                }
            }
            if (segments.isEmpty() || open >= 0) {
                return null;
            }
            return new Layout(segments.get(0).first(), segments, segments.get(segments.size() - 1).last() + 1,
                    lines.length);
        }

        /** The object ids of the segments, in order; the segment indices of each. */
        Map<String, List<Integer>> objects() {
            Map<String, List<Integer>> objects = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                objects.computeIfAbsent(segments.get(i).objectId(), k -> new ArrayList<>()).add(i);
            }
            return objects;
        }

        boolean matches(Oem oem) {
            List<OemSegment> parsed = oem.getSegments();
            if (parsed.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < parsed.size(); i++) {
                String parsedId = parsed.get(i).getMetadata().getObjectID();
                if (!normalised(segments.get(i).objectId()).equals(normalised(parsedId))) {
                    return false;
                }
            }
            return true;
        }

        private static String normalised(String id) {
            return id == null ? "" : id.strip().replaceAll("\\s+", " ");
        }

        /** The lines of a message holding only the given segments. */
        int[] slice(List<Integer> segmentIndices) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < headerEnd; i++) {
                out.add(i);
            }
            for (int k : segmentIndices) {
                for (int i = segments.get(k).first(); i <= segments.get(k).last(); i++) {
                    out.add(i);
                }
            }
            for (int i = footerStart; i < lineCount; i++) {
                out.add(i);
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
