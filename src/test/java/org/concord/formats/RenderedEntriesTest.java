package org.concord.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.concord.catalog.OrbitKind;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.OrbitSummary;
import org.concord.catalog.Provenance;
import org.concord.catalog.SourceFormat;
import org.concord.label.Label;
import org.concord.orbit.OrekitSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memory of rendered JSON and CSV entries ({@link RenderedEntries}) over the 301 objects of the catalog subset
 * (2024-07, see src/test/resources/catalog): the text it gives is the one written afresh, it is written again when a
 * record's inputs differ from those it was written from, and it holds no more than its bound.
 */
class RenderedEntriesTest {

    @BeforeAll
    static void orekit() {
        OrekitSetup.get();
    }

    @Test
    void givesTheTextWrittenAfreshAndServesItFromMemoryTheSecondTime() throws IOException {
        List<OrbitRecord> records = subset();
        RenderedEntries rendered = new RenderedEntries(RenderedEntries.DEFAULT_MAX_CHARS);
        for (int round = 0; round < 2; round++) {
            for (OrbitRecord record : records) {
                assertThat(rendered.json(record)).isEqualTo(OmmWriter.writeJsonObject(ElementSetExport.entry(record)));
                assertThat(rendered.csvRow(record)).isEqualTo(OmmWriter.csvRow(ElementSetExport.entry(record)));
            }
        }
        assertThat(rendered.counts()).containsEntry("misses", 2L * records.size())
                .containsEntry("hits", 2L * records.size());
    }

    @Test
    void aRecordWhoseInputsDifferUnderTheSameIdIsWrittenAgain() throws IOException {
        List<OrbitRecord> records = subset();
        OrbitRecord first = records.get(0);
        OrbitRecord other = records.get(1);
        RenderedEntries rendered = new RenderedEntries(RenderedEntries.DEFAULT_MAX_CHARS);
        String text = rendered.json(first);
        // another message under the same id (a database restored, say), and the same message under another name
        OrbitRecord sameId = withId(other, first.id());
        assertThat(rendered.json(sameId)).isEqualTo(OmmWriter.writeJsonObject(ElementSetExport.entry(other)))
                .isNotEqualTo(text);
        OrbitRecord renamed = new OrbitRecord(first.id(), first.noradId(), "RENAMED", first.internationalDesignator(),
                first.epoch(), first.kind(), first.format(), first.summary(), first.coverage(), first.hasCovariance(),
                first.content(), first.contentSha256(), first.label(), first.provenance(), first.sourceLine());
        assertThat(rendered.json(renamed)).contains("\"OBJECT_NAME\":\"RENAMED\"");
    }

    @Test
    void holdsNoMoreThanItsBound() throws IOException {
        List<OrbitRecord> records = subset();
        long bound = 20_000;
        RenderedEntries rendered = new RenderedEntries(bound);
        for (OrbitRecord record : records) {
            rendered.json(record);
            assertThat(rendered.counts().get("chars")).isLessThanOrEqualTo(bound);
        }
        assertThat(rendered.counts().get("entries")).isPositive().isLessThan(records.size());
        // the most recent are held, the first written were dropped
        rendered.json(records.getLast());
        rendered.json(records.getFirst());
        assertThat(rendered.counts()).containsEntry("hits", 1L).containsEntry("misses", records.size() + 1L);
        RenderedEntries none = new RenderedEntries(0);
        none.json(records.getFirst());
        assertThat(none.json(records.getFirst()))
                .isEqualTo(OmmWriter.writeJsonObject(ElementSetExport.entry(records.getFirst())));
        assertThat(none.counts()).containsEntry("hits", 0L).containsEntry("entries", 0L);
    }

    /** The subset's element sets as stored records, ids 1, 2, ... */
    private static List<OrbitRecord> subset() throws IOException {
        String text;
        try (InputStream in = RenderedEntriesTest.class.getResourceAsStream("/catalog/subset_301obj_3le_2024-07.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String[] lines = text.split("\r?\n");
        List<OrbitRecord> records = new ArrayList<>();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            String name = lines[i].startsWith("0 ") ? lines[i].substring(2) : lines[i];
            String content = lines[i] + "\n" + lines[i + 1] + "\n" + lines[i + 2] + "\n";
            records.add(new OrbitRecord(records.size() + 1, Long.parseLong(lines[i + 1].substring(2, 7).trim()),
                    name.strip(), Optional.of(lines[i + 1].substring(9, 17).strip()), Instant.EPOCH,
                    OrbitKind.MEAN_ELEMENTS, SourceFormat.TLE, new OrbitSummary(400, 420, 51.6, 92.9, 0.001),
                    Optional.empty(), false, content, "", Label.publicFrom("TEST"),
                    new Provenance("test", "", Instant.EPOCH, "test"), 3 * records.size() + 1));
        }
        assertThat(records).hasSize(301);
        return records;
    }

    private static OrbitRecord withId(OrbitRecord r, long id) {
        return new OrbitRecord(id, r.noradId(), r.objectName(), r.internationalDesignator(), r.epoch(), r.kind(),
                r.format(), r.summary(), r.coverage(), r.hasCovariance(), r.content(), r.contentSha256(), r.label(),
                r.provenance(), r.sourceLine());
    }
}
