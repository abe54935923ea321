package org.concord.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refused node-signed requests, counted per client address and reason so that the audit log hears of each kind
 * once per interval: the first refusal at once, the others as one summary with their count when the interval is
 * over. However many requests a caller sends, the log grows by at most one entry and one summary per address, reason
 * and interval, and past {@link #MAX_TALLIES} addresses the rest share one tally.
 */
final class RefusalTally {

    /** Why a request was refused, in the few kinds a summary is kept for. */
    enum Reason {
        UNKNOWN_KEY,
        WRONG_RECIPIENT,
        CLOCK,
        SIGNATURE
    }

    static final int MAX_TALLIES = 10_000;
    static final String OTHER_ADDRESSES = "other addresses";

    private record Key(String address, Reason reason) {
    }

    private static final class Tally {
        final Instant since;
        long more;
        String last;

        Tally(Instant since) {
            this.since = since;
        }
    }

    /** A summary of the refusals that followed the first of their kind in an interval. */
    record Summary(String address, Reason reason, long count, Instant since, Instant until, String last) {
    }

    private final Duration interval;
    private final Map<Key, Tally> tallies = new LinkedHashMap<>();

    RefusalTally(Duration interval) {
        this.interval = interval;
    }

    /** Counts a refusal; whether it is the first of its kind in the interval (to be audited now). */
    synchronized boolean count(String address, Reason reason, String refusal, Instant now) {
        Key key = new Key(tallies.size() >= MAX_TALLIES && !tallies.containsKey(new Key(address, reason))
                ? OTHER_ADDRESSES : address, reason);
        Tally tally = tallies.get(key);
        if (tally == null) {
            tallies.put(key, new Tally(now));
            return true;
        }
        tally.more++;
        tally.last = refusal;
        return false;
    }

    /** Takes the tallies whose interval is over at {@code now} (all of them with {@code everything}). */
    synchronized List<Summary> due(Instant now, boolean everything) {
        List<Summary> summaries = new ArrayList<>();
        Iterator<Map.Entry<Key, Tally>> it = tallies.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Tally> e = it.next();
            Tally tally = e.getValue();
            if (everything || !tally.since.plus(interval).isAfter(now)) {
                if (tally.more > 0) {
                    summaries.add(new Summary(e.getKey().address(), e.getKey().reason(), tally.more, tally.since,
                            now, tally.last));
                }
                it.remove();
            }
        }
        return summaries;
    }
}
