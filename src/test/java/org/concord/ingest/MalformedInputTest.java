package org.concord.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.concord.label.LabelFilter;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.ingest.CorpusStore.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The malformed-input corpus ({@code src/test/resources/malformed/}, see its README): every file, derived from a
 * real record, is ingested through {@link IngestService} into a real store, and must be rejected with an error
 * naming the file, the line (or XML path), the field and the reason, leaving the store exactly as it was. Files that
 * mix valid and invalid records are also ingested with skip-invalid: the valid records are stored, the invalid
 * ones reported at their lines. The OMM files are in {@link MalformedOmmInputTest}.
 */
class MalformedInputTest {

    /**
     * File | where the error is: a line, an XML path (/...) or - for the whole file | field | a phrase of the
     * reason (`quotes` a value holding the delimiter). An input may have more errors; one of them must match.
     */
    static final String CASES = """
            tle-bad-checksum-line1.tle          | 2   | checksum            | column 69 is '8' but the line's checksum is 7
            tle-bad-checksum-line2.tle          | 3   | checksum            | column 69 is '4' but the line's checksum is 5
            tle-shifted-columns-line1.tle       | 2   | line length         | is 70 characters, an element-set line has 69
            tle-shifted-columns-line2.tle       | 6   | RA_OF_ASC_NODE      | column 17, the blank before the field's columns 18-25, holds '2': the fields of this line are shifted
            tle-missing-line2.tle               | 6   | line 2              | line 1 is not followed by line 2 of the same element set
            tle-mismatched-catalog-numbers.tle  | 3   | catalog number      | line 2 has '25545' but line 1 has '25544'
            tle-letter-in-inclination.tle       | 3   | INCLINATION         | columns 9-16: '33.3A95' is not a number
            tle-letter-in-epoch.tle             | 2   | EPOCH (day of year) | columns 21-32: '187.5424OO35' is not a number
            tle-letter-o-in-catalog-number.tle  | 2   | NORAD_CAT_ID        | '0O005' is neither a number nor an Alpha-5 catalog number
            tle-catalog-number-zero.tle         | 2   | NORAD_CAT_ID        | '00000' is not a catalog number
            tle-eccentricity-garbage.tle        | 3   | ECCENTRICITY        | '0.18420' is not 7 digits with an implied leading decimal point
            tle-negative-mean-motion.tle        | 3   | MEAN_MOTION         | -1.88503118 is outside [0, 20]
            tle-mean-motion-zero.tle            | 3   | MEAN_MOTION         | is zero rev/day
            tle-inclination-over-180.tle        | 3   | INCLINATION         | 194.2494 is outside [0, 180]
            tle-nan-inclination.tle             | 3   | INCLINATION         | 'NaN' is not a number
            tle-bstar-garbage.tle               | 2   | BSTAR               | '71O79-3' is not in the TLE exponent form
            tle-truncated-line2.tle             | 6   | line length         | is 40 characters, an element-set line has 69
            tle-truncated-file.tle              | 8   | line 2              | line 1 is not followed by line 2 of the same element set
            tle-lines-swapped.tle               | 2   | line 1              | expected line 1 of an element set after the name line 'VANGUARD 2'
            tle-mixed-valid-invalid.tle         | 5   | checksum            | column 69 is '3' but the line's checksum is 2
            tle-duplicate-conflict.tle          | 7   | EPOCH               | object 25338 already has a different record for epoch 2024-07-05T13:00:42.637824Z at line 1
            tle-nul-bytes.tle                   | 6   | content             | binary data: control byte 0x00 at byte offset 267
            tle-latin1-name.tle                 | 4   | content             | not UTF-8 text: byte 0xC9 at byte offset 158
            tle-utf16le-bom.tle                 | 1   | content             | encoded in UTF-16; Concord reads UTF-8
            tle-utf16be-no-bom.tle              | 1   | content             | encoded in UTF-16 (without a byte-order mark)
            tle-gzip.tle.gz                     | 1   | content             | gzip-compressed: decompress it first
            any-empty.txt                       | -   | content             | the file is empty
            any-whitespace-only.txt             | -   | content             | the file holds only white space
            any-random-bytes.bin                | 1   | content             | binary data: control byte 0x1C at byte offset 6
            any-png-header.png                  | 1   | content             | a PNG image
            any-unrecognised-text.txt           | 1   | format              | not a recognised format: expected NORAD TLE
            any-json-scalar.json                | 1   | format              | not a recognised format
            oem-unknown-ref-frame.oem           | 11  | REF_FRAME           | 'ECI' is not a reference frame Orekit knows
            oem-unknown-center.oem              | 10  | CENTER_NAME         | 'ERATH': Concord keeps Earth-centred orbits only
            oem-unknown-time-system.oem         | 12  | TIME_SYSTEM         | time system UTX
            oem-relative-time-system.oem        | 12  | TIME_SYSTEM         | 'MET' counts time from a mission reference epoch
            oem-data-line-too-few-columns.oem   | 18  | ephemeris data line | cannot be read (expected an epoch and 6 or 9 numbers)
            oem-data-line-non-numeric.oem       | 18  | ephemeris data line | '-5812.5778l8402283' is not a number
            oem-truncated-data-line.oem         | 18  | ephemeris data line | cannot be read (expected an epoch and 6 or 9 numbers)
            oem-epochs-not-increasing.oem       | 18  | ephemeris data line | comes before the state before it (2019-09-09T00:01:00.000Z); the states of a segment must be in increasing time order
            oem-duplicated-epoch.oem            | 18  | ephemeris data line | repeats the epoch of the state before it
            oem-bad-start-time.oem              | 13  | START_TIME          | '2019-09-09T25:00:00.0' is not a valid date: hour 25 is outside 00-23
            oem-missing-start-time.oem          | 14  | START_TIME          | mandatory keyword is missing
            oem-truncated-metadata.oem          | 5   | META_START          | block is not closed by META_STOP
            oem-state-inside-earth.oem          | 17  | ephemeris data line | 679.083 km from the Earth's centre, inside the Earth
            oem-covariance-row-short.oem        | 27  | covariance matrix   | expected row 4 of the lower triangle of the 6x6 covariance matrix, 4 numbers
            oem-covariance-non-numeric.oem      | 25  | covariance matrix   | '6.7824216e-O4' is not a number
            oem-covariance-unclosed.oem         | 21  | COVARIANCE_START    | block is not closed by COVARIANCE_STOP
            oem-two-objects-one-invalid.oem     | 26  | REF_FRAME           | 'TOD2000' is not a reference frame Orekit knows
            oem-too-few-states-for-interpolation.oem | 16 | INTERPOLATION_DEGREE | segment 1 has 2 states, but interpolating it with degree 3 needs at least 4
            oem-useable-stop-after-last-state.oem    | 16 | USEABLE_STOP_TIME    | after its last state (2019-09-09T00:01:00.000Z): an ephemeris is interpolated between its states, never extrapolated
            oem-useable-start-before-first-state.oem | 15 | USEABLE_START_TIME   | before its first state (2019-09-09T00:00:00.000Z): an ephemeris is interpolated between its states, never extrapolated
            oem-xml-truncated.xml               | 27  | XML                 | not well-formed XML
            oem-xml-unclosed-tag.xml            | 38  | XML                 | "X" must be terminated by the matching end-tag
            oem-xml-unknown-center.xml          | 14  | CENTER_NAME         | 'MOON': Concord keeps Earth-centred orbits only
            oem-xml-non-numeric.xml             | 34  | Z                   | 'minus 740.97' is not a number
            opm-unknown-ref-frame.txt           | 12  | REF_FRAME           | 'TOD2000' is not a reference frame Orekit knows
            opm-unknown-center.txt              | 11  | CENTER_NAME         | 'MOON': Concord keeps Earth-centred orbits only
            opm-wrong-units.txt                 | 20  | X_DOT               | units km and km/s are not compatible
            opm-missing-epoch.txt               | 59  | EPOCH               | mandatory keyword is missing
            opm-non-numeric-value.txt           | 18  | Y                   | '-40218.575l' is not a number
            opm-truncated.txt                   | 18  | `{X|Y|Z}`           | mandatory keyword is missing
            opm-bad-epoch-format.txt            | 16  | EPOCH               | '2006-06-03 00:00:00.000' is not a CCSDS date
            opm-epoch-centuries-ago.txt         | 1   | EPOCH               | 1606-06-03T00:00:00Z is outside the plausible range
            opm-escape-velocity.txt             | 16  | state vector        | not a closed orbit around the Earth
            opm-covariance-non-numeric.txt      | 36  | CY_Y                | 'six' is not a number
            opm-covariance-missing-entry.txt    | 54  | CZ_DOT_Z_DOT        | mandatory keyword is missing
            opm-xml-unknown-ref-frame.xml       | 19  | REF_FRAME           | 'WGS84' is not a reference frame Orekit knows
            opm-xml-unclosed-tag.xml            | 32  | XML                 | "Y" must be terminated by the matching end-tag
            opm-xml-covariance-non-numeric.xml  | 44  | CY_Y                | '0,518' is not a number
            opm-xml-missing-epoch.xml           | 63  | EPOCH               | mandatory keyword is missing
            xml-billion-laughs.xml              | 2   | DOCTYPE             | entity expansion and external entities are not allowed
            xml-external-entity-passwd.xml      | 2   | DOCTYPE             | entity expansion and external entities are not allowed
            xml-parameter-entity.xml            | 2   | DOCTYPE             | entity expansion and external entities are not allowed
            xml-doctype-after-long-comment.xml  | 64  | DOCTYPE             | entity expansion and external entities are not allowed
            xml-not-ccsds.xml                   | /project | root element   | <project> is not a CCSDS orbit message Concord ingests
            satcat-bad-launch-date.csv          | 3   | LAUNCH              | '1957-13-04' is not a date (YYYY-MM-DD)
            satcat-bad-decay-date.csv           | 2   | DECAY               | '1958-02-30' is not a date (YYYY-MM-DD)
            satcat-missing-norad-id.csv         | 3   | NORAD_CAT_ID        | '' is not a catalog number
            satcat-norad-id-too-large.csv       | 2   | NORAD_CAT_ID        | '1234567890' is not a catalog number (1 to 999999999)
            satcat-row-missing-column.csv       | 3   | row                 | has 24 fields, the header has 25
            satcat-shifted-columns.csv          | 2   | NORAD_CAT_ID        | 'PAYLOAD' is not a catalog number
            satcat-unclosed-quote.csv           | 3   | row                 | column 39: text after the closing quote of a field
            satcat-unknown-object-type.csv      | 2   | OBJECT_TYPE         | 'SATELLITE' is not an object type
            satcat-duplicate-conflict.csv       | 4   | NORAD_CAT_ID        | catalog number 1 already has a different row at line 2
            satcat-mixed-valid-invalid.csv      | 3   | NORAD_CAT_ID        | 'two' is not a catalog number
            rdm-kvn-april-31.txt                | 28  | NOMINAL_REENTRY_EPOCH | '2018-04-31T19:45:33' is not a valid date: day 31 is not a day of 2018-04
            rdm-kvn-month-13.txt                | 2   | CREATION_DATE       | '2018-13-22T09:31:34.00' is not a valid date: month 13 is outside 01-12
            rdm-kvn-hour-25.txt                 | 14  | EPOCH_TZERO         | '2018-04-22T25:00:00.00' is not a valid date: hour 25 is outside 00-23
            rdm-kvn-year-0001.txt               | 14  | EPOCH_TZERO         | '0001-04-22T09:00:00.00' is not a valid date: year 0001 is outside 1900-2200
            rdm-kvn-year-9999.txt               | 30  | REENTRY_WINDOW_END  | '9999-04-27T22:12:56' is not a valid date: year 9999 is outside 1900-2200
            rdm-kvn-epoch-not-a-date.txt        | 24  | NEXT_MESSAGE_EPOCH  | 'tomorrow 09:00' is not a date and time such as 2018-04-22T09:31:34.00
            rdm-kvn-day-366-of-2018.txt         | 28  | NOMINAL_REENTRY_EPOCH | '2018-366T19:45:33' is not a valid date: day of year 366 is outside 001-365 in 2018
            rdm-xml-february-29-2018.xml        | 40  | NOMINAL_REENTRY_EPOCH | '2018-02-29T19:45:33' is not a valid date: day 29 is not a day of 2018-02
            rdm-xml-month-00.xml                | 8   | CREATION_DATE       | '2018-00-22T09:31:34' is not a valid date: month 00 is outside 01-12
            rdm-xml-year-9999.xml               | 24  | EPOCH_TZERO         | '9999-04-22T09:00:00.00' is not a valid date: year 9999 is outside 1900-2200
            tip-csv-february-30.csv             | 2   | DECAY_EPOCH         | '2012-02-30 13:02:00' is not a valid date: day 30 is not a day of 2012-02
            tip-csv-month-13.csv                | 2   | MSG_EPOCH           | '2005-13-12 07:22:00' is not a valid date: month 13 is outside 01-12
            tip-csv-hour-25.csv                 | 2   | DECAY_EPOCH         | '2012-03-09 25:02:00' is not a valid date: hour 25 is outside 00-23
            tip-csv-year-0001.csv               | 2   | DECAY_EPOCH         | '0001-03-09 13:02:00' is not a valid date: year 0001 is outside 1900-2200
            tip-csv-year-9999.csv               | 2   | MSG_EPOCH           | '9999-03-09 09:09:00' is not a valid date: year 9999 is outside 1900-2200
            tip-json-epoch-not-a-date.json      | 2   | DECAY_EPOCH         | 'Sept 12 2005, 09:29' is not a date and time such as 2012-03-09 09:09:00
            tip-json-february-29-2011.json      | 2   | MSG_EPOCH           | '2011-02-29 09:09:00' is not a valid date: day 29 is not a day of 2011-02
            """;

    /**
     * Files with valid and invalid records: file | valid records | the lines of the invalid ones | catalog numbers
     * of valid records that must be in the store afterwards.
     */
    static final String MIXED = """
            tle-mixed-valid-invalid.tle     | 3 | 5 12 | 5 25544 25338
            tle-missing-line2.tle           | 2 | 6    | 5 25544
            tle-truncated-file.tle          | 2 | 8    | 5 11
            tle-truncated-line2.tle         | 1 | 6    | 5
            tle-shifted-columns-line2.tle   | 1 | 6    | 5
            tle-duplicate-conflict.tle      | 2 | 7    | 25338 29
            oem-two-objects-one-invalid.oem | 1 | 26   | 25544
            satcat-mixed-valid-invalid.csv  | 3 | 3 5  | 1 3 11
            satcat-bad-launch-date.csv      | 2 | 3    | 1 3
            satcat-missing-norad-id.csv     | 1 | 3    | 1
            satcat-row-missing-column.csv   | 1 | 3    | 1
            satcat-unclosed-quote.csv       | 1 | 3    | 1
            satcat-duplicate-conflict.csv   | 2 | 4    | 1 2
            """;

    /** Files that are valid: identical duplicates are taken once. */
    static final Set<String> ACCEPTED = Set.of("tle-identical-duplicates.tle");

    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    static CorpusStore corpus;

    @BeforeAll
    static void openStore() {
        corpus = CorpusStore.open(dir).populate();
    }

    @AfterAll
    static void closeStore() {
        corpus.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = CASES)
    void isRejectedWithAClearErrorAndNothingStored(String file, String where, String field, String reason) {
        for (boolean skipInvalid : new boolean[] {false, true}) {
            if (skipInvalid && isMixed(file)) {
                continue; // see mixedFileKeepsItsValidRecordsWithSkipInvalid
            }
            Snapshot before = corpus.snapshot();
            InputRejectedException rejected = reject(file, skipInvalid);
            assertThat(rejected.errors()).as(file + (skipInvalid ? " (skip-invalid)" : ""))
                    .anySatisfy(e -> assertMatches(e, file, where, field, reason));
            assertThat(rejected.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo(file));
            assertThat(corpus.snapshot()).as("the store after " + file).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = MIXED)
    void mixedFileKeepsItsValidRecordsWithSkipInvalid(String file, int valid, String invalidLines, String present) {
        List<Integer> lines = Arrays.stream(invalidLines.trim().split("\\s+")).map(Integer::valueOf).toList();

        Snapshot before = corpus.snapshot();
        InputRejectedException rejected = reject(file, false);
        assertThat(rejected.errors()).extracting(e -> e.line().orElse(0)).containsExactlyElementsOf(lines);
        assertThat(corpus.snapshot()).isEqualTo(before);

        IngestReport report = assertTimeoutPreemptively(HANG, () -> corpus.ingest(file, true));
        assertThat(report.stored() + report.unchanged()).as(report.summary()).isEqualTo(valid);
        assertThat(report.rejected()).isEqualTo(lines.size());
        assertThat(report.errors()).extracting(InputError::file).containsOnly(file);
        assertThat(report.errors()).extracting(e -> e.line().orElse(0)).containsExactlyElementsOf(lines);
        assertThat(report.errors()).extracting(InputError::reason).allSatisfy(r -> assertThat(r).isNotBlank());
        Snapshot after = corpus.snapshot();
        assertThat(after.sources()).isEqualTo(before.sources() + 1);
        if (file.startsWith("satcat-")) {
            assertThat(after.satcat()).isEqualTo(before.satcat() + report.stored());
            assertThat(after.orbits()).isEqualTo(before.orbits());
        } else {
            assertThat(after.orbits()).isEqualTo(before.orbits() + report.stored());
            assertThat(after.satcat()).isEqualTo(before.satcat());
        }
        for (String id : present.trim().split("\\s+")) {
            long norad = Long.parseLong(id);
            if (file.startsWith("satcat-")) {
                assertThat(corpus.hasSatcatEntry(norad)).as("SATCAT entry of " + id).isTrue();
            } else {
                assertThat(corpus.store().orbitHistory(norad, LabelFilter.UNRESTRICTED)).as("orbits of " + id).isNotEmpty();
            }
        }
        // the same input again adds nothing, and reports the same errors
        IngestReport again = corpus.ingest(file, true);
        assertThat(again.stored()).isZero();
        assertThat(again.unchanged()).isEqualTo(valid);
        assertThat(again.errors()).isEqualTo(report.errors());
    }

    @Test
    void identicalDuplicatesAreTakenOnce() {
        String file = "tle-identical-duplicates.tle"; // VANGUARD 3 three times, EXPLORER 7, TIROS 1
        Snapshot before = corpus.snapshot();
        IngestReport report = corpus.ingest(file, false);
        assertThat(report.errors()).isEmpty();
        assertThat(report.rejected()).isZero();
        assertThat(report.stored() + report.unchanged()).isEqualTo(3);
        Snapshot after = corpus.snapshot();
        assertThat(after.orbits()).isEqualTo(before.orbits() + report.stored());
        assertThat(corpus.store().orbitHistory(20, LabelFilter.UNRESTRICTED)).singleElement() // VANGUARD 3 is in no other file
                .satisfies(o -> assertThat(o.provenance().sourceName()).isEqualTo(file));
        IngestReport again = corpus.ingest(file, false);
        assertThat(again.stored()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(corpus.snapshot().orbits()).isEqualTo(after.orbits());
    }

    /** 100 MiB of valid element sets: refused by size before a byte of it is decoded. */
    @Test
    void inputOverTheSizeLimitIsRefusedBeforeItIsRead(@TempDir Path tmp) throws IOException {
        byte[] record = (String.join("\n", "0 ISS (ZARYA)",
                "1 25544U 98067A   24187.60274059  .00015430  00000-0  28127-3 0  9991",
                "2 25544  51.6389 224.0870 0010360  32.9136 104.5931 15.49600588461405") + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Path big = tmp.resolve("catalog-100MiB.tle");
        long size = 100L * 1024 * 1024;
        try (OutputStream out = Files.newOutputStream(big)) {
            for (long written = 0; written < size; written += record.length) {
                out.write(record);
            }
        }
        byte[] content = Files.readAllBytes(big);
        assertThat((long) content.length).isGreaterThanOrEqualTo(size);

        Snapshot before = corpus.snapshot();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        InputRejectedException rejected = catchThrowableOfType(InputRejectedException.class,
                () -> corpus.ingest("catalog-100MiB.tle", content, false));
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        assertThat(rejected).isNotNull();
        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("catalog-100MiB.tle");
            assertThat(e.field()).isEqualTo("size");
            assertThat(e.reason()).contains("the input is " + content.length + " bytes, over this node's limit of "
                    + CorpusStore.MAX_BYTES + " bytes (configuration ingest.max-bytes)");
        });
        // nothing was decoded or copied: a text of the input alone would be 200 MiB
        assertThat(allocated).as("bytes allocated while refusing").isLessThan(1024 * 1024);
        assertThat(corpus.snapshot()).isEqualTo(before);
        // and the node goes on: a file under the limit is taken
        IngestReport small = corpus.ingest("iss.tle", Arrays.copyOf(content, record.length), false);
        assertThat(small.stored() + small.unchanged()).isEqualTo(1);
    }

    /** Every file of the corpus has its case, and every case its file. */
    @Test
    void everyCorpusFileIsCovered() throws IOException, URISyntaxException {
        Set<String> files = new TreeSet<>();
        Path corpusDir = Path.of(MalformedInputTest.class.getResource("/" + CorpusStore.DIR).toURI());
        try (Stream<Path> list = Files.list(corpusDir)) {
            list.map(p -> p.getFileName().toString()).filter(f -> !f.equals("README.md") && !f.startsWith(".")).forEach(files::add);
        }
        List<String> cases = new ArrayList<>(fileNames(CASES));
        cases.addAll(fileNames(MalformedOmmInputTest.CASES));
        cases.addAll(ACCEPTED);
        assertThat(cases).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(cases)).isEqualTo(files);
        assertThat(fileNames(MIXED)).isSubsetOf(fileNames(CASES));
        assertThat(fileNames(MalformedOmmInputTest.MIXED)).isSubsetOf(fileNames(MalformedOmmInputTest.CASES));
        assertThat(files.size()).isGreaterThanOrEqualTo(60);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static List<String> fileNames(String table) {
        return table.lines().filter(l -> !l.isBlank()).map(l -> l.split("[|¦]")[0].trim()).toList();
    }

    private static boolean isMixed(String file) {
        return fileNames(MIXED).contains(file);
    }

    static InputRejectedException reject(String file, boolean skipInvalid) {
        return reject(corpus, file, skipInvalid);
    }

    static InputRejectedException reject(CorpusStore corpus, String file, boolean skipInvalid) {
        return assertTimeoutPreemptively(HANG, () -> {
            InputRejectedException e = catchThrowableOfType(InputRejectedException.class,
                    () -> corpus.ingest(file, skipInvalid));
            assertThat(e).as(file + " must be rejected" + (skipInvalid ? " even with skip-invalid" : "")).isNotNull();
            return e;
        });
    }

    /**
     * The error names the file, the place, the field, and contains the phrase of the reason (case-insensitive).
     * The place is a line, an XML or JSON path ({@code /...}), {@code -} for neither, {@code *} for any line or
     * path, or alternatives joined by {@code or}. When {@code regex}, the field is a regular expression it must
     * match and the reason one it must contain.
     */
    static void assertMatches(InputError e, String file, String where, String field, String reason, boolean regex) {
        assertThat(e.file()).isEqualTo(file);
        if (where.equals("-")) {
            assertThat(e.line()).isEmpty();
            assertThat(e.path()).isEmpty();
        } else if (where.equals("*")) {
            assertThat(e.line().isPresent() || e.path().isPresent()).as("a line or a path").isTrue();
        } else {
            List<String> places = Arrays.stream(where.split("\\s+or\\s+")).toList();
            boolean placed = e.line().map(String::valueOf).filter(places::contains).isPresent()
                    || e.path().filter(places::contains).isPresent();
            assertThat(placed).as("line or path of " + e + " in " + places).isTrue();
        }
        if (regex) {
            assertThat(e.field()).matches(field);
            assertThat(e.reason()).containsPattern("(?i)" + reason);
        } else {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).containsIgnoringCase(reason);
        }
    }

    private static void assertMatches(InputError e, String file, String where, String field, String reason) {
        assertMatches(e, file, where, field, reason, false);
    }
}
