package org.concord.screening;

import java.util.Optional;

import org.concord.label.LabelFilter;

/**
 * Who a screening is run for. A user of the node's own party (or its command line) screens the whole catalog the node
 * holds, and each result is labelled from its inputs (a reader sees it only where it may see them). A user of a
 * partner party screens only the orbit records its party may read ({@code readable}), and its results are labelled to
 * that party: never wider than the party and the node's own party.
 *
 * @param name    the user, as runs record who asked
 * @param partner the partner party, empty for the node's own party
 */
public record Requester(String name, Optional<String> partner, LabelFilter readable) {

    /** A user of the node's own party, or its command line. */
    public static Requester ofNode(String name) {
        return new Requester(name, Optional.empty(), LabelFilter.UNRESTRICTED);
    }

    /** A user of a partner party, which may read what {@code readable} admits. */
    public static Requester ofPartner(String name, String party, LabelFilter readable) {
        return new Requester(name, Optional.of(party), readable);
    }
}
