/**
 * Federation between sovereign nodes with no hub: registered peers with pinned Ed25519 keys ({@code Peers}),
 * node-signed requests, the per-lane feed of what each peer may receive served as signed bundles
 * ({@code OutboundFeed}), bundles (format 2: orbit records, products of every kind, recalls) and their codec, inbound
 * checks and storage, holding products of kinds the node does not serve ({@code InboundFeed}), recalls
 * ({@code Recalls}), pulling the peers' feeds ({@code FeedPuller}) through the one HTTP client ({@code PeerClient}),
 * and {@code FederationService} wiring them together for the node (docs/federation.md). Persistence is the
 * {@code FederationStore} interface, implemented in {@code store}.
 * <p>Depends on the domain packages whose data it carries ({@code catalog}, {@code product}, {@code ingest} with the
 * input errors of {@code formats}, {@code label}) and on {@code access}, {@code audit}, {@code identity} and
 * {@code digest}; never on the adapters, the store or the composition root.
 */
package org.concord.federation;
