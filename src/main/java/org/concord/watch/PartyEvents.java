package org.concord.watch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.access.Principal;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventKind;
import org.concord.label.LabelFilter;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.product.ProductStore;

/**
 * The conjunction events a party may see now, by the same rule and filter as its users' reads: what a watch of the
 * party may be told of, checked when a notification is made, listed and delivered.
 */
final class PartyEvents {

    /** The most events of one watched object looked at in one evaluation. */
    static final int MAX_EVENTS = 1000;

    private final SharingService sharing;
    private final ProductStore products;

    PartyEvents(SharingService sharing, ProductStore products) {
        this.sharing = sharing;
        this.products = products;
    }

    private LabelFilter filter(String party) {
        return sharing.filterFor(new Principal("watches of " + party, Optional.of(party), Optional.of(Role.VIEWER),
                false));
    }

    /** The event with this id, if it exists and the party may see it. */
    Optional<Product<ConjunctionEvent>> event(String party, long eventId) {
        return products.find(EventKind.INSTANCE, eventId, filter(party));
    }

    /** The party's visible events of this object whose latest TCA lies within [from, to]. */
    List<Product<ConjunctionEvent>> events(String party, long noradId, Instant from, Instant to) {
        return products.list(EventKind.INSTANCE, new ProductQuery(Map.of("noradId", noradId, "from", from, "to", to),
                EventKind.INSTANCE.sorts().getFirst(), MAX_EVENTS, Optional.empty()), filter(party)).items();
    }
}
