package org.concord.formats;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.files.ccsds.utils.generation.Generator;
import org.orekit.files.ccsds.utils.generation.KvnGenerator;
import org.orekit.files.ccsds.utils.generation.XmlGenerator;
import org.orekit.utils.Constants;

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
            write(new XmlGenerator(out, XmlGenerator.DEFAULT_INDENT, "CDM", Constants.JULIAN_DAY, false, null), cdm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(Generator generator, Cdm cdm) {
        try (generator) {
            new WriterBuilder(CdmDataContext.get()).buildCdmWriter().writeMessage(generator, cdm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
