package org.concord.formats;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;

import org.concord.catalog.SourceFormat;
import org.concord.formats.OmmFields.Layout;
import org.concord.formats.OmmFields.Place;
import org.concord.formats.OmmFields.Sgp4Elements;
import org.concord.formats.OmmFields.Value;
import org.orekit.data.DataSource;
import org.orekit.errors.OrekitException;
import org.orekit.errors.OrekitMessages;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.odm.omm.Omm;
import org.orekit.files.ccsds.ndm.odm.omm.OmmParser;
import org.orekit.files.ccsds.utils.lexical.KvnLexicalAnalyzer;
import org.orekit.files.ccsds.utils.lexical.ParseToken;
import org.orekit.files.ccsds.utils.lexical.TokenType;
import org.orekit.files.ccsds.utils.lexical.XmlLexicalAnalyzer;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.utils.units.Unit;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * CCSDS OMM in KVN and XML, parsed by Orekit's OMM parser, one message at a time.
 *
 * <p>A KVN file may hold several messages one after the other (each from its CCSDS_OMM_VERS line), as CelesTrak
 * serves them; an XML file holds one {@code <omm>}, or an {@code <ndm>} with any number of them, as Space-Track and
 * CelesTrak serve them. Each message is handed to Orekit alone; the line numbers of its tokens are shifted by the
 * line the message starts on, so that the lines Orekit and Concord report are those of the file.
 *
 * <p>XML is first read by a SAX parser that refuses any document type declaration (hence entity expansion and
 * external entities) before Orekit, whose own SAX parser is not so configured, sees a byte of it.
 *
 * <p>Leniency, documented: an empty CREATION_DATE (as in the NDM that CelesTrak and Space-Track serve,
 * {@code <CREATION_DATE/>}) is read as {@value #PLACEHOLDER_CREATION_DATE} and an empty ORIGINATOR as
 * {@value #PLACEHOLDER_ORIGINATOR}; Concord does not use either (provenance records who ingested what, when).
 */
final class CcsdsOmmReader {

    static final String PLACEHOLDER_CREATION_DATE = "1957-10-04T00:00:00";
    static final String PLACEHOLDER_ORIGINATOR = "UNKNOWN";

    /**
     * What CENTER_NAME is handed to Orekit as. With a body it knows (EARTH), Orekit looks up the body's GM in the JPL
     * ephemerides, which a node need not have, for a value SGP4 never uses (it has its own WGS-72 constants). The real
     * CENTER_NAME is checked by {@link OmmFields}.
     */
    private static final String UNRESOLVED_CENTER = "CONCORD-UNRESOLVED-CENTER";

    /**
     * The KVN keywords whose value is text. Orekit's KVN lexer reads a trailing {@code [...]} of any value as units,
     * and fails on a name such as {@code SL-8 R/B [YO]} (CelesTrak has such names); units only belong to numbers, so
     * in these values the brackets are hidden from Orekit as {@link #OPEN} and {@link #CLOSE}, and restored.
     */
    private static final Pattern TEXT_KEYWORD = Pattern.compile("\\s*(OBJECT_NAME|OBJECT_ID|ORIGINATOR|MESSAGE_ID"
            + "|CLASSIFICATION|CENTER_NAME|REF_FRAME|COV_REF_FRAME|TIME_SYSTEM|MEAN_ELEMENT_THEORY|USER_DEFINED_\\w+)"
            + "\\s*=.*");
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    /** The CCSDS units of the keywords Concord reads, in which their values must be given when units are. */
    private static final Map<String, Unit> UNITS = Map.of(
            OmmFields.MEAN_MOTION, Unit.parse("rev/d"),
            OmmFields.INCLINATION, Unit.parse("°"),
            OmmFields.RA_OF_ASC_NODE, Unit.parse("°"),
            OmmFields.ARG_OF_PERICENTER, Unit.parse("°"),
            OmmFields.MEAN_ANOMALY, Unit.parse("°"),
            OmmFields.ECCENTRICITY, Unit.NONE,
            OmmFields.BSTAR, Unit.parse("1/ER"),
            OmmFields.MEAN_MOTION_DOT, Unit.parse("rev/d²"),
            OmmFields.MEAN_MOTION_DDOT, Unit.parse("rev/d³"));

    private static final Map<String, String> UNIT_NAMES = Map.of(
            OmmFields.MEAN_MOTION, "rev/day", OmmFields.INCLINATION, "deg", OmmFields.RA_OF_ASC_NODE, "deg",
            OmmFields.ARG_OF_PERICENTER, "deg", OmmFields.MEAN_ANOMALY, "deg", OmmFields.ECCENTRICITY, "none",
            OmmFields.BSTAR, "1/ER", OmmFields.MEAN_MOTION_DOT, "rev/day**2", OmmFields.MEAN_MOTION_DDOT,
            "rev/day**3");

    private CcsdsOmmReader() {
    }

    /**
     * One OMM message of a file: its exact text and the file line that text starts on, the line the message itself
     * starts on (its CCSDS_OMM_VERS line or {@code <omm>} tag), and (XML) the path of its element.
     */
    private record Message(String text, int textLine, int line, Optional<String> path) {
    }

    static ParseResult<OmmRecord> read(String fileName, String text, SourceFormat format) {
        List<OmmRecord> records = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        List<Message> messages = switch (format) {
            case OMM_KVN -> kvnMessages(text);
            case OMM_XML -> xmlMessages(fileName, text, errors);
            default -> throw new IllegalArgumentException(format + " is not CCSDS OMM");
        };
        for (Message message : messages) {
            try {
                readMessage(fileName, message, format, messages.size() == 1 ? text : message.text(), records, errors);
            } catch (RuntimeException e) {
                errors.add(new InputError(fileName, Optional.of(message.line()), message.path(), "message",
                        "cannot be read: " + describe(e)));
            }
        }
        if (records.isEmpty() && errors.isEmpty()) {
            errors.add(InputError.inFile(fileName, "content", "no OMM message found"));
        }
        errors.sort(Comparator.comparing(e -> e.line().orElse(0)));
        return new ParseResult<>(records, errors);
    }

    private static void readMessage(String fileName, Message message, SourceFormat format, String content,
                                    List<OmmRecord> records, List<InputError> errors) {
        Capture capture = new Capture(fileName, message.textLine() - 1,
                format == SourceFormat.OMM_XML ? message.path() : Optional.empty());
        OmmParser parser = new ParserBuilder().withFilter(capture).buildOmmParser();
        String orekitText = format == SourceFormat.OMM_KVN ? hideTextBrackets(message.text()) : message.text();
        DataSource source = new DataSource(fileName, () -> new StringReader(orekitText));
        Place place = new Place(fileName, Optional.of(message.line()), message.path());
        if (format == SourceFormat.OMM_KVN) {
            List<InputError> lines = kvnLineErrors(fileName, message);
            if (!lines.isEmpty()) {
                errors.addAll(lines);
                return;
            }
        }
        Omm omm;
        try {
            omm = format == SourceFormat.OMM_XML ? new XmlLexicalAnalyzer(source).accept(parser)
                    : new KvnLexicalAnalyzer(source).accept(parser);
        } catch (RuntimeException e) {
            // what Concord finds wrong in the keywords read so far explains the failure better than Orekit does
            List<InputError> found = capture.check(place, false);
            errors.addAll(found.isEmpty() ? List.of(translate(e, capture, message, place)) : found);
            return;
        }
        List<InputError> found = capture.check(place, true);
        if (!found.isEmpty()) {
            errors.addAll(found);
            return;
        }
        Sgp4Elements elements = OmmFields.read(capture.values, place, Layout.CCSDS, true, found).orElseThrow();
        TLE tle = tleOf(omm, elements);
        boolean covariance = omm.getData().getCovarianceBlock() != null;
        records.add(OmmRecord.of(elements, tle, format, content, message.line(), covariance));
    }

    /**
     * The TLE of a parsed OMM, by {@link Omm#generateTLE()}, with two corrections. Orekit 13.1.2 divides
     * MEAN_MOTION_DOT by 2 and MEAN_MOTION_DDOT by 6 in generateTLE although its parser already read them in the
     * TLE's scaled units (2 rev/day², 6 rev/day³), so the TLE would show half and a sixth of what CelesTrak,
     * Space-Track and python-sgp4 put in line 1 for the same OMM: the values read are restored. And generateTLE
     * throws for an OBJECT_ID that is not a COSPAR designator as Orekit reads one (analyst objects): the TLE is then
     * built from the validated values.
     */
    private static TLE tleOf(Omm omm, Sgp4Elements elements) {
        TLE g;
        try {
            g = omm.generateTLE();
        } catch (OrekitException notADesignator) {
            return elements.toTle();
        }
        return new TLE(g.getSatelliteNumber(), g.getClassification(), g.getLaunchYear(), g.getLaunchNumber(),
                g.getLaunchPiece(), g.getEphemerisType(), g.getElementNumber(), g.getDate(), g.getMeanMotion(),
                elements.meanMotionDot() * OmmFields.NDOT_TO_SI, elements.meanMotionDdot() * OmmFields.NDDOT_TO_SI,
                g.getE(), g.getI(), g.getPerigeeArgument(), g.getRaan(), g.getMeanAnomaly(),
                g.getRevolutionNumberAtEpoch(), g.getBStar(), g.getUtc());
    }

    /** An Orekit failure as an input error, keeping the line Orekit names, else the line of the last token read. */
    private static InputError translate(RuntimeException e, Capture capture, Message text, Place message) {
        String reason = describe(e);
        if (e instanceof OrekitException oe && oe.getSpecifier() != null) {
            Object[] parts = oe.getParts();
            if (oe.getSpecifier() == OrekitMessages.UNSUPPORTED_FILE_FORMAT) {
                return text.path().isPresent()
                        ? message.error("omm", "the <omm> element must carry id=\"CCSDS_OMM_VERS\" and a version")
                        : message.error("CCSDS_OMM_VERS", "a KVN OMM must start with CCSDS_OMM_VERS = <version>");
            }
            if (oe.getSpecifier() == OrekitMessages.UNKNOWN_UNIT && parts.length >= 1) {
                Optional<InputError> located = locateUnit(message, text, String.valueOf(parts[0]));
                if (located.isPresent()) {
                    return located.get();
                }
            }
            if (oe.getSpecifier() == OrekitMessages.UNABLE_TO_PARSE_ELEMENT_IN_FILE && parts.length >= 2) {
                return new InputError(message.file(), lineOf(parts[1], message), capture.pathOf(parts[0]),
                        String.valueOf(parts[0]), "cannot be read: " + causeOf(e));
            }
            if (oe.getSpecifier() == OrekitMessages.CCSDS_UNEXPECTED_KEYWORD && parts.length >= 3) {
                String keyword = String.valueOf(parts[2]).strip();
                return new InputError(message.file(), lineOf(parts[0], message), message.path(), keyword,
                        "unexpected keyword: not part of an OMM, or not at this place in it");
            }
            if (oe.getSpecifier() == OrekitMessages.UNABLE_TO_PARSE_LINE_IN_FILE && parts.length >= 1) {
                // raised by the lexer, whose lines are those of the message, not of the file
                Optional<Integer> line = lineOf(parts[0], message).map(l -> l + text.textLine() - 1);
                return new InputError(message.file(), line, message.path(), "line",
                        reason.replaceAll("\\s*\\R\\s*", ": "));
            }
            if ((oe.getSpecifier() == OrekitMessages.UNINITIALIZED_VALUE_FOR_KEY
                    || oe.getSpecifier() == OrekitMessages.CCSDS_MISSING_KEYWORD) && parts.length >= 1) {
                return message.error(String.valueOf(parts[0]), "is missing or empty; it is mandatory in a CCSDS OMM");
            }
        }
        return capture.last.map(t -> new InputError(message.file(), Optional.of(t.getLineNumber()),
                        t.getName() == null ? message.path() : capture.pathOf(t.getName()),
                        t.getName() == null ? "message" : t.getName(), reason))
                .orElseGet(() -> message.error("message", reason));
    }

    /** The KVN line whose unit Orekit does not know (its lexer fails before the keyword reaches the parser). */
    private static Optional<InputError> locateUnit(Place message, Message text, String unit) {
        List<String> lines = text.text().lines().toList();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.contains("[" + unit + "]") && line.contains("=")) {
                return Optional.of(InputError.atLine(message.file(), text.textLine() + k,
                        line.substring(0, line.indexOf('=')).strip(), "unknown unit [" + unit + "]"));
            }
        }
        return Optional.empty();
    }

    private static String hideTextBrackets(String text) {
        if (text.indexOf(OPEN) >= 0 || text.indexOf(CLOSE) >= 0 || text.indexOf('[') < 0) {
            return text;
        }
        StringBuilder hidden = new StringBuilder(text.length());
        for (String line : text.split("(?<=\\n)")) {
            hidden.append(TEXT_KEYWORD.matcher(line.stripTrailing()).matches()
                    ? line.replace('[', OPEN).replace(']', CLOSE) : line);
        }
        return hidden.toString();
    }

    /** Each line of a KVN message that is neither blank, nor a COMMENT, nor KEYWORD = value. */
    private static List<InputError> kvnLineErrors(String fileName, Message message) {
        List<InputError> errors = new ArrayList<>();
        List<String> lines = message.text().lines().toList();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (!line.isEmpty() && !line.startsWith("COMMENT") && !line.matches("[A-Za-z_][A-Za-z0-9_]*\\s*=.*")) {
                String shown = line.length() > 40 ? line.substring(0, 40) + "..." : line;
                errors.add(InputError.atLine(fileName, message.textLine() + k, "line",
                        "'" + shown + "' is not a KEYWORD = value line (nor a COMMENT)"));
            }
        }
        return errors;
    }

    private static Optional<Integer> lineOf(Object part, Place message) {
        try {
            return Optional.of(Integer.parseInt(String.valueOf(part).strip()));
        } catch (NumberFormatException e) {
            return message.line();
        }
    }

    private static String causeOf(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static String describe(Throwable e) {
        // the message of an unexpected exception describes Orekit's code, not the input: only its kind is told
        return e instanceof OrekitException ? e.getMessage()
                : "Orekit failed on it (" + e.getClass().getSimpleName() + ")";
    }

    /**
     * Watches every token Orekit reads: shifts its line to the file's, keeps the keywords Concord checks (with line,
     * XML path, units), and smooths what Concord is lenient about (empty CREATION_DATE and ORIGINATOR, CENTER_NAME;
     * see the class comment).
     */
    private static final class Capture implements Function<ParseToken, List<ParseToken>> {

        private final String fileName;
        private final int lineOffset;
        private final Optional<String> xmlRoot;
        private final Deque<String> xmlPath = new ArrayDeque<>();
        private final Map<String, Value> values = new HashMap<>();
        private final Map<String, Unit> units = new HashMap<>();
        private final List<InputError> duplicates = new ArrayList<>();
        private Optional<ParseToken> last = Optional.empty();

        Capture(String fileName, int lineOffset, Optional<String> xmlRoot) {
            this.fileName = fileName;
            this.lineOffset = lineOffset;
            this.xmlRoot = xmlRoot;
        }

        @Override
        public List<ParseToken> apply(ParseToken read) {
            ParseToken token = lineOffset == 0 ? read : new ParseToken(read.getType(), read.getName(),
                    read.getRawContent(), read.getUnits(), read.getLineNumber() + lineOffset, read.getFileName());
            String name = token.getName();
            if (xmlRoot.isPresent() && name != null) {
                if (token.getType() == TokenType.START) {
                    xmlPath.addLast(name);
                } else if (token.getType() == TokenType.STOP && !xmlPath.isEmpty()) {
                    xmlPath.removeLast();
                }
            }
            if (token.getType() != TokenType.ENTRY || name == null) {
                if (token.getLineNumber() > 0) {
                    last = Optional.of(token);
                }
                return List.of(token);
            }
            last = Optional.of(token);
            String raw = token.getRawContent() == null ? ""
                    : token.getRawContent().replace(OPEN, '[').replace(CLOSE, ']');
            if (OmmFields.KEYWORDS.contains(name)) {
                Place place = new Place(fileName, Optional.of(token.getLineNumber()), pathOf(name));
                OmmFields.put(values, name, new Value(raw, place), duplicates);
                if (token.getUnits() != null && token.getUnits() != Unit.NONE) {
                    units.put(name, token.getUnits());
                }
            }
            if (name.equals("CREATION_DATE") && raw.isBlank()) {
                return List.of(replace(token, PLACEHOLDER_CREATION_DATE));
            }
            if (name.equals("ORIGINATOR") && raw.isBlank()) {
                return List.of(replace(token, PLACEHOLDER_ORIGINATOR));
            }
            if (name.equals(OmmFields.CENTER_NAME)) {
                return List.of(replace(token, UNRESOLVED_CENTER));
            }
            return List.of(token);
        }

        private static ParseToken replace(ParseToken token, String content) {
            return new ParseToken(token.getType(), token.getName(), content, token.getUnits(), token.getLineNumber(),
                    token.getFileName());
        }

        /** The XML path of a keyword being read (Orekit reports the root element, so the NDM prefix is added). */
        Optional<String> pathOf(Object keyword) {
            if (xmlRoot.isEmpty()) {
                return Optional.empty();
            }
            List<String> inside = new ArrayList<>(xmlPath);
            if (!inside.isEmpty()) {
                inside.remove(0);
            }
            if (inside.isEmpty() || !inside.get(inside.size() - 1).equals(String.valueOf(keyword))) {
                inside.add(String.valueOf(keyword));
            }
            return Optional.of(xmlRoot.get() + "/" + String.join("/", inside));
        }

        /** The errors in the keywords read: duplicates, units, then values (all of them if the message is whole). */
        List<InputError> check(Place message, boolean complete) {
            List<InputError> errors = new ArrayList<>(duplicates);
            units.forEach((key, unit) -> {
                Unit expected = UNITS.get(key);
                if (expected == null || !sameUnit(unit, expected)) {
                    errors.add(values.get(key).place().error(key, "unit [" + unit.getName() + "] is not the CCSDS"
                            + " unit of " + key + " (" + (expected == null ? "none" : UNIT_NAMES.get(key)) + ")"));
                }
            });
            if (errors.isEmpty()) {
                OmmFields.read(values, message, Layout.CCSDS, complete, errors);
            }
            errors.sort((a, b) -> Integer.compare(a.line().orElse(0), b.line().orElse(0)));
            return errors;
        }

        private static boolean sameUnit(Unit unit, Unit expected) {
            if (expected == Unit.NONE) {
                return unit.sameDimension(Unit.ONE) && Math.abs(unit.getScale() - 1.0) < 1e-12;
            }
            return unit.sameDimension(expected)
                    && Math.abs(unit.getScale() / expected.getScale() - 1.0) < 1e-12;
        }
    }

    /** The messages of a KVN text, each from its CCSDS_OMM_VERS line up to the next one. */
    private static List<Message> kvnMessages(String text) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int offset = 0;
        int line = 1;
        while (offset <= text.length()) {
            int end = text.indexOf('\n', offset);
            String current = text.substring(offset, end < 0 ? text.length() : end);
            if (current.strip().toUpperCase(Locale.ROOT).startsWith("CCSDS_OMM_VERS")) {
                starts.add(offset);
                lines.add(line);
            }
            if (end < 0) {
                break;
            }
            offset = end + 1;
            line++;
        }
        if (starts.isEmpty()) {
            return List.of(new Message(text, 1, 1, Optional.empty()));
        }
        List<Message> messages = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = k == 0 ? 0 : starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : text.length();
            // the first message also holds whatever precedes its first line
            messages.add(new Message(text.substring(from, to), k == 0 ? 1 : lines.get(k), lines.get(k),
                    Optional.empty()));
        }
        return messages;
    }

    /**
     * The {@code <omm>} messages of an XML text: the root, or the children of an {@code <ndm>} root. The whole text
     * is first read by a SAX parser that refuses DOCTYPE; errors name the line and the element path.
     */
    private static List<Message> xmlMessages(String fileName, String text, List<InputError> errors) {
        Structure structure = new Structure();
        try {
            SAXParser parser = XmlHardening.saxParserFactory().newSAXParser();
            parser.parse(new InputSource(new StringReader(text)), structure);
        } catch (SAXParseException e) {
            String path = structure.path();
            boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
            errors.add(new InputError(fileName, Optional.of(e.getLineNumber()), Optional.of(path),
                    doctype ? "DOCTYPE" : "XML",
                    doctype ? "XML with a document type declaration is refused (" + XmlHardening.WHY + ")"
                            : "not well-formed XML: " + e.getMessage()));
            return List.of();
        } catch (SAXException | ParserConfigurationException | IOException e) {
            errors.add(InputError.inFile(fileName, "XML", "cannot be read: " + e.getMessage()));
            return List.of();
        }
        if (structure.root.equals("omm")) {
            return List.of(new Message(text, 1, lineOfRoot(text), Optional.of("/omm")));
        }
        if (!structure.root.equals("ndm")) {
            errors.add(new InputError(fileName, Optional.of(1), Optional.of("/" + structure.root), "root element",
                    "<" + structure.root + "> is neither <omm> nor an <ndm> holding OMMs"));
            return List.of();
        }
        List<Message> messages = new ArrayList<>();
        List<Span> spans = ommSpans(text);
        int omm = 0;
        for (Structure.Child child : structure.children) {
            if (!child.name().equals("omm")) {
                errors.add(new InputError(fileName, Optional.of(child.line()),
                        Optional.of("/ndm/" + child.name() + "[" + child.index() + "]"), "NDM constituent",
                        "<" + child.name() + "> is not an OMM; only OMM constituents are read here"));
                continue;
            }
            if (omm >= spans.size()) {
                throw new IllegalStateException("the XML scanner found fewer <omm> elements than the parser");
            }
            Span span = spans.get(omm++);
            messages.add(new Message(text.substring(span.start(), span.end()), span.line(), span.line(),
                    Optional.of("/ndm/omm[" + omm + "]")));
        }
        if (messages.isEmpty() && errors.isEmpty()) {
            errors.add(new InputError(fileName, Optional.of(1), Optional.of("/ndm"), "NDM constituent",
                    "the NDM holds no <omm>"));
        }
        return messages;
    }

    /** The SAX reading of an XML document: its root element and the root's children, and where the reader is. */
    private static final class Structure extends DefaultHandler {

        record Child(String name, int index, int line) {
        }

        private final Deque<String> open = new ArrayDeque<>();
        private final List<Child> children = new ArrayList<>();
        private final Map<String, Integer> childCounts = new HashMap<>();
        private Locator locator;
        private String root = "";

        @Override
        public void setDocumentLocator(Locator documentLocator) {
            this.locator = documentLocator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (open.isEmpty()) {
                root = qName;
            } else if (open.size() == 1) {
                int index = childCounts.merge(qName, 1, Integer::sum);
                children.add(new Child(qName, index, locator == null ? 1 : locator.getLineNumber()));
            }
            open.addLast(qName);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.removeLast();
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            throw new SAXException("external entity '" + systemId + "' refused");
        }

        String path() {
            return open.isEmpty() ? "/" : "/" + String.join("/", open);
        }
    }

    private static int lineOfRoot(String text) {
        int i = 0;
        while ((i = text.indexOf('<', i)) >= 0) {
            if (text.startsWith("<?", i) || text.startsWith("<!--", i)) {
                int end = text.indexOf(text.startsWith("<?", i) ? "?>" : "-->", i);
                i = end < 0 ? text.length() : end + 1;
                continue;
            }
            return lineAt(text, i);
        }
        return 1;
    }

    /** Where an element lies in its text: characters [start, end), starting on a line. */
    private record Span(int start, int end, int line) {
    }

    /**
     * The character spans of the {@code <omm>} children of the root, found by a scan that knows comments, CDATA,
     * processing instructions and quoted attribute values (the text is already known to be well-formed).
     */
    private static List<Span> ommSpans(String text) {
        List<Span> spans = new ArrayList<>();
        int depth = 0;
        int start = -1;
        int startLine = 1;
        int line = 1;
        int counted = 0;
        int i = 0;
        while ((i = text.indexOf('<', i)) >= 0) {
            if (text.startsWith("<!--", i)) {
                i = text.indexOf("-->", i) + 3;
                continue;
            }
            if (text.startsWith("<![CDATA[", i)) {
                i = text.indexOf("]]>", i) + 3;
                continue;
            }
            if (text.startsWith("<?", i) || text.startsWith("<!", i)) {
                i = text.indexOf('>', i) + 1;
                continue;
            }
            int end = tagEnd(text, i);
            boolean closing = text.charAt(i + 1) == '/';
            boolean empty = !closing && text.charAt(end - 1) == '/';
            String name = tagName(text, closing ? i + 2 : i + 1);
            boolean omm = name.equals("omm") && depth == (closing ? 2 : 1);
            if (omm && !closing) {
                line += newlines(text, counted, i);
                counted = i;
            }
            if (closing) {
                depth--;
                if (omm && start >= 0) {
                    spans.add(new Span(start, end + 1, startLine));
                    start = -1;
                }
            } else if (empty) {
                if (omm) {
                    spans.add(new Span(i, end + 1, line));
                }
            } else {
                if (omm) {
                    start = i;
                    startLine = line;
                }
                depth++;
            }
            i = end + 1;
        }
        return spans;
    }

    private static int tagEnd(String text, int from) {
        char quote = 0;
        for (int k = from + 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return k;
            }
        }
        return text.length() - 1;
    }

    private static String tagName(String text, int from) {
        int k = from;
        while (k < text.length() && !Character.isWhitespace(text.charAt(k)) && text.charAt(k) != '>'
                && text.charAt(k) != '/') {
            k++;
        }
        return text.substring(from, k);
    }

    private static int lineAt(String text, int offset) {
        return 1 + newlines(text, 0, offset);
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                count++;
            }
        }
        return count;
    }
}
