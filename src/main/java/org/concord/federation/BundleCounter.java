package org.concord.federation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the bundles exchanged with each peer, by outcome, in the node's meter registry (docs/metrics.md). */
record BundleCounter(MeterRegistry meters) {

    /** One more bundle exchanged with the peer: {@code outcome} is sent (to it), received or refused (from it). */
    void count(Peer peer, String outcome) {
        Counter.builder("concord.federation.bundles")
                .description("bundles exchanged with each peer: sent to it, received from it, refused from it")
                .tag("peer", peer.party()).tag("outcome", outcome).register(meters).increment();
    }
}
