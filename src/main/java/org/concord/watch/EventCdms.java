package org.concord.watch;

import java.util.Optional;

import org.concord.event.ConjunctionEvent;
import org.concord.product.Product;

/**
 * The CCSDS CDM of an event, attached to a notification's payload as {@code cdm} when there is one (the node gives
 * the event's CDM export, docs/events.md; {@link #NONE} attaches none).
 */
public interface EventCdms {

    /** None: no event has a CDM to attach. */
    EventCdms NONE = event -> Optional.empty();

    /** A CDM as text in one of the CDM's encodings. */
    record Cdm(String format, String text) {
    }

    /** The CDM of this event, as the watch's party may see it, if one can be written. */
    Optional<Cdm> of(Product<ConjunctionEvent> event);
}
