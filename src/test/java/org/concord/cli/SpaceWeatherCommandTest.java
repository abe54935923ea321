package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.concord.spaceweather.SpaceWeatherFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concord ingest} of space weather and {@code concord space-weather}'s table with the G-scale per interval. */
class SpaceWeatherCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("node"), args);
    }

    @Test
    void ingestsTheCelestrakFileAndShowsEach3HourIntervalWithItsGScale() throws IOException {
        Path csv = dir.resolve("SW-All.csv");
        Files.write(csv, SpaceWeatherFiles.bytes(SpaceWeatherFiles.SW_ALL));
        Path alerts = dir.resolve("alerts.json");
        Files.write(alerts, SpaceWeatherFiles.bytes("swpc-alerts.json"));
        CliRun ingest = run("ingest", csv.toString(), alerts.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("(celestrak-csv): 10391 days of indices stored, 0 held already")
                .contains("alert raised: Geomagnetic storm G5: Kp 9.00 in 2024-05-11 00:00–03:00 UTC (observed)")
                .contains("(swpc-alerts): 0 days of indices stored, 0 held already; 9 SWPC messages stored");
        CliRun refused = run("ingest", csv.toString(), "--skip-invalid");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--skip-invalid and --object do not apply");

        CliRun table = run("space-weather", "--from", "2024-05-10", "--to", "2024-05-12");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains(
                "2024-05-10  3-     3-     2+     2o     4-     8- G3  9- G4  9- G4  G4     223.4",
                "2024-05-11  9o G5  8+ G4  8+ G4  9o G5  9- G4  8+ G4  8- G3  8- G3  G5     213.7")
                .contains("WARNING: Geomagnetic K-index of 5 expected; until 2024-05-12T06:00:00Z")
                .contains("Geomagnetic storm G5");
        CliRun predicted = run("space-weather", "--from", "2026-04-26", "--to", "2026-04-28");
        assertThat(predicted.out()).contains("2026-04-27  3o*").contains("* predicted");
    }
}
