package org.concord.cyber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What became of the objects of one envelope posted to a collection (a TAXII status resource): every object is a
 * success or a failure by the time the request is answered (none is pending), each with its id, its version when it
 * has one, and a message; a failure's message names the property and the reason.
 *
 * @param party the party that posted it: the only one that may read it
 */
public record TaxiiStatus(String id, String party, Instant requestTimestamp, List<Outcome> successes,
                          List<Outcome> failures) {

    public record Outcome(String id, Optional<String> version, String message) {
    }

    public TaxiiStatus {
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
    }

    public int totalCount() {
        return successes.size() + failures.size();
    }
}
