package org.concord.store;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;

import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;

/**
 * A label as every labelled table stores it: originator, releasability, TLP, caveats (comma-separated) and expiry.
 */
final class LabelColumns {

    private LabelColumns() {
    }

    /** The label stored in these columns. */
    static Label label(String originator, String releasability, String tlp, String caveats,
                       OffsetDateTime expiry) {
        TreeSet<String> caveatSet = new TreeSet<>();
        if (!caveats.isBlank()) {
            caveatSet.addAll(Arrays.asList(caveats.split(",")));
        }
        return new Label(originator, Releasability.parse(releasability), Tlp.parse(tlp), caveatSet,
                Optional.ofNullable(expiry).map(OffsetDateTime::toInstant));
    }
}
