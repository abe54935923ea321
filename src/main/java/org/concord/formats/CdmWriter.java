package org.concord.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.files.ccsds.utils.generation.Generator;
import org.orekit.files.ccsds.utils.generation.KvnGenerator;
import org.orekit.files.ccsds.utils.generation.XmlGenerator;
import org.orekit.utils.Constants;
import org.orekit.utils.units.Unit;

/** Writes a CDM in KVN or XML with Orekit's CDM writer. */
public final class CdmWriter {

    private CdmWriter() {
    }

    public static String writeKvn(Cdm cdm) {
        StringBuilder out = new StringBuilder();
        write(new KvnGenerator(out, org.orekit.files.ccsds.ndm.cdm.CdmWriter.KVN_PADDING_WIDTH, "CDM",
                Constants.JULIAN_DAY, 0), cdm);
        return out.toString();
    }

    public static String writeXml(Cdm cdm) {
        StringBuilder out = new StringBuilder();
        try {
            write(new EscapingXmlGenerator(out), cdm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Orekit's XML generator writes text as it is: a name or comment with {@code &}, {@code <} or {@code >} would
     * break the XML, so text values are escaped here.
     */
    private static final class EscapingXmlGenerator extends XmlGenerator {

        EscapingXmlGenerator(Appendable out) throws IOException {
            super(out, XmlGenerator.DEFAULT_INDENT, "CDM", Constants.JULIAN_DAY, false, null);
        }

        @Override
        public void writeEntry(String key, String value, Unit unit, boolean mandatory) throws IOException {
            super.writeEntry(key, value == null ? null : escape(value), unit, mandatory);
        }

        @Override
        public void writeComments(List<String> comments) throws IOException {
            super.writeComments(comments.stream().map(EscapingXmlGenerator::escape).toList());
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    private static void write(Generator generator, Cdm cdm) {
        try (generator) {
            new WriterBuilder(CdmDataContext.get()).buildCdmWriter().writeMessage(generator, cdm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
