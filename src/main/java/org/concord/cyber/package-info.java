/**
 * Cyber threat intelligence about space systems, in STIX 2.1: objects checked against the OASIS JSON schemas and the
 * specification's other rules ({@code StixValidator}), labelled from their TLP markings, Concord's releasability
 * extension and the community of the TAXII collection they were posted to ({@code StixLabels}), stored as the product
 * kind {@code cyber} ({@code CyberKind}: one product per version of an object in a collection), and queried as TAXII 2.1
 * asks ({@code CyberService}, {@code TaxiiQuery}); linked to space objects by the {@code x-concord-space-object}
 * extension and to ground stations by {@code x-concord-ground-station}, and a space object made a STIX
 * infrastructure by {@code SpaceObjectStix}; deletions sent to partners as withdrawals, taken only from the
 * originator or the peer that delivered the copy ({@code CyberService#arriving}); pulled from other TAXII
 * servers by {@code TaxiiPuller}; its configuration read by {@code TaxiiSettings}. docs/cyber.md describes it for
 * users.
 * <p>Depends on {@code product} (the kind it is), {@code label}, {@code audit} (posts and deletions are audited with
 * the change), {@code digest} and {@code connector} (the configuration keys it reads); the TAXII
 * routes are the adapter
 * {@code http.TaxiiApi}, the queries are implemented in {@code store}.
 */
package org.concord.cyber;
