package org.concord.federation;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of partner nodes: starts them in a temporary directory and stops them, and their databases, afterwards. */
abstract class PartnersTest {

    @TempDir
    Path root;

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    Partners partners;

    Partners start(List<String> parties, Set<String> onPostgres, Clock clock, Map<String, String> environment) {
        return start(parties, onPostgres, Set.of(), clock, environment);
    }

    /** As above, the partners in {@code withTestKinds} serving the test product kinds. */
    Partners start(List<String> parties, Set<String> onPostgres, Set<String> withTestKinds, Clock clock,
                   Map<String, String> environment) {
        partners = Partners.start(root, parties, onPostgres, withTestKinds, clock, environment, cleanup);
        return partners;
    }

    @AfterEach
    void stopPartners() throws Exception {
        if (partners != null) {
            partners.close();
        }
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }
}
