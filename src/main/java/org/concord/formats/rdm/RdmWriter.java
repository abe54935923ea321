package org.concord.formats.rdm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.concord.orbit.CcsdsGenerators;
import org.orekit.files.ccsds.utils.FileFormat;
import org.orekit.files.ccsds.utils.generation.Generator;
import org.orekit.utils.units.Unit;

/**
 * Writes an {@link RdmMessage} in KVN or XML through the node's Orekit generators ({@link CcsdsGenerators}): keywords
 * in the schema's order, each number with the unit the schema gives it, the XML valid against the NDM/XML 2.0.0 RDM
 * schema (unqualified, as agencies exchange it).
 */
public final class RdmWriter {

    /** The width keywords are padded to in KVN, as in the standard's examples. */
    private static final int KVN_PADDING = 25;

    private RdmWriter() {
    }

    public static String writeKvn(RdmMessage message) {
        StringBuilder out = new StringBuilder();
        write(CcsdsGenerators.kvn(out, "RDM", KVN_PADDING, Set.of()), message);
        return out.toString();
    }

    public static String writeXml(RdmMessage message) {
        StringBuilder out = new StringBuilder();
        write(CcsdsGenerators.xml(out, "RDM", Set.of()), message);
        return out.toString();
    }

    private static void write(Generator generator, RdmMessage message) {
        boolean xml = generator.getFormat() == FileFormat.XML;
        try (generator) {
            generator.startMessage(RdmReader.ROOT, RdmReader.VERSION_KEY, Double.parseDouble(message.version()));
            block(generator, message, RdmBlock.HEADER, xml);
            if (xml) {
                generator.enterSection("body");
                generator.enterSection("segment");
            }
            block(generator, message, RdmBlock.METADATA, xml);
            if (xml) {
                generator.enterSection("data");
            }
            for (RdmBlock block : RdmBlock.values()) {
                if (block.inData()) {
                    block(generator, message, block, xml);
                }
            }
            if (xml) {
                generator.exitSection();
                generator.exitSection();
                generator.exitSection();
            }
            generator.endMessage(RdmReader.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void block(Generator generator, RdmMessage message, RdmBlock block, boolean xml)
            throws IOException {
        RdmMessage.Section section = message.sections().get(block);
        if (section == null) {
            return;
        }
        if (xml) {
            generator.enterSection(block.xmlElement());
        }
        generator.writeComments(section.comments());
        for (Map.Entry<RdmKey, String> entry : section.values().entrySet()) {
            RdmKey key = entry.getKey();
            generator.writeEntry(key.name(), entry.getValue(), key.type().unit().map(Unit::parse).orElse(null),
                    key.required());
        }
        if (xml) {
            generator.exitSection();
        }
    }
}
