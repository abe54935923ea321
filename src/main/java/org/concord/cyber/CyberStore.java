package org.concord.cyber;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.concord.label.LabelFilter;
import org.concord.product.Product;

/**
 * The queries TAXII and the space links make of stored STIX objects, implemented in {@code store} over the product
 * kind's table and its one visibility rule: every read sees only what {@code filter} admits. Withdrawals
 * ({@link StixObject#isWithdrawal()}) are never among what they answer. Also the status resources of posts and where
 * each TAXII source stands, so that both outlive a restart.
 */
public interface CyberStore {

    /** The versions a TAXII query selects, in the order they were added (then by id). */
    TaxiiPage find(TaxiiQuery query, LabelFilter filter);

    /** Which of these STIX ids have a stored version {@code filter} admits, in any collection. */
    Set<String> existing(Collection<String> stixIds, LabelFilter filter);

    /**
     * Deletes these stored versions (and any product derived from them); returns how many were. Not filtered: the
     * caller found them with the deleting party's filter.
     */
    int delete(Collection<Long> ids);

    /**
     * The newest version (of those {@code filter} admits) of each object that names this space object, that is joined
     * to one naming it by a relationship or sighting, or that is such a relationship or sighting; revoked objects are
     * left out.
     */
    List<Product<StixObject>> linkedTo(long noradId, LabelFilter filter);

    /** As {@link #linkedTo}, for the ground station that infrastructure objects name ({@code x-concord-ground-station}). */
    List<Product<StixObject>> linkedToGroundStation(String stationId, LabelFilter filter);

    /** A stored version (no withdrawal): its id, and the peer that delivered it (none when posted or pulled here). */
    record Copy(long id, Optional<String> receivedFrom) {
    }

    /**
     * The stored versions (not withdrawals) of an object in a collection at this version from this originator: one at
     * most, as a version is stored once per originator.
     */
    List<Copy> versionsOf(String collectionId, String stixId, Instant version, String originator);

    /** When this version of an object from this originator was last withdrawn, if a withdrawal of it is stored. */
    Optional<Instant> withdrawnAt(String collectionId, String stixId, Instant version, String originator);

    /** Keeps a status resource, and lets go of those requested before {@code keepFrom}. */
    void saveStatus(TaxiiStatus status, Instant keepFrom);

    Optional<TaxiiStatus> status(String id);

    /** The {@code added_after} of the next pull of a source (by its name and URL), if it was pulled before. */
    Optional<Instant> pullPosition(String source, URI objectsUrl);

    void savePullPosition(String source, URI objectsUrl, Instant addedAfter);
}
