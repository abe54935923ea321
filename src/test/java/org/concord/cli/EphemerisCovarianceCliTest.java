package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.concord.screening.CovarianceOems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * {@code concord screen --ephemeris} of an OEM with a covariance ({@link CovarianceOems}: SPOT-5 with a documented
 * covariance) against a secondary with an element-set history and one without: the table gives each Pc's kind and
 * the maximum beside it, and the lines under it name the covariance sources and why a Pc stayed the maximum.
 */
class EphemerisCovarianceCliTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("node"), args);
    }

    private void ingest(String name, List<TLE> sets) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, CovarianceOems.text(sets));
        CliRun ingest = run("ingest", file.toString(), "--label", "rel=PUBLIC;tlp=CLEAR");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    }

    @Test
    void theTableNamesThePcKindAndTheLinesUnderItTheSources() throws IOException {
        assertThat(run("objects").exitCode()).isZero(); // opens the node, and Orekit's data with it
        List<TLE> spot5 = CovarianceOems.spot5();
        ingest("spot5.tle", spot5);
        ingest("crossing.tle", spot5.stream().map(CovarianceOems::crossing).toList());
        ingest("single.tle", List.of(CovarianceOems.single(spot5.getLast())));
        Instant start = spot5.getLast().getDate().toInstant();
        Path oem = dir.resolve("spot5-cov.oem");
        Files.writeString(oem, CovarianceOems.spot5Oem(spot5.getLast(), start, Duration.ofHours(6),
                Duration.ofHours(6)));

        CliRun screen = run("screen", "--ephemeris", oem.toString(), "--threshold", "5km");
        assertThat(screen.exitCode()).as(screen.err()).isZero();
        assertThat(screen.out()).contains(" PC ", "PC_KIND", "MAX_PC")
                .containsPattern("27421 +99421 .* \\d\\.\\d{3}e-\\d{2} ESTIMATED +\\d\\.\\d{3}e-\\d{2} ")
                .containsPattern("27421 +99422 .* \\d\\.\\d{3}e-\\d{2} MAXIMUM +\\d\\.\\d{3}e-\\d{2} ")
                .contains("PC_KIND ESTIMATED (Alfano 2005): the primary's covariance MEASURED (the OEM's own), the"
                        + " secondary's ESTIMATED from its element-set history (not measured)")
                .contains("PC_KIND MAXIMUM; the ephemeris carries a covariance but the secondary's mean elements do"
                        + " not, and this node holds no earlier element set of it");
    }
}
