package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concord pc}: no database is opened (the data directory stays empty). */
class PcCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("node"), args);
    }

    private static String cdm(String name) {
        return Path.of("src/test/resources/ccsds/cdm", name).toString();
    }

    private static double pcOf(String out, String method) {
        Matcher m = Pattern.compile("  " + Pattern.quote(method) + "\\s+([0-9.eE+-]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void alfanoCasesGiveConcordsPcByEachMethodWithTheCdmsHbr() {
        // CARA's 2D Pc (column CARA_Pc2D) of the Alfano 2009 cases of Orekit's CDMs
        // (src/test/resources/pc/alfano2009_pc_test_cases.json)
        String[] files = {"AlfanoTestCase01.cdm", "AlfanoTestCase02.cdm", "AlfanoTestCase03.cdm",
            "AlfanoTestCase04.cdm", "AlfanoTestCase05.cdm", "AlfanoTestCase06.cdm", "AlfanoTestCase07.cdm",
            "AlfanoTestCase08.cdm", "AlfanoTestCase09.cdm", "AlfanoTestCase11.cdm"};
        double[] expected = {0.146749500506248, 0.00622226705532899, 0.100351017066071, 0.0493220745447709,
            0.044492344523551, 0.00433545396136356, 0.000158146485930144, 0.036947965085717, 0.290161522245745,
            0.00267203364642589};
        for (int i = 0; i < files.length; i++) {
            CliRun r = run("pc", cdm(files[i]));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("combined hard-body radius: ").contains("from the CDM's HBR comment")
                    .contains("CDM's Pc:      none").contains("Concord's Pc (covariances from the CDM");
            for (String method : new String[] {"Alfano 2005", "Laas 2015", "Patera 2005"}) {
                // achieved: at most 2.2e-4 (case 8), from the CDM's rounding of the states (mm, 1e-9 km/s) and
                // the five digits printed; the same states at full precision give 5e-5 (AlfanoPcTest)
                assertThat(Math.abs(pcOf(r.out(), method) - expected[i]) / expected[i]).as(files[i] + " " + method)
                        .isLessThan(1e-3);
            }
        }
        assertThat(dir.resolve("node")).doesNotExist();
    }

    @Test
    void aCdmWithItsOwnPcPrintsBoth() {
        CliRun r = run("pc", cdm("CDMExample3.txt"), "--hbr", "20");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("CDM's Pc:      2.3550e-03 (ALFANO-2005)")
                .contains("combined hard-body radius: 20.000 m (--hbr)")
                .contains("GALAXY 15");
        assertThat(pcOf(r.out(), "Alfano 2005")).isBetween(0.0, 1.0);
        assertThat(r.out()).contains("NOT a measured Pc");
    }

    @Test
    void withoutHbrTheCaraTableOrTheDefaultIsUsed() {
        CliRun r = run("pc", cdm("CDMExample2.txt"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("CDM's Pc:      4.8350e-05 (FOSTER-1992)").containsPattern(
                "combined hard-body radius: [0-9.]+ m \\(.*(CARA HBR table|default).*\\)");
    }

    @Test
    void aMalformedCdmIsRejectedWithLineAndKeyword() throws IOException {
        CliRun r = run("pc", cdm("CDM-missing-TCA.txt"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("CDM rejected:").contains("CDM-missing-TCA.txt:15: TCA:");
        Path bad = dir.resolve("bad.cdm");
        Files.writeString(bad, "not a CDM at all\n");
        assertThat(run("pc", bad.toString()).exitCode()).isEqualTo(2);
        assertThat(String.format(Locale.ROOT, "%s", run("pc", cdm("CDMExample3.txt"), "--hbr", "-1").err()))
                .contains("error: --hbr -1.0 is not a length");
    }
}
