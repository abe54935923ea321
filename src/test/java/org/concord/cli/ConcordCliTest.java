package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.concord.TestNodes;
import org.concord.formats.CcsdsSchemas;
import org.concord.node.Node;
import org.concord.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process, on its own data directory. */
class ConcordCliTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("node"), args);
    }

    @Test
    void ingestQueryAndShowWithLabelsAndProvenance() throws IOException {
        Path tle = dir.resolve("subset.tle");
        Files.write(tle, TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"));
        CliRun ingest = run("ingest", tle.toString(), "--label", "originator=GBR;rel=REL TO GBR,USA;tlp=GREEN",
                "--as", "analyst1");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("301 stored, 0 unchanged, 0 rejected");

        CliRun again = run("ingest", tle.toString(), "--label", "originator=GBR;rel=REL TO GBR,USA;tlp=GREEN");
        assertThat(again.out()).contains("0 stored, 301 unchanged").contains("already ingested: nothing new");
        assertThat(again.out()).doesNotContain("warning");
        CliRun stricter = run("ingest", tle.toString(), "--label", "originator=GBR;rel=REL TO GBR;tlp=RED");
        assertThat(stricter.exitCode()).isZero();
        assertThat(stricter.out()).contains("0 stored, 301 unchanged (already ingested: nothing new) of which 301 held"
                + " under another label, which they keep").contains("warning: 301 records were already held under"
                + " another label and keep it: this ingest's label (originator=GBR;rel=REL TO GBR;tlp=RED;")
                .contains("concord relabel");

        CliRun objects = run("objects", "--name", "vanguard", "--sort", "-noradId");
        assertThat(objects.exitCode()).isZero();
        assertThat(objects.out()).contains("VANGUARD 1").contains("VANGUARD 2").contains("REL TO GBR,USA TLP:GREEN");
        assertThat(objects.out().indexOf("VANGUARD 3")).isLessThan(objects.out().indexOf("VANGUARD 1"));

        CliRun object = run("object", "25544");
        assertThat(object.out()).contains("ISS (ZARYA)").contains("1998-067A").contains("by analyst1")
                .contains("subset.tle line 901");

        CliRun status = run("status");
        assertThat(status.out()).contains("objects:        301").contains("newest epoch:   2024-07");
    }

    @Test
    void statisticsAndTheBulkExportCoverTheWholeCatalog() throws IOException {
        Path tle = dir.resolve("subset.tle");
        Files.write(tle, TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"));
        assertThat(run("ingest", tle.toString()).exitCode()).isZero();
        CliRun statistics = run("statistics");
        assertThat(statistics.exitCode()).as(statistics.err()).isZero();
        assertThat(statistics.out()).contains("objects:  301 (0 known by their SATCAT entry alone, 301 without a"
                + " SATCAT entry)").containsPattern("\\n  LEO +\\d+\\n").contains("(no SATCAT entry) 301")
                .containsPattern(">= 30 d +301\\n");
        CliRun csv = run("export", "--all", "--format", "omm-csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().split("\n")).hasSize(302);
        assertThat(csv.err()).contains("301 element sets written, 301 of them stale");
        CliRun tles = run("export", "--all");
        assertThat(tles.out()).contains(run("export", "25544").out());
        assertThat(run("export").exitCode()).isEqualTo(2);
        assertThat(run("export", "25544", "--all").err()).contains("not both");
        CliRun kvn2 = run("export", "--all", "--format", "omm-kvn", "--omm-version", "2.0");
        assertThat(kvn2.exitCode()).as(kvn2.err()).isZero();
        assertThat(kvn2.out().split("CCSDS_OMM_VERS\\s+=\\s+2\\.0\\s", -1)).hasSize(302);
        CliRun versionOfTle = run("export", "--all", "--omm-version", "2.0");
        assertThat(versionOfTle.exitCode()).isNotZero();
        assertThat(versionOfTle.err()).contains("OMM version").contains("omm-kvn");
        assertThat(versionOfTle.out()).isEmpty();
    }

    @Test
    void theBundledCatalogUsedLongAfterItsEpochsSaysItIsStaleEverywhere() {
        // the issue's reproduction: the bundled 2024-07 catalog, a screening on 2026-12-03
        try (Node node = Node.open(NodeConfig.load(dir.resolve("node"), Optional.empty(), Map.of()))) {
            node.loadSampleCatalogIfEmpty(line -> { });
        }
        CliRun screen = run("screen", "--start", "2026-12-03T00:00:00Z", "--window", "1h", "--primary", "25544");
        assertThat(screen.exitCode()).as(screen.err()).isZero();
        assertThat(screen.out()).contains("WARNING: the primary's element set is 880.4 days from the window, beyond"
                + " the staleness limit of its orbit regime: results are not meaningful");

        CliRun propagate = run("propagate", "39741", "--from", "2026-12-03T00:00:00Z", "--to",
                "2026-12-06T00:00:00Z", "--step", "1h");
        assertThat(propagate.exitCode()).as(propagate.err()).isZero();
        assertThat(propagate.err()).contains("WARNING: element set 884.0 days from its epoch"
                + " 2024-07-04T23:45:27.044640Z (limit 14.0 days for MEO): STALE");

        assertThat(run("export", "25544").err()).containsPattern("WARNING: element set \\d+\\.\\d days from its epoch"
                + " 2024-07-05T14:27:56\\.\\d+Z \\(limit 3\\.0 days for LEO\\): STALE, the result is not meaningful"
                + " at export");
        CliRun omm = run("export", "25544", "--format", "omm-xml", "--omm-version", "2.0");
        assertThat(omm.exitCode()).as(omm.err()).isZero();
        assertThat(omm.out()).contains("<omm id=\"CCSDS_OMM_VERS\" version=\"2.0\">");
        assertThat(CcsdsSchemas.violations(omm.out())).isEmpty();
        CliRun oem = run("propagate", "25544", "--from", "2026-12-03T00:00:00Z", "--to", "2026-12-03T01:00:00Z",
                "--format", "oem-xml");
        assertThat(oem.exitCode()).as(oem.err()).isZero();
        assertThat(CcsdsSchemas.violationsApartFromVersion(oem.out())).isEmpty();
        // element sets of 2024-07 are older than 30 days whenever this test runs
        assertThat(run("status").out()).containsPattern("freshness: +of 26\\d{3} objects at \\S+, 100\\.0 % have"
                + " element sets older than 3 days, 100\\.0 % older than 7 days, 100\\.0 % older than 30 days");
    }

    @Test
    void aRejectedFileStoresNothingAndExitsNonZero() throws IOException {
        Path bad = dir.resolve("bad.tle");
        Files.writeString(bad, """
                0 VANGUARD 1
                1 00005U 58002B   24187.49270102  .00000872  00000-0  11018-2 0  9997
                2 00005  34.2494 350.7565 1842018 170.0536 194.2361 10.85456480365911
                0 VANGUARD 2
                1 00011U 59001A   24187.51496924  .00001069  00000-0  55482-3 0  9992
                2 00011  32.8711 255.0638 1455653 332.1888  20.7734 11.88503118450691
                """);
        CliRun run = run("ingest", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.tle:6: checksum: column 69 is '1' but the line's checksum is 0");
        assertThat(run("status").out()).contains("objects:        0");

        CliRun skipping = run("ingest", bad.toString(), "--skip-invalid");
        assertThat(skipping.exitCode()).isZero();
        assertThat(skipping.out()).contains("1 stored, 0 unchanged, 1 rejected").contains("skipped: " + bad + ":6");
    }

    @Test
    void screenStoresConjunctionsThatAreListedByPc() throws IOException {
        Path tle = dir.resolve("subset.tle");
        Files.write(tle, TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"));
        assertThat(run("ingest", tle.toString(), "--label", "rel=PUBLIC;tlp=CLEAR").exitCode()).isZero();
        CliRun screen = run("screen", "--start", "2024-07-05T00:00:00Z", "--window", "6h", "--threshold", "30km");
        assertThat(screen.exitCode()).as(screen.err()).isZero();
        assertThat(screen.out()).containsPattern("screening run 1: 301 objects \\(\\d+ excluded by SGP4 errors\\), \\d+"
                + " candidate pairs, \\d+ conjunctions under 30000 m").contains("stages: propagation");
        assertThat(screen.err()).contains("100%");
        CliRun list = run("conjunctions", "--run", "1", "--sort", "pc", "--limit", "5");
        assertThat(list.out()).contains("MAXIMUM").contains("PUBLIC TLP:CLEAR");
        assertThat(run("screen", "--start", "2024-07-05T00:00:00Z", "--threshold", "far").err())
                .contains("--threshold: 'far' is not a distance");
        CliRun pc = run("pc", "src/test/resources/ccsds/cdm/AlfanoTestCase01.cdm");
        assertThat(pc.exitCode()).as(pc.err()).isZero();
    }

    @Test
    void anEphemerisIsScreenedAgainstTheCatalogAndItsConjunctionsPrinted() throws IOException {
        Path tle = dir.resolve("subset.tle");
        Files.write(tle, TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"));
        assertThat(run("ingest", tle.toString(), "--label", "rel=PUBLIC;tlp=CLEAR").exitCode()).isZero();
        CliRun propagated = run("propagate", "25544", "--from", "2024-07-05T00:00:00Z", "--to", "2024-07-05T12:00:00Z",
                "--step", "20s", "--frame", "GCRF", "--format", "oem");
        assertThat(propagated.exitCode()).as(propagated.err()).isZero();
        Path oem = dir.resolve("iss-plan.oem");
        Files.writeString(oem, propagated.out());

        CliRun screen = run("screen", "--ephemeris", oem.toString(), "--threshold", "200km", "--label",
                "tlp=AMBER;rel=REL TO GBR");
        assertThat(screen.exitCode()).as(screen.err()).isZero();
        assertThat(screen.out()).containsPattern("screening run 1: ephemeris " + java.util.regex.Pattern.quote(
                oem.toString()) + " \\(object 25544, SHA-256 [0-9a-f]{64}\\) against 300 objects \\(\\d+ excluded by SGP4"
                + " errors\\), 5 conjunctions under 200000 m")
                .contains("screened 2024-07-05T00:00:00Z to 2024-07-05T12:00:00Z")
                .containsPattern("2024-07-05T10:46:00\\.99\\d+Z +25544 +614 +30810\\.\\d .* REL TO GBR TLP:AMBER");

        CliRun ellipsoid = run("screen", "--ephemeris", oem.toString(), "--ellipsoid", "10km,50km,10km");
        assertThat(ellipsoid.exitCode()).as(ellipsoid.err()).isZero();
        assertThat(ellipsoid.out()).contains("0 conjunctions inside the RTN ellipsoid 10000 x 50000 x 10000 m");
        CliRun primary = run("screen", "--primary", "25544", "--start", "2024-07-05T00:00:00Z", "--window", "12h",
                "--ellipsoid", "40km,15km,40km");
        assertThat(primary.out()).contains("1 conjunctions inside the RTN ellipsoid 40000 x 15000 x 40000 m");

        CliRun late = run("screen", "--ephemeris", oem.toString(), "--start", "2024-08-01T00:00:00Z", "--window", "1d");
        assertThat(late.exitCode()).isEqualTo(2);
        assertThat(late.err()).contains(oem + ": START_TIME: the ephemeris covers 2024-07-05T00:00:00Z to"
                + " 2024-07-05T12:00:00Z, which does not overlap the window 2024-08-01T00:00:00Z to");
        assertThat(run("screen", "--ephemeris", oem.toString(), "--start", "2024-08-01T00:00:00Z").err())
                .contains(oem + ": STOP_TIME: the ephemeris covers 2024-07-05T00:00:00Z to 2024-07-05T12:00:00Z, which"
                        + " ends before the window's start 2024-08-01T00:00:00Z");
        Path broken = dir.resolve("broken.oem");
        Files.write(broken, TestNodes.resource("/malformed/oem-truncated-data-line.oem"));
        CliRun invalid = run("screen", "--ephemeris", broken.toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains(broken.toString());
        assertThat(run("screen", "--ephemeris", oem.toString(), "--primary", "25544").err())
                .contains("--primary and --ephemeris exclude each other");
        assertThat(run("screen", "--ephemeris", oem.toString(), "--threshold", "5km", "--ellipsoid", "1,2,3").err())
                .contains("--threshold and --ellipsoid exclude each other");
        assertThat(run("screen", "--primary", "25544", "--ellipsoid", "1m,2m,3m").err())
                .contains("--start is required");
        assertThat(run("screen", "--ephemeris", oem.toString(), "--ellipsoid", "1,2").err())
                .contains("--ellipsoid: '1,2' is not three semi-axes");
    }

    @Test
    void unknownObjectsAndOptionsAreReported() {
        assertThat(run("object", "42").exitCode()).isEqualTo(1);
        assertThat(run("objects", "--sort", "mass").err()).contains("--sort: 'mass' is not an accepted value");
        assertThat(run("objects", "--bogus").exitCode()).isEqualTo(2);
    }
}
