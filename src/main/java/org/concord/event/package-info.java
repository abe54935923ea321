/**
 * Conjunction events: the close approaches of one pair whose TCAs agree within {@link EventGrouping#TCA_TOLERANCE}
 * are one encounter, whatever reported them (this node's screenings, CDMs, partners' conjunctions); the event keeps
 * every update and shows the latest. Events are the derived product kind {@link EventKind}, built by
 * {@link EventService} after each screening and CDM ingest.
 * <p>Depends on {@code product}, {@code conjunction}, {@code risk} and {@code label}; never on the adapters, the store
 * or the composition root.
 */
package org.concord.event;
