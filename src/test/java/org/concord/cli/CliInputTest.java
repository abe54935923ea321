package org.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.concord.TestNodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a person types at the command line is read by the same rules as the API, and refused in words, not Java. */
class CliInputTest {

    @TempDir
    static Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(dir.resolve("node"), args);
    }

    @BeforeAll
    static void catalog() throws IOException {
        Files.createDirectories(dir.resolve("node"));
        Files.writeString(dir.resolve("node/concord.properties"), "sample.load=false\nnode.party=TEST\n");
        Path tle = dir.resolve("subset.tle");
        Files.write(tle, TestNodes.resource("/catalog/subset_301obj_3le_2024-07.txt"));
        assertThat(run("ingest", tle.toString()).exitCode()).isZero();
    }

    /** Found: {@code --threshold 5} was taken as 5 m and a run with 0 conjunctions stored. */
    @Test
    void aThresholdWithoutItsUnitIsRefused() {
        CliRun r = run("screen", "--start", "2024-07-05", "--window", "1h", "--threshold", "5");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--threshold: '5' has no unit; give a distance such as 5km or 500m");
        assertThat(run("conjunctions").out()).contains("0 of 0 matching conjunctions");
    }

    /** Found: the CLI accepted {@code --window 400d} while HTTP capped windows at 30 days. */
    @Test
    void theScreeningWindowHasTheApiLimit() {
        CliRun r = run("screen", "--start", "2024-07-05", "--window", "400d");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--window: '400d' is outside the accepted range: at least 1 s and at most 30d");
    }

    /** Found: {@code --start 2024-07-05} printed "cannot convert ... to class java.time.Instant (... at index 10)". */
    @Test
    void datesAreAcceptedAndBadTimesExplainedWithoutJava() {
        assertThat(run("conjunctions", "--from", "2024-07-05").exitCode()).isZero();
        CliRun bad = run("agreement", "add", "--grantor", "TEST", "--to", "TEST", "--kinds", "orbits", "--until",
                "2027-01-01T00:00");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'2027-01-01T00:00' is not a date such as 2024-07-05")
                .contains("append Z for UTC").doesNotContain("java.").doesNotContain("index");
    }

    /**
     * Found: an RDM whose nominal epoch was 31 April was stored (read as 1 May), one with month 13 ended in a Java
     * exception. Both are refused naming the file, line and keyword, and nothing is stored.
     */
    @Test
    void reentryMessagesWithImpossibleEpochsAreRefusedAndNothingStored() throws IOException {
        for (String file : List.of("rdm-kvn-april-31.txt", "rdm-kvn-month-13.txt", "tip-csv-february-30.csv")) {
            Path input = dir.resolve(file);
            Files.write(input, TestNodes.resource("/malformed/" + file));
            CliRun r = run("ingest", input.toString());
            assertThat(r.exitCode()).as(file + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(file).contains("rejected, nothing stored").contains(file + ":")
                    .contains("is not a valid date")
                    .doesNotContain("java.").doesNotContain("Exception");
        }
        assertThat(run("ingest", dir.resolve("rdm-kvn-april-31.txt").toString()).err())
                .contains("rdm-kvn-april-31.txt:28: NOMINAL_REENTRY_EPOCH: '2018-04-31T19:45:33' is not a valid date:"
                        + " day 31 is not a day of 2018-04");
        CliRun reports = run("reentry", "reports", "81594");
        assertThat(reports.exitCode()).as(reports.err()).isZero();
        assertThat(reports.out()).contains("0 report(s)");
        assertThat(run("reentry", "reports", "1377").out()).contains("0 report(s)");
    }

    /** {@code reentry predict --all-below}: every low object, the altitude with its unit; one object or all, not both. */
    @Test
    void everyObjectUnderAPerigeeAltitudeIsPredictedAndTheAltitudeTakesAUnit() {
        CliRun bare = run("reentry", "predict", "--all-below", "300");
        assertThat(bare.exitCode()).isEqualTo(1);
        assertThat(bare.err()).contains("--all-below: '300' has no unit; give a distance such as 5km or 500m");
        CliRun both = run("reentry", "predict", "25544", "--all-below", "300km");
        assertThat(both.err()).contains("give either NORAD_ID (one object) or --all-below");
        CliRun neither = run("reentry", "predict");
        assertThat(neither.err()).contains("give the NORAD_ID of the object to predict, or --all-below 300km");

        CliRun all = run("reentry", "predict", "--all-below", "450km");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.err()).containsPattern("predicted (\\d+) of \\1");
        // the test catalog holds 301 objects of 2024-07; this node has no space weather, so no epoch
        assertThat(all.out()).containsPattern("[1-9]\\d* objects predicted in [0-9.]+ s: \\{NONE=[1-9]\\d*}");
    }

    /** {@code reentries --overflies}: an ISO 3166-1 alpha-3 code, or a refusal naming the rule. */
    @Test
    void reentriesOverAStateTakeAnIsoCode() {
        CliRun bad = run("reentries", "--overflies", "XYZ");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("--overflies: 'XYZ' is not an ISO 3166-1 alpha-3 code");
        CliRun france = run("reentries", "--overflies", "fra");
        assertThat(france.exitCode()).as(france.err()).isZero();
        assertThat(france.out()).contains("0 of 0 predictions");
        CliRun upcoming = run("reentries", "--upcoming", "30d", "--overflies", "FRA");
        assertThat(upcoming.exitCode()).as(upcoming.err()).isZero();
        assertThat(upcoming.out()).contains("object(s) predicted to re-enter by").contains(" over FRA");
    }

    /** Found: {@code --sort miss} silently sorted by TCA; {@code --frame ECEF} named a Java enum constant. */
    @Test
    void unknownValuesAreRefusedWithTheAcceptedOnes() {
        CliRun sort = run("conjunctions", "--sort", "miss");
        assertThat(sort.exitCode()).isEqualTo(1);
        assertThat(sort.err()).contains("--sort: 'miss' is not an accepted value (accepted: tca, pc, -pc)");
        CliRun frame = run("propagate", "25544", "--frame", "ECEF");
        assertThat(frame.exitCode()).isEqualTo(1);
        assertThat(frame.err()).contains("--frame: 'ECEF' is not an accepted value (accepted: teme, gcrf, itrf,"
                + " geodetic)").doesNotContain("org.concord");
        CliRun type = run("objects", "--type", "BOGUS");
        assertThat(type.err()).contains("--type: 'BOGUS' is not an accepted value");
    }

    @Test
    void numbersAreBoundedNotWrapped() {
        assertThat(run("objects", "--limit", "4294967297").err())
                .contains("--limit: 4294967297 is outside the accepted range 1 to 10000");
        assertThat(run("token", "create", "--user", "nobody", "--days", "99999999999999").err())
                .contains("--days: 99999999999999 is outside the accepted range 1 to 3650");
        CliRun step = run("propagate", "25544", "--step", "60");
        assertThat(step.err()).contains("--step: '60' has no unit");
        assertThat(run("audit", "log", "--limit", "1e400").err()).doesNotContain("java");
    }

    /** Found: {@code concord screen --help} was "Unknown option"; only {@code concord help screen} worked. */
    @Test
    void everyCommandAndSubcommandAcceptsHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(ConcordCli.commandLine(), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(20).contains(List.of("screen"), List.of("agreement", "add"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliRun help = run(args.toArray(String[]::new));
            assertThat(help.exitCode()).as("%s --help: %s", command, help.err()).isZero();
            assertThat(help.out()).as("%s --help", command).contains("Usage: concord " + String.join(" ", command));
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            into.add(subPath);
            collect(sub, subPath, into);
        });
    }

    /** Found: a port already in use printed a stack trace. */
    @Test
    void aPortInUseIsOneClearLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun serve = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run("serve", "--port",
                    Integer.toString(taken.getLocalPort())));
            assertThat(serve.exitCode()).isEqualTo(1);
            assertThat(serve.err()).contains("the port is already in use").doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }
}
