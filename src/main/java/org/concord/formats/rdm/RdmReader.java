package org.concord.formats.rdm;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.formats.XmlHardening;
import org.orekit.data.DataSource;
import org.orekit.errors.OrekitException;
import org.orekit.files.ccsds.utils.FileFormat;
import org.orekit.files.ccsds.utils.lexical.LexicalAnalyzerSelector;
import org.orekit.files.ccsds.utils.lexical.MessageParser;
import org.orekit.files.ccsds.utils.lexical.MessageVersionXmlTokenBuilder;
import org.orekit.files.ccsds.utils.lexical.ParseToken;
import org.orekit.files.ccsds.utils.lexical.TokenType;
import org.orekit.files.ccsds.utils.lexical.XmlTokenBuilder;
import org.orekit.utils.units.Unit;

/**
 * Reads an RDM in KVN or XML (told apart by Orekit's lexical analyser selector, as Orekit's own CCSDS parsers are)
 * into an {@link RdmMessage}, checking every keyword against the schema's: known, in its block, given once, its value
 * of its type and range, its unit (when given) the schema's, and each block's required keywords present. Every
 * problem is reported with its line and keyword, and any one rejects the message: nothing of it is read.
 */
public final class RdmReader {

    static final String VERSION_KEY = "CCSDS_RDM_VERS";
    static final String ROOT = "rdm";
    private static final Set<String> XML_STRUCTURE = Set.of(ROOT, "body", "segment", "data");

    private RdmReader() {
    }

    /** The message, or {@link InputRejectedException} naming every problem (file, line, keyword, why). */
    public static RdmMessage read(String fileName, String text) {
        XmlHardening.declaration(fileName, text).ifPresent(refusal -> {
            throw new InputRejectedException(refusal);
        });
        Parser parser = new Parser(fileName);
        try {
            LexicalAnalyzerSelector.select(new DataSource(fileName, () -> new StringReader(text)))
                    .accept(parser);
        } catch (OrekitException e) {
            parser.errors.add(InputError.inFile(fileName, "content", "not a readable RDM: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parser.result();
    }

    /** Collects the tokens Orekit's lexical analysers make of the message. */
    private static final class Parser implements MessageParser<RdmMessage> {

        private final String fileName;
        private final List<InputError> errors = new ArrayList<>();
        private final Map<RdmBlock, List<String>> comments = new EnumMap<>(RdmBlock.class);
        private final EnumMap<RdmBlock, Map<RdmKey, String>> values = new EnumMap<>(RdmBlock.class);
        private final Map<RdmKey, Integer> lines = new HashMap<>();
        private final List<String> pendingComments = new ArrayList<>();
        private FileFormat format;
        private Optional<String> version = Optional.empty();
        /** XML only: the block whose element is open, if any. */
        private Optional<RdmBlock> openBlock = Optional.empty();

        Parser(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public RdmMessage parseMessage(DataSource source) {
            throw new UnsupportedOperationException("use RdmReader.read");
        }

        @Override
        public String getFormatVersionKey() {
            return VERSION_KEY;
        }

        @Override
        public Map<String, XmlTokenBuilder> getSpecialXmlElementsBuilders() {
            return Map.of(ROOT, new MessageVersionXmlTokenBuilder());
        }

        @Override
        public void reset(FileFormat fileFormat) {
            this.format = fileFormat;
        }

        @Override
        public FileFormat getFileFormat() {
            return format;
        }

        @Override
        public void process(ParseToken token) {
            String name = token.getName();
            if (name == null) {
                errors.add(error(token, "content", "not an RDM: an element or line without a keyword"));
                return;
            }
            if (token.getType() != TokenType.ENTRY) {
                Arrays.stream(RdmBlock.values()).filter(b -> b.xmlElement().equals(name)).findFirst()
                        .ifPresentOrElse(block -> openBlock = token.getType() == TokenType.START
                                ? Optional.of(block) : Optional.empty(), () -> structure(token));
                return;
            }
            if (name.equals(VERSION_KEY)) {
                version = Optional.of(token.getRawContent().strip());
                return;
            }
            if (name.equals("COMMENT")) {
                if (openBlock.isPresent()) {
                    comments.computeIfAbsent(openBlock.get(), b -> new ArrayList<>()).add(comment(token));
                } else {
                    pendingComments.add(comment(token));
                }
                return;
            }
            Optional<RdmKey> known = RdmKey.named(name);
            if (known.isEmpty()) {
                errors.add(error(token, name, name.startsWith("USER_DEFINED")
                        ? "user-defined parameters are not read" : "not an RDM keyword (CCSDS 508.1-B-1)"));
                return;
            }
            RdmKey key = known.get();
            if (openBlock.isPresent() && openBlock.get() != key.block()) {
                errors.add(error(token, name, "belongs in <" + key.block().xmlElement() + ">, not in <"
                        + openBlock.get().xmlElement() + ">"));
                return;
            }
            if (version.isEmpty()) {
                errors.add(error(token, name, "comes before " + VERSION_KEY + ", which an RDM starts with"));
            }
            if (lines.containsKey(key)) {
                errors.add(error(token, name, "given twice (first at line " + lines.get(key) + ")"));
                return;
            }
            lines.put(key, token.getLineNumber());
            String value = token.getRawContent() == null ? "" : token.getRawContent().strip();
            key.type().problem(value).ifPresent(problem -> errors.add(error(token, name, problem)));
            unitProblem(key, token.getUnits()).ifPresent(problem -> errors.add(error(token, name, problem)));
            if (!pendingComments.isEmpty()) {
                comments.computeIfAbsent(key.block(), b -> new ArrayList<>()).addAll(pendingComments);
                pendingComments.clear();
            }
            values.computeIfAbsent(key.block(), b -> new LinkedHashMap<>()).put(key, key.type().canonical(value));
        }

        /** XML structure elements; an element that is neither structure nor a keyword is refused. */
        private void structure(ParseToken token) {
            String name = token.getName();
            if (XML_STRUCTURE.contains(name) || RdmKey.named(name).isPresent() || name.equals("COMMENT")
                    || name.equals(VERSION_KEY)) {
                return;
            }
            errors.add(error(token, name, name.startsWith("USER_DEFINED") || name.equals("userDefinedParameters")
                    ? "user-defined parameters are not read" : "not an element of an RDM"));
        }

        private static String comment(ParseToken token) {
            return token.getRawContent() == null ? "" : token.getRawContent().strip();
        }

        private static Optional<String> unitProblem(RdmKey key, Unit given) {
            if (given == null || given == Unit.NONE) {
                return Optional.empty();
            }
            Optional<String> expected = key.type().unit();
            if (expected.isEmpty()) {
                return Optional.of("takes no unit; given [" + given.getName() + "]");
            }
            Unit unit = Unit.parse(expected.get());
            boolean same = unit.sameDimension(given) && Math.abs(unit.getScale() - given.getScale())
                    <= 1e-12 * Math.abs(unit.getScale());
            return same ? Optional.empty() : Optional.of("the unit is [" + expected.get() + "]; given ["
                    + given.getName() + "]");
        }

        private InputError error(ParseToken token, String field, String reason) {
            return InputError.atLine(fileName, token.getLineNumber(), field, reason);
        }

        @Override
        public RdmMessage build() {
            return null;
        }

        RdmMessage result() {
            if (errors.isEmpty() && version.isEmpty()) {
                errors.add(InputError.atLine(fileName, 1, VERSION_KEY, "missing: an RDM starts with "
                        + VERSION_KEY + " = 1.0 (KVN) or <rdm id=\"CCSDS_RDM_VERS\" version=\"1.0\"> (XML)"));
            }
            version.filter(v -> !v.equals(RdmMessage.VERSION) && !v.equals("1"))
                    .ifPresent(v -> errors.add(InputError.atLine(fileName, 1, VERSION_KEY, "version " + v
                            + " is not one Concord reads (1.0, CCSDS 508.1-B-1)")));
            for (RdmBlock block : RdmBlock.values()) {
                boolean always = block == RdmBlock.HEADER || block == RdmBlock.METADATA
                        || block == RdmBlock.ATMOSPHERIC_REENTRY;
                if (!always && !values.containsKey(block)) {
                    continue;
                }
                Map<RdmKey, String> held = values.getOrDefault(block, Map.of());
                for (RdmKey key : RdmKey.values()) {
                    if (key.block() == block && key.required() && !held.containsKey(key)) {
                        errors.add(InputError.inFile(fileName, key.name(), "missing: required in the "
                                + block.xmlElement() + " of an RDM"));
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw new InputRejectedException(errors);
            }
            if (!pendingComments.isEmpty()) {
                RdmBlock last = values.keySet().stream().reduce((a, b) -> b).orElse(RdmBlock.HEADER);
                comments.computeIfAbsent(last, b -> new ArrayList<>()).addAll(pendingComments);
            }
            RdmMessage.Builder builder = new RdmMessage.Builder();
            comments.forEach((block, list) -> list.forEach(c -> builder.comment(block, c)));
            values.forEach((block, map) -> map.forEach(builder::put));
            return builder.build();
        }
    }
}
