package org.concord.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import org.concord.orbit.CcsdsGenerators;

import org.orekit.files.ccsds.ndm.WriterBuilder;
import org.orekit.files.ccsds.ndm.cdm.Cdm;
import org.orekit.files.ccsds.ndm.cdm.ODParametersKey;
import org.orekit.files.ccsds.utils.generation.Generator;

/** Writes a CDM in KVN or XML with Orekit's CDM writer, through the {@link CcsdsGenerators}. */
public final class CdmWriter {

    /**
     * The counts Orekit holds as 0 when the message had none: CCSDS 508.0-B-1 allows positive values only, so they
     * are written only when the message had them.
     */
    private static final Set<String> COUNTS = Set.of(ODParametersKey.OBS_AVAILABLE.name(),
            ODParametersKey.OBS_USED.name(), ODParametersKey.TRACKS_AVAILABLE.name(),
            ODParametersKey.TRACKS_USED.name());

    private CdmWriter() {
    }

    public static String writeKvn(Cdm cdm) {
        StringBuilder out = new StringBuilder();
        write(CcsdsGenerators.kvn(out, "CDM", org.orekit.files.ccsds.ndm.cdm.CdmWriter.KVN_PADDING_WIDTH, COUNTS),
                cdm);
        return out.toString();
    }

    public static String writeXml(Cdm cdm) {
        StringBuilder out = new StringBuilder();
        write(CcsdsGenerators.xml(out, "CDM", COUNTS), cdm);
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
