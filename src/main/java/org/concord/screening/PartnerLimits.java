package org.concord.screening;

import java.time.Duration;
import java.util.Map;

/**
 * How much a partner party may screen on this node: how many of its runs may run at once and the longest window one
 * may cover; one limit for every partner party ({@code screening.partner.*}), and a party's own where configured
 * ({@code screening.party.CODE.*}, docs/configuration.md). The node's own party has no such limit.
 */
public record PartnerLimits(Limit partners, Map<String, Limit> byParty) {

    /** Runs at once, and the longest window. */
    public record Limit(int concurrentRuns, Duration maxWindow) {
    }

    /** One run at a time, at most a week. */
    public static final PartnerLimits DEFAULTS = new PartnerLimits(new Limit(1, Duration.ofDays(7)), Map.of());

    public PartnerLimits {
        byParty = Map.copyOf(byParty);
    }

    public Limit of(String party) {
        return byParty.getOrDefault(party, partners);
    }

    /** The configuration key that sets this party's limit {@code what} ({@code concurrent-runs}, {@code max-window}). */
    public String keyOf(String party, String what) {
        return byParty.containsKey(party) ? "screening.party." + party + "." + what : "screening.partner." + what;
    }
}
