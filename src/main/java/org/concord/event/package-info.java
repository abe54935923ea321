/**
 * Conjunction events: the close approaches of one pair whose TCAs agree within {@link EventGrouping#TCA_TOLERANCE}
 * are one encounter, whatever reported them (this node's screenings, CDMs, partners' conjunctions); the event keeps
 * every update and shows the latest. Events are the derived product kind {@link EventKind}, built by
 * {@link EventService} after each screening and CDM ingest; {@link EventCdm} writes an event as a CCSDS CDM.
 * <p>Depends on {@code product}, {@code conjunction}, {@code risk}, {@code label}, and for the CDM {@code catalog},
 * {@code orbit}, {@code covariance} and {@code formats}; never on the adapters, the store or the composition root.
 */
package org.concord.event;
