package org.concord.catalog;

import java.util.Optional;

/**
 * What a recall removed: the orbit record (0 when it was not held), the products derived from it (of every kind, and
 * those derived from them), and the object it was of.
 */
public record RecallOutcome(int orbitRecordsRemoved, int productsRemoved, Optional<Long> noradId) {

    public static final RecallOutcome NOTHING = new RecallOutcome(0, 0, Optional.empty());
}
