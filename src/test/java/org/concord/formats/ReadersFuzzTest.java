package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.concord.catalog.SourceFormat;
import org.concord.formats.rdm.RdmKey;
import org.concord.formats.rdm.RdmMessage;
import org.concord.formats.rdm.RdmReader;
import org.concord.formats.rdm.RdmType;
import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;

/**
 * Whatever the bytes, format detection and the readers either read them or reject them with
 * {@link InputRejectedException}: no other exception, and every error names the file, a field and a reason.
 * <p>
 * {@code mvn test} runs this in Jazzer's regression mode, over the seeds in {@code ReadersFuzzTestInputs/} (and any
 * crash reproducer Jazzer saved there); {@code JAZZER_FUZZ=1 mvn test -Dtest=ReadersFuzzTest} fuzzes for real.
 */
class ReadersFuzzTest {

    private static final String NAME = "fuzz.input";

    @BeforeAll
    static void orekit() {
        OrekitSetup.initialize(Optional.empty());
    }

    @FuzzTest(maxDuration = "5m")
    void readsOrRejectsWithInputErrors(byte[] bytes) {
        try {
            String text = FormatDetector.decode(NAME, bytes);
            SourceFormat format = FormatDetector.detect(NAME, text);
            ParseResult<?> result = switch (format) {
                case SATCAT_CSV -> SatcatReader.read(NAME, text);
                case TIP_CSV -> TipReader.readCsv(NAME, text);
                case TIP_JSON -> TipReader.readJson(NAME, text);
                case RDM_KVN, RDM_XML -> rdm(text);
                default -> OrbitReaders.read(format, NAME, text);
            };
            result.errors().forEach(ReadersFuzzTest::checkError);
        } catch (InputRejectedException e) {
            assertThat(e.errors()).isNotEmpty();
            e.errors().forEach(ReadersFuzzTest::checkError);
        } catch (UnsupportedOperationException e) {
            // the OMM reader of this branch is a placeholder ("being written"); nothing else may throw this
            assertThat(e.getMessage()).isEqualTo("being written");
        }
    }

    /** An RDM the reader accepts has every epoch readable as an instant (none rolled over, none out of range). */
    private static ParseResult<RdmMessage> rdm(String text) {
        RdmMessage message = RdmReader.read(NAME, text);
        for (RdmKey key : RdmKey.values()) {
            if (key.type().equals(RdmType.EPOCH)) {
                message.instant(key).ifPresent(instant -> assertThat(instant.atZone(ZoneOffset.UTC).getYear())
                        .isBetween(UtcEpochs.FIRST_YEAR, UtcEpochs.LAST_YEAR));
            }
        }
        return new ParseResult<>(List.of(message), List.of());
    }

    private static void checkError(InputError error) {
        assertThat(error.file()).isEqualTo(NAME);
        assertThat(error.field()).isNotBlank();
        assertThat(error.reason()).isNotBlank();
    }
}
