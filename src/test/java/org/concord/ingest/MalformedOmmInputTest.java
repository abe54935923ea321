package org.concord.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;

import org.concord.label.LabelFilter;
import org.concord.formats.InputError;
import org.concord.formats.InputRejectedException;
import org.concord.ingest.CorpusStore.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OMM files of the malformed-input corpus (KVN, XML, JSON, CSV), as {@link MalformedInputTest} does the others.
 * <p>
 * Written before the OMM reader: the expectations say what a clear error must hold (the field, the line or the
 * path, the offending value and why) without knowing the reader's wording, so the field and the reason are regular
 * expressions, and the place may list the alternatives a reader could reasonably give ({@code 12 or 1}: the line of
 * the keyword, or the first line of the message for a check the ingest makes on the whole record). JSON places are
 * JSON pointers ({@code /0/ECCENTRICITY}) or lines.
 */
class MalformedOmmInputTest {

    /** File ¦ place ¦ field (regex) ¦ reason (regex, case-insensitive); `quotes` a value holding the delimiter. */
    static final String CASES = """
            omm-kvn-eccentricity-one.txt       ¦ 14 ¦ ECCENTRICITY ¦ 1\\.0205751.*(below 1|less than 1|< ?1|\\[0, ?1\\)|hyperbolic|parabolic|not an? (closed|elliptic))
            omm-kvn-negative-mean-motion.txt   ¦ 13 ¦ MEAN_MOTION  ¦ -13\\.82309053.*(negative|positive|outside|greater than 0|> ?0|\\(0,)
            omm-kvn-epoch-2524.txt             ¦ 12 or 1 ¦ EPOCH    ¦ 2524-03-22.*(plausible|outside|future|range)
            omm-kvn-epoch-1624.txt             ¦ 12 or 1 ¦ EPOCH    ¦ 1624-.*(plausible|outside|before|range)
            omm-kvn-missing-epoch.txt          ¦ *  ¦ EPOCH        ¦ missing
            omm-kvn-missing-mean-motion.txt    ¦ *  ¦ MEAN_MOTION  ¦ missing
            omm-kvn-wrong-units.txt            ¦ 15 ¦ INCLINATION  ¦ unit|rad|deg
            omm-kvn-unknown-ref-frame.txt      ¦ 8  ¦ REF_FRAME    ¦ TEMED.*(frame|TEME)
            omm-kvn-unknown-time-system.txt    ¦ 9  ¦ TIME_SYSTEM  ¦ ZULU.*time system|time system.*ZULU
            omm-kvn-norad-id-too-large.txt     ¦ 22 or 1 ¦ NORAD_CAT_ID ¦ 1000007646.*(999,?999,?999|outside|too large|too long)
            omm-kvn-non-numeric.txt            ¦ 15 ¦ INCLINATION  ¦ 49,8237.*not a number|not a number.*49,8237
            omm-kvn-truncated.txt              ¦ *  ¦ .*           ¦ truncated|cannot be read|unexpected|missing|not closed|not a KEYWORD = value line
            omm-xml-eccentricity-over-one.xml  ¦ 27 ¦ ECCENTRICITY ¦ 1\\.5005013.*(below 1|less than 1|< ?1|\\[0, ?1\\)|hyperbolic|not an? (closed|elliptic))
            omm-xml-negative-mean-motion.xml   ¦ 4  ¦ MEAN_MOTION  ¦ -10\\.84869164.*(negative|positive|outside|greater than 0|> ?0|\\(0,)
            omm-xml-missing-mean-motion.xml    ¦ *  ¦ MEAN_MOTION  ¦ missing
            omm-xml-unknown-ref-frame.xml      ¦ 18 ¦ REF_FRAME    ¦ TEME2000.*(frame|TEME)
            omm-xml-unknown-time-system.xml    ¦ 19 ¦ TIME_SYSTEM  ¦ LOCAL.*time system|time system.*LOCAL
            omm-xml-non-numeric.xml            ¦ 28 ¦ INCLINATION  ¦ three.*not a number|not a number.*three
            omm-xml-epoch-2524.xml             ¦ 4 or 3 or 1 ¦ EPOCH     ¦ 2524-10-13.*(plausible|outside|future|range)
            omm-xml-truncated.xml              ¦ *  ¦ XML          ¦ not well-formed
            omm-xml-unclosed-tag.xml           ¦ *  ¦ XML          ¦ RA_OF_ASC_NODE
            omm-csv-eccentricity-over-one.csv  ¦ 2  ¦ ECCENTRICITY ¦ 1\\.1843421.*(below 1|less than 1|< ?1|\\[0, ?1\\)|hyperbolic|not an? (closed|elliptic))
            omm-csv-negative-mean-motion.csv   ¦ 3  ¦ MEAN_MOTION  ¦ -11\\.88861557.*(negative|positive|outside|greater than 0|> ?0|\\(0,)
            omm-csv-epoch-1624.csv             ¦ 2  ¦ EPOCH        ¦ 1624-10-29.*(plausible|outside|before|range)
            omm-csv-norad-id-too-large.csv     ¦ 2  ¦ NORAD_CAT_ID ¦ 1000000005.*(999,?999,?999|outside|too large|too long)
            omm-csv-non-numeric.csv            ¦ 2  ¦ INCLINATION  ¦ 34\\.2551deg.*not a number|not a number.*34\\.2551deg
            omm-csv-missing-column.csv         ¦ 1  ¦ ECCENTRICITY ¦ missing|no .*column|header
            omm-csv-row-missing-field.csv      ¦ 3  ¦ .*           ¦ \\b16\\b.*\\b17\\b|\\b17\\b.*\\b16\\b
            omm-csv-shifted-columns.csv        ¦ 3  ¦ .*           ¦ \\b18\\b.*\\b17\\b|\\b17\\b.*\\b18\\b
            omm-csv-mixed-valid-invalid.csv    ¦ 3  ¦ ECCENTRICITY ¦ 1\\.4\\b
            omm-json-eccentricity-one.json     ¦ /0/ECCENTRICITY or 7 or 2 ¦ ECCENTRICITY ¦ \\b1(\\.0)?\\b.*(below 1|less than 1|< ?1|\\[0, ?1\\)|parabolic|not an? (closed|elliptic))
            omm-json-negative-mean-motion.json ¦ /1/MEAN_MOTION or 25 or 21 ¦ MEAN_MOTION ¦ -11\\.88861557.*(negative|positive|outside|greater than 0|> ?0|\\(0,)
            omm-json-epoch-2524.json           ¦ /0/EPOCH or 5 or 2 ¦ EPOCH ¦ 2524-10-29.*(plausible|outside|future|range)
            omm-json-missing-epoch.json        ¦ /0 or /0/EPOCH or 2 ¦ EPOCH ¦ missing
            omm-json-norad-id-too-large.json   ¦ /0/NORAD_CAT_ID or 14 or 2 ¦ NORAD_CAT_ID ¦ 1000000005.*(999,?999,?999|outside|too large|too long)
            omm-json-non-numeric.json          ¦ /0/MEAN_MOTION or 6 ¦ MEAN_MOTION ¦ fast.*not a number|not a number.*fast
            omm-json-array-of-strings.json     ¦ /0 or 2 ¦ .*         ¦ not an? (JSON |OMM )?object|expected an? (JSON |OMM )?object
            omm-json-truncated.json            ¦ *  ¦ .*           ¦ truncated|unexpected end|end-of-input|not (valid|well-formed) JSON
            omm-json-mixed-valid-invalid.json  ¦ /1/ECCENTRICITY or 26 or 21 ¦ ECCENTRICITY ¦ 1\\.4\\b
            omm-json-duplicate-conflict.json   ¦ /2 or 40 ¦ EPOCH   ¦ already has a different record
            """;

    /** File | valid records | invalid records | catalog numbers of valid records in the store afterwards. */
    static final String MIXED = """
            omm-csv-mixed-valid-invalid.csv    | 2 | 2 | 5 20
            omm-csv-negative-mean-motion.csv   | 1 | 1 | 5
            omm-csv-row-missing-field.csv      | 1 | 1 | 5
            omm-csv-shifted-columns.csv        | 1 | 1 | 5
            omm-json-mixed-valid-invalid.json  | 2 | 2 | 5 20
            omm-json-negative-mean-motion.json | 1 | 1 | 5
            omm-json-duplicate-conflict.json   | 2 | 1 | 5 20
            """;

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
    @CsvSource(delimiterString = "¦", quoteCharacter = '`', textBlock = CASES)
    void isRejectedWithAClearErrorAndNothingStored(String file, String where, String field, String reason) {
        boolean mixed = MalformedInputTest.fileNames(MIXED).contains(file);
        for (boolean skipInvalid : mixed ? new boolean[] {false} : new boolean[] {false, true}) {
            Snapshot before = corpus.snapshot();
            InputRejectedException rejected = MalformedInputTest.reject(corpus, file, skipInvalid);
            assertThat(rejected.errors()).as(file + (skipInvalid ? " (skip-invalid)" : ""))
                    .anySatisfy(e -> MalformedInputTest.assertMatches(e, file, where, field, reason, true));
            assertThat(rejected.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo(file));
            assertThat(corpus.snapshot()).as("the store after " + file).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = MIXED)
    void mixedFileKeepsItsValidRecordsWithSkipInvalid(String file, int valid, int invalid, String present) {
        Snapshot before = corpus.snapshot();
        assertThat(MalformedInputTest.reject(corpus, file, false).errors()).hasSize(invalid);
        assertThat(corpus.snapshot()).isEqualTo(before);

        IngestReport report = assertTimeoutPreemptively(HANG, () -> corpus.ingest(file, true));
        assertThat(report.stored() + report.unchanged()).as(report.summary()).isEqualTo(valid);
        assertThat(report.rejected()).isEqualTo(invalid);
        assertThat(report.errors()).hasSize(invalid).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line().isPresent() || e.path().isPresent()).as("placed: " + e).isTrue();
            assertThat(e.reason()).isNotBlank();
        });
        Snapshot after = corpus.snapshot();
        assertThat(after.sources()).isEqualTo(before.sources() + 1);
        assertThat(after.orbits()).isEqualTo(before.orbits() + report.stored());
        for (String id : present.trim().split("\\s+")) {
            assertThat(corpus.store().orbitHistory(Long.parseLong(id), LabelFilter.UNRESTRICTED)).as("orbits of " + id).isNotEmpty();
        }
        assertThat(report.errors()).extracting(InputError::file).containsOnly(file);
    }
}
