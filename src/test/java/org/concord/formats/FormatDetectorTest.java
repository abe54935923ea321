package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.concord.catalog.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {

    @ParameterizedTest
    @CsvSource({
        "ccsds/omm_sample_python-sgp4.xml, OMM_XML", // <ndm> holding an <omm>
        "ccsds/omm/OMMExample2.xml, OMM_XML",
        "ccsds/oem/OEMExample3.xml, OEM_XML",
        "ccsds/opm/OPMExample3.xml, OPM_XML"})
    void xmlIsRecognisedByItsRootElement(String resource, SourceFormat format) {
        assertThat(FormatDetector.detect(resource, TestFiles.text(resource))).isEqualTo(format);
    }

    @Test
    void rootElementMayComeAfterAnyLengthOfProlog() {
        String oem = TestFiles.text("ccsds/oem/OEMExample3.xml");
        String prolog = "\n\n<?xml version=\"1.0\"?>\n<!--" + "x".repeat(10_000) + "-->\n<?pi data?>\n";
        assertThat(FormatDetector.detect("p.xml", prolog + oem.substring(oem.indexOf("<oem")))).isEqualTo(
                SourceFormat.OEM_XML);
    }

    @Test
    void documentTypeIsRefusedAtItsLineWherever() {
        String oem = TestFiles.text("ccsds/oem/OEMExample3.xml");
        String text = "<!--\n" + "padding\n".repeat(1000) + "-->\n<!DOCTYPE oem>\n" + oem.substring(oem.indexOf("<oem"));
        InputError error = catchThrowableOfType(InputRejectedException.class,
                () -> FormatDetector.detect("d.xml", text)).errors().get(0);
        assertThat(error.field()).isEqualTo("DOCTYPE");
        assertThat(error.line()).contains(1003);
    }

    @Test
    void foreignXmlIsNamedByItsRoot() {
        InputError error = catchThrowableOfType(InputRejectedException.class,
                () -> FormatDetector.detect("k.xml", "<?xml version=\"1.0\"?>\n<kml:kml xmlns:kml=\"x\"/>"))
                .errors().get(0);
        assertThat(error.path()).contains("/kml:kml");
        assertThat(error.reason()).contains("<kml:kml> is not a CCSDS orbit message");
    }

    @Test
    void utf8WithByteOrderMarkIsText() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "1 25544U".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(text, 0, both, bom.length, text.length);
        assertThat(FormatDetector.decode("b.tle", both)).isEqualTo("1 25544U");
        assertThat(FormatDetector.decode("n.tle", "SATÉLITE".getBytes(StandardCharsets.UTF_8))).isEqualTo("SATÉLITE");
    }

    @Test
    void truncatedUtf8CharacterIsPlaced() {
        byte[] bytes = "ok\n\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        InputError error = catchThrowableOfType(InputRejectedException.class,
                () -> FormatDetector.decode("t.tle", cut)).errors().get(0);
        assertThat(error.line()).contains(2);
        assertThat(error.reason()).contains("byte 0xC3 at byte offset 3");
    }
}
