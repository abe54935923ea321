package org.concord.reentry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a node tells a state concerned by one of its re-entry predictions when that state may not see the prediction
 * (docs/reentry.md): the object, the window, the nominal epoch and the state's own territory under the window, and
 * nothing else of the prediction or of what it was made from.
 *
 * @param party        the state told (its party code, an ISO 3166-1 alpha-3 code)
 * @param noradId      the object's catalog number
 * @param objectName   the object's name, only when the state may see a record of the object that names it
 * @param window       the prediction's window
 * @param nominalEpoch the prediction's nominal re-entry epoch
 * @param overflown    the state's own territory under the window (its code), with its first and last overflight
 * @param issuedAt     when the prediction told of was made
 * @param withdrawnAt  when the notice was withdrawn (an input of the prediction was recalled); such a notice is kept
 *                     only to travel to the partners that hold it and is never listed
 */
public record ReentryNotice(String party, long noradId, Optional<String> objectName, ReentryWindow window,
                            Instant nominalEpoch, List<Overflight> overflown, Instant issuedAt,
                            Optional<Instant> withdrawnAt) {

    public ReentryNotice {
        overflown = List.copyOf(overflown);
    }
}
