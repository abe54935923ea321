package org.concord.catalog;

import java.time.Instant;
import java.util.Optional;

/** Size and freshness of the catalog: objects, orbit records, SATCAT entries, newest and median latest epoch. */
public record CatalogStatistics(long objects, long orbitRecords, long satcatEntries, Optional<Instant> newestEpoch,
                                Optional<Instant> medianEpoch) {
}
