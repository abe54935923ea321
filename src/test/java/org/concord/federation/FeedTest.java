package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.TestNodes;
import org.concord.catalog.OrbitRecord;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.store.Database;
import org.concord.store.JooqFederationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed's steps: bounded by records and by message text, each step starting where the last one ended. */
class FeedTest {

    @TempDir
    Path dir;

    @Test
    void aStepStopsAtItsTextBudgetAndTheNextStartsRightAfterIt() throws Exception {
        try (Node node = TestNodes.open(dir, Map.of("CONCORD_NODE_PARTY", "GBR"))) {
            List<String> tles = Partners.tles().subList(0, 12);
            node.ingest().ingest(new IngestRequest("gbr.tle", (String.join("\n", tles) + "\n")
                    .getBytes(StandardCharsets.US_ASCII), Optional.of(Label.publicFrom("GBR")), "test", false,
                    Optional.empty()));
            try (Database db = Database.open(node.config().databaseUrl(), "sa",
                    java.nio.file.Files.readString(dir.resolve("db-password")).strip())) {
                JooqFederationStore store = new JooqFederationStore(db, new org.concord.store.JooqProductStore(db, org.concord.node.Node.PRODUCT_KINDS));
                long budget = 4 * tles.get(0).length();
                List<OrbitRecord> all = new ArrayList<>();
                FeedCursors at = FeedCursors.START;
                List<List<OrbitRecord>> steps = new ArrayList<>();
                for (int step = 0; step < 20; step++) {
                    FederationStore.FeedSlice slice = store.readFeed(at, LabelFilter.UNRESTRICTED, "USA", 100, budget);
                    if (slice.isEmpty()) {
                        break;
                    }
                    steps.add(slice.orbits());
                    all.addAll(slice.orbits());
                    at = slice.after();
                }
                assertThat(steps.size()).as("several steps").isGreaterThan(2);
                for (int i = 0; i < steps.size(); i++) {
                    long text = steps.get(i).stream().mapToLong(o -> o.content().length()).sum();
                    assertThat(text).as("step " + i + " within its budget").isLessThanOrEqualTo(budget);
                    if (i + 1 < steps.size()) {
                        assertThat(text + steps.get(i + 1).getFirst().content().length())
                                .as("step " + i + " as full as its budget allows").isGreaterThan(budget);
                    }
                }
                assertThat(all).extracting(OrbitRecord::id).doesNotHaveDuplicates().isSorted().hasSize(12);
                FederationStore.FeedSlice huge = store.readFeed(FeedCursors.START, LabelFilter.UNRESTRICTED, "USA",
                        100, 1);
                assertThat(huge.orbits()).as("a record larger than the budget still goes, alone").hasSize(1);
                assertThat(store.readFeed(FeedCursors.START, LabelFilter.UNRESTRICTED, "GBR", 100, 1 << 20).orbits())
                        .as("a peer is never sent its own party's data").isEmpty();
            }
        }
    }
}
